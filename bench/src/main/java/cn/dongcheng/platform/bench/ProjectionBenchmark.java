package cn.dongcheng.platform.bench;

import cn.dongcheng.platform.bench.BenchSupport.Cpu;
import cn.dongcheng.platform.bench.BenchSupport.Run;
import cn.dongcheng.platform.common.district.DongchengStreet;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The 30-year single-year-of-age projection of all 17 streets ({@code POST /v1/projections} with {@code eachStreet},
 * {@code ageGroupWidth 1}, {@code horizonYears 30}) through the gateway as a statistician, one at a time, with the
 * node's request cache cleared before each (an analyst's new base year is not in it), each beside (order drawn per
 * projection) the bare base-population searches the service sends for it and the single aggregation it sent before
 * (request cache off): the remainder is what the service adds — the model tables and 18 projections of 101 ages × 30
 * steps, and the answer.
 */
final class ProjectionBenchmark {

    private static final String PROJECTION = "/api/population/v1/projections";
    private static final int OPEN_AGE = 100;
    private static final long ORDER_SEED = 23;

    private final BenchSupport bench;
    private final String service;
    private final String gateway;
    private final Supplier<String> statistician;

    ProjectionBenchmark(BenchSupport bench, String service, String gateway, Supplier<String> statistician) {
        this.bench = bench;
        this.service = service;
        this.gateway = gateway;
        this.statistician = statistician;
    }

    void run(int count) {
        int thisYear = LocalDate.now(PopulationBenchmark.BEIJING).getYear();
        List<String> jvms = List.of(service, gateway);
        for (int i = 0; i < 30; i++) { // warm-up: the JIT compilers settle on the same path
            project(thisYear - i % 20);
        }
        double[] serviceMs = new double[count];
        double[] rawMs = new double[count];
        double[] rawTook = new double[count];
        double[] singleMs = new double[count];
        double[] singleTook = new double[count];
        double[] serviceCpu = new double[4];
        double[] rawCpu = new double[4];
        double[] singleCpu = new double[4];
        double[] recordsMs = new double[count];
        double[] recordsCpu = new double[4];
        List<Double> recordsWithRegistrationsMs = new ArrayList<>();
        long bytes = 0;
        Random order = new Random(ORDER_SEED);
        for (int i = 0; i < count; i++) {
            int baseYear = thisYear - i % 20;
            List<Integer> sides = new ArrayList<>(List.of(0, 1, 2, 3));
            Collections.shuffle(sides, order);
            for (int side : sides) {
                clearRequestCache();
                Cpu before = bench.cpu(jvms);
                long t0 = System.nanoTime();
                if (side == 0) {
                    bytes += project(baseYear);
                    serviceMs[i] = (System.nanoTime() - t0) / 1e6;
                    add(serviceCpu, bench.cpu(jvms).perOperationSince(before, 1));
                } else if (side == 1) {
                    rawTook[i] = rawSearches(baseYear);
                    rawMs[i] = (System.nanoTime() - t0) / 1e6;
                    add(rawCpu, bench.cpu(jvms).perOperationSince(before, 1));
                } else if (side == 3) {
                    boolean registrations = projectFromRecords(baseYear);
                    recordsMs[i] = (System.nanoTime() - t0) / 1e6;
                    add(recordsCpu, bench.cpu(jvms).perOperationSince(before, 1));
                    if (registrations) {
                        recordsWithRegistrationsMs.add(recordsMs[i]);
                    }
                } else {
                    JsonNode answer = bench.post(bench.es + "/population-persons/_search?request_cache=false", singleQuery(baseYear));
                    singleMs[i] = (System.nanoTime() - t0) / 1e6;
                    singleTook[i] = answer.path("took").asDouble();
                    add(singleCpu, bench.cpu(jvms).perOperationSince(before, 1));
                }
            }
            System.out.printf("projection %d/%d base year %d: %.0f ms (raw base-population searches %.0f ms, previous single aggregation %.0f ms, "
                    + "rates from the records %.0f ms)%n", i + 1, count, baseYear, serviceMs[i], rawMs[i], singleMs[i], recordsMs[i]);
        }
        // the usual case: the base year asked again while the register has not changed, so the node answers the
        // aggregation from its request cache and what is left is the service's own work
        double[] cachedMs = new double[count];
        Cpu cachedBefore = bench.cpu(jvms);
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            project(thisYear);
            cachedMs[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] cachedCpu = bench.cpu(jvms).perOperationSince(cachedBefore, count);
        Run cached = new Run(count, Arrays.stream(cachedMs).sum() / 1000, cachedMs);
        Run service = new Run(count, Arrays.stream(serviceMs).sum() / 1000, serviceMs);
        Run raw = new Run(count, Arrays.stream(rawMs).sum() / 1000, rawMs);
        Run single = new Run(count, Arrays.stream(singleMs).sum() / 1000, singleMs);
        Run records = new Run(count, Arrays.stream(recordsMs).sum() / 1000, recordsMs);
        bench.line("## 30-year single-year-of-age projection of the 17 streets (POST /v1/projections, eachStreet)");
        bench.line(String.format("How measured: %d projections through the gateway as the statistician, one at a time, base years %d–%d in turn "
                + "(base population from the register on 1 November, or today), after 30 warm-up projections; the node's request cache "
                + "is cleared before every request. Each is run beside the bare base-population searches the service sends (a point in "
                + "time, one `_msearch` of a search per sex — residents of that sex, `terms` street → 101 `date_range` ages —, the point "
                + "in time closed; request cache off) and beside the single aggregation the service sent before (residents, `terms` "
                + "street → `terms` sex → 101 `date_range` ages, request cache off) and beside the same projection with "
                + "`ratesFrom: RECORDS` (mortality and fertility estimated from the year's death and birth registrations), in an "
                + "order drawn per projection (seed %d). "
                + "Each answer holds 18 areas × 31 years × 101 ages × 2 sexes (%,d bytes on average).",
                count, thisYear - Math.min(count, 20) + 1, thisYear, ORDER_SEED, bytes / count));
        bench.line("");
        bench.line(String.format("- projection, cold: **p50 %.0f ms, p99 %.0f ms**, max %.0f ms (goal ≤ 100 ms)", service.percentile(50),
                service.percentile(99), Arrays.stream(serviceMs).max().orElse(0)));
        bench.line(String.format("- the same projection asked again (base year %d, %d times; the aggregation answered from the node's request "
                        + "cache): **p50 %.0f ms, p99 %.0f ms**; CPU ms per projection: Elasticsearch %.1f, population-service %.1f, gateway %.1f",
                thisYear, count, cached.percentile(50), cached.percentile(99), cachedCpu[0] / 1000, cachedCpu[1] / 1000, cachedCpu[2] / 1000));
        bench.line(String.format("- the base-population searches alone (point in time, `_msearch` by sex, close): p50 %.0f ms, p99 %.0f ms "
                        + "(the node's `took`, the slower of the two: p50 %.0f ms); the single aggregation sent before: p50 %.0f ms, p99 %.0f ms "
                        + "(`took` p50 %.0f ms)", raw.percentile(50), raw.percentile(99), BenchSupport.median(rawTook),
                single.percentile(50), single.percentile(99), BenchSupport.median(singleTook)));
        double[] withRegistrations = recordsWithRegistrationsMs.stream().mapToDouble(Double::doubleValue).toArray();
        bench.line(String.format("- with rates from the records (`ratesFrom: RECORDS`), cold: p50 %.0f ms, p99 %.0f ms; over the %d base years "
                        + "whose year had registrations: p50 %.0f ms; CPU ms per projection: Elasticsearch %.1f, population-service %.1f, "
                        + "gateway %.1f", records.percentile(50), records.percentile(99), withRegistrations.length,
                withRegistrations.length == 0 ? Double.NaN : BenchSupport.median(withRegistrations), recordsCpu[0] / count / 1000,
                recordsCpu[1] / count / 1000, recordsCpu[2] / count / 1000));
        bench.line(String.format("- CPU ms per projection (mean): Elasticsearch %.1f, population-service %.1f, gateway %.1f, client %.1f; "
                        + "Elasticsearch per raw base-population searches %.1f, per single aggregation %.1f", serviceCpu[0] / count / 1000,
                serviceCpu[1] / count / 1000, serviceCpu[2] / count / 1000, serviceCpu[3] / count / 1000, rawCpu[0] / count / 1000,
                singleCpu[0] / count / 1000));
        bench.line("");
    }

    /** One projection through the gateway; answers its size in bytes. */
    private long project(int baseYear) {
        return post(baseYear, "").length();
    }

    /** One projection with rates from the records; answers whether its year had any death or birth registered. */
    private boolean projectFromRecords(int baseYear) {
        JsonNode estimated = bench.read(post(baseYear, ",\"ratesFrom\":\"RECORDS\"")).path("assumptions").path("estimatedFromRecords");
        double deaths = 0;
        for (String sex : List.of("male", "female")) {
            for (JsonNode n : estimated.path("deaths").path(sex)) {
                deaths += n.asDouble();
            }
        }
        return estimated.path("births").asLong() > 0 || deaths > 0;
    }

    private String post(int baseYear, String extra) {
        String body = "{\"baseYear\":" + baseYear + ",\"horizonYears\":30,\"ageGroupWidth\":1,\"openAge\":" + OPEN_AGE
                + ",\"eachStreet\":true" + extra + "}";
        HttpResponse<String> answer = bench.send(HttpRequest.newBuilder(URI.create(gateway + PROJECTION))
                .header("Authorization", "Bearer " + statistician.get()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("projection answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    /**
     * The searches {@code RecordedPopulation} sends for single years 0 … 99 and 100+ on the base year's census day: a
     * point in time, one search per sex in one {@code _msearch}, the point in time closed. Answers the slower search's took.
     */
    private double rawSearches(int baseYear) {
        LocalDate asOf = asOf(baseYear);
        String pit = bench.read(bench.send(HttpRequest.newBuilder(URI.create(bench.es + "/population-persons/_pit?keep_alive=1m"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).body()).path("id").asText();
        StringBuilder body = new StringBuilder();
        for (String sex : List.of("MALE", "FEMALE")) {
            body.append("{\"request_cache\":false}\n{\"size\":0,\"pit\":{\"id\":\"").append(pit).append("\"},\"query\":{\"bool\":{\"filter\":[")
                    .append(RESIDENTS).append(",{\"range\":{\"birthDate\":{\"lte\":\"").append(asOf).append("\"}}},{\"term\":{\"sex\":\"")
                    .append(sex).append("\"}}]}},\"aggregations\":{\"street\":{\"terms\":{\"field\":\"streetCode\",\"size\":")
                    .append(DongchengStreet.values().length).append("},\"aggregations\":{\"age\":").append(ages(asOf)).append("}}}}\n");
        }
        JsonNode answer = bench.postNdjson(bench.es + "/_msearch", body.toString());
        bench.send(HttpRequest.newBuilder(URI.create(bench.es + "/_pit")).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"id\":\"" + pit + "\"}")).build());
        double took = 0;
        for (JsonNode response : answer.path("responses")) {
            if (response.has("error")) {
                throw new IllegalStateException("base-population search failed: " + response.path("error"));
            }
            took = Math.max(took, response.path("took").asDouble());
        }
        return took;
    }

    /** The single search {@code RecordedPopulation} sent before: street → sex → single years 0 … 99 and 100+. */
    static String singleQuery(int baseYear) {
        LocalDate asOf = asOf(baseYear);
        return "{\"size\":0,\"query\":{\"bool\":{\"filter\":[" + RESIDENTS + ","
                + "{\"range\":{\"birthDate\":{\"lte\":\"" + asOf + "\"}}}]}},\"aggregations\":{\"street\":{\"terms\":{\"field\":\"streetCode\","
                + "\"size\":" + DongchengStreet.values().length + "},\"aggregations\":{\"sex\":{\"terms\":{\"field\":\"sex\",\"size\":2},"
                + "\"aggregations\":{\"age\":" + ages(asOf) + "}}}}}}";
    }

    private static final String RESIDENTS = "{\"terms\":{\"residenceType\":[\"REGISTERED_RESIDENT\",\"FLOATING_RESIDENT\"]}}";

    private static LocalDate asOf(int baseYear) {
        LocalDate today = LocalDate.now(PopulationBenchmark.BEIJING);
        LocalDate census = LocalDate.of(baseYear, 11, 1);
        return census.isAfter(today) ? today : census;
    }

    private static String ages(LocalDate asOf) {
        StringBuilder ranges = new StringBuilder();
        for (int age = 0; age <= OPEN_AGE; age++) {
            String to = asOf.minusYears(age).plusDays(1).toString();
            ranges.append(age == 0 ? "" : ",").append("{\"key\":\"").append(age).append("\",");
            if (age < OPEN_AGE) {
                ranges.append("\"from\":\"").append(asOf.minusYears(age + 1L).plusDays(1)).append("\",");
            }
            ranges.append("\"to\":\"").append(to).append("\"}");
        }
        return "{\"date_range\":{\"field\":\"birthDate\",\"format\":\"yyyy-MM-dd\",\"ranges\":[" + ranges + "]}}";
    }

    private void clearRequestCache() {
        bench.send(HttpRequest.newBuilder(URI.create(bench.es + "/population-persons/_cache/clear?request=true"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static void add(double[] sum, double[] values) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += values[i];
        }
    }
}

package cn.dongcheng.platform.bench;

import cn.dongcheng.platform.bench.BenchSupport.Target;
import cn.dongcheng.platform.common.district.DongchengStreet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static cn.dongcheng.platform.bench.BenchSupport.median;

/**
 * The street × 5-year age × sex table (人口统计表, {@code GET /v1/population-tables?dimensions=street,age,sex}) as its
 * users ask it — through the gateway, by the public (disclosure control applied), by a statistician with control and
 * by a statistician without it ({@code unsuppressed=true}, audited) — against the bare Elasticsearch aggregation of the
 * same table with the request cache off. Every request counts on a date no earlier request used, so neither the
 * node's request cache nor anything else has seen the question before.
 */
final class PopulationTableBenchmark {

    enum Variant {
        RAW("(1) raw Elasticsearch aggregation, request_cache=false"),
        PUBLIC("(2) gateway, public (disclosure control)"),
        STATISTICIAN("(3) gateway, statistician (disclosure control)"),
        UNSUPPRESSED("(4) gateway, statistician unsuppressed=true (audited)");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    private static final long ORDER_SEED = 17;
    private static final String TABLE = "/api/population/v1/population-tables?dimensions=street,age,sex&date=";
    /** Five-year groups as the service cuts them: 0-4 … 80-84, 85+. */
    private static final int GROUP_WIDTH = 5;
    private static final int OPEN_AGE = 85;
    /** Warm-up rounds whose dates are set aside (the warm-up stops at 40 rounds; after these its dates repeat). */
    private static final int WARM_UP_DATE_ROUNDS = 12;

    private final BenchSupport bench;
    private final String service;
    private final String gateway;
    private final int rounds;
    private final int threads;
    private final Supplier<String> statistician;
    /** Counting dates, each used once: every day back from yesterday, in a fixed random order. */
    private final List<LocalDate> dates = new ArrayList<>();
    private int nextDate;

    PopulationTableBenchmark(BenchSupport bench, String service, String gateway, int rounds, int threads, Supplier<String> statistician) {
        this.bench = bench;
        this.service = service;
        this.gateway = gateway;
        this.rounds = rounds;
        this.threads = threads;
        this.statistician = statistician;
        LocalDate yesterday = LocalDate.now(PopulationBenchmark.BEIJING).minusDays(1);
        for (int d = 0; d < 20 * 365; d++) {
            dates.add(yesterday.minusDays(d));
        }
        Collections.shuffle(dates, new Random(4));
    }

    void run(int requests) throws Exception {
        LocalDate probe = dates.get(nextDate++);
        String check = sameTable(probe);
        List<String> jvms = List.of(service, gateway);
        Map<Variant, IntFunction<Target>> targets = new EnumMap<>(Variant.class);
        targets.put(Variant.RAW, n -> raw(dates(n)));
        targets.put(Variant.PUBLIC, n -> table(dates(n), null, ""));
        targets.put(Variant.STATISTICIAN, n -> table(dates(n), statistician, ""));
        targets.put(Variant.UNSUPPRESSED, n -> table(dates(n), statistician, "&unsuppressed=true"));
        statistician.get();
        int warmUpSize = Math.max(2, requests / 4);
        BenchSupport.WarmUp warmUp = bench.warmUp(targets.values().stream().map(t -> t.apply(warmUpSize * WARM_UP_DATE_ROUNDS)).toList(),
                warmUpSize, jvms);

        long auditBefore = auditEntries();
        BenchSupport.Rounds<Variant> measured = bench.interleave(targets, rounds, new Random(ORDER_SEED), requests, threads, statistician, jvms);
        List<Map<Variant, double[]>> results = measured.results();
        List<String> orders = measured.orders();
        long audited = auditEntries() - auditBefore;
        Suppressions suppressions = suppressions(5);

        bench.line("## Street × 5-year age × sex table (GET /v1/population-tables?dimensions=street,age,sex)");
        bench.line(String.format("How measured: %d requests per run from %d client threads, every request on a counting date no earlier "
                        + "request used (days of the last 20 years in a seeded random order), so each aggregation is new to the node; "
                        + "%d rounds, each running the four variants in an order shuffled with seed %d (orders: %s); %d warm-up rounds "
                        + "first (%.1f s of JIT compilation in the last). Raw (1) is the service's own search (residents, born on or "
                        + "before the date; `filters` per street → `date_range` on the birth date per age group → `filters` per sex) sent "
                        + "to `population-persons/_search?request_cache=false`; %s. The table has 17 × 18 × 2 = 612 interior cells and "
                        + "18 × 19 × 3 = 1,026 with margins.",
                requests, threads, rounds, ORDER_SEED, String.join(" / ", orders), warmUp.rounds(), warmUp.lastRoundCompilingSeconds(), check));
        bench.line("");
        bench.medianTable(results, Variant.values(), v -> v.label, "population-service");
        bench.line("(medians over the rounds; latencies are per table)");
        bench.latencyRatioLine(results, Variant.RAW, Variant.PUBLIC, "public table with disclosure control vs the bare aggregation (goal ≤ 1.30)");
        bench.latencyRatioLine(results, Variant.RAW, Variant.STATISTICIAN, "statistician's table with disclosure control vs the bare aggregation");
        bench.latencyRatioLine(results, Variant.RAW, Variant.UNSUPPRESSED, "statistician's unsuppressed table vs the bare aggregation");
        bench.latencyRatioLine(results, Variant.UNSUPPRESSED, Variant.STATISTICIAN, "disclosure control alone (same caller, with ÷ without)");
        bench.ratioLine(results, Variant.RAW, Variant.PUBLIC, "throughput, public table ÷ raw aggregation");
        bench.line(String.format("- disclosure control on %d of the dates: primary suppressions %s, complementary %s; the service spent "
                        + "%.1f ms (median) between the node's answer and its own (the server timing of the statistician's table minus the "
                        + "raw aggregation's `took`)", suppressions.tables, suppressions.primary, suppressions.complementary, suppressions.overheadMs));
        bench.line(String.format("- audit entries (`READ_UNSUPPRESSED_TABLE` in `population-audit`) written during the measured rounds: "
                + "%,d for %,d unsuppressed tables — %s", audited, (long) rounds * requests, audited == (long) rounds * requests ? "they match" : "MISMATCH"));
        bench.line("");
    }

    /** The next {@code n} unused dates. */
    private List<LocalDate> dates(int n) {
        if (nextDate + n > dates.size()) {
            throw new IllegalStateException("out of distinct counting dates: fewer requests or rounds");
        }
        List<LocalDate> slice = dates.subList(nextDate, nextDate + n);
        nextDate += n;
        return slice;
    }

    private Target raw(List<LocalDate> on) {
        IntFunction<LocalDate> date = rolling(on);
        return new Target(i -> bench.es + "/population-persons/_search?request_cache=false", null, i -> rawQuery(date.apply(i)));
    }

    private Target table(List<LocalDate> on, Supplier<String> token, String extra) {
        IntFunction<LocalDate> date = rolling(on);
        return new Target(i -> gateway + TABLE + date.apply(i) + extra, token);
    }

    /** The dates one after another across all runs of a target (a warm-up runs one target several times). */
    private static IntFunction<LocalDate> rolling(List<LocalDate> on) {
        AtomicInteger next = new AtomicInteger();
        return i -> on.get(next.getAndIncrement() % on.size());
    }

    /** The search {@code TableAggregation} sends for this table (population RESIDENT, count only). */
    static String rawQuery(LocalDate date) {
        StringBuilder streets = new StringBuilder();
        for (DongchengStreet s : DongchengStreet.values()) {
            streets.append(streets.isEmpty() ? "" : ",").append("\"").append(s.code()).append("\":{\"term\":{\"streetCode\":{\"value\":\"")
                    .append(s.code()).append("\"}}}");
        }
        StringBuilder ages = new StringBuilder();
        for (int from = 0; from <= OPEN_AGE; from += GROUP_WIDTH) {
            boolean open = from == OPEN_AGE;
            String key = open ? from + "+" : from + "-" + (from + GROUP_WIDTH - 1);
            ages.append(ages.isEmpty() ? "" : ",").append("{\"key\":\"").append(key).append("\",");
            if (!open) {
                ages.append("\"from\":\"").append(date.minusYears(from + GROUP_WIDTH).plusDays(1)).append("\",");
            }
            ages.append("\"to\":\"").append(date.minusYears(from).plusDays(1)).append("\"}");
        }
        return "{\"size\":0,\"track_total_hits\":true,\"query\":{\"bool\":{\"filter\":["
                + "{\"terms\":{\"residenceType\":[\"REGISTERED_RESIDENT\",\"FLOATING_RESIDENT\"]}},"
                + "{\"range\":{\"birthDate\":{\"lte\":\"" + date + "\"}}}]}},"
                + "\"aggregations\":{\"d0\":{\"filters\":{\"filters\":{" + streets + "}},"
                + "\"aggregations\":{\"d1\":{\"date_range\":{\"field\":\"birthDate\",\"format\":\"yyyy-MM-dd\",\"ranges\":[" + ages + "]},"
                + "\"aggregations\":{\"d2\":{\"filters\":{\"filters\":{\"MALE\":{\"term\":{\"sex\":{\"value\":\"MALE\"}}},"
                + "\"FEMALE\":{\"term\":{\"sex\":{\"value\":\"FEMALE\"}}}}}}}}}}}}";
    }

    /**
     * Checks that the raw aggregation counts the very table the service publishes: every interior cell of the
     * statistician's unsuppressed table on {@code date} equals the raw bucket. Answers the sentence for the report.
     */
    private String sameTable(LocalDate date) {
        JsonNode raw = bench.post(bench.es + "/population-persons/_search?request_cache=false", rawQuery(date));
        Map<String, Long> rawCells = new HashMap<>();
        raw.path("aggregations").path("d0").path("buckets").fields().forEachRemaining(street ->
                street.getValue().path("d1").path("buckets").forEach(age ->
                        age.path("d2").path("buckets").fields().forEachRemaining(sex ->
                                rawCells.put(street.getKey() + "|" + age.path("key").asText() + "|" + sex.getKey(), sex.getValue().path("doc_count").asLong()))));
        JsonNode table = bench.getJson(gateway + TABLE + date + "&unsuppressed=true", statistician);
        int compared = 0;
        for (JsonNode cell : table.path("cells")) {
            JsonNode key = cell.path("key");
            String k = key.path("street").asText() + "|" + key.path("age").asText() + "|" + key.path("sex").asText();
            if (k.contains("TOTAL")) {
                continue;
            }
            Long expected = rawCells.get(k);
            if (expected == null || expected != cell.path("count").asLong()) {
                throw new IllegalStateException("the raw aggregation does not count the service's table: cell " + k + " is "
                        + cell.path("count") + " in the table, " + expected + " raw");
            }
            compared++;
        }
        if (compared != 17 * 18 * 2) {
            throw new IllegalStateException("expected 612 interior cells, compared " + compared);
        }
        return String.format("checked before the rounds: on %s all %d interior cells of the statistician's unsuppressed table equal the raw "
                + "buckets (%,d residents)", date, compared, raw.path("hits").path("total").path("value").asLong());
    }

    private record Suppressions(int tables, List<Integer> primary, List<Integer> complementary, double overheadMs) {
    }

    /**
     * The public table on {@code n} more dates: how many cells the control hid, and how long the service took beyond the
     * node's own {@code took} for the same aggregation (timed one at a time, the raw one right after).
     */
    private Suppressions suppressions(int n) {
        List<Integer> primary = new ArrayList<>();
        List<Integer> complementary = new ArrayList<>();
        double[] overhead = new double[n];
        for (int i = 0; i < n; i++) {
            LocalDate date = dates(1).get(0);
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + TABLE + date)).header("Authorization", "Bearer " + statistician.get()).GET().build();
            long t0 = System.nanoTime();
            HttpResponse<String> answer = bench.send(request);
            double ms = (System.nanoTime() - t0) / 1e6;
            JsonNode control = bench.read(answer.body()).path("disclosureControl");
            primary.add(control.path("primarySuppressed").asInt());
            complementary.add(control.path("complementarySuppressed").asInt());
            long took = bench.post(bench.es + "/population-persons/_search?request_cache=false", rawQuery(date)).path("took").asLong();
            overhead[i] = ms - took;
        }
        return new Suppressions(n, primary, complementary, median(overhead));
    }

    private long auditEntries() {
        bench.refresh("population-audit");
        ObjectNode query = bench.mapper().createObjectNode();
        ArrayNode values = query.putObject("query").putObject("terms").putArray("action");
        values.add("READ_UNSUPPRESSED_TABLE");
        return bench.post(bench.es + "/population-audit/_count", query.toString()).path("count").asLong();
    }
}

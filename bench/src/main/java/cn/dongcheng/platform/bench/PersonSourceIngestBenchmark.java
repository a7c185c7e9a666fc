package cn.dongcheng.platform.bench;

import cn.dongcheng.platform.bench.BenchSupport.Cpu;
import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static cn.dongcheng.platform.bench.BenchSupport.median;

/**
 * Ingestion of source records ({@code POST /v1/person-sources:bulk} through the gateway, as the data loader) against a
 * raw {@code _bulk} of the very documents the service stored for them, at the same concurrency (one request in flight
 * each side). Bench persons only: ID numbers of region 110105 (Chaoyang: the demo data issues none there) with
 * source ids {@code PBX-<set>-<n>}, deleted before and after, so the demo persons are never touched; in between they
 * are floating residents of the district's streets and would be counted in tables, hence this part runs last.
 */
final class PersonSourceIngestBenchmark {

    private static final String PERSONS = "population-persons";
    private static final String SOURCES = "population-person-sources";
    private static final String BENCH_REGION = "110105";
    private static final String BENCH_SOURCE = "synthetic-bench";
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1960, 1, 1);
    /** Persons per birth date; the sequence (3 digits) holds set × this + n, so at most 1000 / this sets. */
    private static final int PER_DAY = 40;
    /** Lines per service request, the bulk clients' chunk. */
    private static final int PER_REQUEST = 5_000;
    /** The service's batch ({@code platform.bulk.batch-size}): 1,000 lines = 500 persons, one raw {@code _bulk} each. */
    private static final int LINES_PER_BATCH = 1_000;
    private static final long ORDER_SEED = 29;

    private final BenchSupport bench;
    private final String service;
    private final String gateway;
    private final Supplier<String> loader;
    private final int rounds;

    PersonSourceIngestBenchmark(BenchSupport bench, String service, String gateway, Supplier<String> loader, int rounds) {
        this.bench = bench;
        this.service = service;
        this.gateway = gateway;
        this.loader = loader;
        this.rounds = rounds;
    }

    void run(int persons) {
        int sets = 2 + 2 * rounds; // warm-up service + raw, then a service and a raw set per round
        if (sets * PER_DAY > 1000) {
            throw new IllegalArgumentException("at most " + (1000 / PER_DAY - 2) / 2 + " rounds");
        }
        delete(sets, persons);
        double[] warmService = serviceRun(lines(0, persons));
        List<String> stored = storedDocuments(persons);
        double[] warmRaw = rawRun(stored, 1, persons);
        System.out.printf("ingest warm-up: service %.0f lines/s, raw %.0f lines/s%n", warmService[0], warmRaw[0]);

        Random order = new Random(ORDER_SEED);
        List<double[]> pairs = new ArrayList<>(); // {raw lines/s, service lines/s}
        List<String> costs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            int serviceSet = 2 + 2 * r;
            int rawSet = serviceSet + 1;
            boolean rawFirst = order.nextBoolean();
            double[] raw;
            double[] svc;
            if (rawFirst) {
                raw = rawRun(stored, rawSet, persons);
                svc = serviceRun(lines(serviceSet, persons));
            } else {
                svc = serviceRun(lines(serviceSet, persons));
                raw = rawRun(stored, rawSet, persons);
            }
            pairs.add(new double[] {raw[0], svc[0]});
            costs.add(String.format("%s; CPU µs per line: raw — Elasticsearch %.0f; service — Elasticsearch %.0f, population-service %.0f, gateway %.0f",
                    rawFirst ? "raw first" : "service first", raw[1], svc[1], svc[2], svc[3]));
            System.out.printf("ingest round %d/%d: service %.0f lines/s, raw %.0f lines/s: %.2f%n", r + 1, rounds, svc[0], raw[0], svc[0] / raw[0]);
        }
        delete(sets, persons);

        bench.line("## Source-record ingestion (POST /v1/person-sources:bulk through the gateway vs raw `_bulk`)");
        bench.line(String.format("How measured: %,d bench persons per run, two source lines each (a floating-population registration and "
                + "a census record: %,d lines), new every run; the service gets %,d lines per request, one request at a time, as the data "
                + "loader (DATA_STEWARD), and links each person from all its stored records (reads by id, a search for unlinked records, "
                + "then the records and the persons written, %,d lines per batch). The raw side sends the documents the service stored "
                + "for the warm-up set (%,d source records and %,d persons, ids rewritten per set) into the same indices, one `_bulk` of "
                + "one batch's records and persons at a time — the same concurrency. Each run starts with no merge running and ends "
                + "with both indices refreshed. Bench persons (region %s, source ids `PBX-…`) are deleted before and after.",
                persons, 2 * persons, PER_REQUEST, LINES_PER_BATCH, 2 * persons, persons, BENCH_REGION));
        bench.line("");
        for (int i = 0; i < pairs.size(); i++) {
            double[] p = pairs.get(i);
            bench.line(String.format("- raw %,.0f lines/s, service %,.0f lines/s: ratio %.2f (%s)", p[0], p[1], p[1] / p[0], costs.get(i)));
        }
        bench.line(String.format("- **median ratio service ÷ raw = %.2f** (goal ≥ 0.7)", median(pairs)));
        bench.line("");
    }

    // ---------------------------------------------------------------------------------------------- bench persons

    /** Person {@code n} of set {@code set}: a valid ID number of region 110105, sequence set × 40 + n mod 40. */
    static String idNumber(int set, int n) {
        LocalDate birth = FIRST_BIRTH.plusDays(n / PER_DAY);
        String first17 = BENCH_REGION + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", set * PER_DAY + n % PER_DAY);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static String sourceId(int set, int n) {
        return "PBX-" + set + "-" + n;
    }

    /** The two source lines of each person of the set. */
    private List<String> lines(int set, int persons) {
        List<String> lines = new ArrayList<>(2 * persons);
        DongchengStreet[] streets = DongchengStreet.values();
        for (int n = 0; n < persons; n++) {
            String id = idNumber(set, n);
            String sex = (n % PER_DAY) % 2 == 1 ? "MALE" : "FEMALE"; // the sequence's parity, set × 40 being even
            String birth = FIRST_BIRTH.plusDays(n / PER_DAY).toString();
            String street = streets[n % streets.length].code();
            ObjectNode floating = bench.mapper().createObjectNode().put("source", "FLOATING_RESIDENCE").put("sourceId", sourceId(set, n))
                    .put("sourceDate", "2024-06-01").put("idNumber", id).put("name", "测试" + n).put("sex", sex).put("birthDate", birth)
                    .put("hukouPlace", BENCH_REGION).put("residenceStreetCode", street).put("residenceSince", "2023-03-01")
                    .put("dataSource", BENCH_SOURCE);
            ObjectNode census = bench.mapper().createObjectNode().put("source", "CENSUS").put("sourceId", sourceId(set, n))
                    .put("sourceDate", "2020-11-01").put("idNumber", id).put("sex", sex).put("birthDate", birth)
                    .put("residenceStreetCode", street).put("dataSource", BENCH_SOURCE);
            lines.add(floating.toString());
            lines.add(census.toString());
        }
        return lines;
    }

    private static List<String> sourceKeys(int set, int n) {
        return List.of("FLOATING_RESIDENCE:" + sourceId(set, n), "CENSUS:" + sourceId(set, n));
    }

    // ---------------------------------------------------------------------------------------------- runs

    /** @return {lines/s written and refreshed, CPU µs per line: Elasticsearch, service, gateway} */
    private double[] serviceRun(List<String> lines) {
        String authorization = "Bearer " + loader.get();
        awaitMergesDone();
        Cpu before = bench.cpu(List.of(service, gateway));
        long start = System.nanoTime();
        for (int i = 0; i < lines.size(); i += PER_REQUEST) {
            List<String> chunk = lines.subList(i, Math.min(lines.size(), i + PER_REQUEST));
            HttpResponse<String> r = bench.send(HttpRequest.newBuilder(URI.create(gateway + "/api/population/v1/person-sources:bulk"))
                    .header("Authorization", authorization).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", chunk) + "\n")).build());
            JsonNode answer = r.statusCode() == 200 ? bench.read(r.body()) : null;
            if (answer == null || answer.path("accepted").asLong() != chunk.size()) {
                throw new IllegalStateException("person-sources:bulk answered " + r.statusCode() + ": "
                        + r.body().substring(0, Math.min(800, r.body().length())));
            }
        }
        bench.refresh(SOURCES);
        bench.refresh(PERSONS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] us = bench.cpu(List.of(service, gateway)).perOperationSince(before, lines.size());
        return new double[] {lines.size() / seconds, us[0], us[1], us[2]};
    }

    /** The stored documents of set 0 as {@code _bulk} batches of set {@code set}: per batch its records, then its persons. */
    private double[] rawRun(List<String> stored, int set, int persons) {
        List<String> bodies = new ArrayList<>();
        int personsPerBatch = LINES_PER_BATCH / 2;
        for (int from = 0; from < persons; from += personsPerBatch) {
            StringBuilder body = new StringBuilder();
            for (int n = from; n < Math.min(persons, from + personsPerBatch); n++) {
                String doc = stored.get(3 * n);
                String floating = stored.get(3 * n + 1);
                String census = stored.get(3 * n + 2);
                List<String> keys = sourceKeys(set, n);
                body.append(action(SOURCES, keys.get(0))).append(forSet(floating, set, n)).append('\n');
                body.append(action(SOURCES, keys.get(1))).append(forSet(census, set, n)).append('\n');
                body.append(action(PERSONS, idNumber(set, n))).append(forSet(doc, set, n)).append('\n');
            }
            bodies.add(body.toString());
        }
        awaitMergesDone();
        Cpu before = bench.cpu(List.of(service, gateway));
        long start = System.nanoTime();
        for (String body : bodies) {
            JsonNode answer = bench.postNdjson(bench.es + "/_bulk", body);
            if (answer.path("errors").asBoolean(true)) {
                throw new IllegalStateException("raw _bulk reported errors: " + answer.toString().substring(0, Math.min(800, answer.toString().length())));
            }
        }
        bench.refresh(SOURCES);
        bench.refresh(PERSONS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] us = bench.cpu(List.of(service, gateway)).perOperationSince(before, 2 * persons);
        return new double[] {2.0 * persons / seconds, us[0]};
    }

    private static String action(String index, String id) {
        return "{\"index\":{\"_index\":\"" + index + "\",\"_id\":\"" + id + "\"}}\n";
    }

    /** Set 0's stored document rewritten for person {@code n} of {@code set}: its ID number and source ids. */
    private static String forSet(String doc, int set, int n) {
        return doc.replace(idNumber(0, n), idNumber(set, n)).replace("\"" + sourceId(0, n) + "\"", "\"" + sourceId(set, n) + "\"")
                .replace(":" + sourceId(0, n) + "\"", ":" + sourceId(set, n) + "\"");
    }

    /** Per person of set 0 (what the warm-up stored): the person, its floating-residence record, its census record. */
    private List<String> storedDocuments(int persons) {
        List<String> docs = new ArrayList<>(3 * persons);
        for (int from = 0; from < persons; from += 1000) {
            ObjectNode personIds = bench.mapper().createObjectNode();
            ObjectNode sourceIds = bench.mapper().createObjectNode();
            ArrayNode p = personIds.putArray("ids");
            ArrayNode s = sourceIds.putArray("ids");
            for (int n = from; n < Math.min(persons, from + 1000); n++) {
                p.add(idNumber(0, n));
                sourceKeys(0, n).forEach(s::add);
            }
            JsonNode personDocs = bench.post(bench.es + "/" + PERSONS + "/_mget", personIds.toString()).path("docs");
            JsonNode sourceDocs = bench.post(bench.es + "/" + SOURCES + "/_mget", sourceIds.toString()).path("docs");
            for (int k = 0; k < personDocs.size(); k++) {
                docs.add(source(personDocs.get(k)));
                docs.add(source(sourceDocs.get(2 * k)));
                docs.add(source(sourceDocs.get(2 * k + 1)));
            }
        }
        return docs;
    }

    private static String source(JsonNode doc) {
        if (!doc.path("found").asBoolean()) {
            throw new IllegalStateException("the service did not store " + doc.path("_index").asText() + "/" + doc.path("_id").asText());
        }
        return doc.path("_source").toString();
    }

    /** Deletes every bench person and source record of the sets (those that exist; the rest are reported not found). */
    private void delete(int sets, int persons) {
        for (int set = 0; set < sets; set++) {
            for (int from = 0; from < persons; from += 5000) {
                StringBuilder body = new StringBuilder();
                for (int n = from; n < Math.min(persons, from + 5000); n++) {
                    body.append("{\"delete\":{\"_index\":\"").append(PERSONS).append("\",\"_id\":\"").append(idNumber(set, n)).append("\"}}\n");
                    for (String key : sourceKeys(set, n)) {
                        body.append("{\"delete\":{\"_index\":\"").append(SOURCES).append("\",\"_id\":\"").append(key).append("\"}}\n");
                    }
                }
                bench.postNdjson(bench.es + "/_bulk", body.toString());
            }
        }
        bench.refresh(SOURCES);
        bench.refresh(PERSONS);
    }

    /** Waits (at most a minute) until neither index merges: one run's merges are not billed to the next run. */
    private void awaitMergesDone() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (merging(PERSONS) + merging(SOURCES) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long merging(String index) {
        return bench.get(bench.es + "/" + index + "/_stats/merge").path("_all").path("total").path("merges").path("current").asLong();
    }
}

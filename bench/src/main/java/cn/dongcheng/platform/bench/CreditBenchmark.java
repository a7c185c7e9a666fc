package cn.dongcheng.platform.bench;

import cn.dongcheng.platform.bench.BenchSupport.Cpu;
import cn.dongcheng.platform.bench.BenchSupport.Run;
import cn.dongcheng.platform.bench.BenchSupport.Target;
import cn.dongcheng.platform.demodata.Calibration;
import cn.dongcheng.platform.demodata.ChunkedUploader;
import cn.dongcheng.platform.demodata.EnterpriseGenerator;
import cn.dongcheng.platform.demodata.Scale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static cn.dongcheng.platform.bench.BenchSupport.median;

/**
 * The credit-service benchmark (issue 11) against a running city-scale platform: look-ups by code and of persons
 * against raw Elasticsearch for the same data, the 10,000-subject sanctions check against one raw search of the same
 * subjects, the full grade recomputation against a raw {@code _bulk} of the same grade documents, risk classes of 10,000
 * codes from stored grades against the same from records, and the PDF report.
 * Each comparison runs its sides back to back in one run (this machine is shared and noisy), with CPU per operation.
 *
 * <pre>bench/credit-bench [--only load,lookup,sanctions,grades,report] [--requests 2000] [--rounds 4] [--threads 8]
 *      [--persons 750000] [--gateway http://127.0.0.1:8080] [--service http://127.0.0.1:8083]</pre>
 */
public final class CreditBenchmark {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final long ORDER_SEED = 31;
    /** Subjects per sanctions check and per risk-class batch: the service's limit. */
    private static final int BATCH = 10_000;

    enum Variant {
        RAW_CODE("(1) raw: _msearch of records + directory entry"),
        SERVICE_PUBLIC("(2) service GET /v1/subjects/{uscc}, no token"),
        GATEWAY_PUBLIC("(3) gateway, no token"),
        GATEWAY_REGULATOR("(4) gateway, regulator (audited)"),
        RAW_PERSON("(5) raw: records search by ID number + name"),
        GATEWAY_PERSON("(6) gateway POST /v1/persons:lookup, regulator (audited)");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    private final BenchSupport bench;
    private final String service;
    private final String gateway;
    private final String industry;
    private final String es;
    private final int rounds;
    private final Supplier<String> regulator;
    private final List<String> codes;
    private final int persons;

    private CreditBenchmark(BenchSupport bench, String service, String gateway, String industry, int rounds, List<String> codes, int persons) {
        this.bench = bench;
        this.service = service;
        this.gateway = gateway;
        this.industry = industry;
        this.es = bench.es;
        this.rounds = rounds;
        this.regulator = bench.userToken("REGULATOR");
        this.codes = codes;
        this.persons = persons;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchSupport.options(args);
        BenchSupport bench = new BenchSupport(o.getOrDefault("es", "http://127.0.0.1:9200"), Integer.parseInt(o.getOrDefault("threads", "8")),
                URI.create(o.getOrDefault("issuer", "http://127.0.0.1:9000")), Path.of(o.getOrDefault("secrets", ".platform/secrets")));
        Set<String> phases = Set.of(o.getOrDefault("only", "load,lookup,sanctions,grades,report").split(","));
        EnterpriseGenerator enterprises = new EnterpriseGenerator(Calibration.load());
        enterprises.generate(Scale.CITY, 20201101L, line -> { });
        List<String> codes = new ArrayList<>(enterprises.codes());
        CreditBenchmark b = new CreditBenchmark(bench, o.getOrDefault("service", "http://127.0.0.1:8083"),
                o.getOrDefault("gateway", "http://127.0.0.1:8080"), o.getOrDefault("industry", "http://127.0.0.1:8082"),
                Integer.parseInt(o.getOrDefault("rounds", "4")), codes,
                Integer.parseInt(o.getOrDefault("persons", "750000")));
        int requests = Integer.parseInt(o.getOrDefault("requests", "2000"));
        Path out = Path.of(o.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);

        bench.line("# credit-service benchmark, " + OffsetDateTime.now(BEIJING));
        if (phases.contains("load")) {
            b.load(bench.clientToken(BenchSupport.LOADER_CLIENT));
        }
        b.dataSet();
        if (phases.contains("lookup")) {
            b.lookups(requests);
        }
        if (phases.contains("sanctions")) {
            b.sanctions(5);
        }
        if (phases.contains("grades")) {
            b.grades();
        }
        if (phases.contains("report")) {
            b.reports(Integer.parseInt(o.getOrDefault("reports", "300")));
        }
        Path file = out.resolve("credit-" + OffsetDateTime.now(BEIJING).toString().substring(0, 16).replace(':', '-') + ".md");
        Files.writeString(file, bench.report());
        System.out.println(bench.report());
        System.out.println("results written to " + file);
    }

    // ---------------------------------------------------------------------------------------------- data

    /** Loads the benchmark records through the service's bulk API unless they are there already (it is idempotent anyway). */
    private void load(Supplier<String> loader) throws Exception {
        long expected = (long) codes.size() * CreditBenchData.PER_ENTITY + (long) persons * CreditBenchData.PER_PERSON;
        long present = benchRecords();
        if (present >= expected) {
            System.out.printf("credit bench data present: %,d records%n", present);
            return;
        }
        System.out.printf("loading %,d credit bench records through %s/v1/records:bulk%n", expected, service);
        long start = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (ChunkedUploader up = new ChunkedUploader(http, URI.create(service + "/v1/records:bulk?refresh=false"), loader,
                "credit records", expected, 5_000, 3, System.out)) {
            new CreditBenchData().generate(codes, persons, up);
        }
        bench.refresh("credit-records");
        double seconds = (System.nanoTime() - start) / 1e9;
        bench.line(String.format("- loaded %,d records through the service's bulk API in %.0f s (%,.0f records/s, 3 uploads of 5,000 lines in flight)",
                expected, seconds, expected / seconds));
    }

    private long benchRecords() {
        return bench.post(es + "/credit-records/_count", "{\"query\":{\"term\":{\"dataSource\":\"" + CreditBenchData.DATA_SOURCE + "\"}}}")
                .path("count").asLong();
    }

    private void dataSet() {
        long records = bench.get(es + "/credit-records/_count").path("count").asLong();
        JsonNode subjects = bench.post(es + "/credit-records/_search", "{\"size\":0,\"aggs\":{\"legal\":{\"cardinality\":{\"field\":\"uscc\","
                + "\"precision_threshold\":40000}},\"natural\":{\"cardinality\":{\"field\":\"idNumber\",\"precision_threshold\":40000}}}}")
                .path("aggregations");
        bench.line(String.format("Data set: **%,d records** in `credit-records`, about **%,d legal and %,d natural persons** (cardinality estimates); "
                        + "%,d market entities in `industry-enterprises`.%n", records, subjects.path("legal").path("value").asLong(),
                subjects.path("natural").path("value").asLong(), bench.get(es + "/industry-enterprises/_count").path("count").asLong()));
    }

    // ---------------------------------------------------------------------------------------------- look-ups

    /**
     * Look-ups by code and of persons. Every run asks codes (persons) no earlier run asked, so the service's directory
     * cache is as cold as it is for a user looking up a random partner among a quarter of a million.
     */
    private void lookups(int requests) throws Exception {
        List<String> shuffled = new ArrayList<>(codes);
        Collections.shuffle(shuffled, new Random(5));
        int[] nextSlice = {0};
        IntFunction<List<String>> slice = n -> {
            int from = nextSlice[0];
            nextSlice[0] += n;
            return shuffled.subList(from % shuffled.size(), Math.min(shuffled.size(), from % shuffled.size() + n));
        };
        Random personOrder = new Random(6);
        // industry-service too: a look-up whose directory entry is not kept asks it over Feign
        List<String> jvms = List.of(service, gateway, industry);
        Map<Variant, IntFunction<Target>> targets = new EnumMap<>(Variant.class);
        targets.put(Variant.RAW_CODE, n -> rawCode(slice.apply(n)));
        targets.put(Variant.SERVICE_PUBLIC, n -> byCode(service + "/v1/subjects/", slice.apply(n), null));
        targets.put(Variant.GATEWAY_PUBLIC, n -> byCode(gateway + "/api/credit/v1/subjects/", slice.apply(n), null));
        targets.put(Variant.GATEWAY_REGULATOR, n -> byCode(gateway + "/api/credit/v1/subjects/", slice.apply(n), regulator));
        targets.put(Variant.RAW_PERSON, n -> rawPerson(personOrder.nextInt(persons - n)));
        targets.put(Variant.GATEWAY_PERSON, n -> person(personOrder.nextInt(persons - n)));
        regulator.get();
        // warm-up: the JIT compilers settle on codes the measured runs do not use again
        BenchSupport.WarmUp warmUp = bench.warmUp(targets.values().stream().map(t -> t.apply(1_000)).toList(), 1_000, jvms);

        long auditBefore = auditEntries();
        BenchSupport.Rounds<Variant> measured = bench.interleave(targets, rounds, new Random(ORDER_SEED), requests, bench.threads, regulator, jvms);
        List<Map<Variant, double[]>> results = measured.results();
        List<String> orders = measured.orders();
        long audited = auditEntries() - auditBefore;

        bench.line("## Look-up by code and of persons");
        bench.line(String.format("How measured: %d requests per run from %d client threads, every run on codes (persons) no earlier run asked "
                        + "(the service's in-memory directory cache cold, as users meet it; its directory replica `credit-subject-identities` as its "
                        + "sweep keeps it: %,d entries); %d rounds, each running the six variants in an order shuffled with seed %d "
                        + "(orders: %s); %d warm-up rounds first (%.1f s of JIT compilation in the last). Raw (1) is what the service reads "
                        + "for one subject, in one `_msearch`: the subject's records exactly as the service asks them (term on `uscc`, the "
                        + "public-view filter of today, newest first, 20, total hits counted) and its kept directory entry (by id); raw (5) "
                        + "the records search by ID number and exact name.",
                requests, bench.threads, replicaEntries(), rounds, ORDER_SEED, String.join(" / ", orders), warmUp.rounds(),
                warmUp.lastRoundCompilingSeconds()));
        bench.line("");
        bench.medianTable(results, Variant.values(), v -> v.label, List.of("credit-service", "gateway", "industry-service"));
        bench.line("(medians over the rounds)");
        bench.ratioLine(results, Variant.RAW_CODE, Variant.SERVICE_PUBLIC, "look-up by code, service ÷ raw (goal ≥ 0.5)");
        bench.ratioLine(results, Variant.RAW_CODE, Variant.GATEWAY_PUBLIC, "look-up by code through the gateway, public ÷ raw");
        bench.ratioLine(results, Variant.RAW_CODE, Variant.GATEWAY_REGULATOR, "look-up by code through the gateway, audited regulator ÷ raw");
        bench.ratioLine(results, Variant.RAW_PERSON, Variant.GATEWAY_PERSON, "person look-up through the gateway, audited ÷ raw");
        bench.line(String.format("- audit entries written in `credit-audit` during the measured rounds: %,d (expected %,d: one per audited look-up)",
                audited, 2L * rounds * requests));
        bench.line("");
    }

    /**
     * One {@code _msearch}: the subject's records as the service asks them for a public caller (CreditRecordStore with
     * PublicView of today) and its kept directory entry (by id).
     */
    private Target rawCode(List<String> slice) {
        String today = LocalDate.now(BEIJING).toString();
        String publicView = "{\"bool\":{\"must_not\":[{\"terms\":{\"status\":[\"REPAIRED\",\"REVOKED\"]}}],\"filter\":["
                + "{\"range\":{\"decisionDate\":{\"lte\":\"" + today + "\"}}},{\"bool\":{\"should\":[{\"range\":{\"publication.latestEnd\":"
                + "{\"gt\":\"" + today + "\"}}},{\"bool\":{\"must_not\":[{\"exists\":{\"field\":\"publication.latestEnd\"}}]}}],"
                + "\"minimum_should_match\":1}}]}}";
        return new Target(i -> es + "/_msearch", null, i -> {
            String code = slice.get(i % slice.size());
            return "{\"index\":\"credit-records\"}\n{\"size\":20,\"track_total_hits\":100000,\"sort\":[{\"decisionDate\":\"desc\"},"
                    + "{\"recordId\":\"asc\"}],\"query\":{\"bool\":{\"filter\":[{\"term\":{\"uscc\":\"" + code + "\"}}," + publicView + "]}}}\n"
                    + "{\"index\":\"credit-subject-identities\"}\n{\"query\":{\"ids\":{\"values\":[\"" + code + "\"]}}}\n";
        });
    }

    private long replicaEntries() {
        bench.refresh("credit-subject-identities");
        return bench.get(es + "/credit-subject-identities/_count").path("count").asLong();
    }

    private static Target byCode(String base, List<String> slice, Supplier<String> token) {
        return new Target(i -> base + slice.get(i % slice.size()), token);
    }

    private Target rawPerson(int first) {
        return new Target(i -> es + "/credit-records/_search", null, i -> "{\"size\":20,\"sort\":[{\"decisionDate\":\"desc\"}],"
                + "\"query\":{\"bool\":{\"filter\":[{\"term\":{\"idNumber\":\"" + CreditBenchData.idNumber(first + i) + "\"}},"
                + "{\"term\":{\"subjectName.raw\":\"" + CreditBenchData.name(first + i) + "\"}}]}}}");
    }

    private Target person(int first) {
        return new Target(i -> gateway + "/api/credit/v1/persons:lookup", regulator,
                i -> "{\"name\":\"" + CreditBenchData.name(first + i) + "\",\"idNumber\":\"" + CreditBenchData.idNumber(first + i) + "\"}");
    }


    private long auditEntries() {
        bench.refresh("credit-audit");
        return bench.get(es + "/credit-audit/_count").path("count").asLong();
    }

    // ---------------------------------------------------------------------------------------------- sanctions

    /**
     * {@code runs} checks of 10,000 subjects each (half codes, half persons, each run other subjects), through the
     * gateway as a regulator, each followed by one raw {@code _search} of the same subjects' list entries.
     */
    private void sanctions(int runs) {
        double[] service = new double[runs];
        double[] raw = new double[runs];
        int[] hits = new int[runs];
        int[] rawHits = new int[runs];
        List<String> jvms = List.of(this.service, gateway);
        Cpu before = null;
        double[] serviceCpu = new double[4];
        double[] rawCpu = new double[4];
        for (int r = -1; r < runs; r++) { // run -1 warms up
            int offset = (r + 1) * BATCH / 2;
            List<String> someCodes = codes.subList(offset % codes.size(), Math.min(codes.size(), offset % codes.size() + BATCH / 2));
            ArrayNode subjects = bench.mapper().createArrayNode();
            someCodes.forEach(c -> subjects.addObject().put("uscc", c));
            for (int i = 0; i < BATCH / 2; i++) {
                subjects.addObject().put("idNumber", CreditBenchData.idNumber(offset + i));
            }
            ObjectNode body = bench.mapper().createObjectNode().put("scenario", "GOVERNMENT_PROCUREMENT");
            body.set("subjects", subjects);
            before = bench.cpu(jvms);
            long t0 = System.nanoTime();
            HttpResponse<String> answer = bench.send(HttpRequest.newBuilder(URI.create(gateway + "/api/credit/v1/sanction-checks"))
                    .header("Authorization", "Bearer " + regulator.get()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("sanctions check answered " + answer.statusCode() + ": " + answer.body());
            }
            Cpu afterService = bench.cpu(jvms);
            String rawQuery = rawListQuery(someCodes, offset);
            long t1 = System.nanoTime();
            JsonNode rawAnswer = bench.post(es + "/credit-records/_search", rawQuery);
            double rawMs = (System.nanoTime() - t1) / 1e6;
            Cpu afterRaw = bench.cpu(jvms);
            if (r >= 0) {
                service[r] = ms;
                raw[r] = rawMs;
                hits[r] = bench.read(answer.body()).path("hits").asInt();
                rawHits[r] = rawAnswer.path("hits").path("total").path("value").asInt();
                add(serviceCpu, afterService.perOperationSince(before, 1));
                add(rawCpu, afterRaw.perOperationSince(afterService, 1));
            }
        }
        bench.line("## Joint sanctions check of 10,000 subjects (POST /v1/sanction-checks, GOVERNMENT_PROCUREMENT)");
        bench.line(String.format("How measured: %d checks (after one warm-up), each of 5,000 codes and 5,000 ID numbers not asked before, "
                + "through the gateway as the demo regulator; each followed by one raw `_search` of the same subjects' list entries "
                + "(terms on `uscc` and `idNumber`, the four list categories, size 10,000).", runs));
        bench.line("");
        bench.line(String.format("- service: **median %.0f ms**, max %.0f ms (goal ≤ 2,000 ms) — per run %s; subjects hit: %s",
                median(service), Arrays.stream(service).max().orElse(0), join(service), Arrays.toString(hits)));
        bench.line(String.format("- raw `_search` of the same subjects: median %.0f ms — per run %s; list entries found: %s", median(raw), join(raw),
                Arrays.toString(rawHits)));
        bench.line(String.format("- ratio raw ÷ service time = **%.2f**", median(raw) / median(service)));
        bench.line(String.format("- CPU ms per check (mean): service side — Elasticsearch %.0f, credit-service %.0f, gateway %.0f, client %.0f; "
                        + "raw side — Elasticsearch %.0f, client %.0f", serviceCpu[0] / runs / 1000, serviceCpu[1] / runs / 1000,
                serviceCpu[2] / runs / 1000, serviceCpu[3] / runs / 1000, rawCpu[0] / runs / 1000, rawCpu[3] / runs / 1000));
        bench.line("");
    }

    private String rawListQuery(List<String> someCodes, int offset) {
        ObjectNode q = bench.mapper().createObjectNode();
        q.put("size", BATCH).put("track_total_hits", true);
        ObjectNode bool = q.putObject("query").putObject("bool");
        ArrayNode filter = bool.putArray("filter");
        ArrayNode categories = filter.addObject().putObject("terms").putArray("category");
        List.of("SERIOUS_DISHONESTY_LIST", "DISHONEST_JUDGMENT_DEBTOR", "ABNORMAL_OPERATIONS", "MAJOR_TAX_VIOLATION").forEach(categories::add);
        ArrayNode should = bool.putArray("should");
        ArrayNode usccs = should.addObject().putObject("terms").putArray("uscc");
        someCodes.forEach(usccs::add);
        ArrayNode ids = should.addObject().putObject("terms").putArray("idNumber");
        for (int i = 0; i < BATCH / 2; i++) {
            ids.add(CreditBenchData.idNumber(offset + i));
        }
        bool.put("minimum_should_match", 1);
        return q.toString();
    }

    // ---------------------------------------------------------------------------------------------- grades

    /**
     * Stored grades: the full recomputation ({@code POST /v1/grade-recomputations} through the gateway as the credit
     * officer, followed to the end) against a raw {@code _bulk} writing the same grade documents (read back from
     * {@code credit-grades}) into a scratch index; then the risk classes of 10,000 codes for today (from the snapshots)
     * against the same batch as of yesterday (computed from the records, as every batch was before snapshots), and
     * every legal person's risk class from the snapshots.
     */
    private void grades() {
        List<String> jvms = List.of(service, gateway);
        Supplier<String> officer = bench.userToken("CREDIT_OFFICER");
        Cpu before = bench.cpu(jvms);
        long t0 = System.nanoTime();
        HttpResponse<String> started = bench.send(HttpRequest.newBuilder(URI.create(gateway + "/api/credit/v1/grade-recomputations"))
                .header("Authorization", "Bearer " + officer.get()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("grade recomputation answered " + started.statusCode() + ": " + started.body());
        }
        String id = bench.read(started.body()).path("recomputationId").asText();
        JsonNode status = bench.read(started.body());
        while (status.path("state").asText().equals("RUNNING")) {
            sleep(500);
            status = bench.getJson(gateway + "/api/credit/v1/grade-recomputations/" + id, officer);
        }
        double serviceSeconds = (System.nanoTime() - t0) / 1e9;
        if (!status.path("state").asText().equals("DONE")) {
            throw new IllegalStateException("grade recomputation " + status);
        }
        long subjects = status.path("subjects").asLong();
        double[] serviceCpu = bench.cpu(jvms).perOperationSince(before, (int) subjects);

        List<String> docs = storedGrades();
        String scratch = "bench-credit-grades";
        bench.send(HttpRequest.newBuilder(URI.create(es + "/" + scratch)).DELETE().build());
        Cpu rawBefore = bench.cpu(jvms);
        long t1 = System.nanoTime();
        for (int from = 0; from < docs.size(); from += 1_000) {
            StringBuilder lines = new StringBuilder();
            for (String doc : docs.subList(from, Math.min(docs.size(), from + 1_000))) {
                lines.append("{\"index\":{\"_index\":\"").append(scratch).append("\",\"_id\":\"")
                        .append(bench.read(doc).path("uscc").asText()).append("\"}}\n").append(doc).append('\n');
            }
            JsonNode answer = bench.postNdjson(es + "/_bulk", lines.toString());
            if (answer.path("errors").asBoolean()) {
                throw new IllegalStateException("raw _bulk reported errors");
            }
        }
        bench.refresh(scratch);
        double rawSeconds = (System.nanoTime() - t1) / 1e9;
        double[] rawCpu = bench.cpu(jvms).perOperationSince(rawBefore, docs.size());
        bench.send(HttpRequest.newBuilder(URI.create(es + "/" + scratch)).DELETE().build());

        bench.line("## Full grade recomputation (stored grades, POST /v1/grade-recomputations)");
        bench.line("How measured: the recomputation started through the gateway as the credit officer and followed to DONE (every legal "
                + "person's records in code order over one point in time, graded, written to `credit-grades` by `_bulk` of 1,000); then the "
                + "same grade documents (read back from `credit-grades`) written with raw `_bulk` of 1,000 into a scratch index, "
                + "sequentially, with a closing refresh.");
        bench.line("");
        bench.line(String.format("- service: %,d subjects in %.1f s = **%,.0f subjects/s**; CPU µs per subject — Elasticsearch %.0f, credit-service %.0f, gateway %.0f",
                subjects, serviceSeconds, subjects / serviceSeconds, serviceCpu[0], serviceCpu[1], serviceCpu[2]));
        bench.line(String.format("- raw `_bulk` of the same %,d documents: %.1f s = %,.0f docs/s; CPU µs per document — Elasticsearch %.0f, client %.0f",
                docs.size(), rawSeconds, docs.size() / rawSeconds, rawCpu[0], rawCpu[3]));
        bench.line(String.format("- ratio service ÷ raw `_bulk` throughput = **%.2f**", (docs.size() / serviceSeconds) / (docs.size() / rawSeconds)));
        bench.line("");
        riskClassBatches();
    }

    /** The stored grade documents as Elasticsearch holds them, read with a point in time and search_after. */
    private List<String> storedGrades() {
        List<String> docs = new ArrayList<>();
        String pit = bench.post(es + "/credit-grades/_pit?keep_alive=2m", "").path("id").asText();
        JsonNode after = null;
        while (true) {
            ObjectNode q = bench.mapper().createObjectNode();
            q.put("size", 10_000);
            q.putObject("pit").put("id", pit).put("keep_alive", "2m");
            q.putArray("sort").add("_shard_doc");
            if (after != null) {
                q.set("search_after", after);
            }
            JsonNode hits = bench.post(es + "/_search", q.toString()).path("hits").path("hits");
            if (hits.isEmpty()) {
                break;
            }
            hits.forEach(h -> docs.add(h.path("_source").toString()));
            after = hits.get(hits.size() - 1).path("sort");
        }
        bench.send(HttpRequest.newBuilder(URI.create(es + "/_pit")).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"id\":\"" + pit + "\"}")).build());
        return docs;
    }

    /**
     * 10,000 codes a batch through the gateway as the regulator: today's (snapshots) against yesterday's (records), the
     * sides alternating, {@code rounds} each; then all codes from the snapshots.
     */
    private void riskClassBatches() {
        List<String> sample = new ArrayList<>(codes);
        Collections.shuffle(sample, new Random(ORDER_SEED));
        String yesterday = LocalDate.now(BEIJING).minusDays(1).toString();
        double[] today = new double[rounds];
        double[] past = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            List<String> batch = sample.subList(round * BATCH % (sample.size() - BATCH), round * BATCH % (sample.size() - BATCH) + BATCH);
            past[round] = riskClasses(batch, yesterday);
            today[round] = riskClasses(batch, null);
        }
        long t0 = System.nanoTime();
        for (int from = 0; from < codes.size(); from += BATCH) {
            riskClasses(codes.subList(from, Math.min(codes.size(), from + BATCH)), null);
        }
        double all = (System.nanoTime() - t0) / 1e9;
        bench.line("## Risk classes of 10,000 codes (POST /v1/risk-classes:batch through the gateway, regulator)");
        bench.line("How measured: " + rounds + " rounds of different 10,000-code batches, each asked as of yesterday (graded from the records, "
                + "the path every batch took before stored grades) and for today (one multi-get of the stored grades), alternating.");
        bench.line("");
        bench.line(String.format("- today, from stored grades: **median %.0f ms** (rounds: %s ms)", median(today), join(today)));
        bench.line(String.format("- as of yesterday, from the records: **median %.0f ms** (rounds: %s ms)", median(past), join(past)));
        bench.line(String.format("- speed-up %.1f×; every legal person (%,d codes, %d batches) from stored grades: %.1f s",
                median(past) / median(today), codes.size(), (codes.size() + BATCH - 1) / BATCH, all));
        bench.line("");
    }

    /** One batch; milliseconds. */
    private double riskClasses(List<String> batch, String asOf) {
        ObjectNode body = bench.mapper().createObjectNode();
        batch.forEach(body.putArray("codes")::add);
        if (asOf != null) {
            body.put("asOf", asOf);
        }
        long t0 = System.nanoTime();
        HttpResponse<String> answer = bench.send(HttpRequest.newBuilder(URI.create(gateway + "/api/credit/v1/risk-classes:batch"))
                .header("Authorization", "Bearer " + regulator.get()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("risk classes answered " + answer.statusCode() + ": " + answer.body());
        }
        return ms;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------- reports

    /** The PDF report of {@code count} subjects, one at a time, through the gateway as the regulator (every PDF signed). */
    private void reports(int count) {
        String probe = gateway + "/api/credit/v1/subjects/" + codes.get(0) + "/report?format=pdf";
        HttpResponse<String> first = bench.send(HttpRequest.newBuilder(URI.create(probe)).header("Authorization", "Bearer " + regulator.get()).build());
        if (first.statusCode() == 404) {
            bench.line("## PDF report\n- skipped: this build has no `/v1/subjects/{uscc}/report`\n");
            return;
        }
        double[] ms = new double[count];
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/credit/v1/subjects/" + codes.get(1 + i * 97 % (codes.size() - 1))
                    + "/report?format=pdf")).header("Authorization", "Bearer " + regulator.get()).build();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = bench.sendBytes(request);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("report answered " + r.statusCode());
            }
            bytes += r.body().length;
        }
        Run run = new Run(count, Arrays.stream(ms).sum() / 1000, ms);
        bench.line("## PDF credit report (signed), one at a time through the gateway as the regulator");
        bench.line(String.format("- %d reports of different subjects: **p50 %.0f ms, p99 %.0f ms**, mean size %,d bytes", count, run.percentile(50),
                run.percentile(99), bytes / count));
        bench.line("");
    }

    private static void add(double[] sum, double[] values) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += values[i];
        }
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format("%.0f", v)).collect(Collectors.joining(", "));
    }
}

package cn.dongcheng.platform.bench;

import cn.dongcheng.platform.bench.BenchSupport.Target;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;


/**
 * The population-service benchmark (issue 13; {@code bench/population-bench}) against a running platform: the
 * street × age × sex table with disclosure control against the bare aggregation ({@link PopulationTableBenchmark}),
 * the 17-street single-year projection ({@link ProjectionBenchmark}), source-record ingestion against raw
 * {@code _bulk} ({@link PersonSourceIngestBenchmark}), and the audited look-up below; writes
 * {@code bench/results/population-<time>.md}.
 *
 * <pre>bench/population-bench [--only tables,projection,ingest,lookup] [--grow-to 2000000] [--rounds 5] [--table-requests 20]
 *      [--table-threads 2] [--projections 40] [--persons 10000] [--ingest-rounds 3] [--requests 2000] [--threads 8]</pre>
 *
 * <p>The look-up part, also run by {@code bench/industry-bench --only population}: the population look-up as users make it: {@code POST /v1/persons:lookup} (the ID number in the body, never in a URL)
 * with a statistician's token — unmasked, so every look-up writes an audit entry — directly and through the gateway,
 * against a raw Elasticsearch GET of the same person. Rounds run the three in an order shuffled with a seeded RNG.
 */
final class PopulationBenchmark {

    enum Variant {
        RAW("(1) raw Elasticsearch GET"),
        DIRECT("(2) service, statistician (audited)"),
        GATEWAY("(3) gateway, statistician (audited)");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final long ORDER_SEED = 13;
    private static final String AUDIT_COUNT = "{\"query\":{\"prefix\":{\"action\":\"READ_PERSON\"}}}";

    private final BenchSupport bench;
    private final String service;
    private final String gateway;
    private final int rounds;

    PopulationBenchmark(BenchSupport bench, String service, String gateway, int rounds) {
        this.bench = bench;
        this.service = service;
        this.gateway = gateway;
        this.rounds = rounds;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchSupport.options(args);
        BenchSupport bench = new BenchSupport(o.getOrDefault("es", "http://127.0.0.1:9200"), Integer.parseInt(o.getOrDefault("threads", "8")),
                URI.create(o.getOrDefault("issuer", "http://127.0.0.1:9000")), Path.of(o.getOrDefault("secrets", ".platform/secrets")));
        Set<String> phases = Set.of(o.getOrDefault("only", "tables,projection,ingest").split(","));
        String service = o.getOrDefault("service", "http://127.0.0.1:8081");
        String gateway = o.getOrDefault("gateway", "http://127.0.0.1:8080");
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "5"));
        Path out = Path.of(o.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);
        Supplier<String> statistician = bench.userToken("STATISTICIAN");

        if (o.containsKey("grow-to")) { // a second, larger point on the same platform: more demo persons first
            RegisterGrowth.growTo(bench, service, bench.clientToken(BenchSupport.LOADER_CLIENT), Long.parseLong(o.get("grow-to")));
        }
        bench.line("# population-service benchmark, " + OffsetDateTime.now(BEIJING));
        dataSet(bench);
        if (phases.contains("tables")) {
            new PopulationTableBenchmark(bench, service, gateway, rounds, Integer.parseInt(o.getOrDefault("table-threads", "2")), statistician)
                    .run(Integer.parseInt(o.getOrDefault("table-requests", "20")));
        }
        if (phases.contains("projection")) {
            new ProjectionBenchmark(bench, service, gateway, statistician).run(Integer.parseInt(o.getOrDefault("projections", "40")));
        }
        if (phases.contains("lookup")) {
            new PopulationBenchmark(bench, service, gateway, rounds).run(Integer.parseInt(o.getOrDefault("requests", "2000")));
        }
        if (phases.contains("ingest")) { // last: its bench persons are residents until it deletes them
            new PersonSourceIngestBenchmark(bench, service, gateway, bench.clientToken(BenchSupport.LOADER_CLIENT),
                    Integer.parseInt(o.getOrDefault("ingest-rounds", "3"))).run(Integer.parseInt(o.getOrDefault("persons", "10000")));
        }
        Path file = out.resolve("population-" + OffsetDateTime.now(BEIJING).toString().substring(0, 16).replace(':', '-') + ".md");
        Files.writeString(file, bench.report());
        System.out.println(bench.report());
        System.out.println("results written to " + file);
    }

    /** The register's size and the population indices' shards and sizes (the figures the sharding plan scales). */
    private static void dataSet(BenchSupport bench) {
        long persons = bench.get(bench.es + "/population-persons/_count").path("count").asLong();
        long residents = bench.post(bench.es + "/population-persons/_count", "{\"query\":{\"terms\":{\"residenceType\":"
                + "[\"REGISTERED_RESIDENT\",\"FLOATING_RESIDENT\"]}}}").path("count").asLong();
        bench.line(String.format("Data set: **%,d persons** in `population-persons`, %,d of them residents (常住: registered or floating).%n", persons, residents));
        bench.line("| index | primaries | replicas | documents | primary store | bytes per document |");
        bench.line("|---|---|---|---|---|---|");
        JsonNode indices = bench.get(bench.es + "/_cat/indices/population-*?format=json&bytes=b&h=index,pri,rep,docs.count,pri.store.size&s=index");
        for (JsonNode i : indices) {
            long docs = i.path("docs.count").asLong();
            long bytes = i.path("pri.store.size").asLong();
            bench.line(String.format("| %s | %s | %s | %,d | %,.1f MB | %s |", i.path("index").asText(), i.path("pri").asText(), i.path("rep").asText(),
                    docs, bytes / 1e6, docs == 0 ? "–" : String.format("%,.0f", (double) bytes / docs)));
        }
        bench.line("");
    }

    void run(int requests) throws Exception {
        List<String> ids = bench.sampleIds("population-persons", 10_000);
        if (ids.isEmpty()) {
            bench.line("## Population look-up\n- skipped: no persons in `population-persons`\n");
            return;
        }
        Supplier<String> statistician = bench.userToken("STATISTICIAN");
        IntFunction<String> body = i -> "{\"idNumber\":\"" + ids.get(i % ids.size()) + "\"}";
        Map<Variant, Target> targets = new EnumMap<>(Variant.class);
        targets.put(Variant.RAW, Target.anonymous(i -> bench.es + "/population-persons/_doc/" + ids.get(i % ids.size())));
        targets.put(Variant.DIRECT, new Target(i -> service + "/v1/persons:lookup", statistician, body));
        targets.put(Variant.GATEWAY, new Target(i -> gateway + "/api/population/v1/persons:lookup", statistician, body));
        statistician.get();
        List<String> jvms = List.of(service, gateway);
        BenchSupport.WarmUp warmUp = bench.warmUp(List.copyOf(targets.values()), 2_000, jvms);

        long auditBefore = auditEntries();
        Map<Variant, IntFunction<Target>> perRun = new EnumMap<>(Variant.class);
        targets.forEach((v, t) -> perRun.put(v, n -> t));
        BenchSupport.Rounds<Variant> measured = bench.interleave(perRun, rounds, new Random(ORDER_SEED), requests, bench.threads,
                statistician, jvms);
        List<Map<Variant, double[]>> results = measured.results();
        List<String> orders = measured.orders();
        long written = auditEntries() - auditBefore;
        long audited = 2L * rounds * requests;

        bench.line("## Population look-up (POST /v1/persons:lookup, audited)");
        bench.line(String.format("How measured: %d random persons of `population-persons`; %d requests per run from %d client threads; "
                + "%d rounds, each running the three variants in an order shuffled with seed %d (orders: %s); %d warm-up rounds first "
                + "(%.1f s of JIT compilation in the last). The statistician's look-ups are unmasked, so each one writes an audit entry.",
                ids.size(), requests, bench.threads, rounds, ORDER_SEED, String.join(" / ", orders), warmUp.rounds(),
                warmUp.lastRoundCompilingSeconds()));
        bench.line("");
        bench.medianTable(results, Variant.values(), v -> v.label, "service");
        bench.line("(medians over the rounds)");
        bench.ratioLine(results, Variant.RAW, Variant.DIRECT, "audited look-up vs raw GET");
        bench.ratioLine(results, Variant.RAW, Variant.GATEWAY, "audited look-up through the gateway vs raw GET");
        bench.ratioLine(results, Variant.DIRECT, Variant.GATEWAY, "gateway vs direct");
        bench.line(String.format("- audit entries (READ_PERSON_* in `population-audit`, counted through raw Elasticsearch before and after "
                + "the measured rounds): **%d written for %d audited look-ups — %s**", written, audited, written == audited ? "they match" : "MISMATCH"));
        bench.line("");
    }


    private long auditEntries() {
        bench.refresh("population-audit");
        return bench.post(bench.es + "/population-audit/_count", AUDIT_COUNT).path("count").asLong();
    }
}

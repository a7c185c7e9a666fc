package cn.dongcheng.platform.bench;

import cn.dongcheng.platform.bench.BenchSupport.Cpu;
import cn.dongcheng.platform.bench.BenchSupport.Run;
import cn.dongcheng.platform.bench.BenchSupport.Target;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.demodata.Calibration;
import cn.dongcheng.platform.demodata.EnterpriseGenerator;
import cn.dongcheng.platform.demodata.Scale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static cn.dongcheng.platform.bench.BenchSupport.median;

/**
 * The industry-service benchmark (issue: directory and monitoring), against a running platform. Every ratio is
 * measured in the same run, service and raw Elasticsearch back to back, because this machine is shared and noisy.
 *
 * <pre>java -cp demo-data-exec.jar … IndustryBenchmark [--service http://127.0.0.1:8082] [--es http://127.0.0.1:9200]
 *      [--threads 8] [--gets 10000] [--pairs 4] [--searches 2000] [--bulk 50000] [--scale city] [--out bench/results]
 *      [--only get,search,structure,bulk,identity,population] [--gateway http://127.0.0.1:8080] [--requests 5000]
 *      [--population http://127.0.0.1:8081] [--raw-batch 1000] [--run-dir .platform/run]
 *      [--issuer http://127.0.0.1:9000] [--secrets .platform/secrets]</pre>
 *
 * Actuator metrics are read with the {@code platform-bench} client's token, bulk uploads go in as the
 * {@code demo-data-loader} client, the structure analysis is asked as the demo statistician; both secrets are read
 * from {@code --secrets}. The identity part is {@link IdentityBenchmark}, the population look-up
 * {@link PopulationBenchmark}; resident memory and heap are sampled throughout ({@link MemorySampler}).
 */
public final class IndustryBenchmark {

    /** Results are named and stamped in Beijing time, the district's clock, whatever the host's zone. */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final BenchSupport bench;
    private final String service;
    private final String gateway;
    /**
     * Documents per raw {@code _bulk} request: the service's batch size ({@code platform.bulk.batch-size}, 1,000), sent
     * one at a time as the service's single writer thread does, so the baseline has the service's concurrency.
     */
    private final int rawBatch;
    private final String es;
    /** Shuffles the order of the sides inside each pair: whichever runs second meets a warmer (or busier) machine. */
    private final Random order = new Random(21);
    /** Pairs of look-up runs (raw, service) the median ratio is taken over. */
    private final int pairs;
    /** The token the service's structure analysis is asked with (a statistician's). */
    private final Supplier<String> statistician;
    /** The token bulk uploads go in with (the demo data loader's, DATA_STEWARD). */
    private final Supplier<String> loader;

    IndustryBenchmark(BenchSupport bench, String service, String gateway, int pairs, int rawBatch) {
        this.bench = bench;
        this.service = service;
        this.gateway = gateway;
        this.rawBatch = rawBatch;
        this.es = bench.es;
        this.pairs = pairs;
        this.statistician = bench.userToken("STATISTICIAN");
        this.loader = bench.clientToken(BenchSupport.LOADER_CLIENT);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchSupport.options(args);
        BenchSupport bench = new BenchSupport(o.getOrDefault("es", "http://127.0.0.1:9200"), Integer.parseInt(o.getOrDefault("threads", "8")),
                URI.create(o.getOrDefault("issuer", "http://127.0.0.1:9000")), Path.of(o.getOrDefault("secrets", ".platform/secrets")));
        String service = o.getOrDefault("service", "http://127.0.0.1:8082");
        int pairs = Integer.parseInt(o.getOrDefault("pairs", "4"));
        Set<String> phases = Set.of(o.getOrDefault("only", "get,search,structure,bulk,identity,population").split(","));
        Path out = Path.of(o.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);
        String gateway = o.getOrDefault("gateway", "http://127.0.0.1:8080");
        String population = o.getOrDefault("population", "http://127.0.0.1:8081");
        Path run = Path.of(o.getOrDefault("run-dir", ".platform/run"));
        IndustryBenchmark b = new IndustryBenchmark(bench, service, gateway, pairs, Integer.parseInt(o.getOrDefault("raw-batch", "1000")));
        List<MemorySampler.Process> measured = List.of(
                new MemorySampler.Process("industry-service", run.resolve("industry-service.pid"), service),
                new MemorySampler.Process("population-service", run.resolve("population-service.pid"), population),
                new MemorySampler.Process("gateway", run.resolve("gateway.pid"), gateway),
                new MemorySampler.Process("elasticsearch", Path.of(o.getOrDefault("es-pid-file", ".platform/elasticsearch/run/elasticsearch.pid")), null));
        try (MemorySampler memory = new MemorySampler(bench, measured).start()) {
            b.run(Integer.parseInt(o.getOrDefault("gets", "10000")), Integer.parseInt(o.getOrDefault("searches", "2000")),
                    Integer.parseInt(o.getOrDefault("bulk", "50000")), Scale.valueOf(o.getOrDefault("scale", "city").toUpperCase(Locale.ROOT)), phases);
            if (phases.contains("identity")) {
                new IdentityBenchmark(bench, service, gateway, pairs)
                        .run(bench.sampleCodes(Integer.parseInt(o.getOrDefault("gets", "10000"))), Integer.parseInt(o.getOrDefault("requests", "5000")));
            }
            if (phases.contains("population")) {
                new PopulationBenchmark(bench, population, gateway, pairs).run(Integer.parseInt(o.getOrDefault("requests", "5000")));
            }
            memory.close();
            memory.report();
        }
        Path file = out.resolve("industry-" + OffsetDateTime.now(BEIJING).toString().substring(0, 16).replace(':', '-') + ".md");
        Files.writeString(file, bench.report());
        System.out.println(bench.report());
        System.out.println("results written to " + file);
    }

    /**
     * @param phases which measurements to run (get, search, structure, bulk; identity runs in {@link IdentityBenchmark}):
     *               a single one is handy while profiling
     */
    private void run(int gets, int searches, int bulkLines, Scale scale, Set<String> phases) throws Exception {
        long entities = bench.get(es + "/industry-enterprises/_count").path("count").asLong();
        long reports = bench.get(es + "/industry-operating-indicators/_count").path("count").asLong();
        bench.line("# industry-service benchmark, " + OffsetDateTime.now(BEIJING));
        bench.line("");
        bench.line("Data: " + entities + " market entities, " + reports + " monthly reports; " + bench.threads + " client threads; "
                + Runtime.getRuntime().availableProcessors() + " cores shared by client, services, gateway and Elasticsearch.");
        bench.line("");
        if (phases.contains("get")) {
            getThroughput(bench.sampleCodes(gets));
        }
        if (phases.contains("search")) {
            nameSearch(searches);
        }
        if (phases.contains("structure")) {
            structure();
        }
        if (phases.contains("bulk")) {
            bulk(bulkLines, scale);
        }
    }

    // ---------------------------------------------------------------------------------------------- get by code

    /**
     * Raw and service runs alternate, each ratio taken from a neighbouring pair, and the median ratio is the result:
     * the machine's noise moves both sides of a pair alike. Warm-up pairs first, until the service's JIT has settled.
     */
    private void getThroughput(List<String> codes) throws Exception {
        IntFunction<String> raw = i -> es + "/industry-enterprises/_doc/" + codes.get(i % codes.size());
        IntFunction<String> svc = i -> service + "/v1/enterprises/" + codes.get(i % codes.size());
        IntFunction<String> viaGateway = i -> gateway + "/api/industry/v1/enterprises/" + codes.get(i % codes.size());
        List<IntFunction<String>> sides = List.of(raw, svc, viaGateway);
        List<String> jvms = List.of(service, gateway);
        BenchSupport.WarmUp warmUp = bench.warmUp(sides.stream().map(Target::anonymous).toList(), 5_000, jvms);
        List<double[]> rates = new ArrayList<>(); // {raw, service, gateway} per round
        List<String> costs = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            List<Integer> sequence = new ArrayList<>(List.of(0, 1, 2));
            Collections.shuffle(sequence, order);
            double[] rate = new double[3];
            double[][] us = new double[3][];
            for (int side : sequence) {
                Cpu before = bench.cpu(jvms);
                rate[side] = bench.load(sides.get(side), codes.size()).perSecond();
                us[side] = bench.cpu(jvms).perOperationSince(before, codes.size());
            }
            rates.add(rate);
            orders.add(sequence.stream().map(k -> List.of("raw", "service", "gateway").get(k)).collect(Collectors.joining(", ")));
            costs.add(String.format("CPU µs per request: raw — Elasticsearch %.0f; service — service %.0f, Elasticsearch %.0f; "
                    + "gateway — gateway %.0f, service %.0f, Elasticsearch %.0f", us[0][0], us[1][1], us[1][0], us[2][2], us[2][1], us[2][0]));
        }
        bench.line("## Get by code (public, no token)");
        bench.line("- " + codes.size() + " random codes per run, " + pairs + " rounds of three runs — raw Elasticsearch GET, service "
                + "GET /v1/enterprises/{uscc}, the same through the gateway — in an order shuffled per round (seed 21), after "
                + warmUp.rounds() + " warm-up rounds of 5,000 (until the service's and the gateway's JIT compilers "
                + String.format("settled: %.1f s of compilation in the last round):", warmUp.lastRoundCompilingSeconds()));
        for (int i = 0; i < rates.size(); i++) {
            double[] p = rates.get(i);
            bench.line(String.format("  - order %s: raw %.0f req/s, service %.0f, gateway %.0f: service ÷ raw %.2f, gateway ÷ raw %.2f (%s)",
                    orders.get(i), p[0], p[1], p[2], p[1] / p[0], p[2] / p[0], costs.get(i)));
        }
        bench.line(String.format("- **median ratio service ÷ raw = %.2f** (target ≥ 0.5); gateway ÷ raw = %.2f; gateway ÷ service = %.2f",
                median(rates.stream().map(r -> new double[] {r[0], r[1]}).toList()),
                median(rates.stream().map(r -> new double[] {r[0], r[2]}).toList()),
                median(rates.stream().map(r -> new double[] {r[1], r[2]}).toList())));
        bench.line("");
    }

    private static String cost(double[] us, boolean withService) {
        return withService ? String.format("CPU per operation: service %.0f µs, Elasticsearch %.0f µs, client %.0f µs", us[1], us[0], us[2])
                : String.format("CPU per operation: Elasticsearch %.0f µs, client %.0f µs", us[0], us[2]);
    }

    /** CPU so far of Elasticsearch, the service and this client. */
    private Cpu cpu() {
        return bench.cpu(List.of(service));
    }

    // ---------------------------------------------------------------------------------------------- name search

    private void nameSearch(int searches) throws Exception {
        List<String> names = new ArrayList<>();
        JsonNode hits = bench.post(es + "/industry-enterprises/_search", "{\"size\":500,\"_source\":[\"name\"],\"query\":{\"function_score\":"
                + "{\"random_score\":{\"seed\":7,\"field\":\"_seq_no\"}}}}").path("hits").path("hits");
        hits.forEach(h -> names.add(h.path("_source").path("name").asText()));
        SplittableRandom random = new SplittableRandom(11);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < searches; i++) {
            String n = names.get(random.nextInt(names.size())).replace("北京", "").replace("有限公司", "");
            int len = 2 + random.nextInt(2);
            int start = n.length() <= len ? 0 : random.nextInt(n.length() - len);
            terms.add(n.substring(start, Math.min(n.length(), start + len)));
        }
        IntFunction<String> svc = i -> service + "/v1/enterprises?size=20&q=" + URLEncoder.encode(terms.get(i % terms.size()), StandardCharsets.UTF_8);
        bench.load(svc, 200);
        Run run = bench.load(svc, searches);
        bench.line("## Name search (Chinese substrings of real names, " + bench.threads + " concurrent clients)");
        bench.line(String.format("- %d searches, %.0f req/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms", searches, run.perSecond(),
                run.percentile(50), run.percentile(90), run.percentile(99)));
        bench.line("");
    }

    // ---------------------------------------------------------------------------------------------- structure

    /**
     * Elasticsearch caches the answers of size-0 aggregations per shard (the request cache), so a repeated analysis is
     * answered from memory — not what a statistician meets with a new question. Every timed call here runs with the cache
     * cleared before it; the first call of all (caches and the service's code cold) is reported on its own, and the
     * cached figure beside them only to show the difference.
     */
    private void structure() throws Exception {
        String url = service + "/v1/structure-analyses?period=2024-12&measure=revenue&groupBy=division,street";
        clearRequestCache();
        double cold = timed(url);
        for (int i = 0; i < 3; i++) {
            clearRequestCache();
            timed(url);
        }
        List<Double> uncached = new ArrayList<>();
        List<Double> cached = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clearRequestCache();
            uncached.add(timed(url));
            cached.add(timed(url)); // the same question again: the request cache answers
        }
        Collections.sort(uncached);
        Collections.sort(cached);
        bench.line("## Full-year structure analysis (division × street, revenue, HHI/CR4/CR10, against 2023)");
        bench.line(String.format("- first call of the run (request cache cleared, this analysis not asked before in the run): **%.0f ms**", cold));
        bench.line(String.format("- 20 sequential runs, request cache cleared before each: **median %.0f ms** (target ≤ 1000), p90 %.0f ms, max %.0f ms",
                uncached.get(10), uncached.get(18), uncached.get(19)));
        bench.line(String.format("- for comparison, the same question asked again at once (request cache hit): median %.0f ms, max %.0f ms",
                cached.get(10), cached.get(19)));
        bench.line("");
    }

    private double timed(String url) {
        long t = System.nanoTime();
        HttpResponse<String> r = bench.send(statisticianGet(url));
        double ms = (System.nanoTime() - t) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("structure analysis answered " + r.statusCode() + ": " + r.body());
        }
        return ms;
    }

    private void clearRequestCache() {
        bench.post(es + "/industry-operating-indicators,industry-enterprises/_cache/clear?request=true", "{}");
    }

    /** The analysis is for statisticians and industry officers: asked with a statistician's token. */
    private HttpRequest statisticianGet(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + statistician.get()).GET().build();
    }

    // ---------------------------------------------------------------------------------------------- bulk

    /**
     * The service and raw {@code _bulk} write the same documents: generated registrations under bench-only codes
     * (organisation codes "MBX…", which the demo data never issues), the raw side writing the very documents the
     * service stored for them under codes of its own. Three kinds of upload, raw and service alternating:
     * <ul>
     *   <li>new entities (every line an insert);</li>
     *   <li>changed entities (registered capital raised on every line: every line rewritten);</li>
     *   <li>the same file delivered again (the service finds every record unchanged and writes nothing).</li>
     * </ul>
     * Every bench document is deleted again at the end (and at the start, should an earlier run have stopped half-way).
     */
    private void bulk(int lines, Scale scale) throws Exception {
        List<ObjectNode> registrations = new ArrayList<>(lines);
        new EnterpriseGenerator(Calibration.load()).generate(scale, 20201101, l -> {
            if (registrations.size() < lines) {
                registrations.add((ObjectNode) bench.read(l));
            }
        });
        int sets = 2 + 2 * BULK_ROUNDS; // warm-up service + raw, then a service and a raw set per round
        deleteBenchDocuments(sets, lines);
        // warm-up of both paths; the service's stored form of the warm-up set is what the raw side writes
        List<String> warmUp = withCodes(registrations, 0);
        bulkRun(warmUp, service + "/v1/enterprises:bulk", false);
        List<JsonNode> stored = storedDocuments(registrations.size(), 0);
        bulkRun(rawDocuments(stored, 1, false), es + "/_bulk", true);

        List<double[]> inserts = new ArrayList<>();   // {raw, service} written and refreshed
        List<double[]> updates = new ArrayList<>();
        List<double[]> insertsUnrefreshed = new ArrayList<>();
        List<String> insertCosts = new ArrayList<>();
        List<String> updateCosts = new ArrayList<>();
        List<double[]> updatesUnrefreshed = new ArrayList<>();
        List<String> bulkOrders = new ArrayList<>();
        for (int r = 0; r < BULK_ROUNDS; r++) {
            int serviceSet = 2 + 2 * r;
            int rawSet = serviceSet + 1;
            boolean rawFirst = order.nextBoolean();
            bulkOrders.add(rawFirst ? "raw first" : "service first");
            double[][] insert = pair(rawFirst, () -> bulkRun(rawDocuments(stored, rawSet, false), es + "/_bulk", true),
                    () -> bulkRun(withCodes(registrations, serviceSet), service + "/v1/enterprises:bulk", false));
            double[] rawInsert = insert[0];
            double[] svcInsert = insert[1];
            inserts.add(new double[] {rawInsert[1], svcInsert[1]});
            insertCosts.add(bulkCost(rawInsert, svcInsert));
            insertsUnrefreshed.add(new double[] {rawInsert[0], svcInsert[0]});
            double[][] update = pair(rawFirst, () -> bulkRun(rawDocuments(stored, rawSet, true), es + "/_bulk", true),
                    () -> bulkRun(withRaisedCapital(withCodes(registrations, serviceSet)), service + "/v1/enterprises:bulk", false));
            double[] rawUpdate = update[0];
            double[] svcUpdate = update[1];
            updates.add(new double[] {rawUpdate[1], svcUpdate[1]});
            updateCosts.add(bulkCost(rawUpdate, svcUpdate));
            updatesUnrefreshed.add(new double[] {rawUpdate[0], svcUpdate[0]});
        }
        double rawAgain = bulkRun(rawDocuments(stored, 3, true), es + "/_bulk", true)[1];
        double svcAgain = bulkRun(withRaisedCapital(withCodes(registrations, 2)), service + "/v1/enterprises:bulk", false)[1];
        deleteBenchDocuments(sets, lines);

        bench.line("## Bulk ingestion of " + lines + " market entities per run");
        bench.line("Service: NDJSON registrations, validated, history-checked against the stored record, audited. Raw: `_bulk` of the "
                + "documents the service stored for the same registrations. A run starts when no merge is running on the index and "
                + "ends when its documents are refreshed (visible). The service gets 5,000 lines per request and writes them in "
                + "batches of its `platform.bulk.batch-size` with one `_bulk` in flight; the raw side sends " + rawBatch + " documents per "
                + "`_bulk`, one at a time — the same concurrency. Median of " + BULK_ROUNDS + " pairs; which side runs first is "
                + "drawn per pair (seed 21): " + String.join(", ", bulkOrders) + ".");
        bench.line("- new entities (inserts):");
        for (int i = 0; i < inserts.size(); i++) {
            double[] p = inserts.get(i);
            bench.line(String.format("  - raw %.0f docs/s, service %.0f lines/s: ratio %.2f (%s)", p[0], p[1], p[1] / p[0], insertCosts.get(i)));
        }
        bench.line(String.format("  - **median ratio service ÷ raw = %.2f** (target ≥ 0.7)", median(inserts)));
        bench.line("- changed entities (registered capital raised on every line, so every document is rewritten):");
        for (int i = 0; i < updates.size(); i++) {
            double[] p = updates.get(i);
            bench.line(String.format("  - raw %.0f docs/s, service %.0f lines/s: ratio %.2f (%s)", p[0], p[1], p[1] / p[0], updateCosts.get(i)));
        }
        bench.line(String.format("  - **median ratio service ÷ raw = %.2f** (target ≥ 0.7)", median(updates)));
        bench.line(String.format("- the same runs timed without the closing refresh (the raw side then leaves its refresh to the next reader): "
                + "median ratio %.2f for inserts, %.2f for changes", median(insertsUnrefreshed), median(updatesUnrefreshed)));
        bench.line(String.format("- the same file delivered again: raw rewrites %.0f docs/s; the service finds every record unchanged and "
                + "writes nothing, %.0f lines/s (ratio %.2f — not comparable work, shown for completeness)", rawAgain, svcAgain, svcAgain / rawAgain));
        bench.line("");
    }

    private static final int BULK_ROUNDS = 5;

    /** Runs both sides of a pair in the order drawn; answers {raw, service}. */
    private static double[][] pair(boolean rawFirst, Supplier<double[]> raw, Supplier<double[]> service) {
        if (rawFirst) {
            double[] r = raw.get();
            return new double[][] {r, service.get()};
        }
        double[] s = service.get();
        return new double[][] {raw.get(), s};
    }

    private static String bulkCost(double[] raw, double[] service) {
        return String.format("CPU per line: raw — Elasticsearch %.0f µs; service — service %.0f µs, Elasticsearch %.0f µs",
                raw[2], service[3], service[2]);
    }

    /** Bench-only codes: set {@code set}, entity {@code i} → 91110101 MBX + 5 characters + both check characters. */
    static String benchCode(int set, int i) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int serial = set * 200_000 + i;
        StringBuilder body = new StringBuilder("MBX");
        for (int k = 0, v = serial; k < 5; k++, v /= alphabet.length()) {
            body.append(alphabet.charAt(v % alphabet.length()));
        }
        String first17 = "91110101" + body + UnifiedSocialCreditCode.organisationCheckCharacter(body.toString());
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private static List<String> withCodes(List<ObjectNode> registrations, int set) {
        List<String> out = new ArrayList<>(registrations.size());
        for (int i = 0; i < registrations.size(); i++) {
            out.add(registrations.get(i).deepCopy().put("uscc", benchCode(set, i)).toString());
        }
        return out;
    }

    private List<String> withRaisedCapital(List<String> lines) {
        return lines.stream().map(l -> {
            ObjectNode n = (ObjectNode) bench.read(l);
            BigDecimal capital = new BigDecimal(n.path("registeredCapital").asText("0"));
            return n.put("registeredCapital", capital.add(BigDecimal.valueOf(100)).toPlainString()).toString();
        }).toList();
    }

    /** What the service stored for set {@code set}, in line order. */
    private List<JsonNode> storedDocuments(int count, int set) {
        List<JsonNode> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i += 1000) {
            ObjectNode ids = bench.mapper().createObjectNode();
            var list = ids.putArray("ids");
            for (int k = i; k < Math.min(count, i + 1000); k++) {
                list.add(benchCode(set, k));
            }
            bench.post(es + "/industry-enterprises/_mget", ids.toString()).path("docs").forEach(d -> {
                if (!d.path("found").asBoolean()) {
                    throw new IllegalStateException("the service did not store " + d.path("_id").asText());
                }
                docs.add(d.path("_source"));
            });
        }
        return docs;
    }

    /** The stored documents under the codes of set {@code set}, as {@code _bulk} index actions; capital raised if asked. */
    private List<String> rawDocuments(List<JsonNode> stored, int set, boolean raisedCapital) {
        List<String> out = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            ObjectNode doc = ((ObjectNode) stored.get(i)).deepCopy().put("uscc", benchCode(set, i));
            if (raisedCapital && doc.has("registeredCapitalFen")) {
                doc.put("registeredCapitalFen", doc.path("registeredCapitalFen").asLong() + 10_000);
            }
            out.add("{\"index\":{\"_index\":\"industry-enterprises\",\"_id\":\"" + benchCode(set, i) + "\"}}\n" + doc + "\n");
        }
        return out;
    }

    private void deleteBenchDocuments(int sets, int count) throws Exception {
        for (int set = 0; set < sets; set++) {
            List<String> actions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                actions.add("{\"delete\":{\"_index\":\"industry-enterprises\",\"_id\":\"" + benchCode(set, i) + "\"}}\n");
            }
            bulkRun(actions, es + "/_bulk", true);
        }
    }

    /**
     * Sends the lines 5,000 per request, one request at a time; every line must be taken. Then refreshes the index:
     * a write is done when its documents are visible, and without this the side that writes blindly would leave its
     * refresh to whoever reads next (an index nobody searched for 30 s is search-idle and stops refreshing on its own;
     * the service's history look-ups are such reads).
     *
     * @return lines per second {written, written and refreshed}, then CPU µs per line {Elasticsearch, service, client}
     */
    private double[] bulkRun(List<String> lines, String url, boolean raw) {
        // the service's uploads go in as the demo data loader (DATA_STEWARD); raw Elasticsearch takes no token
        String authorization = raw ? null : "Bearer " + loader.get();
        awaitMergesDone();
        Cpu before = cpu();
        long start = System.nanoTime();
        int perRequest = raw ? rawBatch : 5000;
        for (int i = 0; i < lines.size(); i += perRequest) {
            List<String> chunk = lines.subList(i, Math.min(lines.size(), i + perRequest));
            String body = raw ? String.join("", chunk) : String.join("\n", chunk) + "\n";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> r = bench.send(request.build());
            JsonNode answer = r.statusCode() == 200 ? bench.read(r.body()) : null;
            boolean taken = answer != null && (raw ? !answer.path("errors").asBoolean(true) : answer.path("accepted").asLong() == chunk.size());
            if (!taken) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body().substring(0, Math.min(500, r.body().length())));
            }
        }
        long written = System.nanoTime();
        bench.refresh("industry-enterprises");
        long refreshed = System.nanoTime();
        double[] us = cpu().perOperationSince(before, lines.size());
        return new double[] {lines.size() / ((written - start) / 1e9), lines.size() / ((refreshed - start) / 1e9), us[0], us[1], us[2]};
    }

    /**
     * Waits (at most a minute) until the directory index has no merge running: the segments one run writes are merged
     * in the background, and without this wait that work would be billed to whichever run comes next — the other side.
     */
    private void awaitMergesDone() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (bench.get(es + "/industry-enterprises/_stats/merge").path("_all").path("total").path("merges").path("current").asLong() > 0
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

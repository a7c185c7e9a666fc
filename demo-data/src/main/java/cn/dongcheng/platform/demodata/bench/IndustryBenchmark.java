package cn.dongcheng.platform.demodata.bench;

import cn.dongcheng.platform.demodata.Calibration;
import cn.dongcheng.platform.demodata.EnterpriseGenerator;
import cn.dongcheng.platform.demodata.Scale;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The industry-service benchmark (issue: directory and monitoring), against a running platform. Every ratio is
 * measured in the same run, service and raw Elasticsearch back to back, because this machine is shared and noisy.
 *
 * <pre>java -cp demo-data-exec.jar … IndustryBenchmark [--service http://127.0.0.1:8082] [--es http://127.0.0.1:9200]
 *      [--threads 8] [--gets 10000] [--pairs 4] [--searches 2000] [--bulk 50000] [--scale city] [--out bench/results]
 *      [--only get,search,structure,bulk]</pre>
 */
public final class IndustryBenchmark {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String service;
    private final String es;
    private final int threads;
    /** Pairs of look-up runs (raw, service) the median ratio is taken over. */
    private final int pairs;
    private final StringBuilder report = new StringBuilder();

    private IndustryBenchmark(String service, String es, int threads, int pairs) {
        this.service = service;
        this.es = es;
        this.threads = threads;
        this.pairs = pairs;
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        IndustryBenchmark b = new IndustryBenchmark(o.getOrDefault("service", "http://127.0.0.1:8082"),
                o.getOrDefault("es", "http://127.0.0.1:9200"), Integer.parseInt(o.getOrDefault("threads", "8")),
                Integer.parseInt(o.getOrDefault("pairs", "4")));
        Path out = Path.of(o.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);
        b.run(Integer.parseInt(o.getOrDefault("gets", "10000")), Integer.parseInt(o.getOrDefault("searches", "2000")),
                Integer.parseInt(o.getOrDefault("bulk", "50000")), Scale.valueOf(o.getOrDefault("scale", "city").toUpperCase(Locale.ROOT)),
                java.util.Set.of(o.getOrDefault("only", "get,search,structure,bulk").split(",")));
        Path file = out.resolve("industry-" + OffsetDateTime.now().toString().substring(0, 16).replace(':', '-') + ".md");
        Files.writeString(file, b.report.toString());
        System.out.println(b.report);
        System.out.println("results written to " + file);
    }

    /** @param phases which measurements to run (get, search, structure, bulk): a single one is handy while profiling */
    private void run(int gets, int searches, int bulkLines, Scale scale, java.util.Set<String> phases) throws Exception {
        long entities = get(es + "/industry-enterprises/_count").path("count").asLong();
        long reports = get(es + "/industry-operating-indicators/_count").path("count").asLong();
        line("# industry-service benchmark, " + OffsetDateTime.now());
        line("");
        line("Data: " + entities + " market entities, " + reports + " monthly reports; " + threads + " client threads; "
                + Runtime.getRuntime().availableProcessors() + " cores shared by client, services and Elasticsearch.");
        line("");
        if (phases.contains("get")) {
            getThroughput(sampleCodes(gets));
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
        heap();
    }

    // ---------------------------------------------------------------------------------------------- get by code

    /**
     * Raw and service runs alternate, each ratio taken from a neighbouring pair, and the median ratio is the result:
     * the machine's noise moves both sides of a pair alike. Warm-up pairs first, so both JVMs run compiled code.
     */
    private void getThroughput(List<String> codes) throws Exception {
        IntFunction<String> raw = i -> es + "/industry-enterprises/_doc/" + codes.get(i % codes.size());
        IntFunction<String> svc = i -> service + "/v1/enterprises/" + codes.get(i % codes.size());
        // warm up until the service's just-in-time compiler has settled (less than 0.5 s of compilation during a
        // warm-up pair): a freshly started service compiles for minutes under load, and that time is not what a
        // look-up costs in a service that has been running
        int warmUps = 0;
        double compiling = Double.MAX_VALUE;
        for (double before = compilationMillis(); warmUps < MIN_WARM_UP_PAIRS || (warmUps < MAX_WARM_UP_PAIRS && compiling > 500); warmUps++) {
            load(raw, 5_000);
            load(svc, 5_000);
            double after = compilationMillis();
            compiling = after - before;
            before = after;
        }
        List<double[]> rates = new ArrayList<>(); // {raw, service} per pair
        List<String> costs = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Cpu c0 = cpu();
            double rawRate = load(raw, codes.size()).perSecond();
            Cpu c1 = cpu();
            double svcRate = load(svc, codes.size()).perSecond();
            Cpu c2 = cpu();
            rates.add(new double[] {rawRate, svcRate});
            costs.add("raw — " + cost(c1.perOperationSince(c0, codes.size()), false) + "; service — " + cost(c2.perOperationSince(c1, codes.size()), true));
        }
        line("## Get by code");
        line("- " + codes.size() + " random codes per run, " + pairs + " pairs of runs (raw Elasticsearch GET, then service "
                + "GET /v1/enterprises/{uscc}), after " + warmUps + " warm-up pairs of 5,000 (until the service's JIT compiler "
                + String.format("settled: %.1f s of compilation in the last pair):", compiling / 1000));
        for (int i = 0; i < rates.size(); i++) {
            double[] p = rates.get(i);
            line(String.format("  - raw %.0f req/s, service %.0f req/s: ratio %.2f (%s)", p[0], p[1], p[1] / p[0], costs.get(i)));
        }
        line(String.format("- **median ratio service ÷ raw = %.2f** (target ≥ 0.5)", median(rates)));
        line("");
    }

    private static final int MIN_WARM_UP_PAIRS = 4;
    private static final int MAX_WARM_UP_PAIRS = 40;

    /** The service JVM's accumulated just-in-time compilation time. */
    private double compilationMillis() {
        return get(service + "/actuator/metrics/jvm.compilation.time").path("measurements").get(0).path("value").asDouble();
    }

    private static double median(List<double[]> pairs) {
        double[] ratios = pairs.stream().mapToDouble(p -> p[1] / p[0]).sorted().toArray();
        return ratios.length % 2 == 1 ? ratios[ratios.length / 2] : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
    }

    // ---------------------------------------------------------------------------------------------- name search

    private void nameSearch(int searches) throws Exception {
        List<String> names = new ArrayList<>();
        JsonNode hits = post(es + "/industry-enterprises/_search", "{\"size\":500,\"_source\":[\"name\"],\"query\":{\"function_score\":"
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
        load(svc, 200);
        Run run = load(svc, searches);
        line("## Name search (Chinese substrings of real names, " + threads + " concurrent clients)");
        line(String.format("- %d searches, %.0f req/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms", searches, run.perSecond(),
                run.percentile(50), run.percentile(90), run.percentile(99)));
        line("");
    }

    // ---------------------------------------------------------------------------------------------- structure

    private void structure() throws Exception {
        String url = service + "/v1/structure-analyses?period=2024-12&measure=revenue&groupBy=division,street";
        for (int i = 0; i < 3; i++) {
            send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).GET().build());
            ms.add((System.nanoTime() - t) / 1e6);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("structure analysis answered " + r.statusCode() + ": " + r.body());
            }
        }
        Collections.sort(ms);
        line("## Full-year structure analysis (division × street, revenue, HHI/CR4/CR10, against 2023)");
        line(String.format("- 20 sequential runs: **median %.0f ms** (target ≤ 1000), p90 %.0f ms, max %.0f ms",
                ms.get(10), ms.get(18), ms.get(19)));
        line("");
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
                registrations.add((ObjectNode) read(l));
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
        for (int r = 0; r < BULK_ROUNDS; r++) {
            int serviceSet = 2 + 2 * r;
            int rawSet = serviceSet + 1;
            double[] rawInsert = bulkRun(rawDocuments(stored, rawSet, false), es + "/_bulk", true);
            double[] svcInsert = bulkRun(withCodes(registrations, serviceSet), service + "/v1/enterprises:bulk", false);
            inserts.add(new double[] {rawInsert[1], svcInsert[1]});
            insertCosts.add(bulkCost(rawInsert, svcInsert));
            insertsUnrefreshed.add(new double[] {rawInsert[0], svcInsert[0]});
            double[] rawUpdate = bulkRun(rawDocuments(stored, rawSet, true), es + "/_bulk", true);
            double[] svcUpdate = bulkRun(withRaisedCapital(withCodes(registrations, serviceSet)), service + "/v1/enterprises:bulk", false);
            updates.add(new double[] {rawUpdate[1], svcUpdate[1]});
            updateCosts.add(bulkCost(rawUpdate, svcUpdate));
            updatesUnrefreshed.add(new double[] {rawUpdate[0], svcUpdate[0]});
        }
        double rawAgain = bulkRun(rawDocuments(stored, 3, true), es + "/_bulk", true)[1];
        double svcAgain = bulkRun(withRaisedCapital(withCodes(registrations, 2)), service + "/v1/enterprises:bulk", false)[1];
        deleteBenchDocuments(sets, lines);

        line("## Bulk ingestion of " + lines + " market entities per run (5,000 lines per request, one request at a time)");
        line("Service: NDJSON registrations, validated, history-checked against the stored record, audited. Raw: `_bulk` of the "
                + "documents the service stored for the same registrations. A run starts when no merge is running on the index and "
                + "ends when its documents are refreshed (visible). "
                + "Runs alternate raw, service; median of " + BULK_ROUNDS + " pairs.");
        line("- new entities (inserts):");
        for (int i = 0; i < inserts.size(); i++) {
            double[] p = inserts.get(i);
            line(String.format("  - raw %.0f docs/s, service %.0f lines/s: ratio %.2f (%s)", p[0], p[1], p[1] / p[0], insertCosts.get(i)));
        }
        line(String.format("  - **median ratio service ÷ raw = %.2f** (target ≥ 0.7)", median(inserts)));
        line("- changed entities (registered capital raised on every line, so every document is rewritten):");
        for (int i = 0; i < updates.size(); i++) {
            double[] p = updates.get(i);
            line(String.format("  - raw %.0f docs/s, service %.0f lines/s: ratio %.2f (%s)", p[0], p[1], p[1] / p[0], updateCosts.get(i)));
        }
        line(String.format("  - **median ratio service ÷ raw = %.2f** (target ≥ 0.7)", median(updates)));
        line(String.format("- the same runs timed without the closing refresh (the raw side then leaves its refresh to the next reader): "
                + "median ratio %.2f for inserts, %.2f for changes", median(insertsUnrefreshed), median(updatesUnrefreshed)));
        line(String.format("- the same file delivered again: raw rewrites %.0f docs/s; the service finds every record unchanged and "
                + "writes nothing, %.0f lines/s (ratio %.2f — not comparable work, shown for completeness)", rawAgain, svcAgain, svcAgain / rawAgain));
        line("");
    }

    private static final int BULK_ROUNDS = 5;

    private static String bulkCost(double[] raw, double[] service) {
        return String.format("CPU per line: raw — Elasticsearch %.0f µs; service — service %.0f µs, Elasticsearch %.0f µs",
                raw[2], service[3], service[2]);
    }

    /** Bench-only codes: set {@code set}, entity {@code i} → 91110101 MBX + 5 characters + both check characters. */
    private static String benchCode(int set, int i) {
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
            ObjectNode n = (ObjectNode) read(l);
            java.math.BigDecimal capital = new java.math.BigDecimal(n.path("registeredCapital").asText("0"));
            return n.put("registeredCapital", capital.add(java.math.BigDecimal.valueOf(100)).toPlainString()).toString();
        }).toList();
    }

    /** What the service stored for set {@code set}, in line order. */
    private List<JsonNode> storedDocuments(int count, int set) {
        List<JsonNode> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i += 1000) {
            ObjectNode ids = mapper.createObjectNode();
            var list = ids.putArray("ids");
            for (int k = i; k < Math.min(count, i + 1000); k++) {
                list.add(benchCode(set, k));
            }
            post(es + "/industry-enterprises/_mget", ids.toString()).path("docs").forEach(d -> {
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
        awaitMergesDone();
        Cpu before = cpu();
        long start = System.nanoTime();
        for (int i = 0; i < lines.size(); i += 5000) {
            List<String> chunk = lines.subList(i, Math.min(lines.size(), i + 5000));
            String body = raw ? String.join("", chunk) : String.join("\n", chunk) + "\n";
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-ndjson")
                    .header("X-Caller", "bench").header("X-Caller-Role", "DATA_STEWARD")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            JsonNode answer = r.statusCode() == 200 ? read(r.body()) : null;
            boolean taken = answer != null && (raw ? !answer.path("errors").asBoolean(true) : answer.path("accepted").asLong() == chunk.size());
            if (!taken) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body().substring(0, Math.min(500, r.body().length())));
            }
        }
        long written = System.nanoTime();
        send(HttpRequest.newBuilder(URI.create(es + "/industry-enterprises/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build());
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
        while (get(es + "/industry-enterprises/_stats/merge").path("_all").path("total").path("merges").path("current").asLong() > 0
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- heap

    private void heap() throws Exception {
        double used = get(service + "/actuator/metrics/jvm.memory.used?tag=area:heap").path("measurements").get(0).path("value").asDouble();
        double max = get(service + "/actuator/metrics/jvm.memory.max?tag=area:heap").path("measurements").get(0).path("value").asDouble();
        line("## industry-service heap");
        line(String.format("- heap in use after the run %.0f MB of a maximum of %.0f MB (target ≤ 512 MB)", used / 1048576, max / 1048576));
        line("");
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    /** Accumulated CPU time of Elasticsearch (ms), the service (ns) and this client (ns). */
    private record Cpu(double esMillis, double serviceNanos, double clientNanos) {
        /** Microseconds of CPU per operation since {@code before}: {Elasticsearch, service, client}. */
        double[] perOperationSince(Cpu before, int operations) {
            return new double[] {(esMillis - before.esMillis) * 1000 / operations, (serviceNanos - before.serviceNanos) / 1000 / operations,
                    (clientNanos - before.clientNanos) / 1000 / operations};
        }
    }

    /**
     * CPU used so far by each party: cost per operation does not depend on who else had the cores at the time, so it
     * explains a ratio that the shared machine makes noisy.
     */
    private Cpu cpu() {
        JsonNode node = get(es + "/_nodes/_local/stats/process?filter_path=nodes.*.process.cpu.total_in_millis").path("nodes").elements().next();
        double service = get(this.service + "/actuator/metrics/process.cpu.time").path("measurements").get(0).path("value").asDouble();
        double client = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new Cpu(node.path("process").path("cpu").path("total_in_millis").asDouble(), service, client);
    }

    private static String cost(double[] us, boolean withService) {
        return withService ? String.format("CPU per operation: service %.0f µs, Elasticsearch %.0f µs, client %.0f µs", us[1], us[0], us[2])
                : String.format("CPU per operation: Elasticsearch %.0f µs, client %.0f µs", us[0], us[2]);
    }

    private record Run(int requests, double seconds, double[] latenciesMs) {
        double perSecond() {
            return requests / seconds;
        }

        double percentile(int p) {
            double[] sorted = latenciesMs.clone();
            java.util.Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }
    }

    /** {@code count} GETs spread over the client threads; every answer must be 200. */
    private Run load(IntFunction<String> url, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        double[] latencies = new double[count];
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url.apply(i))).GET().build());
                    latencies[i] = (System.nanoTime() - t0) / 1e6;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(url.apply(i) + " answered " + r.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return new Run(count, (System.nanoTime() - start) / 1e9, latencies);
    }

    private List<String> sampleCodes(int n) throws Exception {
        List<String> codes = new ArrayList<>();
        JsonNode hits = post(es + "/industry-enterprises/_search", "{\"size\":" + Math.min(n, 10000) + ",\"_source\":false,"
                + "\"query\":{\"function_score\":{\"random_score\":{\"seed\":3,\"field\":\"_seq_no\"}}}}").path("hits").path("hits");
        hits.forEach(h -> codes.add(h.path("_id").asText()));
        return codes;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String url) {
        return read(send(HttpRequest.newBuilder(URI.create(url)).GET().build()).body());
    }

    private JsonNode post(String url, String json) {
        return read(send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build()).body());
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(String s) {
        report.append(s).append('\n');
    }
}

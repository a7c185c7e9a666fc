package cn.dongcheng.platform.bench;

import cn.dongcheng.platform.identity.login.CachedToken;
import cn.dongcheng.platform.identity.login.ClientCredentials;
import cn.dongcheng.platform.identity.login.DemoUser;
import cn.dongcheng.platform.identity.login.DemoUsers;
import cn.dongcheng.platform.identity.login.PkceLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the benchmarks share: HTTP to the platform with real tokens, concurrent look-up runs with their latencies, the
 * CPU meter, the JIT-settling warm-up and the report being written.
 */
final class BenchSupport {

    /** The confidential client whose token (ADMINISTRATOR) reads the services' and the gateway's actuator metrics. */
    static final String BENCH_CLIENT = "platform-bench";
    /** The confidential client (DATA_STEWARD) bulk uploads go in as. */
    static final String LOADER_CLIENT = "demo-data-loader";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final StringBuilder report = new StringBuilder();
    final String es;
    final int threads;
    private final URI issuer;
    private final Path secrets;
    private final Supplier<String> benchToken;

    BenchSupport(String es, int threads, URI issuer, Path secrets) {
        this.es = es;
        this.threads = threads;
        this.issuer = issuer;
        this.secrets = secrets;
        this.benchToken = clientToken(BENCH_CLIENT);
    }

    // ---------------------------------------------------------------------------------------------- tokens

    /** A confidential client's token (client credentials, secret from {@code <secrets>/<client-id>}), renewed before it expires. */
    Supplier<String> clientToken(String clientId) {
        return new CachedToken(() -> new ClientCredentials(issuer, clientId, secret(clientId)).fetch(), TOKEN_MARGIN);
    }

    /** The token of the demo account holding {@code role}, logged in through authorization code + PKCE. */
    Supplier<String> userToken(String role) {
        DemoUser user = DemoUsers.load().forRole(role);
        return new CachedToken(() -> new PkceLogin(issuer).login(user.username(), user.password()), TOKEN_MARGIN);
    }

    /** A token is renewed when less than this is left: more than any one run lasts, so no run fetches a token. */
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(3);

    private String secret(String clientId) throws IOException {
        Path file = secrets.resolve(clientId);
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("no secret for " + clientId + " at " + file + " (./platform up writes it; or pass --secrets DIR)");
        }
        return Files.readString(file).trim();
    }

    // ---------------------------------------------------------------------------------------------- metrics

    /** The value of one actuator metric of a service or the gateway, read with the bench client's token. */
    double metric(String base, String nameAndTags) {
        return getJson(base + "/actuator/metrics/" + nameAndTags, benchToken).path("measurements").get(0).path("value").asDouble();
    }

    /** One statistic (COUNT, TOTAL_TIME, MAX …) of a metric; 0 while the metric does not exist yet (a timer never run). */
    double statistic(String base, String nameAndTags, String statistic) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/" + nameAndTags))
                .header("Authorization", "Bearer " + benchToken.get()).GET().build());
        if (r.statusCode() == 404) {
            return 0;
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException(nameAndTags + " answered " + r.statusCode() + ": " + r.body());
        }
        for (JsonNode m : read(r.body()).path("measurements")) {
            if (statistic.equals(m.path("statistic").asText())) {
                return m.path("value").asDouble();
            }
        }
        return 0;
    }

    /**
     * CPU used so far by Elasticsearch, each of the JVMs at {@code jvms} ({@code process.cpu.time}) and this client: cost
     * per operation does not depend on who else had the cores at the time, so it explains a ratio that the shared
     * machine makes noisy.
     */
    Cpu cpu(List<String> jvms) {
        double[] nanos = new double[jvms.size() + 2];
        nanos[0] = elasticsearchCpuNanos();
        for (int i = 0; i < jvms.size(); i++) {
            nanos[i + 1] = metric(jvms.get(i), "process.cpu.time");
        }
        nanos[nanos.length - 1] = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new Cpu(nanos);
    }

    /**
     * Elasticsearch's CPU so far. Node stats refresh their process figures only once a second
     * ({@code monitor.process.refresh_interval}), which read 0 µs for a sub-second run of raw GETs; so when the node
     * runs on this machine its {@code /proc/<pid>/stat} (user + system ticks) is read instead.
     */
    private double elasticsearchCpuNanos() {
        if (elasticsearchPid == null) {
            elasticsearchPid = get(es + "/_nodes/_local/process?filter_path=nodes.*.process.id").path("nodes").elements().next()
                    .path("process").path("id").asText();
        }
        try {
            String text = Files.readString(Path.of("/proc", elasticsearchPid, "stat"));
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * (1e9 / CLOCK_TICKS_PER_SECOND); // utime, stime
        } catch (IOException | RuntimeException e) { // a remote node
            return get(es + "/_nodes/_local/stats/process?filter_path=nodes.*.process.cpu.total_in_millis").path("nodes").elements()
                    .next().path("process").path("cpu").path("total_in_millis").asDouble() * 1e6;
        }
    }

    /** The local Elasticsearch node's process id, once known. */
    private String elasticsearchPid;

    /** {@code USER_HZ}: 100 on every Linux this runs on (the kernel ABI fixes it for /proc). */
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    /** Accumulated CPU nanoseconds: Elasticsearch, the measured JVMs in the order asked, then this client. */
    record Cpu(double[] nanos) {
        /** Microseconds of CPU per operation since {@code before}, in the same order. */
        double[] perOperationSince(Cpu before, int operations) {
            double[] us = new double[nanos.length];
            Arrays.setAll(us, i -> (nanos[i] - before.nanos[i]) / 1000 / operations);
            return us;
        }
    }

    // ---------------------------------------------------------------------------------------------- look-up runs

    record Run(int requests, double seconds, double[] latenciesMs) {
        double perSecond() {
            return requests / seconds;
        }

        double percentile(int p) {
            double[] sorted = latenciesMs.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }
    }

    /**
     * One kind of look-up: where request {@code i} goes, the token it carries (null: none) and its JSON body (null: a
     * GET; else a POST, as for look-ups by a person's ID number, which never goes into a URL).
     */
    record Target(IntFunction<String> url, Supplier<String> token, IntFunction<String> body) {
        Target(IntFunction<String> url, Supplier<String> token) {
            this(url, token, null);
        }

        static Target anonymous(IntFunction<String> url) {
            return new Target(url, null, null);
        }

        HttpRequest request(int i, String bearer) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.apply(i)));
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.apply(i)));
            }
            if (bearer != null) {
                request.header("Authorization", bearer);
            }
            return request.build();
        }
    }

    /** {@code count} GETs without a token spread over the client threads; every answer must be 200. */
    Run load(IntFunction<String> url, int count) throws Exception {
        return load(Target.anonymous(url), count);
    }

    /** {@code count} requests spread over the client threads, all with the same token (taken before the clock starts). */
    Run load(Target target, int count) throws Exception {
        return load(target, count, threads);
    }

    /** As {@link #load(Target, int)} from {@code threads} client threads (heavy requests: fewer than the cores' worth queue up). */
    Run load(Target target, int count, int threads) throws Exception {
        String bearer = target.token() == null ? null : "Bearer " + target.token().get();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        double[] latencies = new double[count];
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    HttpRequest request = target.request(i, bearer);
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = send(request);
                    latencies[i] = (System.nanoTime() - t0) / 1e6;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(request.uri() + " answered " + r.statusCode());
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

    /**
     * Warm-up rounds (every target {@code perTarget} times) until the just-in-time compilers of the JVMs at {@code jvms}
     * have settled (less than 0.5 s of compilation during a round, at least {@value #MIN_WARM_UP_ROUNDS} rounds): a
     * freshly started service compiles for minutes under load, and that time is not what a look-up costs in a service
     * that has been running.
     */
    WarmUp warmUp(List<Target> targets, int perTarget, List<String> jvms) throws Exception {
        int rounds = 0;
        double compiling = Double.MAX_VALUE;
        for (double before = compilationMillis(jvms); rounds < MIN_WARM_UP_ROUNDS || (rounds < MAX_WARM_UP_ROUNDS && compiling > 500); rounds++) {
            for (Target t : targets) {
                load(t, perTarget);
            }
            double after = compilationMillis(jvms);
            compiling = after - before;
            before = after;
        }
        return new WarmUp(rounds, compiling / 1000);
    }

    /**
     * Interleaved rounds: each round runs every variant once ({@code requests} requests from {@code threads} client
     * threads, the target built per run so that a run may ask what no earlier run asked), in an order shuffled with
     * {@code order}; {@code token} is renewed before each run's clock starts. Each run's entry holds requests/s, p50,
     * p99, then CPU µs per request of Elasticsearch, the JVMs at {@code jvms} and this client.
     */
    <V extends Enum<V>> Rounds<V> interleave(Map<V, IntFunction<Target>> targets, int rounds, Random order, int requests,
                                             int threads, Supplier<String> token, List<String> jvms) throws Exception {
        List<Map<V, double[]>> results = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<V> variants = new ArrayList<>(targets.keySet());
            Collections.shuffle(variants, order);
            orders.add(variants.stream().map(v -> String.valueOf(v.ordinal() + 1)).collect(Collectors.joining(",")));
            Map<V, double[]> round = new HashMap<>();
            for (V v : variants) {
                Target target = targets.get(v).apply(requests);
                token.get();
                Cpu before = cpu(jvms);
                Run run = load(target, requests, threads);
                double[] us = cpu(jvms).perOperationSince(before, requests);
                // requests/s, p50, p99, then the CPU µs per request of Elasticsearch, each of the jvms and the client
                double[] row = new double[3 + us.length];
                row[0] = run.perSecond();
                row[1] = run.percentile(50);
                row[2] = run.percentile(99);
                System.arraycopy(us, 0, row, 3, us.length);
                round.put(v, row);
                System.out.printf("round %d/%d %-60s p50 %7.1f ms  p99 %7.1f ms%n", r + 1, rounds, v, run.percentile(50), run.percentile(99));
            }
            results.add(round);
        }
        return new Rounds<>(results, orders);
    }

    /** The runs of {@link #interleave}, round by round, and each round's order (variants numbered by ordinal + 1). */
    record Rounds<V>(List<Map<V, double[]>> results, List<String> orders) {
    }

    /** How many warm-up rounds ran and how many seconds the JVMs spent compiling in the last. */
    record WarmUp(int rounds, double lastRoundCompilingSeconds) {
    }

    private static final int MIN_WARM_UP_ROUNDS = 4;
    private static final int MAX_WARM_UP_ROUNDS = 40;

    /** The JVMs' accumulated just-in-time compilation time, summed. */
    private double compilationMillis(List<String> jvms) {
        return jvms.stream().mapToDouble(j -> metric(j, "jvm.compilation.time")).sum();
    }

    /** The median of the ratios second ÷ first over the pairs. */
    static double median(List<double[]> pairs) {
        return median(pairs.stream().mapToDouble(p -> p[1] / p[0]).toArray());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** {@code n} (at most 10,000) codes of the directory, in a fixed random order. */
    List<String> sampleCodes(int n) {
        return sampleIds("industry-enterprises", n);
    }

    /** {@code n} (at most 10,000) document ids of an index, in a fixed random order. */
    List<String> sampleIds(String index, int n) {
        List<String> ids = new ArrayList<>();
        JsonNode hits = post(es + "/" + index + "/_search", "{\"size\":" + Math.min(n, 10000) + ",\"_source\":false,"
                + "\"query\":{\"function_score\":{\"random_score\":{\"seed\":3,\"field\":\"_seq_no\"}}}}").path("hits").path("hits");
        hits.forEach(h -> ids.add(h.path("_id").asText()));
        return ids;
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request whose answer is bytes (a PDF). */
    HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET without a token (Elasticsearch), the answer parsed. */
    JsonNode get(String url) {
        return read(send(HttpRequest.newBuilder(URI.create(url)).GET().build()).body());
    }

    /** A GET with the token; the answer must be 200. */
    JsonNode getJson(String url, Supplier<String> token) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token.get()).GET().build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return read(r.body());
    }

    /** Makes an index's recent writes searchable (no body: Elasticsearch refuses one on _refresh). */
    void refresh(String index) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(es + "/" + index + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("refresh of " + index + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    JsonNode post(String url, String json) {
        return read(send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build()).body());
    }

    /** POSTs NDJSON lines (a raw {@code _bulk}) and reads the answer. */
    JsonNode postNdjson(String url, String lines) {
        return read(send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines)).build()).body());
    }

    JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    // ---------------------------------------------------------------------------------------------- report

    /** {@code --name value} pairs of a benchmark's command line. */
    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }

    /**
     * The table of an interleaved comparison: per variant (numbered by its ordinal + 1) the medians over the rounds of
     * requests/s, p50, p99 and the CPU µs per request of Elasticsearch, the service, the gateway and the client — each
     * round's entry holding those seven figures in that order.
     */
    <V extends Enum<V>> void medianTable(List<Map<V, double[]>> rounds, V[] variants, Function<V, String> label, String serviceColumn) {
        medianTable(rounds, variants, label, List.of(serviceColumn, "gateway"));
    }

    /**
     * The same with any processes between Elasticsearch and the client ({@link #cpu} of those, in that order): each
     * round's entry holds requests/s, p50, p99, then the CPU µs per request of Elasticsearch, each process and the client.
     */
    <V extends Enum<V>> void medianTable(List<Map<V, double[]>> rounds, V[] variants, Function<V, String> label, List<String> processes) {
        int fields = 3 + 1 + processes.size() + 1;
        line("| variant | req/s | p50 ms | p99 ms | CPU µs/request: Elasticsearch | " + String.join(" | ", processes) + " | client |");
        line("|---" + "|---".repeat(fields) + "|");
        for (V v : variants) {
            StringBuilder row = new StringBuilder("| " + label.apply(v));
            for (int k = 0; k < fields; k++) {
                int field = k;
                double m = median(rounds.stream().mapToDouble(r -> r.get(v)[field]).toArray());
                row.append(k == 1 || k == 2 ? String.format(" | %.1f", m) : String.format(" | %.0f", m));
            }
            line(row.append(" |").toString());
        }
    }

    /** One ratio of an interleaved comparison: the median over the rounds of (of)÷(to) in requests/s, and each round's. */
    <V extends Enum<V>> void ratioLine(List<Map<V, double[]>> rounds, V to, V of, String meaning) {
        List<double[]> pairs = rounds.stream().map(r -> new double[] {r.get(to)[0], r.get(of)[0]}).toList();
        line(String.format("- %s: (%d)÷(%d) = **%.2f** — per round %s", meaning, of.ordinal() + 1, to.ordinal() + 1, median(pairs),
                pairs.stream().map(p -> String.format("%.2f", p[1] / p[0])).collect(Collectors.joining(", "))));
    }

    /**
     * One latency ratio of an interleaved comparison: the median over the rounds of (of)÷(to) in p50 and in p99 (fields
     * 1 and 2 of a round's entry), with each round's p50 ratio; answers the median p50 ratio.
     */
    <V extends Enum<V>> double latencyRatioLine(List<Map<V, double[]>> rounds, V to, V of, String meaning) {
        List<double[]> p50 = rounds.stream().map(r -> new double[] {r.get(to)[1], r.get(of)[1]}).toList();
        List<double[]> p99 = rounds.stream().map(r -> new double[] {r.get(to)[2], r.get(of)[2]}).toList();
        double ratio = median(p50);
        line(String.format("- %s: (%d)÷(%d) latency = **%.2f at p50**, %.2f at p99 — p50 per round %s", meaning, of.ordinal() + 1,
                to.ordinal() + 1, ratio, median(p99), p50.stream().map(p -> String.format("%.2f", p[1] / p[0])).collect(Collectors.joining(", "))));
        return ratio;
    }

    void line(String s) {
        report.append(s).append('\n');
    }

    String report() {
        return report.toString();
    }
}

package cn.dongcheng.platform.demodata.bench;

import cn.dongcheng.platform.demodata.Calibration;
import cn.dongcheng.platform.demodata.EnterpriseGenerator;
import cn.dongcheng.platform.demodata.Scale;
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
 *      [--threads 8] [--gets 20000] [--searches 2000] [--bulk 50000] [--scale city] [--out bench/results]</pre>
 */
public final class IndustryBenchmark {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String service;
    private final String es;
    private final int threads;
    private final StringBuilder report = new StringBuilder();

    private IndustryBenchmark(String service, String es, int threads) {
        this.service = service;
        this.es = es;
        this.threads = threads;
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        IndustryBenchmark b = new IndustryBenchmark(o.getOrDefault("service", "http://127.0.0.1:8082"),
                o.getOrDefault("es", "http://127.0.0.1:9200"), Integer.parseInt(o.getOrDefault("threads", "8")));
        Path out = Path.of(o.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);
        b.run(Integer.parseInt(o.getOrDefault("gets", "20000")), Integer.parseInt(o.getOrDefault("searches", "2000")),
                Integer.parseInt(o.getOrDefault("bulk", "50000")), Scale.valueOf(o.getOrDefault("scale", "city").toUpperCase(Locale.ROOT)));
        Path file = out.resolve("industry-" + OffsetDateTime.now().toString().substring(0, 16).replace(':', '-') + ".md");
        Files.writeString(file, b.report.toString());
        System.out.println(b.report);
        System.out.println("results written to " + file);
    }

    private void run(int gets, int searches, int bulkLines, Scale scale) throws Exception {
        long entities = get(es + "/industry-enterprises/_count").path("count").asLong();
        long reports = get(es + "/industry-operating-indicators/_count").path("count").asLong();
        line("# industry-service benchmark, " + OffsetDateTime.now());
        line("");
        line("Data: " + entities + " market entities, " + reports + " monthly reports; " + threads + " client threads; "
                + Runtime.getRuntime().availableProcessors() + " cores shared by client, services and Elasticsearch.");
        line("");
        List<String> codes = sampleCodes(gets);
        getThroughput(codes);
        nameSearch(searches);
        structure();
        bulk(bulkLines, scale);
        heap();
    }

    // ---------------------------------------------------------------------------------------------- get by code

    private void getThroughput(List<String> codes) throws Exception {
        IntFunction<String> raw = i -> es + "/industry-enterprises/_doc/" + codes.get(i % codes.size());
        IntFunction<String> svc = i -> service + "/v1/enterprises/" + codes.get(i % codes.size());
        load(raw, 5_000);
        load(svc, 5_000); // warm-up: JIT and caches on both sides before anything is measured
        double raw1 = load(raw, codes.size()).perSecond();
        double svc1 = load(svc, codes.size()).perSecond();
        double raw2 = load(raw, codes.size()).perSecond();
        double svc2 = load(svc, codes.size()).perSecond();
        double rawMean = (raw1 + raw2) / 2;
        double svcMean = (svc1 + svc2) / 2;
        line("## Get by code");
        line(String.format("- raw Elasticsearch GET: %.0f and %.0f req/s (mean %.0f)", raw1, raw2, rawMean));
        line(String.format("- service GET /v1/enterprises/{uscc}: %.0f and %.0f req/s (mean %.0f)", svc1, svc2, svcMean));
        line(String.format("- **ratio service ÷ raw = %.2f** (target ≥ 0.5)", svcMean / rawMean));
        line("");
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

    private void bulk(int lines, Scale scale) throws Exception {
        List<String> input = new ArrayList<>(lines);
        new EnterpriseGenerator(Calibration.load()).generate(scale, 20201101, l -> {
            if (input.size() < lines) {
                input.add(l);
            }
        });
        // the raw side writes the very documents the service stored for these lines
        List<String> codes = input.stream().map(l -> read(l).path("uscc").asText()).toList();
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < codes.size(); i += 1000) {
            ObjectNode ids = mapper.createObjectNode();
            codes.subList(i, Math.min(codes.size(), i + 1000)).forEach(ids.putArray("ids")::add);
            post(es + "/industry-enterprises/_mget", ids.toString()).path("docs").forEach(d -> {
                if (d.path("found").asBoolean()) {
                    stored.add("{\"index\":{\"_index\":\"industry-enterprises\",\"_id\":\"" + d.path("_id").asText() + "\"}}\n" + d.path("_source") + "\n");
                }
            });
        }
        bulkRun(stored.subList(0, Math.min(10_000, stored.size())), es + "/_bulk", true);   // warm-up of both paths
        bulkRun(input.subList(0, Math.min(10_000, input.size())), service + "/v1/enterprises:bulk", false);
        double raw1 = bulkRun(stored, es + "/_bulk", true);
        double svc1 = bulkRun(input, service + "/v1/enterprises:bulk", false);
        double raw2 = bulkRun(stored, es + "/_bulk", true);
        double svc2 = bulkRun(input, service + "/v1/enterprises:bulk", false);
        double rawMean = (raw1 + raw2) / 2;
        double svcMean = (svc1 + svc2) / 2;
        line("## Bulk ingestion of " + input.size() + " market entities (5,000 per request, one request at a time)");
        line(String.format("- raw _bulk of the stored documents: %.0f and %.0f docs/s", raw1, raw2));
        line(String.format("- service NDJSON (validation, history check, audit): %.0f and %.0f lines/s", svc1, svc2));
        line(String.format("- **ratio service ÷ raw = %.2f** (target ≥ 0.7)", svcMean / rawMean));
        line("");
    }

    private double bulkRun(List<String> lines, String url, boolean raw) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < lines.size(); i += 5000) {
            String body = String.join(raw ? "" : "\n", lines.subList(i, Math.min(lines.size(), i + 5000))) + (raw ? "" : "\n");
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-ndjson")
                    .header("X-Caller", "bench").header("X-Caller-Role", "DATA_STEWARD")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body().substring(0, Math.min(500, r.body().length())));
            }
        }
        return lines.size() / ((System.nanoTime() - start) / 1e9);
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

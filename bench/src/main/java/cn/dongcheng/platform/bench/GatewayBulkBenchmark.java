package cn.dongcheng.platform.bench;

import cn.dongcheng.platform.demodata.Calibration;
import cn.dongcheng.platform.demodata.EnterpriseGenerator;
import cn.dongcheng.platform.demodata.Scale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Issue 9's large-body part of {@code bench/gateway-bench}: a bulk upload of the largest body the platform accepts,
 * through the gateway, with the gateway's resident memory ({@code /proc/<pid>/status} VmRSS) and the JVM's direct
 * buffers (actuator {@code jvm.buffer.memory.used}, id=direct) sampled every 100 ms while it streams; then a body one
 * line over the limit, which must be refused with a 413 problem. The enterprises are bench-only codes (set
 * {@value #SET}), deleted again at the end. Prints a Markdown section to standard output.
 */
final class GatewayBulkBenchmark {

    private static final int SET = 20;
    private static final long DEFAULT_LIMIT = 64L * 1024 * 1024;

    private final BenchSupport bench;
    private final String gateway;
    private final long gatewayPid;
    private final Supplier<String> loader;

    private GatewayBulkBenchmark(BenchSupport bench, String gateway, long gatewayPid) {
        this.bench = bench;
        this.gateway = gateway;
        this.gatewayPid = gatewayPid;
        this.loader = bench.clientToken(BenchSupport.LOADER_CLIENT);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchSupport.options(args);
        BenchSupport bench = new BenchSupport(o.getOrDefault("es", "http://127.0.0.1:9200"), 1,
                URI.create(o.getOrDefault("issuer", "http://127.0.0.1:9000")), Path.of(o.getOrDefault("secrets", ".platform/secrets")));
        GatewayBulkBenchmark b = new GatewayBulkBenchmark(bench, o.getOrDefault("gateway", "http://127.0.0.1:8080"),
                Long.parseLong(o.get("gateway-pid")));
        long limit = Long.parseLong(o.getOrDefault("limit-bytes", String.valueOf(DEFAULT_LIMIT)));
        b.run(Path.of(o.getOrDefault("work", System.getProperty("java.io.tmpdir"))), limit);
        System.out.print(bench.report());
    }

    private void run(Path work, long limit) throws Exception {
        Path atLimit = work.resolve("bulk-at-limit.ndjson");
        Path overLimit = work.resolve("bulk-over-limit.ndjson");
        int lines = writeBody(atLimit, overLimit, limit);
        try {
            Upload accepted = upload(atLimit);
            Upload refused = upload(overLimit);
            JsonNode report = accepted.status() == 200 ? bench.read(accepted.body()) : null;
            long taken = report == null ? 0 : report.path("accepted").asLong() + report.path("unchanged").asLong();
            bench.line("");
            bench.line("## Bulk upload of the largest accepted body through the gateway");
            bench.line(String.format("Limit %,d bytes (the services' and the gateway's `max-body-bytes`). Gateway memory sampled every 100 ms "
                    + "during each upload: resident set (VmRSS) and the JVM's direct buffers.", limit));
            bench.line("");
            bench.line("| body | bytes | lines | answer | seconds | gateway RSS before → max (growth) MB | direct buffers max MB |");
            bench.line("|---|---|---|---|---|---|---|");
            bench.line(accepted.row("at the limit", lines, report == null ? accepted.status() + " " + abbreviate(accepted.body())
                    : String.format("200, %d of %d lines stored", taken, lines)));
            bench.line(refused.row("one line over", lines + 1, refused.status() + " " + refused.contentType()));
            bench.line("");
            bench.line(String.format("- largest body stored: **%s**; over the limit: **%s in %.2f s** (goal: 413 problem in under a second); "
                            + "gateway RSS growth during the upload **%.0f MB** (goal < 50 MB)", taken == lines ? "yes" : "NO",
                    refused.status(), refused.seconds(), accepted.rssGrowthMb()));
        } finally {
            deleteBenchEnterprises(lines);
        }
    }

    /** Registrations under bench codes until the next line would pass {@code limit}; the second file has one line more. */
    private int writeBody(Path atLimit, Path overLimit, long limit) throws IOException {
        AtomicLong bytes = new AtomicLong();
        int[] count = {0};
        String[] extra = {null};
        try (BufferedWriter out = Files.newBufferedWriter(atLimit, StandardCharsets.UTF_8)) {
            new EnterpriseGenerator(Calibration.load()).generate(Scale.CITY, 20201101, l -> {
                if (extra[0] != null) {
                    return;
                }
                String line = ((ObjectNode) bench.read(l)).put("uscc", IndustryBenchmark.benchCode(SET, count[0])) + "\n";
                long size = line.getBytes(StandardCharsets.UTF_8).length;
                if (bytes.get() + size > limit) {
                    extra[0] = line;
                    return;
                }
                try {
                    out.write(line);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                bytes.addAndGet(size);
                count[0]++;
            });
        }
        if (extra[0] == null) {
            throw new IllegalStateException("the generated directory is smaller than the limit of " + limit + " bytes");
        }
        Files.copy(atLimit, overLimit);
        Files.writeString(overLimit, extra[0], StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return count[0];
    }

    /** One upload's answer and the gateway's memory while it ran. */
    private record Upload(int status, String contentType, String body, double seconds, long bytes, double rssBeforeMb,
                          double rssMaxMb, double directMaxMb) {
        double rssGrowthMb() {
            return rssMaxMb - rssBeforeMb;
        }

        String row(String what, int lines, String answer) {
            return String.format("| %s | %,d | %,d | %s | %.2f | %.0f → %.0f (+%.0f) | %.1f |", what, bytes, lines, answer, seconds,
                    rssBeforeMb, rssMaxMb, rssGrowthMb(), directMaxMb);
        }
    }

    private Upload upload(Path body) throws Exception {
        double rssBefore = rssMb();
        AtomicBoolean running = new AtomicBoolean(true);
        double[] max = {rssBefore, directMb()};
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                max[0] = Math.max(max[0], rssMb());
                max[1] = Math.max(max[1], directMb());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gateway-memory-sampler");
        sampler.start();
        long start = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = bench.send(HttpRequest.newBuilder(URI.create(gateway + "/api/industry/v1/enterprises:bulk"))
                    .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + loader.get())
                    .POST(HttpRequest.BodyPublishers.ofFile(body)).build());
        } finally {
            running.set(false);
            sampler.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Upload(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), seconds, Files.size(body),
                rssBefore, Math.max(max[0], rssMb()), max[1]);
    }

    private double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(gatewayPid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the gateway's memory (pid " + gatewayPid + ")", e);
        }
        return Double.NaN;
    }

    private double directMb() {
        return bench.metric(gateway, "jvm.buffer.memory.used?tag=id:direct") / 1024 / 1024;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private void deleteBenchEnterprises(int lines) {
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i <= lines; i++) {
            actions.append("{\"delete\":{\"_index\":\"industry-enterprises\",\"_id\":\"").append(IndustryBenchmark.benchCode(SET, i)).append("\"}}\n");
            if (i % 5000 == 4999 || i == lines) {
                bench.postNdjson(bench.es + "/_bulk", actions.toString());
                actions.setLength(0);
            }
        }
    }
}

package cn.dongcheng.platform.bench;

import cn.dongcheng.platform.bench.BenchSupport.Cpu;
import cn.dongcheng.platform.demodata.ChunkedUploader;
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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static cn.dongcheng.platform.bench.BenchSupport.median;

/**
 * The spot-check benchmark (issue 12) against a running city-scale platform: the path a regulator takes through the
 * gateway — task, pool (industry-service's directory stream and credit-service's risk classes over Feign), random
 * sources, draw, assignment of inspectors — timed end to end per pool size, with the share of each step (the service's
 * {@code supervision.spot-check.steps} timers), CPU per process, heap allocated and peak heap of the service; against
 * streaming the same codes straight from Elasticsearch (point in time + search_after over {@code industry-enterprises},
 * the same filters and fields). Every pool size and both sides run in an order shuffled per round.
 *
 * <p>Each task gets a department of its own (plan, inspection item and {@code --inspectors} inspectors created through
 * the API as set-up, untimed), so no task inherits the workload or the previous-inspector exclusions of an earlier
 * run: every measurement meets the same conditions.
 *
 * <pre>bench/supervision-bench [--rounds 3 (0: load the data only)] [--pools street,section-f,section-l,section-k,active] [--million false] [--inspectors 500]</pre>
 */
public final class SupervisionBenchmark {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final long ORDER_SEED = 41;
    private static final String ES_INDEX = "industry-enterprises";
    private static final String QUALIFICATION = "基准测试检查资格";
    private static final List<String> STREAM_FIELDS = List.of("uscc", "status", "streetCode", "industrySection");

    /** A pool of the curve: its name and the task's target filters (status ACTIVE always). */
    record PoolSpec(String name, String streetCode, String section) {
        Map<String, String> filters() {
            Map<String, String> f = new LinkedHashMap<>();
            if (streetCode != null) {
                f.put("streetCode", streetCode);
            }
            if (section != null) {
                f.put("industrySection", section);
            }
            f.put("status", "ACTIVE");
            return f;
        }
    }

    static final Map<String, PoolSpec> POOLS = Map.of(
            "street", new PoolSpec("street", "110101009", null),
            "section-f", new PoolSpec("section-f", null, "F"),
            "section-l", new PoolSpec("section-l", null, "L"),
            "section-k", new PoolSpec("section-k", null, "K"),
            "active", new PoolSpec("active", null, null),
            "warm-up", new PoolSpec("warm-up", "110101016", "L"));

    /** The service's step timers: operation → steps, in the order they run. */
    static final Map<String, List<String>> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("pool", List.of("frequency-window", "directory", "risk-classes", "freeze", "store"));
        STEPS.put("draw", List.of("read", "select", "store-draw", "store-targets", "log"));
        STEPS.put("assignment", List.of("read", "compute", "write-targets", "store"));
    }

    /** One end-to-end run of a task: client times (ms), server steps (ms), sizes, CPU (ms per process), heap. */
    record EndToEnd(String pool, long entities, int sample, int teams, double poolMs, double sourcesMs, double drawMs, double assignMs,
                    Map<String, Double> stepMs, double[] cpuMs, double allocatedMb, double heapBeforeMb, double heapPeakMb, String note) {
        double totalMs() {
            return poolMs + sourcesMs + drawMs + assignMs;
        }
    }

    /** One raw stream: entities, milliseconds, CPU ms (Elasticsearch, client). */
    record Raw(String pool, long entities, double ms, double esCpuMs, double clientCpuMs) {
    }

    private final BenchSupport bench;
    private final String gateway;
    private final String service;
    private final List<String> jvms;
    private final Supplier<String> regulator;
    private final int inspectors;
    private final double ratio;
    private final String runTag;
    private int tasks;

    private SupervisionBenchmark(BenchSupport bench, String gateway, String service, List<String> jvms, int inspectors, double ratio) {
        this.bench = bench;
        this.gateway = gateway;
        this.service = service;
        this.jvms = jvms;
        this.regulator = bench.userToken("REGULATOR");
        this.inspectors = inspectors;
        this.ratio = ratio;
        this.runTag = OffsetDateTime.now(BEIJING).format(DateTimeFormatter.ofPattern("MMddHHmm"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchSupport.options(args);
        BenchSupport bench = new BenchSupport(o.getOrDefault("es", "http://127.0.0.1:9200"), 1,
                URI.create(o.getOrDefault("issuer", "http://127.0.0.1:9000")), Path.of(o.getOrDefault("secrets", ".platform/secrets")));
        String gateway = o.getOrDefault("gateway", "http://127.0.0.1:8080");
        String service = o.getOrDefault("service", "http://127.0.0.1:8084");
        String industry = o.getOrDefault("industry", "http://127.0.0.1:8082");
        String credit = o.getOrDefault("credit", "http://127.0.0.1:8083");
        List<String> jvms = List.of(service, industry, credit, gateway);
        SupervisionBenchmark b = new SupervisionBenchmark(bench, gateway, service, jvms, Integer.parseInt(o.getOrDefault("inspectors", "500")),
                Double.parseDouble(o.getOrDefault("ratio", "0.05")));
        boolean million = Boolean.parseBoolean(o.getOrDefault("million", "false"));
        List<PoolSpec> pools = Arrays.stream(o.getOrDefault("pools", "street,section-f,section-l,active").split(",")).map(POOLS::get).toList();
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        Path out = Path.of(o.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);

        bench.line("# market-supervision-service spot-check benchmark, " + OffsetDateTime.now(BEIJING));
        b.load(industry, bench.clientToken(BenchSupport.LOADER_CLIENT), million ? 1_000_000 - 250_000 : SupervisionBenchData.SECTION_L);
        if (rounds == 0) { // --rounds 0: only the data
            return;
        }
        Path run = Path.of(o.getOrDefault("run-dir", ".platform/run"));
        List<MemorySampler.Process> measured = List.of(
                new MemorySampler.Process("market-supervision-service", run.resolve("market-supervision-service.pid"), service),
                new MemorySampler.Process("industry-service", run.resolve("industry-service.pid"), industry),
                new MemorySampler.Process("credit-service", run.resolve("credit-service.pid"), credit),
                new MemorySampler.Process("gateway", run.resolve("gateway.pid"), gateway),
                new MemorySampler.Process("elasticsearch", Path.of(o.getOrDefault("es-pid-file", ".platform/elasticsearch/run/elasticsearch.pid")), null));
        try (MemorySampler memory = new MemorySampler(bench, measured).start()) {
            b.measure(pools, rounds);
            memory.report();
        }
        Path file = out.resolve("supervision-" + OffsetDateTime.now(BEIJING).toString().substring(0, 16).replace(':', '-') + ".md");
        Files.writeString(file, bench.report());
        System.out.println(bench.report());
        System.out.println("results written to " + file);
    }

    // ---------------------------------------------------------------------------------------------- data

    /** Adds the benchmark's entities ({@link SupervisionBenchData}) through industry-service's bulk API up to {@code wanted}. */
    private void load(String industry, Supplier<String> loader, int wanted) throws Exception {
        long present = bench.post(bench.es + "/" + ES_INDEX + "/_count", "{\"query\":{\"term\":{\"dataSource\":\""
                + SupervisionBenchData.DATA_SOURCE + "\"}}}").path("count").asLong();
        if (present < wanted) {
            System.out.printf("loading %,d benchmark market entities (%,d present) through %s/v1/enterprises:bulk%n", wanted - present, present, industry);
            long start = System.nanoTime();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            try (ChunkedUploader up = new ChunkedUploader(http, URI.create(industry + "/v1/enterprises:bulk?refresh=false"), loader,
                    "market entities", wanted - present, 5_000, 2, System.out)) {
                new SupervisionBenchData().generate((int) present, wanted, up);
            }
            bench.refresh(ES_INDEX);
            double seconds = (System.nanoTime() - start) / 1e9;
            bench.line(String.format("- loaded %,d benchmark market entities through industry-service's bulk API in %.0f s", wanted - present, seconds));
        }
        bench.line(String.format("Data set: %,d market entities in `%s`, of which %,d the benchmark's own (`%s`: section L or K, active, street %s).%n",
                bench.get(bench.es + "/" + ES_INDEX + "/_count").path("count").asLong(), ES_INDEX, Math.max(present, wanted),
                SupervisionBenchData.DATA_SOURCE, SupervisionBenchData.STREET));
    }

    // ---------------------------------------------------------------------------------------------- rounds

    private void measure(List<PoolSpec> pools, int rounds) throws Exception {
        System.out.println("warm-up: two small tasks end to end");
        for (int i = 0; i < 2; i++) {
            endToEnd(POOLS.get("warm-up"));
            rawStream(POOLS.get("warm-up"));
        }
        Random order = new Random(ORDER_SEED);
        List<EndToEnd> runs = new ArrayList<>();
        List<Raw> raws = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<PoolSpec> shuffled = new ArrayList<>(pools);
            Collections.shuffle(shuffled, order);
            StringBuilder roundOrder = new StringBuilder();
            for (PoolSpec pool : shuffled) {
                boolean rawFirst = order.nextBoolean();
                roundOrder.append(pool.name()).append(rawFirst ? " (raw first) " : " ");
                if (rawFirst) {
                    raws.add(rawStream(pool));
                }
                EndToEnd e = endToEnd(pool);
                runs.add(e);
                System.out.printf("round %d/%d %s: %,d entities, %,d drawn, %,d teams: %.0f ms end to end (pool %.0f, sources %.0f, draw %.0f, "
                                + "assignment %.0f)%s%n", r + 1, rounds, pool.name(), e.entities(), e.sample(), e.teams(), e.totalMs(), e.poolMs(),
                        e.sourcesMs(), e.drawMs(), e.assignMs(), e.note().isEmpty() ? "" : " — " + e.note());
                if (!rawFirst) {
                    raws.add(rawStream(pool));
                }
                System.out.printf("round %d/%d %s raw stream: %.0f ms%n", r + 1, rounds, pool.name(), raws.get(raws.size() - 1).ms());
            }
            orders.add(roundOrder.toString().trim());
        }
        report(pools, runs, raws, rounds, orders);
    }

    // ---------------------------------------------------------------------------------------------- the user's path

    /** Set-up (untimed): a department with its item, inspectors, plan and task. Then pool → sources → draw → assignment. */
    private EndToEnd endToEnd(PoolSpec pool) throws Exception {
        String taskId = createTask(pool);
        Map<String, Double> stepsBefore = steps();
        double allocatedBefore = bench.metric(service, "jvm.gc.memory.allocated");
        HeapPeak heap = new HeapPeak(bench, service).start();
        Cpu cpuBefore = bench.cpu(jvms);
        String note = "";
        long t0 = System.nanoTime();
        HttpResponse<String> frozen = post("/v1/spot-check-tasks/" + taskId + "/pool", "");
        double poolMs = (System.nanoTime() - t0) / 1e6;
        JsonNode poolRecord;
        if (frozen.statusCode() == 201) {
            poolRecord = bench.read(frozen.body());
        } else if (frozen.statusCode() == 504 || frozen.statusCode() == 503
                && "market-supervision-service".equals(bench.read(frozen.body()).path("dependency").asText())) {
            // the gateway gave up waiting; the service goes on building: its own build time is the pool's time
            note = "gateway answered " + frozen.statusCode() + " after " + Math.round(poolMs) + " ms; pool time from the service's buildMillis";
            poolRecord = awaitPool(taskId);
            poolMs = poolRecord.path("buildMillis").asDouble();
        } else {
            throw new IllegalStateException("pool of " + taskId + " answered " + frozen.statusCode() + ": " + frozen.body());
        }
        long entities = 0;
        for (JsonNode stratum : poolRecord.path("strata")) {
            entities += stratum.size();
        }
        awaitSourcesTime(taskId);
        long t1 = System.nanoTime();
        expect(post("/v1/spot-check-tasks/" + taskId + "/random-sources", "{\"sources\":[[" + (1000 + tasks) + "],[3,14,15,92,65]]}"), 201, "sources");
        double sourcesMs = (System.nanoTime() - t1) / 1e6;
        long t2 = System.nanoTime();
        JsonNode draw = bench.read(expect(post("/v1/spot-check-tasks/" + taskId + "/draw", ""), 201, "draw").body());
        double drawMs = (System.nanoTime() - t2) / 1e6;
        long t3 = System.nanoTime();
        JsonNode assignment = bench.read(expect(post("/v1/spot-check-tasks/" + taskId + "/assignment", ""), 201, "assignment").body());
        double assignMs = (System.nanoTime() - t3) / 1e6;
        Cpu cpuAfter = bench.cpu(jvms);
        heap.close();
        int sample = 0;
        for (JsonNode s : draw.path("strata")) {
            sample += s.path("sampleSize").asInt();
        }
        // the wait for the sources' time is inside; idle JVMs spend next to nothing there
        double[] cpu = new double[jvms.size() + 2];
        double[] us = cpuAfter.perOperationSince(cpuBefore, 1);
        Arrays.setAll(cpu, i -> us[i] / 1000);
        Map<String, Double> stepMs = new LinkedHashMap<>();
        Map<String, Double> stepsAfter = steps();
        stepsAfter.forEach((k, v) -> stepMs.put(k, (v - stepsBefore.getOrDefault(k, 0.0)) * 1000));
        double allocatedMb = (bench.metric(service, "jvm.gc.memory.allocated") - allocatedBefore) / 1048576;
        return new EndToEnd(pool.name(), entities, sample, assignment.path("teams").size(), poolMs, sourcesMs, drawMs, assignMs, stepMs, cpu,
                allocatedMb, heap.beforeMb, heap.peakMb, note);
    }

    private String createTask(PoolSpec pool) {
        tasks++;
        String departmentCode = "B" + runTag + String.format("%03d", tasks);
        String department = "基准测试检查组" + departmentCode;
        String item = "BENCH-" + departmentCode;
        ObjectNode line = bench.mapper().createObjectNode().put("code", item).put("name", "基准测试抽查事项 " + departmentCode)
                .put("legalBasis", "《市场监督管理行政处罚程序规定》").put("inspectingBody", department).put("method", "现场检查")
                .put("keyItem", true).put("targetType", "ALL").put("frequencyWindowDays", 365).put("qualification", QUALIFICATION)
                .put("dataSource", SupervisionBenchData.DATA_SOURCE);
        ObjectNode ratios = line.putObject("ratioByRiskClass");
        for (String c : List.of("A", "B", "C", "D")) {
            ratios.put(c, ratio);
        }
        bulk("/v1/inspection-items:bulk?refresh=true", line + "\n");
        StringBuilder staff = new StringBuilder();
        for (int i = 1; i <= inspectors; i++) {
            ObjectNode inspector = bench.mapper().createObjectNode().put("badgeNumber", departmentCode + "-" + String.format("%04d", i))
                    .put("name", "基准检查员" + i).put("phone", "010-" + (65000000 + i)).put("department", department)
                    .put("status", "ACTIVE").put("workloadCap", 500).put("dataSource", SupervisionBenchData.DATA_SOURCE);
            inspector.putArray("qualifications").add(QUALIFICATION);
            staff.append(inspector).append('\n');
        }
        bulk("/v1/inspectors:bulk?refresh=true", staff.toString());
        int year = OffsetDateTime.now(BEIJING).getYear();
        expect(post("/v1/inspection-plans", bench.mapper().createObjectNode().put("year", year).put("departmentCode", departmentCode)
                .put("department", department).put("title", "基准测试抽查计划").toString()), 201, "plan");
        ObjectNode task = bench.mapper().createObjectNode().put("batch", 1).put("name", "基准测试 " + pool.name())
                .put("legalBasis", "《市场监督管理行政处罚程序规定》");
        task.putArray("items").add(item);
        ObjectNode targets = task.putObject("targets");
        pool.filters().forEach(targets::put);
        ArrayNode sources = task.putArray("randomSources");
        sources.addObject().put("name", "基准测试来源一").put("description", "a number");
        sources.addObject().put("name", "基准测试来源二").put("description", "five numbers");
        // the pool must be asked for before this time, the sources after it: 20 s apart (a loaded machine needs them), the wait is untimed
        task.put("sourcesEnterableAfter", OffsetDateTime.now(BEIJING).plusSeconds(20).truncatedTo(ChronoUnit.SECONDS).toString());
        return bench.read(expect(post("/v1/inspection-plans/" + year + "-" + departmentCode + "/tasks", task.toString()), 201, "task").body())
                .path("taskId").asText();
    }

    private JsonNode awaitPool(String taskId) throws InterruptedException {
        for (int i = 0; i < 3600; i++) {
            HttpResponse<String> r = bench.send(HttpRequest.newBuilder(URI.create(gateway + "/api/supervision/v1/spot-check-tasks/" + taskId + "/pool"))
                    .GET().build());
            if (r.statusCode() == 200) {
                return bench.read(r.body());
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the pool of " + taskId + " was not frozen within an hour");
    }

    private void awaitSourcesTime(String taskId) throws InterruptedException {
        JsonNode task = bench.getJson(gateway + "/api/supervision/v1/spot-check-tasks/" + taskId, regulator);
        OffsetDateTime after = OffsetDateTime.parse(task.path("sourcesEnterableAfter").asText());
        long wait = Duration.between(OffsetDateTime.now(), after).toMillis() + 50;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /** Each step's accumulated seconds, keyed {@code operation/step} (0 for a step not timed yet). */
    private Map<String, Double> steps() {
        Map<String, Double> total = new LinkedHashMap<>();
        STEPS.forEach((operation, steps) -> steps.forEach(step -> total.put(operation + "/" + step,
                bench.statistic(service, "supervision.spot-check.steps?tag=operation:" + operation + "&tag=step:" + step, "TOTAL_TIME"))));
        return total;
    }

    private HttpResponse<String> post(String path, String json) {
        return bench.send(HttpRequest.newBuilder(URI.create(gateway + "/api/supervision" + path)).timeout(Duration.ofHours(1))
                .header("Authorization", "Bearer " + regulator.get()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private void bulk(String path, String ndjson) {
        HttpResponse<String> r = bench.send(HttpRequest.newBuilder(URI.create(gateway + "/api/supervision" + path))
                .header("Authorization", "Bearer " + regulator.get()).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build());
        expect(r, 200, path);
        if (bench.read(r.body()).path("rejected").asLong() > 0) {
            throw new IllegalStateException(path + " rejected lines: " + r.body());
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    /** The service's heap in use, sampled every 200 ms while an end-to-end run lasts: before and peak. */
    private static final class HeapPeak implements AutoCloseable {
        private final BenchSupport bench;
        private final String service;
        // a daemon: a run that fails half-way must still end the JVM
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "heap-peak");
            thread.setDaemon(true);
            return thread;
        });
        volatile double beforeMb;
        volatile double peakMb;

        HeapPeak(BenchSupport bench, String service) {
            this.bench = bench;
            this.service = service;
        }

        HeapPeak start() {
            beforeMb = heapMb();
            peakMb = beforeMb;
            timer.scheduleAtFixedRate(() -> {
                try {
                    peakMb = Math.max(peakMb, heapMb());
                } catch (RuntimeException e) { // a sample lost to a busy service is not worth failing the run for
                }
            }, 200, 200, TimeUnit.MILLISECONDS);
            return this;
        }

        private double heapMb() {
            return bench.metric(service, "jvm.memory.used?tag=area:heap") / 1048576;
        }

        @Override
        public void close() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------------------------------------- raw

    /** The same codes straight from Elasticsearch: point in time, search_after on _shard_doc, 5,000 a page, the same fields. */
    private Raw rawStream(PoolSpec pool) {
        ArrayNode filter = bench.mapper().createArrayNode();
        pool.filters().forEach((field, value) -> filter.addObject().putObject("term").put(field, value));
        Cpu before = bench.cpu(jvms);
        long t0 = System.nanoTime();
        String pit = bench.post(bench.es + "/" + ES_INDEX + "/_pit?keep_alive=1m", "").path("id").asText();
        long seen = 0;
        JsonNode after = null;
        List<String> codes = new ArrayList<>();
        while (true) {
            ObjectNode q = bench.mapper().createObjectNode().put("size", 5000).put("track_total_hits", false);
            q.putObject("pit").put("id", pit).put("keep_alive", "1m");
            q.putArray("sort").add("_shard_doc");
            ArrayNode includes = q.putObject("_source").putArray("includes");
            STREAM_FIELDS.forEach(includes::add);
            q.putObject("query").putObject("bool").set("filter", filter);
            if (after != null) {
                q.set("search_after", after);
            }
            JsonNode answer = bench.post(bench.es + "/_search", q.toString());
            pit = answer.path("pit_id").asText(pit);
            JsonNode hits = answer.path("hits").path("hits");
            if (hits.isEmpty()) {
                break;
            }
            hits.forEach(h -> codes.add(h.path("_source").path("uscc").asText()));
            seen += hits.size();
            after = hits.get(hits.size() - 1).path("sort");
        }
        bench.send(HttpRequest.newBuilder(URI.create(bench.es + "/_pit")).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"id\":\"" + pit + "\"}")).build());
        double ms = (System.nanoTime() - t0) / 1e6;
        double[] us = bench.cpu(jvms).perOperationSince(before, 1);
        return new Raw(pool.name(), seen, ms, us[0] / 1000, us[us.length - 1] / 1000);
    }

    // ---------------------------------------------------------------------------------------------- report

    private void report(List<PoolSpec> pools, List<EndToEnd> runs, List<Raw> raws, int rounds, List<String> orders) {
        bench.line("## Pool build + draw + assignment, end to end through the gateway as the regulator");
        bench.line(String.format("How measured: per task a department of its own with %d inspectors (all qualified, cap 500) and one key "
                        + "inspection item at ratio %.2f for every risk class, created through the API before the clock starts; then, timed, "
                        + "`POST …/pool`, `POST …/random-sources` (after the announced time, the wait untimed), `POST …/draw`, "
                        + "`POST …/assignment`, each through the gateway with the demo regulator's token. %d rounds after two warm-up tasks; "
                        + "pool sizes and the raw side in an order shuffled per round (seed %d): %s. Medians over the rounds.",
                inspectors, ratio, rounds, ORDER_SEED, String.join(" / ", orders)));
        bench.line("");
        bench.line("| pool | entities | drawn | teams | end to end ms | pool ms | sources ms | draw ms | assignment ms | goal ≤ 2,000 ms at 100k |");
        bench.line("|---|---|---|---|---|---|---|---|---|---|");
        for (PoolSpec p : pools) {
            List<EndToEnd> of = runs.stream().filter(e -> e.pool().equals(p.name())).toList();
            double total = median(of.stream().mapToDouble(EndToEnd::totalMs).toArray());
            long n = of.get(0).entities();
            bench.line(String.format("| %s | %,d | %,d | %,d | **%,.0f** | %,.0f | %,.0f | %,.0f | %,.0f | %s |", p.name(), n, of.get(0).sample(),
                    of.get(0).teams(), total, median(of.stream().mapToDouble(EndToEnd::poolMs).toArray()),
                    median(of.stream().mapToDouble(EndToEnd::sourcesMs).toArray()), median(of.stream().mapToDouble(EndToEnd::drawMs).toArray()),
                    median(of.stream().mapToDouble(EndToEnd::assignMs).toArray()),
                    n >= 90_000 && n <= 110_000 ? (total <= 2000 ? "met" : "**missed**") : "—"));
        }
        runs.stream().filter(e -> !e.note().isEmpty()).map(e -> "- " + e.pool() + ": " + e.note()).distinct().forEach(bench::line);
        bench.line("");

        bench.line("### Share of each step (service's `supervision.spot-check.steps` timers; medians, % of end to end)");
        List<String> columns = new ArrayList<>();
        STEPS.forEach((op, steps) -> steps.forEach(s -> columns.add(op + "/" + s)));
        bench.line("| pool | " + String.join(" | ", columns) + " | outside the steps (gateway, HTTP, JSON of the answers) |");
        bench.line("|---|" + "---|".repeat(columns.size() + 1));
        for (PoolSpec p : pools) {
            List<EndToEnd> of = runs.stream().filter(e -> e.pool().equals(p.name())).toList();
            double total = median(of.stream().mapToDouble(EndToEnd::totalMs).toArray());
            StringBuilder row = new StringBuilder("| " + p.name() + " | ");
            double inSteps = 0;
            for (String c : columns) {
                double ms = median(of.stream().mapToDouble(e -> e.stepMs().getOrDefault(c, 0.0)).toArray());
                inSteps += ms;
                row.append(String.format("%,.0f ms (%.0f %%) | ", ms, 100 * ms / total));
            }
            row.append(String.format("%,.0f ms (%.0f %%) |", total - inSteps, 100 * (total - inSteps) / total));
            bench.line(row.toString());
        }
        bench.line("");

        bench.line("### The pool build against streaming the same codes straight from Elasticsearch");
        bench.line("Raw: point in time + `search_after` on `_shard_doc`, 5,000 hits a page, `_source` = uscc, status, streetCode, "
                + "industrySection, the same term filters — what industry-service's stream reads, without the service, the Feign hop, "
                + "the risk classes or the freezing.");
        bench.line("");
        bench.line("| pool | entities | raw stream ms | pool build ms | ratio build ÷ raw | directory step ms | ratio directory ÷ raw | raw CPU ms: Elasticsearch, client |");
        bench.line("|---|---|---|---|---|---|---|---|");
        for (PoolSpec p : pools) {
            List<EndToEnd> of = runs.stream().filter(e -> e.pool().equals(p.name())).toList();
            List<Raw> rawOf = raws.stream().filter(r -> r.pool().equals(p.name())).toList();
            double raw = median(rawOf.stream().mapToDouble(Raw::ms).toArray());
            double build = median(of.stream().mapToDouble(EndToEnd::poolMs).toArray());
            double directory = median(of.stream().mapToDouble(e -> e.stepMs().getOrDefault("pool/directory", 0.0)).toArray());
            bench.line(String.format("| %s | %,d | %,.0f | %,.0f | **%.1f** | %,.0f | %.1f | %,.0f, %,.0f |", p.name(), rawOf.get(0).entities(), raw, build,
                    build / raw, directory, directory / raw, median(rawOf.stream().mapToDouble(Raw::esCpuMs).toArray()),
                    median(rawOf.stream().mapToDouble(Raw::clientCpuMs).toArray())));
        }
        bench.line("");

        bench.line("### CPU per end-to-end run (ms; medians) and the service's heap");
        bench.line("| pool | entities | Elasticsearch | supervision | industry | credit | gateway | client | supervision µs per entity | "
                + "heap allocated MB | heap in use before MB | heap peak MB | peak − before MB |");
        bench.line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (PoolSpec p : pools) {
            List<EndToEnd> of = runs.stream().filter(e -> e.pool().equals(p.name())).toList();
            double[] cpu = new double[6];
            for (int k = 0; k < 6; k++) {
                int f = k;
                cpu[k] = median(of.stream().mapToDouble(e -> e.cpuMs()[f]).toArray());
            }
            long n = of.get(0).entities();
            double before = median(of.stream().mapToDouble(EndToEnd::heapBeforeMb).toArray());
            double peak = median(of.stream().mapToDouble(EndToEnd::heapPeakMb).toArray());
            bench.line(String.format("| %s | %,d | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %.1f | %,.0f | %,.0f | %,.0f | %,.0f |", p.name(), n,
                    cpu[0], cpu[1], cpu[2], cpu[3], cpu[4], cpu[5], cpu[1] * 1000 / n,
                    median(of.stream().mapToDouble(EndToEnd::allocatedMb).toArray()), before, peak, peak - before));
        }
        bench.line("(CPU is whole processes while the run lasted; Elasticsearch's is the node's. Heap: SerialGC, sampled every 200 ms, so "
                + "the peak includes garbage not yet collected; allocated = `jvm.gc.memory.allocated` over the run.)");
        bench.line("");
        bench.line("Per round: " + runs.stream().map(e -> String.format("%s %,.0f ms", e.pool(), e.totalMs())).collect(Collectors.joining(", ")));
        bench.line("");
    }
}

package cn.dongcheng.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory (VmRSS of /proc) and heap in use of the measured JVMs, sampled every second for the whole run: a
 * single sample after the run misses the peak, and the peak is what a memory limit in Kubernetes meets.
 */
final class MemorySampler implements AutoCloseable {

    /** One process: its name in the report, its pid file (./platform writes one per process) and its actuator base. */
    record Process(String name, Path pidFile, String actuatorBase) {
    }

    private final BenchSupport bench;
    private final List<Process> processes;
    private final Map<String, List<double[]>> samples = new LinkedHashMap<>(); // name → {rss MB, heap MB}
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "memory-sampler");
        t.setDaemon(true);
        return t;
    });

    MemorySampler(BenchSupport bench, List<Process> processes) {
        this.bench = bench;
        this.processes = processes;
        processes.forEach(p -> samples.put(p.name(), new ArrayList<>()));
    }

    MemorySampler start() {
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    private void sample() {
        for (Process p : processes) {
            double rss = rssMegabytes(p.pidFile());
            double heap = Double.NaN;
            if (p.actuatorBase() != null) {
                try {
                    heap = bench.metric(p.actuatorBase(), "jvm.memory.used?tag=area:heap") / 1048576;
                } catch (RuntimeException e) { // a sample lost to a busy service is not worth failing the run for
                }
            }
            synchronized (samples) {
                samples.get(p.name()).add(new double[] {rss, heap});
            }
        }
    }

    private static double rssMegabytes(Path pidFile) {
        try {
            String pid = Files.readString(pidFile).trim();
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) { // not on this machine, or not running
        }
        return Double.NaN;
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The report's section, with each JVM's heap limit read from its actuator. */
    void report() {
        Map<String, Double> heapMax = new HashMap<>();
        for (Process p : processes) {
            if (p.actuatorBase() != null) {
                heapMax.put(p.name(), bench.metric(p.actuatorBase(), "jvm.memory.max?tag=area:heap") / 1048576);
            }
        }
        report(heapMax);
    }

    /** The report's section: per process, peak and median of resident memory and heap in use, with the heap limit. */
    private void report(Map<String, Double> heapMaxMegabytes) {
        bench.line("## Memory during the run (sampled every second)");
        bench.line("| process | samples | RSS median MB | RSS peak MB | heap used median MB | heap used peak MB | heap max MB |");
        bench.line("|---|---|---|---|---|---|---|");
        synchronized (samples) {
            samples.forEach((name, list) -> {
                double[] rss = list.stream().mapToDouble(s -> s[0]).filter(v -> !Double.isNaN(v)).toArray();
                double[] heap = list.stream().mapToDouble(s -> s[1]).filter(v -> !Double.isNaN(v)).toArray();
                Double max = heapMaxMegabytes.get(name);
                bench.line(String.format("| %s | %d | %s | %s | %s | %s | %s |", name, list.size(), fmt(rss, false), fmt(rss, true),
                        fmt(heap, false), fmt(heap, true), max == null ? "—" : String.format("%.0f", max)));
            });
        }
        bench.line("");
    }

    private static String fmt(double[] values, boolean peak) {
        if (values.length == 0) {
            return "—";
        }
        return String.format("%.0f", peak ? Arrays.stream(values).max().orElseThrow() : BenchSupport.median(values));
    }
}

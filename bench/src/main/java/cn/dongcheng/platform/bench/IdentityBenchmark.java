package cn.dongcheng.platform.bench;

import cn.dongcheng.platform.bench.BenchSupport.Cpu;
import cn.dongcheng.platform.bench.BenchSupport.Run;
import cn.dongcheng.platform.bench.BenchSupport.Target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static cn.dongcheng.platform.bench.BenchSupport.median;

/**
 * Issue 8's benchmark: what signed identities cost a look-up of one market entity by code. Seven variants in one
 * interleaved run, the order shuffled in every round, ratios taken within a round and the median over the rounds:
 * raw Elasticsearch; the service directly and through the gateway, each without a token (the public path), with a
 * statistician's token (verified, masked like the public: only the token check differs) and as an industry officer
 * (legal representative unmasked, one audit entry written and durable before each answer).
 */
final class IdentityBenchmark {

    /** The seven variants, numbered as in the issue. */
    enum Variant {
        RAW("(1) raw Elasticsearch GET"),
        DIRECT_PUBLIC("(2) service, no token"),
        DIRECT_STATISTICIAN("(3) service, statistician token"),
        GATEWAY_PUBLIC("(4) gateway, no token"),
        GATEWAY_STATISTICIAN("(5) gateway, statistician token"),
        DIRECT_OFFICER("(6) service, industry officer (audited)"),
        GATEWAY_OFFICER("(7) gateway, industry officer (audited)");

        final String label;

        Variant(String label) {
            this.label = label;
        }

        boolean audited() {
            return this == DIRECT_OFFICER || this == GATEWAY_OFFICER;
        }
    }

    /** One variant's run: throughput, latencies and CPU µs per request {Elasticsearch, service, gateway, client}. */
    private record Result(Run run, double[] cpuUs) {
    }

    private static final long ORDER_SEED = 8;
    private static final int WARM_UP_PER_VARIANT = 2_000;
    private static final String AUDIT_COUNT = "{\"query\":{\"term\":{\"action\":\"READ_PERSONAL_DATA\"}}}";

    private final BenchSupport bench;
    private final String service;
    private final String gateway;
    private final int rounds;

    IdentityBenchmark(BenchSupport bench, String service, String gateway, int rounds) {
        this.bench = bench;
        this.service = service;
        this.gateway = gateway;
        this.rounds = rounds;
    }

    /** Runs the rounds of {@code requests} look-ups per variant over {@code codes} and writes the report's section. */
    void run(List<String> codes, int requests) throws Exception {
        Map<Variant, Target> targets = targets(codes);
        targets.values().forEach(IdentityBenchmark::loggedIn); // the issuer is idle while look-ups are measured
        BenchSupport.WarmUp warmUp = bench.warmUp(List.copyOf(targets.values()), WARM_UP_PER_VARIANT, jvms());
        long auditBefore = auditEntries();
        List<Map<Variant, Result>> results = new ArrayList<>();
        List<List<Variant>> orders = new ArrayList<>();
        Random order = new Random(ORDER_SEED);
        for (int r = 0; r < rounds; r++) {
            List<Variant> variants = new ArrayList<>(List.of(Variant.values()));
            Collections.shuffle(variants, order);
            orders.add(variants);
            results.add(round(variants, targets, requests));
        }
        long written = auditEntries() - auditBefore;
        report(results, orders, requests, warmUp, written);
    }

    private Map<Variant, Target> targets(List<String> codes) {
        IntFunction<String> raw = i -> bench.es + "/industry-enterprises/_doc/" + codes.get(i % codes.size());
        IntFunction<String> direct = i -> service + "/v1/enterprises/" + codes.get(i % codes.size());
        IntFunction<String> viaGateway = i -> gateway + "/api/industry/v1/enterprises/" + codes.get(i % codes.size());
        Supplier<String> statistician = bench.userToken("STATISTICIAN");
        Supplier<String> officer = bench.userToken("INDUSTRY_OFFICER");
        Map<Variant, Target> t = new EnumMap<>(Variant.class);
        t.put(Variant.RAW, Target.anonymous(raw));
        t.put(Variant.DIRECT_PUBLIC, Target.anonymous(direct));
        t.put(Variant.DIRECT_STATISTICIAN, new Target(direct, statistician));
        t.put(Variant.GATEWAY_PUBLIC, Target.anonymous(viaGateway));
        t.put(Variant.GATEWAY_STATISTICIAN, new Target(viaGateway, statistician));
        t.put(Variant.DIRECT_OFFICER, new Target(direct, officer));
        t.put(Variant.GATEWAY_OFFICER, new Target(viaGateway, officer));
        return t;
    }

    /** The JVMs whose CPU and compilation are measured: the service and the gateway. */
    private List<String> jvms() {
        return List.of(service, gateway);
    }

    private Map<Variant, Result> round(List<Variant> variants, Map<Variant, Target> targets, int requests) throws Exception {
        Map<Variant, Result> round = new EnumMap<>(Variant.class);
        for (Variant v : variants) {
            loggedIn(targets.get(v)); // a token renewed (every ~half hour) is not billed to the run
            Cpu before = bench.cpu(jvms());
            Run run = bench.load(targets.get(v), requests);
            round.put(v, new Result(run, bench.cpu(jvms()).perOperationSince(before, requests)));
        }
        return round;
    }

    /** Logs the target's user in (or renews the token) now, if it has one. */
    private static void loggedIn(Target target) {
        if (target.token() != null) {
            target.token().get();
        }
    }

    /** READ_PERSONAL_DATA entries in the industry audit trail, counted by raw Elasticsearch after a refresh. */
    private long auditEntries() {
        bench.refresh("industry-audit");
        return bench.post(bench.es + "/industry-audit/_count", AUDIT_COUNT).path("count").asLong();
    }

    // ---------------------------------------------------------------------------------------------- report

    private void report(List<Map<Variant, Result>> results, List<List<Variant>> orders, int requests, BenchSupport.WarmUp warmUp, long written) {
        bench.line("## Identity: JWT validation and audited look-ups");
        bench.line(howMeasured(requests, warmUp));
        bench.line("");
        variantTable(results);
        bench.line("");
        bench.line("Per round (order of the runs, then req/s by variant):");
        for (int r = 0; r < results.size(); r++) {
            Map<Variant, Result> round = results.get(r);
            bench.line(String.format("- round %d, order %s: %s", r + 1, orders.get(r).stream().map(v -> String.valueOf(v.ordinal() + 1))
                    .collect(Collectors.joining(",")), Arrays.stream(Variant.values())
                    .map(v -> String.format("(%d) %.0f", v.ordinal() + 1, round.get(v).run().perSecond())).collect(Collectors.joining(", "))));
        }
        bench.line("");
        ratio(results, Variant.DIRECT_PUBLIC, Variant.DIRECT_STATISTICIAN, "JWT validation cost, direct path", null);
        ratio(results, Variant.GATEWAY_PUBLIC, Variant.GATEWAY_STATISTICIAN, "JWT validation cost, gateway path", 0.90);
        ratio(results, Variant.RAW, Variant.DIRECT_OFFICER, "audited look-up vs raw GET", 0.4);
        ratio(results, Variant.RAW, Variant.GATEWAY_OFFICER, "audited look-up through the gateway vs raw GET", null);
        ratio(results, Variant.DIRECT_PUBLIC, Variant.GATEWAY_PUBLIC, "gateway vs direct, public path", null);
        long audited = (long) rounds * requests * Arrays.stream(Variant.values()).filter(Variant::audited).count();
        bench.line(String.format("- audit entries (READ_PERSONAL_DATA in `industry-audit`, counted through raw Elasticsearch before and "
                + "after the measured rounds): **%d written for %d audited look-ups — %s**", written, audited, written == audited ? "they match" : "MISMATCH"));
        bench.line("");
    }

    private String howMeasured(int requests, BenchSupport.WarmUp warmUp) {
        return String.format("How measured: look-ups of one market entity by code (random codes from the directory), %d requests per "
                + "run from %d client threads; %d rounds, each running all seven variants once in an order shuffled with a seeded "
                + "RNG (seed %d); ratios are taken within a round and the median over the rounds is reported. Before, %d warm-up "
                + "rounds of %,d requests per variant, until the service's and the gateway's JIT compilers settled (%.1f s of "
                + "compilation in the last round). Tokens are obtained before the first run (the identity service is idle while "
                + "look-ups are measured); each run reuses one token, as a client does, so with the verified-token cache "
                + "(`platform.security.token-cache-size`) on, a token's signature is checked once per process and later requests "
                + "hit the cache. CPU per request: Elasticsearch node stats, the service's and the gateway's "
                + "`process.cpu.time` (read with the `platform-bench` token) and this client's own CPU time, between the start "
                + "and the end of each run.", requests, bench.threads, rounds, ORDER_SEED, warmUp.rounds(), WARM_UP_PER_VARIANT,
                warmUp.lastRoundCompilingSeconds());
    }

    private void variantTable(List<Map<Variant, Result>> results) {
        bench.line("| variant | req/s | p50 ms | p99 ms | CPU µs/request: Elasticsearch | service | gateway | client |");
        bench.line("|---|---|---|---|---|---|---|---|");
        for (Variant v : Variant.values()) {
            bench.line(String.format("| %s | %.0f | %.1f | %.1f | %.0f | %.0f | %.0f | %.0f |", v.label,
                    medianOf(results, v, r -> r.run().perSecond()), medianOf(results, v, r -> r.run().percentile(50)),
                    medianOf(results, v, r -> r.run().percentile(99)), medianOf(results, v, r -> r.cpuUs()[0]),
                    medianOf(results, v, r -> r.cpuUs()[1]), medianOf(results, v, r -> r.cpuUs()[2]), medianOf(results, v, r -> r.cpuUs()[3])));
        }
        bench.line("(medians over the rounds)");
    }

    private static double medianOf(List<Map<Variant, Result>> results, Variant v, Function<Result, Double> value) {
        return median(results.stream().mapToDouble(round -> value.apply(round.get(v))).toArray());
    }

    /** One ratio throughput {@code of} ÷ throughput {@code to}, per round, then the median; with its goal if it has one. */
    private void ratio(List<Map<Variant, Result>> results, Variant to, Variant of, String meaning, Double goal) {
        List<double[]> pairs = results.stream().map(r -> new double[] {r.get(to).run().perSecond(), r.get(of).run().perSecond()}).toList();
        String perRound = pairs.stream().map(p -> String.format("%.2f", p[1] / p[0])).collect(Collectors.joining(", "));
        String result = String.format("(%d)÷(%d) = %.2f", of.ordinal() + 1, to.ordinal() + 1, median(pairs));
        String stated = goal == null ? result : "**" + result + String.format("** (goal ≥ %.2f)", goal);
        bench.line("- " + meaning + ": " + stated + " — per round " + perRound);
    }
}

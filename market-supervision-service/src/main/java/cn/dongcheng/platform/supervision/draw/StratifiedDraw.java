package cn.dongcheng.platform.supervision.draw;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stratified spot-check draw (分层随机抽查): one RFC 3797 selection per stratum of a {@link FrozenPool}.
 *
 * <p>Per-stratum key string: the sources' key string followed by the stratum name and "/", i.e. the stratum is one
 * more source written in the RFC's form for an alphanumeric value (upper-case letters and digits, no "."); e.g.
 * {@code 9319./2.5.8.10.12./9.18.26.34.41.45./B/}. Why: each stratum then gets independent hashes from the same
 * published sources, and anyone with the RFC's own code can check one stratum by handing it that key string, the
 * stratum's size and n. Entries are numbered 1…N in the pool's canonical order.
 */
public final class StratifiedDraw {

    /** One stratum's outcome. {@code positions} are 1-based in canonical order, in selection order. */
    public record StratumSelection(String stratum, int poolSize, BigDecimal ratio, int minItems, int maxItems,
                                   int sampleSize, String keyString, List<Integer> positions,
                                   List<String> selectedCodes) {
        public StratumSelection {
            positions = List.copyOf(positions);
            selectedCodes = List.copyOf(selectedCodes);
        }
    }

    /** The whole draw; {@code algorithmVersion} is recorded with every result. */
    public record Result(String algorithmVersion, String keyString, String poolDigest,
                         List<StratumSelection> strata) {
        public Result {
            strata = List.copyOf(strata);
        }
    }

    private StratifiedDraw() {
    }

    /**
     * Draws every stratum of the pool. Every stratum needs exactly one rule and every rule a stratum: a stratum
     * silently left out would be a stratum nobody inspects.
     */
    public static Result draw(FrozenPool pool, PublicRandomSources sources, List<StratumRule> rules,
                              AlgorithmVersion version) {
        Map<String, StratumRule> byStratum = new TreeMap<>();
        for (StratumRule rule : rules) {
            if (byStratum.put(rule.stratum(), rule) != null) {
                throw new IllegalArgumentException("two rules for stratum " + rule.stratum());
            }
        }
        Set<String> missing = new HashSet<>(pool.strata().keySet());
        missing.removeAll(byStratum.keySet());
        Set<String> extra = new HashSet<>(byStratum.keySet());
        extra.removeAll(pool.strata().keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalArgumentException("rules and pool strata differ: no rule for " + missing
                    + ", no stratum for " + extra);
        }
        String baseKey = sources.keyString();
        List<StratumSelection> out = new ArrayList<>();
        for (StratumRule rule : byStratum.values()) {
            List<String> codes = pool.codes(rule.stratum());
            int n = rule.sampleSize(codes.size());
            String key = stratumKey(baseKey, rule.stratum());
            List<Integer> positions = Rfc3797Selection.select(key, codes.size(), n, version).selected();
            List<String> selected = positions.stream().map(p -> codes.get(p - 1)).toList();
            out.add(new StratumSelection(rule.stratum(), codes.size(), rule.ratio(), rule.minItems(),
                    rule.maxItems(), n, key, positions, selected));
        }
        return new Result(version.id(), baseKey, PoolDigest.sha256Hex(pool), out);
    }

    /** The key string for one stratum: base key + stratum name + "/". */
    public static String stratumKey(String baseKey, String stratum) {
        return baseKey + stratum + "/";
    }
}

package cn.dongcheng.platform.supervision.draw;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The frozen pool of a draw (检查对象名录库 snapshot): entity codes per stratum.
 *
 * <p>Canonical order: strata and, within each stratum, codes sorted by {@link String#compareTo} (codes are
 * restricted to printable ASCII, so this is also byte order and Python's order). The draw numbers each stratum's
 * entries 1…N in this order. Fixing the order by rule matters: if the caller's order were used, whoever builds the
 * pool could reorder it after the random sources are known and steer the draw while the published set (and a
 * set-based digest) stayed the same. {@link PoolDigest} commits to exactly this order.
 */
public record FrozenPool(Map<String, List<String>> strata) {

    static final Pattern CODE = Pattern.compile("[\\x21-\\x7E]+");

    public FrozenPool {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : strata.entrySet()) {
            String stratum = e.getKey();
            if (stratum == null || !StratumRule.STRATUM_NAME.matcher(stratum).matches()) {
                throw new IllegalArgumentException("stratum name must be upper-case ASCII letters/digits: " + stratum);
            }
            List<String> codes = new ArrayList<>(e.getValue());
            for (String code : codes) {
                if (code == null || !CODE.matcher(code).matches()) {
                    throw new IllegalArgumentException("entity code must be printable ASCII without spaces: " + code);
                }
            }
            Collections.sort(codes);
            for (int i = 1; i < codes.size(); i++) {
                if (codes.get(i).equals(codes.get(i - 1))) {
                    throw new IllegalArgumentException("duplicate entity code in stratum " + stratum + ": " + codes.get(i));
                }
            }
            sorted.put(stratum, List.copyOf(codes));
        }
        strata = Collections.unmodifiableSortedMap(sorted);
    }

    /** The stratum's codes in canonical (draw) order; position p (1-based) is {@code codes(s).get(p - 1)}. */
    public List<String> codes(String stratum) {
        List<String> codes = strata.get(stratum);
        if (codes == null) {
            throw new IllegalArgumentException("no such stratum in the pool: " + stratum);
        }
        return codes;
    }
}

package cn.dongcheng.platform.supervision.draw;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * How many entities to draw from one stratum (e.g. credit-risk class A/B/C/D, 信用风险分类): n = ⌈ratio × N⌉,
 * then clamped to [minItems, maxItems], then to at most N.
 *
 * <p>The ratio is a {@link BigDecimal} on purpose: in binary floating point 0.07 × 100 is 7.000000000000001 and
 * its ceiling 8, so the published ratio "0.07" must be computed exactly, as the verifier does with Python's
 * {@code decimal}.
 *
 * @param stratum  stratum name: upper-case ASCII letters and digits only (it becomes part of the key string)
 * @param ratio    the share to inspect, 0 ≤ ratio ≤ 1
 * @param minItems lower bound on the number drawn (still at most N)
 * @param maxItems upper bound on the number drawn
 */
public record StratumRule(String stratum, BigDecimal ratio, int minItems, int maxItems) {

    static final Pattern STRATUM_NAME = Pattern.compile("[A-Z0-9]+");

    public StratumRule {
        if (stratum == null || !STRATUM_NAME.matcher(stratum).matches()) {
            throw new IllegalArgumentException("stratum name must be upper-case ASCII letters/digits: " + stratum);
        }
        if (ratio == null || ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ratio must be between 0 and 1: " + ratio);
        }
        if (minItems < 0 || maxItems < minItems) {
            throw new IllegalArgumentException("bounds must satisfy 0 ≤ min ≤ max: " + minItems + ".." + maxItems);
        }
    }

    /** The number to draw from a stratum of {@code poolSize} entries. */
    public int sampleSize(int poolSize) {
        int byRatio = ratio.multiply(BigDecimal.valueOf(poolSize)).setScale(0, RoundingMode.CEILING).intValueExact();
        int bounded = Math.max(minItems, Math.min(maxItems, byRatio));
        return Math.min(bounded, poolSize);
    }
}

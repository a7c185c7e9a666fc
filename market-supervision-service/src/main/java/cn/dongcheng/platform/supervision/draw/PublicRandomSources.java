package cn.dongcheng.platform.supervision.draw;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The public random sources of a draw, in their published order, and the RFC 3797 section 4 key string built
 * from them.
 *
 * <p>Each source is a set of non-negative integers (a single number, e.g. a daily lottery's 4 digits, is a set of
 * one; a lottery's six balls are a set of six). Canonical form, per RFC 3797 section 4: within a source the numbers
 * are sorted ascending (the order in which balls came out is not part of the value, and sorting removes any
 * argument about it); each number is written in decimal without leading zeros and followed by ".";
 * each source ends with "/"; sources are concatenated in their published order. The RFC example
 * {9319}, {2,5,12,8,10}, {9,18,26,34,41,45} gives {@code 9319./2.5.8.10.12./9.18.26.34.41.45./}.
 *
 * <p>Only integer sources are accepted: the RFC discourages non-integer and alphanumeric sources because they
 * are hard to canonicalise, and a source two readers could write differently defeats public verification.
 * Sources with fractional values (stock indexes) must be published as integers (e.g. in hundredths).
 */
public record PublicRandomSources(List<List<BigInteger>> sources) {

    public PublicRandomSources {
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("at least one public random source is needed");
        }
        List<List<BigInteger>> copy = new ArrayList<>(sources.size());
        for (List<BigInteger> source : sources) {
            if (source == null || source.isEmpty()) {
                throw new IllegalArgumentException("a random source must have at least one number");
            }
            for (BigInteger n : source) {
                if (n == null || n.signum() < 0) {
                    throw new IllegalArgumentException("random source values must be non-negative integers: " + n);
                }
            }
            copy.add(List.copyOf(source));
        }
        sources = List.copyOf(copy);
    }

    /** Convenience for small sources: each array is one source. */
    public static PublicRandomSources ofLongs(long[]... sources) {
        List<List<BigInteger>> list = new ArrayList<>();
        for (long[] source : sources) {
            List<BigInteger> values = new ArrayList<>();
            for (long v : source) {
                values.add(BigInteger.valueOf(v));
            }
            list.add(values);
        }
        return new PublicRandomSources(list);
    }

    /** The RFC 3797 key string, e.g. {@code 9319./2.5.8.10.12./9.18.26.34.41.45./}. */
    public String keyString() {
        StringBuilder key = new StringBuilder();
        for (List<BigInteger> source : sources) {
            source.stream().sorted().forEach(n -> key.append(n.toString(10)).append('.'));
            key.append('/');
        }
        return key.toString();
    }

    /** The key string as the bytes hashed (ASCII; the canonical form has only digits, "." and "/"). */
    public byte[] keyBytes() {
        return keyString().getBytes(StandardCharsets.US_ASCII);
    }
}

package cn.dongcheng.platform.supervision.draw;

/**
 * Which selection algorithm produced a result. The version string is recorded with every result so a verifier
 * never has to guess; a changed algorithm gets a new version, never a silent change of an old one.
 *
 * <ul>
 *   <li>{@code rfc3797}: RFC 3797 section 4 exactly. The counter prefixed and suffixed to the key string is two
 *   bytes, so at most 65,536 entries can be drawn (counter 0…65535); asking for more is refused rather than
 *   letting the counter wrap (a wrapped counter would repeat the hash input, which the RFC does not define).</li>
 *   <li>{@code rfc3797-ext1}: identical to {@code rfc3797} for draws 0…65535 (so every such draw is checkable with
 *   the RFC's own code); for draw index i ≥ 65,536 the counter is written as four bytes big-endian, before and
 *   after the key string: MD5(u32be(i) ‖ key ‖ u32be(i)). Those inputs are four bytes longer than any two-byte
 *   input for the same key, so no hash input of the RFC range is ever repeated. The number of candidates left
 *   and the pool size are not limited by the counter in either version (the modulus is taken over 128 bits).</li>
 * </ul>
 */
public enum AlgorithmVersion {
    RFC3797("rfc3797", 65_536L),
    RFC3797_EXT1("rfc3797-ext1", 1L << 32);

    private final String id;
    private final long maxDraws;

    AlgorithmVersion(String id, long maxDraws) {
        this.id = id;
        this.maxDraws = maxDraws;
    }

    /** The string recorded with every result, e.g. {@code "rfc3797-ext1"}. */
    public String id() {
        return id;
    }

    /** How many entries can be drawn at most in one selection. */
    public long maxDraws() {
        return maxDraws;
    }

    /** The RFC's own version while every stratum's sample fits its counter, so anyone with the RFC's code can check it. */
    public static AlgorithmVersion forLargestSample(long draws) {
        return draws <= RFC3797.maxDraws ? RFC3797 : RFC3797_EXT1;
    }

    public static AlgorithmVersion ofId(String id) {
        for (AlgorithmVersion v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown algorithm version: " + id);
    }
}

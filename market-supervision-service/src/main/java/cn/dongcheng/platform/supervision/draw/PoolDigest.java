package cn.dongcheng.platform.supervision.draw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 of the canonical pool serialisation, published before the draw so the pool cannot change afterwards.
 *
 * <p>Serialisation: one line per entry, {@code stratum + "\t" + code + "\n"}, strata in sorted order and codes
 * sorted within each stratum (the {@link FrozenPool} order, which is also the draw numbering), encoded as ASCII
 * (UTF-8 of ASCII). No header, no trailing extra line. An empty stratum contributes no line. The digest is written
 * as 64 lower-case hex digits. Reproduce with e.g. {@code printf 'A\tX1\nB\tY1\n' | sha256sum}.
 */
public final class PoolDigest {

    private PoolDigest() {
    }

    public static byte[] canonicalBytes(FrozenPool pool) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> e : pool.strata().entrySet()) {
            for (String code : e.getValue()) {
                out.append(e.getKey()).append('\t').append(code).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The published pool digest, 64 lower-case hex digits. */
    public static String sha256Hex(FrozenPool pool) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalBytes(pool)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}

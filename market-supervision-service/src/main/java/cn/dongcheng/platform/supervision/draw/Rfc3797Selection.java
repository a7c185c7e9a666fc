package cn.dongcheng.platform.supervision.draw;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 3797 publicly verifiable selection (随机抽取) of {@code count} entries from a pool numbered 1…N.
 *
 * <p>For draw i = 0, 1, 2, …: d = MD5(counter(i) ‖ key ‖ counter(i)), counter(i) two bytes big-endian
 * (see {@link AlgorithmVersion} for the extension beyond 65,535); d is read as an unsigned 128-bit big-endian
 * integer; r = d mod (number of entries not yet selected); the selected entry is the (r + 1)-th not-yet-selected
 * entry counting in the pool's published order, as the RFC's reference C code does (it works 1-based). That entry
 * is removed and the next draw starts. Nothing is ever skipped or re-drawn: re-drawing would let whoever runs the
 * draw choose among outcomes.
 *
 * <p>MD5 is kept because it is what the RFC specifies and what anyone holding the RFC can check; its collision
 * weakness does not matter here since the input (the future public sources) is not under anyone's control.
 */
public final class Rfc3797Selection {

    /** A selection: 1-based pool positions in selection order, with the algorithm that produced it. */
    public record Result(String algorithmVersion, int poolSize, List<Integer> selected) {
        public Result {
            selected = List.copyOf(selected);
        }
    }

    private Rfc3797Selection() {
    }

    /** Selects with the key string of {@code sources}. */
    public static Result select(PublicRandomSources sources, int poolSize, int count, AlgorithmVersion version) {
        return select(sources.keyString(), poolSize, count, version);
    }

    /**
     * Selects {@code count} of {@code poolSize} entries.
     *
     * @param keyString the canonical key string (ASCII), see {@link PublicRandomSources#keyString()}
     * @return 1-based positions in selection order
     */
    public static Result select(String keyString, int poolSize, int count, AlgorithmVersion version) {
        if (poolSize < 0 || count < 0 || count > poolSize) {
            throw new IllegalArgumentException("cannot select " + count + " of " + poolSize);
        }
        if (count > version.maxDraws()) {
            throw new IllegalArgumentException(version.id() + " can draw at most " + version.maxDraws()
                    + " entries (counter width); use " + AlgorithmVersion.RFC3797_EXT1.id());
        }
        byte[] key = keyString.getBytes(StandardCharsets.US_ASCII);
        Remaining remaining = new Remaining(poolSize);
        List<Integer> selected = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int left = poolSize - i;
            int r = new BigInteger(1, digest(key, i, version)).mod(BigInteger.valueOf(left)).intValueExact();
            selected.add(remaining.takeNth(r + 1));
        }
        return new Result(version.id(), poolSize, selected);
    }

    /** The MD5 value for draw {@code index}: MD5(counter ‖ key ‖ counter). */
    public static byte[] digest(byte[] key, long index, AlgorithmVersion version) {
        if (index < 0 || index >= version.maxDraws()) {
            throw new IllegalArgumentException("draw index " + index + " out of range for " + version.id());
        }
        byte[] counter = index < 65_536L
                ? new byte[] {(byte) (index >>> 8), (byte) index}
                : new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index};
        MessageDigest md5 = md5();
        md5.update(counter);
        md5.update(key);
        md5.update(counter);
        return md5.digest();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }

    /**
     * The not-yet-selected positions 1…N in order, as a Fenwick tree of 0/1 counts so finding the n-th remaining
     * entry costs O(log N) instead of O(N): a draw of tens of thousands from a large pool stays fast. Same result as
     * removing from a list.
     */
    private static final class Remaining {
        private final int[] tree;
        private final int size;
        private final int topBit;

        Remaining(int size) {
            this.size = size;
            this.tree = new int[size + 1];
            for (int i = 1; i <= size; i++) {
                tree[i] += 1;
                int parent = i + (i & -i);
                if (parent <= size) {
                    tree[parent] += tree[i];
                }
            }
            this.topBit = size == 0 ? 0 : Integer.highestOneBit(size);
        }

        /** Removes and returns the n-th (1-based) remaining position. */
        int takeNth(int n) {
            int pos = 0;
            int rest = n;
            for (int step = topBit; step > 0; step >>= 1) {
                int next = pos + step;
                if (next <= size && tree[next] < rest) {
                    pos = next;
                    rest -= tree[next];
                }
            }
            int found = pos + 1;
            for (int i = found; i <= size; i += i & -i) {
                tree[i] -= 1;
            }
            return found;
        }
    }
}

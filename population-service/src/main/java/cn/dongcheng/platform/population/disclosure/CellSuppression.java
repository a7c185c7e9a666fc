package cn.dongcheng.platform.population.disclosure;

import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * Cell suppression (单元格隐藏) of a count table and all its margins.
 * <ol>
 * <li>Primary: every cell with 0 &lt; count &lt; k. Zeros are published: a zero describes nobody, and hiding it would
 * hide no one (what a zero does say about a group — "none of them" — is attribute disclosure, which a count threshold
 * does not address).</li>
 * <li>Complementary: every line (row, column, or margin line) that holds a suppressed cell must hold at least two,
 * otherwise the line's sum gives the hidden one away; the line's smallest positive published cell is added (an
 * interior cell before a margin at equal count), and again until nothing changes.</li>
 * <li>Two per line is not enough in general (a hidden cell can still follow from several lines together), so the
 * line equations are then solved for the hidden cells ({@link Derivability}); for any hidden cell they still
 * determine, the smallest positive published cell on one of its lines is hidden too, and the steps repeat.</li>
 * </ol>
 * Only positive cells are hidden, which is what makes "not determined" mean "a feasible interval of positive width".
 */
public final class CellSuppression {

    private final int threshold;

    public CellSuppression(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    /** The hidden cells of the table: those below the threshold and those hidden to protect them. */
    public Suppression protect(LinkedTable table) {
        BitSet primary = new BitSet(table.cells());
        for (int cell = 0; cell < table.cells(); cell++) {
            long v = table.value(cell);
            if (v > 0 && v < threshold) {
                primary.set(cell);
            }
        }
        BitSet hidden = (BitSet) primary.clone();
        if (hidden.isEmpty()) {
            return new Suppression(primary, hidden);
        }
        while (true) {
            while (completeLines(table, hidden)) {
                // again: a cell just hidden may be the only hidden one of its other lines
            }
            BitSet determined = Derivability.determined(table, hidden);
            int before = hidden.cardinality();
            for (int cell = determined.nextSetBit(0); cell >= 0; cell = determined.nextSetBit(cell + 1)) {
                int best = -1;
                for (int d = 0; d < table.dimensions(); d++) {
                    best = better(table, hidden, table.line(d, cell), best);
                }
                if (best < 0) { // every neighbour hidden or zero: hide the smallest published cell anywhere
                    best = better(table, hidden, IntStream.range(0, table.cells()).toArray(), -1);
                }
                if (best >= 0) {
                    hidden.set(best);
                }
            }
            if (hidden.cardinality() == before) { // nothing determined (or, with every positive cell hidden, nothing left)
                return new Suppression(primary, hidden);
            }
        }
    }

    /** Hides one more cell in every line that hides exactly one; whether anything changed. */
    private static boolean completeLines(LinkedTable table, BitSet hidden) {
        boolean[] changed = {false};
        for (int d = 0; d < table.dimensions(); d++) {
            int dim = d;
            table.forEachLineStart(dim, start -> {
                int[] line = table.line(dim, start);
                int count = 0;
                for (int cell : line) {
                    if (hidden.get(cell)) {
                        count++;
                    }
                }
                if (count == 1) {
                    int best = better(table, hidden, line, -1);
                    if (best >= 0) {
                        hidden.set(best);
                        changed[0] = true;
                    }
                }
            });
        }
        return changed[0];
    }

    /** The least costly cell of the line to hide, or {@code best} if that one costs less: smallest count, then interior. */
    private static int better(LinkedTable table, BitSet hidden, int[] line, int best) {
        for (int cell : line) {
            if (hidden.get(cell) || table.value(cell) == 0) {
                continue;
            }
            if (best < 0 || table.value(cell) < table.value(best)
                    || table.value(cell) == table.value(best) && table.marginLevel(cell) < table.marginLevel(best)) {
                best = cell;
            }
        }
        return best;
    }

    /**
     * The outcome: {@code primary} the cells below the threshold, {@code hidden} those plus the complementary ones.
     */
    public record Suppression(BitSet primary, BitSet hidden) {

        public boolean isHidden(int cell) {
            return hidden.get(cell);
        }

        public int primaryCount() {
            return primary.cardinality();
        }

        public int complementaryCount() {
            return hidden.cardinality() - primary.cardinality();
        }
    }
}

package cn.dongcheng.platform.population.disclosure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class CellSuppressionTest {

    private final CellSuppression k5 = new CellSuppression(5);

    @Test
    void theMarginsAreTheSumsAlongEachDimension() {
        LinkedTable t = LinkedTable.of(new int[]{2, 3}, new long[]{1, 2, 3, 4, 5, 6});
        assertThat(t.value(t.index(0, 3))).isEqualTo(6);
        assertThat(t.value(t.index(1, 3))).isEqualTo(15);
        assertThat(t.value(t.index(2, 0))).isEqualTo(5);
        assertThat(t.value(t.index(2, 3))).isEqualTo(21);
        assertThat(t.marginLevel(t.index(2, 3))).isEqualTo(2);
    }

    @Test
    void oneSmallCellIsProtectedByTheCheapestRectangle() {
        //        A   B   C | total
        // r1     3  10  20 |  33
        // r2    12  15  25 |  52
        // r3     8   9  30 |  47
        LinkedTable t = LinkedTable.of(new int[]{3, 3}, new long[]{3, 10, 20, 12, 15, 25, 8, 9, 30});
        CellSuppression.Suppression s = k5.protect(t);
        // row r1 adds its smallest other cell (10), column A its (8), row r3 then its (9): a rectangle
        assertThat(hidden(s)).containsExactlyInAnyOrder(t.index(0, 0), t.index(0, 1), t.index(2, 0), t.index(2, 1));
        assertThat(s.primaryCount()).isEqualTo(1);
        assertThat(s.complementaryCount()).isEqualTo(3);
        // hand-solved: r1A = t, r1B = 13 − t, r3A = 11 − t, r3B = 6 + t, all ≥ 0 → 0 ≤ r1A ≤ 11
        FeasibleIntervals.Interval r1a = FeasibleIntervals.of(t, s.hidden()).get(t.index(0, 0));
        assertThat(r1a.min()).isEqualTo(0.0, offset(1e-9));
        assertThat(r1a.max()).isEqualTo(11.0, offset(1e-9));
    }

    @Test
    void twoHiddenCellsPerLineAreNotEnoughWhenTheLinesTogetherGiveOneAway() {
        // two rectangles of small cells joined by one small cell (r2, c3): every line has two or more hidden cells,
        // yet rows r1 + r2 minus columns c1 + c2 leave exactly (r2, c3)
        long[] cells = {
                2, 3, 50, 60,
                4, 2, 3, 70,
                80, 90, 2, 4,
                55, 65, 3, 2};
        LinkedTable t = LinkedTable.of(new int[]{4, 4}, cells);
        BitSet primaryOnly = k5.protect(t).primary();
        assertThat(FeasibleIntervals.of(t, primaryOnly).get(t.index(1, 2)).width()).isZero();

        CellSuppression.Suppression s = k5.protect(t);
        assertThat(s.complementaryCount()).isPositive();
        assertNothingDerivable(t, s);
    }

    @Test
    void zerosArePublishedAndASmallTotalIsHidden() {
        LinkedTable t = LinkedTable.of(new int[]{3}, new long[]{0, 3, 0});
        CellSuppression.Suppression s = k5.protect(t);
        // the 3 and the total (also 3) are hidden, the zeros are not
        assertThat(hidden(s)).containsExactlyInAnyOrder(t.index(1), t.index(3));
        assertThat(k5.protect(LinkedTable.of(new int[]{2}, new long[]{0, 0})).hidden().isEmpty()).isTrue();
        assertThat(k5.protect(LinkedTable.of(new int[]{2}, new long[]{5, 70})).hidden().isEmpty()).isTrue();
    }

    @Test
    void aHiddenCellInAThreeWayTableIsProtectedInEveryLinkedMargin() {
        // street × age group × sex with one small cell: it must not follow from the street × age, street × sex or
        // age × sex margins either
        long[] cells = LongStream.range(0, 2 * 3 * 2).map(i -> 20 + i).toArray();
        cells[4] = 1;
        LinkedTable t = LinkedTable.of(new int[]{2, 3, 2}, cells);
        CellSuppression.Suppression s = k5.protect(t);
        assertThat(s.primaryCount()).isEqualTo(1);
        assertNothingDerivable(t, s);
    }

    static List<Long> seeds() {
        return LongStream.range(1, 201).boxed().toList();
    }

    /**
     * Property: for random tables of one to three dimensions — many zeros, many small cells; about one in a hundred
     * needs the equation step, two per line leaving a cell determined — no suppressed cell can
     * be derived from the published cells and margins (its interval by linear programming has positive width), every
     * cell under the threshold is suppressed, no zero is, and no line holds exactly one suppressed cell.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noSuppressedCellOfARandomTableCanBeDerivedFromTheMargins(long seed) {
        Random random = new Random(seed);
        int[] sizes = new int[1 + random.nextInt(3)];
        int n = 1;
        for (int d = 0; d < sizes.length; d++) {
            sizes[d] = 1 + random.nextInt(sizes.length == 3 ? 4 : 5);
            n *= sizes[d];
        }
        long[] cells = new long[n];
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(100);
            cells[i] = kind < 15 ? 0 : kind < 45 ? 1 + random.nextInt(4) : 5 + random.nextInt(60);
        }
        LinkedTable t = LinkedTable.of(sizes, cells);
        CellSuppression.Suppression s = k5.protect(t);
        for (int cell = 0; cell < t.cells(); cell++) {
            long v = t.value(cell);
            if (v > 0 && v < 5) {
                assertThat(s.isHidden(cell)).as("cell %d = %d", cell, v).isTrue();
            }
            if (v == 0) {
                assertThat(s.isHidden(cell)).as("zero cell %d", cell).isFalse();
            }
            for (int d = 0; d < t.dimensions(); d++) {
                long inLine = Arrays.stream(t.line(d, cell)).filter(s::isHidden).count();
                assertThat(inLine).as("hidden cells on a line through %d", cell).isNotEqualTo(1);
            }
        }
        assertNothingDerivable(t, s);
    }

    private static void assertNothingDerivable(LinkedTable t, CellSuppression.Suppression s) {
        Map<Integer, FeasibleIntervals.Interval> intervals = FeasibleIntervals.of(t, s.hidden());
        intervals.forEach((cell, interval) -> assertThat(interval.width())
                .as("feasible interval of hidden cell %s = %d: %s in %s", Arrays.toString(t.coordinates(cell)),
                        t.value(cell), interval, t)
                .isGreaterThan(1e-6));
    }

    private static List<Integer> hidden(CellSuppression.Suppression s) {
        List<Integer> out = new ArrayList<>();
        s.hidden().stream().forEach(out::add);
        return out;
    }
}

package cn.dongcheng.platform.population.table;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Shares in percent with one decimal that add up to exactly 100.0 (最大余额法, Hare–Niemeyer): each share is first
 * rounded down to a tenth of a percent, and the tenths still missing go to the shares that lost the most by it (ties:
 * the earlier one). Published shares are rounded this way, as the census bulletins print them.
 */
public final class LargestRemainder {

    private static final long TENTHS = 1000;

    private LargestRemainder() {
    }

    /** The shares of the counts in their sum, or null when the sum is zero. */
    public static double[] percentages(long[] counts) {
        long total = Arrays.stream(counts).sum();
        if (total == 0) {
            return null;
        }
        long[] tenths = new long[counts.length];
        long[] remainders = new long[counts.length];
        long given = 0;
        for (int i = 0; i < counts.length; i++) {
            // exact integer arithmetic: floor(count × 1000 / total) and what it left over
            tenths[i] = counts[i] * TENTHS / total;
            remainders[i] = counts[i] * TENTHS % total;
            given += tenths[i];
        }
        long missing = TENTHS - given;
        int[] order = IntStream.range(0, counts.length).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -remainders[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        for (int k = 0; k < missing; k++) {
            tenths[order[k]]++;
        }
        return Arrays.stream(tenths).mapToDouble(t -> t / 10.0).toArray();
    }
}

package cn.dongcheng.platform.population.table;

/**
 * What the aggregation answered: the interior counts of the table in row-major order of the layout, and when asked
 * for, per interior cell the counts by sex (male, female) × broad age band ({@link #BANDS}), for the ratios.
 */
public record TableCounts(TableLayout layout, long[] interior, long[] bands) {

    /** Broad age bands from which both ratio conventions are built: 0–14, 15–59, 60–64, 65+. */
    public static final AgeGroups BANDS = AgeGroups.parse("0-14,15-59,60-64,65+");
    public static final int PER_CELL = 2 * 4;
}

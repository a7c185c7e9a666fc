package cn.dongcheng.platform.population.table;

/** Whether a published value is shown or withheld by disclosure control (never shown as zero). */
public enum CellStatus {
    PUBLISHED,
    /** Withheld: below the threshold, or hidden so that such a value cannot be worked out from the margins. */
    SUPPRESSED
}

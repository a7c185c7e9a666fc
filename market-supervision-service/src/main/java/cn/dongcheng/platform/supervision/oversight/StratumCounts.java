package cn.dongcheng.platform.supervision.oversight;

/**
 * What the aggregations counted for one stratum of one task: targets drawn, results entered, and of those results the
 * ones with problems found, overdue (past the publication deadline, not delivered) and entered late.
 */
public record StratumCounts(long drawn, long entered, long problemsFound, long overdue, long enteredLate) {

    public static final StratumCounts NONE = new StratumCounts(0, 0, 0, 0, 0);

    StratumCounts plus(StratumCounts other) {
        return new StratumCounts(drawn + other.drawn, entered + other.entered, problemsFound + other.problemsFound,
                overdue + other.overdue, enteredLate + other.enteredLate);
    }
}

package cn.dongcheng.platform.supervision.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes oversight figures (监督统计) from a task's frozen pool (N and planned n per stratum) and what the
 * aggregations counted per stratum, industry section and street; totals are sums of counts, their ratios recomputed from
 * the sums (never averaged).
 */
public final class OversightFigures {

    private static final int SCALE = 4;

    private OversightFigures() {
    }

    /**
     * @param poolSizes   N per stratum; empty when the pool is not frozen yet
     * @param sampleSizes planned n per stratum
     * @param counts      aggregation counts per stratum (strata with nothing counted may be missing)
     */
    public static TaskFigures task(String taskId, Map<String, Integer> poolSizes, Map<String, Integer> sampleSizes,
                                   Map<String, StratumCounts> counts) {
        TreeSet<String> strata = new TreeSet<>(poolSizes.keySet());
        strata.addAll(counts.keySet());
        List<FigureRow> rows = new ArrayList<>();
        long poolTotal = 0;
        long plannedTotal = 0;
        StratumCounts sum = StratumCounts.NONE;
        for (String stratum : strata) {
            long n = poolSizes.getOrDefault(stratum, 0);
            long planned = sampleSizes.getOrDefault(stratum, 0);
            StratumCounts c = counts.getOrDefault(stratum, StratumCounts.NONE);
            rows.add(row(stratum, n, planned, c));
            poolTotal += n;
            plannedTotal += planned;
            sum = sum.plus(c);
        }
        return new TaskFigures(taskId, !poolSizes.isEmpty(), rows, row(null, poolTotal, plannedTotal, sum));
    }

    /**
     * Totals over the tasks (sums of their counts, ratios of those sums) and the findings per industry section and
     * per street.
     *
     * @param scope who asked for what: the plan, or the department and year
     */
    public static PlanFigures plan(Scope scope, String asOf, List<TaskFigures> tasks, Map<String, GroupCounts> bySection,
                                   Map<String, GroupCounts> byStreet) {
        long poolTotal = 0;
        long plannedTotal = 0;
        StratumCounts sum = StratumCounts.NONE;
        for (TaskFigures task : tasks) {
            FigureRow t = task.total();
            poolTotal += t.poolSize();
            plannedTotal += t.plannedSample();
            sum = sum.plus(new StratumCounts(t.drawn(), t.resultsEntered(), t.problemsFound(), t.overdue(), t.enteredLate()));
        }
        return new PlanFigures(scope.planId(), scope.department(), scope.year(), asOf, tasks, row(null, poolTotal, plannedTotal, sum),
                findings(bySection), findings(byStreet));
    }

    /** What the figures are of: one plan, or a department's tasks in a year. */
    public record Scope(String planId, String department, Integer year) {

        public static Scope plan(String planId) {
            return new Scope(planId, null, null);
        }

        public static Scope departmentYear(String department, int year) {
            return new Scope(null, department, year);
        }
    }

    /** One row per street or section, in code order; the findings rate of each is its own problems ÷ its own results. */
    static List<FindingsRow> findings(Map<String, GroupCounts> groups) {
        return new TreeMap<>(groups).entrySet().stream().map(e -> new FindingsRow(e.getKey(), e.getValue().drawn(),
                e.getValue().entered(), e.getValue().problemsFound(), ratio(e.getValue().problemsFound(), e.getValue().entered()))).toList();
    }

    static FigureRow row(String stratum, long poolSize, long planned, StratumCounts c) {
        return new FigureRow(stratum, poolSize, planned, c.drawn(), c.entered(), c.problemsFound(), ratio(c.drawn(), poolSize),
                ratio(c.entered(), planned), ratio(c.problemsFound(), c.entered()), c.overdue(), c.enteredLate());
    }

    static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_UP);
    }
}

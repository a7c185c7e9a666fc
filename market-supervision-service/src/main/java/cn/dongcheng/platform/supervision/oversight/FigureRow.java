package cn.dongcheng.platform.supervision.oversight;

import java.math.BigDecimal;

/**
 * The figures of one stratum, one task or one plan (监督统计). Ratios are null where their denominator is zero.
 *
 * @param stratum        risk class A–D, or null for a task's or plan's totals
 * @param poolSize       N: entities in the frozen pool
 * @param plannedSample  n: the sample the sampling rule set
 * @param coverage       抽查覆盖率: drawn ÷ N
 * @param achievedRatio  完成率: results entered ÷ planned n
 * @param findingsRate   问题发现率: PROBLEMS_FOUND ÷ results entered
 * @param overdue        results past their publication deadline not yet delivered to credit-service (逾期未公示)
 * @param enteredLate    results entered after their publication deadline (逾期录入)
 */
public record FigureRow(String stratum, long poolSize, long plannedSample, long drawn, long resultsEntered, long problemsFound,
                        BigDecimal coverage, BigDecimal achievedRatio, BigDecimal findingsRate, long overdue, long enteredLate) {
}

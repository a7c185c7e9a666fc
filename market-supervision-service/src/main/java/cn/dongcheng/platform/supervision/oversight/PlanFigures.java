package cn.dongcheng.platform.supervision.oversight;

import java.util.List;

/**
 * Oversight figures (监督统计) of one plan, or of a department's year, as of {@code asOf}: each task's, the totals over
 * all of them, and the findings by industry section and by street over the same tasks.
 *
 * @param planId     the plan asked for; null when a department's year was asked for
 * @param department the department code asked for (its own plan's tasks and the joint tasks it takes part in); null
 *                   when a plan was asked for
 * @param year       the year asked for; null when a plan was asked for
 */
public record PlanFigures(String planId, String department, Integer year, String asOf, List<TaskFigures> tasks, FigureRow total,
                          List<FindingsRow> byIndustrySection, List<FindingsRow> byStreet) {
}

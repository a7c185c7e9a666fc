package cn.dongcheng.platform.supervision.oversight;

import java.util.List;

/** A plan's oversight figures (监督统计): each task's, and the plan's totals over all of them, as of {@code asOf}. */
public record PlanFigures(String planId, String asOf, List<TaskFigures> tasks, FigureRow total) {
}

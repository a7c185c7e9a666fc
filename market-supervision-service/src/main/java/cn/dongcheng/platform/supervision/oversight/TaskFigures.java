package cn.dongcheng.platform.supervision.oversight;

import java.util.List;

/** One task's figures per stratum and in total; {@code frozen} false when its pool is not frozen yet (all zero). */
public record TaskFigures(String taskId, boolean frozen, List<FigureRow> strata, FigureRow total) {
}

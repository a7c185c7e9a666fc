package cn.dongcheng.platform.supervision.task;

import cn.dongcheng.platform.supervision.item.RiskClassRatios;

import java.util.List;

/**
 * One batch of an annual plan (抽查任务), stored as answered. Its id is {@code <planId>-B<batch>}, e.g.
 * {@code 2026-SCJG-B01}. A joint task (联合抽查, 进一次门、查多项事) holds items of several departments so one visit
 * covers them all; {@code departments} lists them, the plan's department first.
 */
public record SpotCheckTask(String taskId, String planId, int batch, String name, String legalBasis, String department,
                            List<String> departments, boolean joint, List<TaskItem> items, TargetFilters targets,
                            RiskClassRatios ratioByRiskClass, List<AnnouncedSource> randomSources,
                            String sourcesEnterableAfter, String createdAt, String createdBy) {
}

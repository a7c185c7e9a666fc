package cn.dongcheng.platform.supervision.task;

import cn.dongcheng.platform.supervision.item.InspectionItem;
import cn.dongcheng.platform.supervision.item.RiskClassRatios;
import cn.dongcheng.platform.supervision.item.TargetType;

/**
 * An inspection item as the task drew by it: the version in force when the task was created and what that version
 * said, so a later change of the item list changes neither this task's pool nor its sample.
 */
public record TaskItem(String code, int version, String name, String legalBasis, String inspectingBody, boolean keyItem,
                       TargetType targetType, Integer ratioPercent, RiskClassRatios ratioByRiskClass,
                       Integer frequencyWindowDays, Integer minSample, Integer maxSample, String qualification) {

    static TaskItem of(InspectionItem item) {
        return new TaskItem(item.code(), item.version() == null ? 1 : item.version(), item.name(), item.legalBasis(),
                item.inspectingBody(), Boolean.TRUE.equals(item.keyItem()), item.targetType() == null ? TargetType.ALL : item.targetType(),
                item.ratioPercent(), item.ratioByRiskClass(), item.frequencyWindowDays(), item.minSample(), item.maxSample(),
                item.qualification());
    }
}

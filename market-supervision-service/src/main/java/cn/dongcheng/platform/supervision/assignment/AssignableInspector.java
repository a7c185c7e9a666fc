package cn.dongcheng.platform.supervision.assignment;

import cn.dongcheng.platform.supervision.inspector.InspectorDocument;
import cn.dongcheng.platform.supervision.inspector.InspectorStatus;

import java.util.Set;

/**
 * An inspector as the assignment sees one (执法检查人员): whether on duty, what they are qualified for, the entities they
 * declared a conflict with (回避), their workload cap and the inspections already on their desk.
 */
public record AssignableInspector(String badgeNumber, boolean active, Set<String> qualifications, Set<String> conflicts,
                                  int workloadCap, int currentLoad) {

    public AssignableInspector {
        qualifications = Set.copyOf(qualifications);
        conflicts = Set.copyOf(conflicts);
    }

    /** The directory's inspector with the inspections already assigned to them. */
    public static AssignableInspector of(InspectorDocument inspector, int currentLoad) {
        return new AssignableInspector(inspector.badgeNumber(), inspector.status() == InspectorStatus.ACTIVE,
                Set.copyOf(inspector.qualifications()),
                Set.copyOf(inspector.conflicts().stream().map(InspectorDocument.Conflict::uscc).toList()),
                inspector.workloadCap(), currentLoad);
    }
}

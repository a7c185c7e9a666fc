package cn.dongcheng.platform.supervision.inspector;

import java.util.List;

/** The stored inspector, validated and normalised; name and phone are personal data, masked in views. */
public record InspectorDocument(String badgeNumber, String name, String phone, String department, List<String> qualifications,
                                InspectorStatus status, List<Conflict> conflicts, int workloadCap, String dataSource,
                                String updatedAt) {

    public record Conflict(String uscc, String reason) {
    }

    /** Whether the inspector has declared a conflict with this entity and so must not inspect it. */
    public boolean conflictsWith(String uscc) {
        return conflicts.stream().anyMatch(c -> c.uscc().equals(uscc));
    }
}

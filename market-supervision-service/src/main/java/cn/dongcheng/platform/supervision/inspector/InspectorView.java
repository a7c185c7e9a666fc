package cn.dongcheng.platform.supervision.inspector;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An inspector as a caller sees one: name and phone masked (张*, 138****1234) unless the caller's role may see them;
 * declared conflicts only for those who assign inspectors (they name the entities a person is linked to).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectorView(String badgeNumber, String name, String phone, boolean personalDataMasked, String department,
                            List<String> qualifications, InspectorStatus status, List<InspectorDocument.Conflict> conflicts,
                            int workloadCap, String dataSource) {
}

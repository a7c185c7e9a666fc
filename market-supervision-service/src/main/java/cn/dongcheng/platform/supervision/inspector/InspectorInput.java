package cn.dongcheng.platform.supervision.inspector;

import cn.dongcheng.platform.common.ingest.LineKey;

import java.util.List;

/**
 * One line of a department's upload to the inspector directory (执法检查人员名录库), keyed by the law-enforcement
 * badge number (执法证号).
 *
 * @param qualifications the inspection-item qualifications the inspector holds (an item's {@code qualification})
 * @param conflicts      entities the inspector has declared a conflict of interest with (回避), by credit code
 * @param workloadCap    the most targets the inspector may be given in one draw
 * @param dataSource     where the entry comes from (e.g. {@code synthetic-demo})
 */
@LineKey("badgeNumber")
public record InspectorInput(String badgeNumber, String name, String phone, String department, List<String> qualifications,
                             String status, List<ConflictInput> conflicts, Integer workloadCap, String dataSource) {

    /** A declared conflict: the entity and why (kin, former employer, shareholding…). */
    public record ConflictInput(String uscc, String reason) {
    }
}

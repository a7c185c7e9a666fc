package cn.dongcheng.platform.supervision.assignment;

import java.util.Set;

/**
 * A drawn entity to be inspected (检查对象): the qualifications its items need (one inspector holding each) and the
 * inspectors of its previous inspection, who must not inspect it again (no repeated inspector–entity pairs).
 */
public record AssignmentTarget(String uscc, Set<String> requiredQualifications, Set<String> previousInspectors) {

    public AssignmentTarget {
        requiredQualifications = Set.copyOf(requiredQualifications);
        previousInspectors = Set.copyOf(previousInspectors);
    }
}

package cn.dongcheng.platform.supervision.assignment;

import java.util.List;
import java.util.Map;

/**
 * The result of an assignment: a team for every target and each inspector's load afterwards, or — when any target
 * cannot be staffed — no teams at all and the violations (an assignment is all or nothing: a half-staffed task
 * cannot start).
 */
public record AssignmentOutcome(List<InspectionTeam> teams, Map<String, Integer> loadAfter, List<AssignmentViolation> violations) {

    public boolean feasible() {
        return violations.isEmpty();
    }
}

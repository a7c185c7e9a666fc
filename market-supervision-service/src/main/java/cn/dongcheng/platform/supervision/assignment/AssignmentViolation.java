package cn.dongcheng.platform.supervision.assignment;

/**
 * Why a target could not be given a team: which constraint fails, and the counts that show it.
 *
 * @param constraint TEAM_SIZE (fewer than two eligible inspectors), QUALIFICATION (nobody eligible holds a needed
 *                   qualification) or WORKLOAD (eligible inspectors exist, but their caps were used up by the targets
 *                   before this one in draw order)
 */
public record AssignmentViolation(String uscc, Constraint constraint, String qualification, String detail) {

    public enum Constraint {
        TEAM_SIZE, QUALIFICATION, WORKLOAD
    }
}

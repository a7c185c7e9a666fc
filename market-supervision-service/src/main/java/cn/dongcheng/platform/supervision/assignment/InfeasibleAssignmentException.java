package cn.dongcheng.platform.supervision.assignment;

import cn.dongcheng.platform.common.problem.ConflictException;

import java.util.List;

/** No assignment satisfies the constraints: a 409 listing, per target, the constraint that fails. */
public class InfeasibleAssignmentException extends ConflictException {

    private final transient List<AssignmentViolation> violations;

    public InfeasibleAssignmentException(String taskId, List<AssignmentViolation> violations) {
        super("no assignment of " + taskId + " satisfies the constraints: " + violations.size() + " target(s) cannot be staffed");
        this.violations = List.copyOf(violations);
    }

    public List<AssignmentViolation> violations() {
        return violations;
    }
}

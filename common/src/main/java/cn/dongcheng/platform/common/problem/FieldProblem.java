package cn.dongcheng.platform.common.problem;

/**
 * One rejected field: which one and why; goes into the {@code errors} member of a problem response. Both are cut to a
 * bounded length: they often echo what the caller sent (an unknown parameter's name, a 4,000-digit "month").
 */
public record FieldProblem(String field, String reason) {

    static final int MAX_FIELD = 100;
    static final int MAX_REASON = 300;

    public FieldProblem {
        field = Echo.bounded(field, MAX_FIELD);
        reason = Echo.bounded(reason, MAX_REASON);
    }
}

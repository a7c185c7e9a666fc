package cn.dongcheng.platform.common.problem;

/** One rejected field: which one and why; goes into the {@code errors} member of a problem response. */
public record FieldProblem(String field, String reason) {
}

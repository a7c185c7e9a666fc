package cn.dongcheng.platform.common.problem;

/** The caller's role does not allow this operation: 403. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String detail) {
        super(detail);
    }
}

package cn.dongcheng.platform.common.problem;

/** The request contradicts stored state (duplicate, wrong state transition, stale version): 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String detail) {
        super(detail);
    }
}

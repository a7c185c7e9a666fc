package cn.dongcheng.platform.common.problem;

/** The caller's role does not allow this operation: 403, written to the audit trail once. */
public class ForbiddenException extends RuntimeException {

    private final boolean audited;

    public ForbiddenException(String detail) {
        this(detail, false);
    }

    private ForbiddenException(String detail, boolean audited) {
        super(detail);
        this.audited = audited;
    }

    /** The same refusal, already in the audit trail with more than the generic handler knows (whose data was asked for). */
    public ForbiddenException audited() {
        return new ForbiddenException(getMessage(), true);
    }

    public boolean isAudited() {
        return audited;
    }
}

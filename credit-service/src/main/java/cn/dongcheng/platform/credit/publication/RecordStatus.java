package cn.dongcheng.platform.credit.publication;

import java.time.LocalDate;

/**
 * Where a record stands in its publication. {@link #EXPIRED} is never stored: it is what a {@link #PUBLIC} or
 * {@link #UNDER_OBJECTION} record becomes on its publication end, computed against the district's clock when it is
 * read, so no batch job has to run at midnight.
 */
public enum RecordStatus {
    /** 公示中 */
    PUBLIC,
    /** 公示期满 (derived, never stored) */
    EXPIRED,
    /** 已信用修复: left the public view early */
    REPAIRED,
    /** 已撤销: the decision was revoked */
    REVOKED,
    /** 异议处理中: still shown, marked as disputed */
    UNDER_OBJECTION;

    /** The status a reader sees today; a stored record without a status (loaded before statuses existed) is public. */
    public static RecordStatus effective(RecordStatus stored, PublicationWindow window, LocalDate today) {
        RecordStatus status = stored == null ? PUBLIC : stored;
        if ((status == PUBLIC || status == UNDER_OBJECTION) && window != null && window.endedBy(today)) {
            return EXPIRED;
        }
        return status;
    }

    /** Whether a record with this effective status is in the public view (objections are shown, marked). */
    public boolean shownPublicly() {
        return this == PUBLIC || this == UNDER_OBJECTION;
    }
}

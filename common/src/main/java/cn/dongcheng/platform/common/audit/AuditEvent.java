package cn.dongcheng.platform.common.audit;

/**
 * What happened, before it is chained into the trail.
 *
 * @param subject keyed pseudonym of the natural person concerned (never the identifier itself), or null
 */
public record AuditEvent(String actor, String role, String action, String resource, String subject, String requestId,
                         String outcome, String detail) {

    /** An event that concerns no natural person. */
    public AuditEvent(String actor, String role, String action, String resource, String requestId, String outcome, String detail) {
        this(actor, role, action, resource, null, requestId, outcome, detail);
    }
}

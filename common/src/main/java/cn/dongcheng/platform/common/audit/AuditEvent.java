package cn.dongcheng.platform.common.audit;

/** What happened, before it is chained into the trail. */
public record AuditEvent(String actor, String role, String action, String resource, String requestId, String outcome,
                         String detail) {
}

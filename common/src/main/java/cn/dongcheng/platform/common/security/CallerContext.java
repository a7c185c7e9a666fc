package cn.dongcheng.platform.common.security;

import java.util.Locale;

/** Who is calling and in which role, as the gateway asserted it in {@code X-Caller} / {@code X-Caller-Role}. */
public record CallerContext(String caller, CallerRole role) {

    public static final String CALLER_HEADER = "X-Caller";
    public static final String ROLE_HEADER = "X-Caller-Role";

    /** Who acted, as the audit trail names them (the JWT-based record keeps this accessor). */
    public String actor() {
        return caller;
    }

    /** The caller's role names, sorted and comma-separated, as the audit trail records them. */
    public String roleNames() {
        return role.name();
    }

    public static CallerContext anonymous() {
        return new CallerContext("anonymous", CallerRole.PUBLIC);
    }

    /** Reads the headers; anything missing or unknown falls back to the public role (never upwards). */
    public static CallerContext fromHeaders(String caller, String role) {
        CallerRole parsed = CallerRole.PUBLIC;
        if (role != null) {
            try {
                parsed = CallerRole.valueOf(role.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                parsed = CallerRole.PUBLIC;
            }
        }
        String name = caller == null || caller.isBlank() ? "anonymous" : caller.replaceAll("[^\\p{L}\\p{N}._@/-]", "");
        return new CallerContext(name.isEmpty() ? "anonymous" : name, parsed);
    }
}

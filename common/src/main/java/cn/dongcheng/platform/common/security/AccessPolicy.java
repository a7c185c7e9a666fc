package cn.dongcheng.platform.common.security;

import cn.dongcheng.platform.common.problem.ForbiddenException;

import java.util.Set;

/**
 * Per-service, least-privilege access rules: which roles see natural persons' data unmasked, and which may write
 * (bulk ingestion and other mutations). Configured under {@code platform.security}.
 */
public record AccessPolicy(Set<CallerRole> unmaskedRoles, Set<CallerRole> writerRoles) {

    public boolean mayReadUnmasked(CallerContext caller) {
        return unmaskedRoles.contains(caller.role());
    }

    public void requireWriter(CallerContext caller) {
        if (!writerRoles.contains(caller.role())) {
            throw new ForbiddenException("role " + caller.role() + " may not change data here; allowed: " + writerRoles);
        }
    }
}

package cn.dongcheng.platform.common.security;

import java.util.Set;

/** Which roles may see natural persons' data unmasked in a service (configured per service, least privilege). */
public record PersonalDataPolicy(Set<CallerRole> unmaskedRoles) {
    public boolean mayReadUnmasked(CallerContext caller) {
        return unmaskedRoles.contains(caller.role());
    }
}

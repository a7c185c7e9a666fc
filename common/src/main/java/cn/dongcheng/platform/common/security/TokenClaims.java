package cn.dongcheng.platform.common.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a verified token carries the caller's roles and subject: claim names from configuration, so the platform can
 * trust any OpenID Connect provider (the bundled identity service: {@code roles} and {@code subject_id}; Keycloak:
 * {@code realm_access.roles}). A dotted name walks into nested claims. Role names the platform does not know are
 * ignored, and no token can claim {@link CallerRole#PUBLIC}.
 *
 * @param rolesClaim   claim (or dotted path) holding a list of role names, or one name
 * @param subjectClaim claim holding the caller's own identifier (citizen: resident ID number; enterprise: credit code)
 */
public record TokenClaims(String rolesClaim, String subjectClaim) {

    public TokenClaims {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        subjectClaim = subjectClaim == null || subjectClaim.isBlank() ? "subject_id" : subjectClaim;
    }

    public Set<CallerRole> roles(Map<String, Object> claims) {
        Object value = walk(claims, rolesClaim);
        Set<CallerRole> roles = EnumSet.noneOf(CallerRole.class);
        if (value instanceof Collection<?> names) {
            names.forEach(name -> add(roles, name));
        } else if (value != null) {
            add(roles, value);
        }
        roles.remove(CallerRole.PUBLIC);
        return roles;
    }

    public String subject(Map<String, Object> claims) {
        Object value = walk(claims, subjectClaim);
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static void add(Set<CallerRole> roles, Object name) {
        try {
            roles.add(CallerRole.valueOf(String.valueOf(name).trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException ignored) {
            // a role of another application in the same realm
        }
    }

    private static Object walk(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}

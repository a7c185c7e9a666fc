package cn.dongcheng.platform.common.security;

import cn.dongcheng.platform.common.problem.ForbiddenException;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who is calling, taken only from the verified bearer token, and what the access matrix grants them at the endpoint
 * being served.
 *
 * @param actor     the token's {@code sub} (an account or client id, never a person's ID number); "anonymous" without a token
 * @param roles     the roles the token carries; {@code {PUBLIC}} without a token
 * @param subjectId the identifier of the person or entity the caller <em>is</em> (citizen: resident ID number,
 *                  enterprise: credit code); null for staff and services. Never logged.
 * @param access    the matrix cell for this endpoint (the most generous over the caller's roles)
 */
public record CallerContext(String actor, Set<CallerRole> roles, String subjectId, Access access) {

    public CallerContext {
        roles = Set.copyOf(roles);
    }

    public static CallerContext anonymous() {
        return new CallerContext("anonymous", Set.of(CallerRole.PUBLIC), null, Access.MASKED);
    }

    /** A caller in one role with full access, for work a service does on its own and for tests of plain classes. */
    public static CallerContext of(String actor, CallerRole role) {
        return new CallerContext(actor, Set.of(role), null, Access.ALLOW);
    }

    /** The roles as the audit trail records them: sorted, comma-separated. */
    public String roleNames() {
        return roles.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(","));
    }

    /** Whether the caller is the person or entity with this identifier. */
    public boolean isSubject(String identifier) {
        return subjectId != null && identifier != null && subjectId.equals(identifier);
    }

    /** May personal data about this subject be shown in full? (Masked otherwise; refused cases never get here.) */
    public boolean mayReadUnmasked(String subjectOfData) {
        return switch (access) {
            case ALLOW -> true;
            case OWN, OWN_ELSE_MASKED -> isSubject(subjectOfData);
            case MASKED, DENY -> false;
        };
    }

    /** For data that belongs to no particular subject (a list, an export): full only with {@link Access#ALLOW}. */
    public boolean mayReadUnmasked() {
        return access == Access.ALLOW;
    }

    /**
     * Refuses (403) when the cell is {@link Access#OWN} and the data is not the caller's own. Call it once the subject
     * of the request is known (a code in the path, an ID number in the body).
     */
    public void requireAllowedFor(String subjectOfData) {
        if (access == Access.OWN && !isSubject(subjectOfData)) {
            throw new ForbiddenException("this role may only read its own record");
        }
        if (access == Access.DENY) {
            throw new ForbiddenException("not allowed for roles " + roleNames());
        }
    }
}

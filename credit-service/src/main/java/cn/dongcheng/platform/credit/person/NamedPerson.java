package cn.dongcheng.platform.credit.person;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.ForbiddenException;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.security.CallerContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A natural person as a request body names them: the exact name and the full ID number together (never a fuzzy
 * search of persons), checked before anything is read — the look-up, the grade and the report ask the same way.
 */
public record NamedPerson(String name, String idNumber) {

    public static final int MAX_NAME = 50;

    /** Both fields checked at once: a 400 names every one that fails. */
    public static NamedPerson of(String rawName, String rawIdNumber) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = rawName == null ? null : rawName.strip();
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "is required, 1–" + MAX_NAME + " characters, exactly as recorded"));
        }
        String id = rawIdNumber == null ? null : rawIdNumber.strip().toUpperCase(Locale.ROOT);
        ResidentIdNumber.problem(id).ifPresent(reason -> problems.add(new FieldProblem("idNumber", reason)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new NamedPerson(name, id);
    }

    /** Refuses (403) a caller whose cell does not reach this person, the refusal audited under the person's pseudonym. */
    public static void requireAllowed(CallerContext caller, String idNumber, AuditTrail audit, String resource) {
        try {
            caller.requireAllowedFor(idNumber);
        } catch (ForbiddenException refused) {
            audit.record(caller, "ACCESS_DENIED", resource, idNumber, "403", refused.getMessage());
            throw refused.audited();
        }
    }
}

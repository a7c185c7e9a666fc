package cn.dongcheng.platform.supervision.inspector;

import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inspector needs a badge number, a name, a department, a known status and a workload cap of 1–500; every declared
 * conflict names a valid credit code (both check characters) and a reason.
 */
public final class InspectorValidator {

    static final int MAX_WORKLOAD = 500;
    static final int MAX_LIST = 200;
    private static final int MAX_TEXT = 100;

    private InspectorValidator() {
    }

    public static InspectorDocument validate(InspectorInput in, String updatedAt) {
        List<FieldProblem> problems = new ArrayList<>();
        String badge = in.badgeNumber() == null ? null : in.badgeNumber().trim().toUpperCase(Locale.ROOT);
        if (badge == null || !badge.matches("[A-Z0-9-]{4,32}")) {
            problems.add(new FieldProblem("badgeNumber", "must be 4–32 letters, digits or hyphens"));
        }
        text(problems, "name", in.name(), true);
        text(problems, "department", in.department(), true);
        text(problems, "phone", in.phone(), false);
        text(problems, "dataSource", in.dataSource(), false);
        if (in.phone() != null && !in.phone().matches("[0-9+\\- ]{5,20}")) {
            problems.add(new FieldProblem("phone", "must be 5–20 digits, spaces, + or -"));
        }
        InspectorStatus status = null;
        try {
            status = in.status() == null ? null : InspectorStatus.valueOf(in.status().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (status == null) {
            problems.add(new FieldProblem("status", "must be one of ACTIVE, ON_LEAVE, RETIRED"));
        }
        if (in.workloadCap() == null || in.workloadCap() < 1 || in.workloadCap() > MAX_WORKLOAD) {
            problems.add(new FieldProblem("workloadCap", "must be between 1 and " + MAX_WORKLOAD));
        }
        List<String> qualifications = in.qualifications() == null ? List.of() : in.qualifications();
        if (qualifications.size() > MAX_LIST || qualifications.stream().anyMatch(q -> q == null || q.isBlank() || q.length() > MAX_TEXT)) {
            problems.add(new FieldProblem("qualifications", "at most " + MAX_LIST + " non-blank entries of up to " + MAX_TEXT + " characters"));
        }
        List<InspectorDocument.Conflict> conflicts = new ArrayList<>();
        List<InspectorInput.ConflictInput> declared = in.conflicts() == null ? List.of() : in.conflicts();
        if (declared.size() > MAX_LIST) {
            problems.add(new FieldProblem("conflicts", "at most " + MAX_LIST + " entries"));
        }
        for (int i = 0; i < declared.size() && i < MAX_LIST; i++) {
            InspectorInput.ConflictInput c = declared.get(i);
            String field = "conflicts[" + i + "]";
            try {
                UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(c == null ? null : c.uscc());
                if (c.reason() == null || c.reason().isBlank() || c.reason().length() > MAX_TEXT) {
                    problems.add(new FieldProblem(field + ".reason", "is required, up to " + MAX_TEXT + " characters"));
                } else {
                    conflicts.add(new InspectorDocument.Conflict(code.value(), c.reason().trim()));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field + ".uscc", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new InspectorDocument(badge, in.name().trim(), in.phone() == null ? null : in.phone().trim(), in.department().trim(),
                qualifications.stream().map(String::trim).distinct().toList(), status, List.copyOf(conflicts), in.workloadCap(), in.dataSource(), updatedAt);
    }

    private static void text(List<FieldProblem> problems, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
        } else if (value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }
}

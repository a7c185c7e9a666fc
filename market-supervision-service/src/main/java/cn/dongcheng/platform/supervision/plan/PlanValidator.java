package cn.dongcheng.platform.supervision.plan;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plan needs a year (not past next year), a department with a short code, and a title. */
public final class PlanValidator {

    public static final int MAX_TEXT = 200;

    private PlanValidator() {
    }

    public static InspectionPlan validate(PlanInput in, int thisYear, String createdAt, String createdBy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in == null) {
            throw new InvalidInputException("body", "is required");
        }
        if (in.year() == null || in.year() < 2015 || in.year() > thisYear + 1) {
            problems.add(new FieldProblem("year", "must be between 2015 and " + (thisYear + 1)));
        }
        String code = in.departmentCode() == null ? null : in.departmentCode().trim().toUpperCase(Locale.ROOT);
        if (code == null || !code.matches("[A-Z0-9]{2,16}")) {
            problems.add(new FieldProblem("departmentCode", "must be 2–16 letters or digits"));
        }
        text(problems, "department", in.department());
        text(problems, "title", in.title());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new InspectionPlan(in.year() + "-" + code, in.year(), code, in.department().trim(), in.title().trim(), createdAt,
                createdBy);
    }

    /** A required free text of at most {@value #MAX_TEXT} characters. */
    public static void text(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }
}

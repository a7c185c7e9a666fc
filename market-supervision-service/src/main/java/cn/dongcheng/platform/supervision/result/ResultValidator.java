package cn.dongcheng.platform.supervision.result;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A result needs a known outcome, details when problems were found, and an inspection end date not in the future. */
public final class ResultValidator {

    static final int MAX_DETAILS = 2_000;

    private ResultValidator() {
    }

    public record ValidResult(InspectionOutcome outcome, String details, LocalDate inspectionEndDate) {
    }

    public static ValidResult validate(ResultInput in, LocalDate today) {
        if (in == null) {
            throw new InvalidInputException("body", "a result is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        InspectionOutcome outcome = null;
        try {
            outcome = in.outcome() == null ? null : InspectionOutcome.valueOf(in.outcome().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (outcome == null) {
            problems.add(new FieldProblem("outcome", "must be one of NO_PROBLEM_FOUND, PROBLEMS_FOUND, NOT_AT_REGISTERED_ADDRESS, CLOSED"));
        }
        String details = in.details() == null || in.details().isBlank() ? null : in.details().trim();
        if (outcome == InspectionOutcome.PROBLEMS_FOUND && details == null) {
            problems.add(new FieldProblem("details", "required when problems were found"));
        }
        if (details != null && details.length() > MAX_DETAILS) {
            problems.add(new FieldProblem("details", "at most " + MAX_DETAILS + " characters"));
        }
        LocalDate end = null;
        try {
            end = in.inspectionEndDate() == null ? null : LocalDate.parse(in.inspectionEndDate().trim());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (end == null) {
            problems.add(new FieldProblem("inspectionEndDate", "required, as YYYY-MM-DD"));
        } else if (end.isAfter(today)) {
            problems.add(new FieldProblem("inspectionEndDate", "must not be after today (" + today + ", Beijing time)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ValidResult(outcome, details, end);
    }
}

package cn.dongcheng.platform.credit.workflow;

import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the two workflows, without storage: who may apply when, what a decision does to the application and to
 * the record.
 * <pre>
 *   REPAIR     APPLIED → APPROVED (record REPAIRED: leaves the public view) | REJECTED (record unchanged)
 *   OBJECTION  APPLIED (record UNDER_OBJECTION) → APPROVED = upheld (record REVOKED) | REJECTED (record back as it was)
 * </pre>
 * A decided application is never decided again (409).
 */
final class Transitions {

    private final WorkflowRules rules;

    Transitions(WorkflowRules rules) {
        this.rules = rules;
    }

    /** The statement trimmed, or a problem naming {@code field} when it is missing or too long. */
    String statement(String field, String text) {
        return text(field, text, rules.statementMaxChars());
    }

    /**
     * Whether {@code record} may be applied about today: it must be in the public view (public or expired records are
     * nobody's concern; repaired and revoked ones are done), and a repair must wait for the minimum period.
     */
    void checkApplicable(ApplicationKind kind, CreditRecordDocument record, LocalDate today) {
        RecordStatus status = RecordStatus.effective(record.status(), record.publication(), today);
        if (status != RecordStatus.PUBLIC) {
            throw new ConflictException("record " + record.recordId() + " is " + status + ": only a record in the public view ("
                    + RecordStatus.PUBLIC + ") can be " + (kind == ApplicationKind.REPAIR ? "repaired" : "objected to"));
        }
        if (kind == ApplicationKind.REPAIR && !rules.repairable(record.category())) {
            throw new InvalidInputException("recordId", "a " + record.category() + " record is not dishonesty information: "
                    + "there is nothing to repair (an objection disputes it)");
        }
        LocalDate earliest = record.publication() == null ? null : record.publication().earliestEnd();
        if (kind == ApplicationKind.REPAIR && earliest != null && today.isBefore(earliest)) {
            throw new InvalidInputException("recordId", "the minimum publication period runs until " + earliest
                    + " (" + record.publication().basis() + "): a repair can be applied for from " + earliest);
        }
    }

    /** The record's stored status once the application is filed: an objection marks it, a repair leaves it. */
    RecordStatus statusWhileOpen(ApplicationKind kind, RecordStatus current) {
        return kind == ApplicationKind.OBJECTION ? RecordStatus.UNDER_OBJECTION : current;
    }

    /** Checks a decision; the application's new state. */
    ApplicationState decide(WorkflowApplication application, DecisionInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input == null || input.decision() == null) {
            problems.add(new FieldProblem("decision", "is required: APPROVE or REJECT"));
        }
        try {
            text("reason", input == null ? null : input.reason(), rules.reasonMaxChars());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (application.state() != ApplicationState.APPLIED) {
            throw alreadyDecided(application);
        }
        return input.decision() == DecisionInput.Outcome.APPROVE ? ApplicationState.APPROVED : ApplicationState.REJECTED;
    }

    /** The record's stored status after the decision; null: the record stays as it is. */
    RecordStatus statusAfter(WorkflowApplication application, ApplicationState outcome) {
        return switch (application.kind()) {
            case REPAIR -> outcome == ApplicationState.APPROVED ? RecordStatus.REPAIRED : null;
            case OBJECTION -> outcome == ApplicationState.APPROVED ? RecordStatus.REVOKED
                    : application.recordStatusBefore() == null ? RecordStatus.PUBLIC : application.recordStatusBefore();
        };
    }

    static ConflictException alreadyDecided(WorkflowApplication application) {
        return new ConflictException("application " + application.applicationId() + " is already decided: " + application.state()
                + (application.decidedAt() == null ? "" : " at " + application.decidedAt()));
    }

    private static String text(String field, String value, int max) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            throw new InvalidInputException(field, "is required");
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters, is " + v.length());
        }
        return v;
    }
}

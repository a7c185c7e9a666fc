package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.credit.publication.PublicationRules;
import cn.dongcheng.platform.credit.publication.PublicationWindow;
import cn.dongcheng.platform.credit.publication.RecordStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a department's line and turns it into the stored record with its publication window. Every problem of a
 * line is reported at once, each naming its field; a line with any problem stores nothing.
 */
public final class CreditRecordValidator {

    static final int MAX_KEY = 100;
    static final int MAX_TEXT = 2_000;

    private final PublicationRules rules;

    public CreditRecordValidator(PublicationRules rules) {
        this.rules = rules;
    }

    public CreditRecordDocument validate(CreditRecordInput in, LocalDate today, String updatedAt) {
        List<FieldProblem> problems = new ArrayList<>();
        String department = required(problems, "sourceDepartment", in.sourceDepartment(), MAX_KEY, "the department that supplies the record");
        String sourceId = required(problems, "sourceId", in.sourceId(), MAX_KEY, "the department's own id of the record");
        String uscc = upper(in.uscc());
        String idNumber = upper(in.idNumber());
        SubjectType subjectType = null;
        if (uscc != null && idNumber != null) {
            problems.add(new FieldProblem("idNumber", "give either uscc (a legal person) or idNumber (a natural person), not both"));
        } else if (uscc != null) {
            subjectType = SubjectType.LEGAL_PERSON;
            UnifiedSocialCreditCode.problem(uscc).ifPresent(r -> problems.add(new FieldProblem("uscc", r)));
        } else if (idNumber != null) {
            subjectType = SubjectType.NATURAL_PERSON;
            ResidentIdNumber.problem(idNumber).ifPresent(r -> problems.add(new FieldProblem("idNumber", r)));
        } else {
            problems.add(new FieldProblem("uscc", "uscc (a legal person) or idNumber (a natural person) is required"));
        }
        String name = trim(in.subjectName());
        if (subjectType == SubjectType.NATURAL_PERSON && name == null) {
            problems.add(new FieldProblem("subjectName", "is required for a natural person (a look-up needs name and ID number)"));
        } else if (name != null && name.length() > MAX_KEY) {
            problems.add(new FieldProblem("subjectName", "must be at most " + MAX_KEY + " characters"));
        }
        if (in.category() == null) {
            problems.add(new FieldProblem("category", "is required, one of " + List.of(CreditRecordCategory.values())));
        }
        optional(problems, "decisionNumber", in.decisionNumber(), MAX_KEY);
        String authority = required(problems, "authority", in.authority(), MAX_KEY, "the deciding body");
        optional(problems, "legalBasis", in.legalBasis(), MAX_TEXT);
        optional(problems, "summary", in.summary(), MAX_TEXT);
        LocalDate decided = in.decisionDate();
        if (decided == null) {
            problems.add(new FieldProblem("decisionDate", "is required"));
        } else if (decided.isAfter(today)) {
            problems.add(new FieldProblem("decisionDate", "lies in the future: " + decided));
        }
        Long amountFen = fen(problems, in.amount());
        boolean penalty = in.category() == CreditRecordCategory.ADMINISTRATIVE_PENALTY;
        if (penalty) {
            if (in.severity() == null) {
                problems.add(new FieldProblem("severity", "is required for a penalty: MINOR, GENERAL or SERIOUS"));
            }
            if (in.regime() == null) {
                problems.add(new FieldProblem("regime", "is required for a penalty: MARKET_REGULATION (SAMR Order 45) or GENERAL (NDRC Order 36)"));
            }
            if (in.exitDate() != null) {
                problems.add(new FieldProblem("exitDate", "a penalty leaves publication by its period, a repair or a revocation, not by an exit"));
            }
        } else if (in.category() != null) {
            if (in.severity() != null) {
                problems.add(new FieldProblem("severity", "applies to ADMINISTRATIVE_PENALTY only"));
            }
            if (in.regime() != null) {
                problems.add(new FieldProblem("regime", "applies to ADMINISTRATIVE_PENALTY only"));
            }
        }
        if (decided != null && in.exitDate() != null && in.exitDate().isBefore(decided)) {
            problems.add(new FieldProblem("exitDate", "lies before the decision date " + decided));
        }
        if (decided != null && in.publicationEnd() != null && !in.publicationEnd().isAfter(decided)) {
            problems.add(new FieldProblem("publicationEnd", "must be after the publication start (the decision date " + decided + ")"));
        }
        RecordStatus status = in.status() == null ? RecordStatus.PUBLIC : in.status();
        checkStatus(problems, status, in.statusDate(), decided, today);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PublicationWindow window = penalty
                ? rules.penalty(decided, in.regime(), in.severity(), in.publicationEnd())
                : rules.untilExit(decided, in.exitDate(), in.publicationEnd());
        if (status == RecordStatus.REPAIRED && in.statusDate().isBefore(window.earliestEnd())) {
            throw new InvalidInputException("statusDate", "a repair cannot end publication before the minimum period, which ends "
                    + window.earliestEnd() + " (" + window.basis() + ")");
        }
        return new CreditRecordDocument(department + ":" + sourceId, subjectType, uscc, idNumber, name, in.category(), department,
                sourceId, trim(in.decisionNumber()), decided, authority, trim(in.legalBasis()), trim(in.summary()), in.severity(),
                in.regime(), amountFen, in.exitDate(), status, in.statusDate(), window, 1, trim(in.dataSource()), updatedAt);
    }

    private static void checkStatus(List<FieldProblem> problems, RecordStatus status, LocalDate statusDate, LocalDate decided,
                                    LocalDate today) {
        if (status == RecordStatus.EXPIRED) {
            problems.add(new FieldProblem("status", "EXPIRED follows from the publication window and is not sent; "
                    + "send PUBLIC, REPAIRED, REVOKED or UNDER_OBJECTION"));
            return;
        }
        if (status == RecordStatus.PUBLIC) {
            return;
        }
        if (statusDate == null) {
            problems.add(new FieldProblem("statusDate", "is required with status " + status));
        } else if (statusDate.isAfter(today)) {
            problems.add(new FieldProblem("statusDate", "lies in the future: " + statusDate));
        } else if (decided != null && statusDate.isBefore(decided)) {
            problems.add(new FieldProblem("statusDate", "lies before the decision date " + decided));
        }
    }

    private static Long fen(List<FieldProblem> problems, BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            problems.add(new FieldProblem("amount", "must not be negative"));
            return null;
        }
        try {
            return amount.movePointRight(2).setScale(0).longValueExact();
        } catch (ArithmeticException e) {
            problems.add(new FieldProblem("amount", "must be yuan with at most two decimals, below 10^16"));
            return null;
        }
    }

    private static String required(List<FieldProblem> problems, String field, String value, int max, String what) {
        String v = trim(value);
        if (v == null) {
            problems.add(new FieldProblem(field, "is required (" + what + ")"));
        } else if (v.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
        return v;
    }

    private static void optional(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String upper(String value) {
        String v = trim(value);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }
}

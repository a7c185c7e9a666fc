package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks an incoming credit record and derives its natural-key id. */
public final class CreditRecordValidator {

    private CreditRecordValidator() {
    }

    public static CreditRecord validate(CreditRecord in, LocalDate today, String updatedAt) {
        List<FieldProblem> problems = new ArrayList<>();
        String uscc = in.uscc() == null ? null : in.uscc().trim().toUpperCase(Locale.ROOT);
        UnifiedSocialCreditCode.problem(uscc).ifPresent(r -> problems.add(new FieldProblem("uscc", r)));
        if (in.category() == null) {
            problems.add(new FieldProblem("category", "is required"));
        }
        if (in.decisionNumber() == null || in.decisionNumber().isBlank() || in.decisionNumber().length() > 100) {
            problems.add(new FieldProblem("decisionNumber", "must be 1–100 characters (the document number, 文书号)"));
        }
        if (in.decisionDate() == null) {
            problems.add(new FieldProblem("decisionDate", "is required"));
        } else if (in.decisionDate().isAfter(today)) {
            problems.add(new FieldProblem("decisionDate", "lies in the future: " + in.decisionDate()));
        }
        if (in.authority() == null || in.authority().isBlank()) {
            problems.add(new FieldProblem("authority", "is required (the deciding body)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String decision = in.decisionNumber().trim();
        return new CreditRecord(in.category() + ":" + uscc + ":" + decision, uscc, in.category(), decision,
                in.decisionDate(), in.authority().trim(), in.summary(), in.dataSource(), updatedAt);
    }
}

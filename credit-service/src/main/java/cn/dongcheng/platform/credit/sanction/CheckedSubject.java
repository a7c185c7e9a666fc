package cn.dongcheng.platform.credit.sanction;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.credit.record.SubjectType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A subject of the batch after its checks: its place in the list, its kind, and its normalised identifier. Also the
 * check of a watch list's subjects (credit/watch), which take the same {@code {"uscc"} | {"idNumber"}} form.
 */
public record CheckedSubject(int index, SubjectType type, String key) {

    /** At most this many problems are reported: a batch of 10,000 bad numbers needs no 10,000-line answer. */
    static final int MAX_PROBLEMS = 50;

    /**
     * Checks every subject (both check characters of a code, the birth date and check character of an ID number) and
     * names each bad one by its index and the check that failed; problems go to {@code problems}.
     */
    public static List<CheckedSubject> check(List<SanctionCheckRequest.Subject> subjects, List<FieldProblem> problems) {
        List<CheckedSubject> checked = new ArrayList<>(subjects.size());
        int bad = 0;
        for (int i = 0; i < subjects.size(); i++) {
            SanctionCheckRequest.Subject s = subjects.get(i);
            String field = "subjects[" + i + "]";
            String uscc = s == null ? null : normalised(s.uscc());
            String id = s == null ? null : normalised(s.idNumber());
            FieldProblem problem;
            if (uscc != null && id != null) {
                problem = new FieldProblem(field, "give either uscc (a legal person) or idNumber (a natural person), not both");
            } else if (uscc != null) {
                problem = UnifiedSocialCreditCode.problem(uscc).map(r -> new FieldProblem(field + ".uscc", r)).orElse(null);
            } else if (id != null) {
                // the reason names the position or check that failed, never the number itself
                problem = ResidentIdNumber.problem(id).map(r -> new FieldProblem(field + ".idNumber", r)).orElse(null);
            } else {
                problem = new FieldProblem(field, "uscc (a legal person) or idNumber (a natural person) is required");
            }
            if (problem != null) {
                if (++bad <= MAX_PROBLEMS) {
                    problems.add(problem);
                }
                continue;
            }
            checked.add(uscc != null ? new CheckedSubject(i, SubjectType.LEGAL_PERSON, uscc)
                    : new CheckedSubject(i, SubjectType.NATURAL_PERSON, id));
        }
        if (bad > MAX_PROBLEMS) {
            problems.add(new FieldProblem("subjects", (bad - MAX_PROBLEMS) + " more invalid subjects not listed"));
        }
        return checked;
    }

    private static String normalised(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip().toUpperCase(Locale.ROOT);
    }
}

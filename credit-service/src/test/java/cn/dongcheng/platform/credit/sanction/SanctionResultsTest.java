package cn.dongcheng.platform.credit.sanction;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.SubjectType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SanctionResultsTest {

    static final String CODE = "91350100M000100Y43";
    static final String PERSON = "11010519491231002X";
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

    static CreditRecordDocument entry(String uscc, String idNumber, String name, CreditRecordCategory list, String recordId,
                                      RecordStatus status, LocalDate statusDate) {
        return new CreditRecordDocument(recordId, uscc != null ? SubjectType.LEGAL_PERSON : SubjectType.NATURAL_PERSON, uscc,
                idNumber, name, list, "d", recordId, "号", LocalDate.of(2025, 3, 3), "机关", null, null, null, null, null, null,
                status, statusDate, null, 1, null, null);
    }

    @Test
    void eachSubjectInTheOrderSentWithItsListsMeasuresAndAMaskedPersonUnlessAllowed() throws IOException {
        SanctionRules rules = SanctionRulesTest.v1();
        List<CheckedSubject> subjects = List.of(new CheckedSubject(0, SubjectType.LEGAL_PERSON, "91110000802100433B"),
                new CheckedSubject(1, SubjectType.LEGAL_PERSON, CODE), new CheckedSubject(2, SubjectType.NATURAL_PERSON, PERSON));
        List<CreditRecordDocument> entries = new ArrayList<>(List.of(
                entry(CODE, null, "福建某公司", CreditRecordCategory.ABNORMAL_OPERATIONS, "d:2", RecordStatus.PUBLIC, null),
                entry(CODE, null, "福建某公司", CreditRecordCategory.SERIOUS_DISHONESTY_LIST, "d:1", RecordStatus.UNDER_OBJECTION, AS_OF),
                entry(null, PERSON, "张三", CreditRecordCategory.DISHONEST_JUDGMENT_DEBTOR, "d:3", RecordStatus.PUBLIC, null)));
        Collections.reverse(entries);

        List<SanctionCheckView.SubjectResult> masked = SanctionResults.of(subjects, entries, rules,
                rules.scenario("GOVERNMENT_PROCUREMENT"), AS_OF, id -> false);
        assertThat(masked).extracting(SanctionCheckView.SubjectResult::index).containsExactly(0, 1, 2);
        assertThat(masked.get(0).hit()).isFalse();
        assertThat(masked.get(0).lists()).isEmpty();
        assertThat(masked.get(0).measures()).isEmpty();
        assertThat(masked.get(1).hit()).isTrue();
        assertThat(masked.get(1).name()).isEqualTo("福建某公司");
        assertThat(masked.get(1).masked()).isNull();
        assertThat(masked.get(1).lists()).extracting(SanctionCheckView.ListEntry::list)
                .containsExactly(CreditRecordCategory.SERIOUS_DISHONESTY_LIST, CreditRecordCategory.ABNORMAL_OPERATIONS);
        assertThat(masked.get(1).lists().get(0).status()).isEqualTo(RecordStatus.UNDER_OBJECTION);
        assertThat(masked.get(1).measures()).hasSize(2);
        assertThat(masked.get(2).idNumber()).isEqualTo("110105********002X");
        assertThat(masked.get(2).name()).isEqualTo("张*");
        assertThat(masked.get(2).masked()).isTrue();
        assertThat(masked.get(2).measures()).singleElement().satisfies(m -> assertThat(m.effect()).isEqualTo(MeasureEffect.EXCLUDE));

        SanctionCheckView.SubjectResult full = SanctionResults.of(subjects, entries, rules, rules.scenario("GOVERNMENT_PROCUREMENT"),
                AS_OF, PERSON::equals).get(2);
        assertThat(full.idNumber()).isEqualTo(PERSON);
        assertThat(full.name()).isEqualTo("张三");
        assertThat(full.masked()).isFalse();
    }

    @Test
    void aStatusRecordedAfterTheDateAskedHadNotHappenedYet() {
        CreditRecordDocument repairedLater = entry(CODE, null, "x", CreditRecordCategory.ABNORMAL_OPERATIONS, "d:1",
                RecordStatus.REPAIRED, AS_OF.plusDays(1));
        assertThat(SanctionResults.statusOn(repairedLater, AS_OF)).isEqualTo(RecordStatus.PUBLIC);
        assertThat(SanctionResults.statusOn(repairedLater, AS_OF.plusDays(1))).isEqualTo(RecordStatus.REPAIRED);
    }

    @Test
    void everyBadSubjectIsNamedByItsIndexAndTheCheckThatFailed() {
        String badCheck = CODE.substring(0, 17) + "0";
        String badDate = "110105194902300021";
        String badId = PERSON.substring(0, 17) + "1";
        List<FieldProblem> problems = new ArrayList<>();
        List<CheckedSubject> ok = CheckedSubject.check(List.of(new SanctionCheckRequest.Subject(CODE, null),
                new SanctionCheckRequest.Subject(badCheck, null), new SanctionCheckRequest.Subject(null, " " + PERSON.toLowerCase() + " "),
                new SanctionCheckRequest.Subject(null, badId), new SanctionCheckRequest.Subject(null, badDate),
                new SanctionCheckRequest.Subject(CODE, PERSON), new SanctionCheckRequest.Subject(null, null)), problems);
        assertThat(ok).extracting(CheckedSubject::index).containsExactly(0, 2);
        assertThat(ok.get(1).key()).isEqualTo(PERSON);
        assertThat(problems).extracting(FieldProblem::field).containsExactly("subjects[1].uscc", "subjects[3].idNumber",
                "subjects[4].idNumber", "subjects[5]", "subjects[6]");
        assertThat(problems.get(0).reason()).contains("check character").contains("GB 32100");
        assertThat(problems.get(1).reason()).contains("check character").doesNotContain(badId);
        assertThat(problems.get(2).reason()).contains("not a real date");
        assertThat(UnifiedSocialCreditCode.problem(CODE)).isEmpty();
        assertThat(ResidentIdNumber.problem(PERSON)).isEmpty();
    }

    @Test
    void aBatchFullOfBadNumbersIsAnsweredWithABoundedListOfProblems() {
        List<SanctionCheckRequest.Subject> bad = Collections.nCopies(500, new SanctionCheckRequest.Subject("X", null));
        List<FieldProblem> problems = new ArrayList<>();
        CheckedSubject.check(bad, problems);
        assertThat(problems).hasSize(CheckedSubject.MAX_PROBLEMS + 1);
        assertThat(problems.get(CheckedSubject.MAX_PROBLEMS).reason()).startsWith("450 more");
    }
}

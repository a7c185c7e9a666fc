package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.credit.publication.PenaltyRegime;
import cn.dongcheng.platform.credit.publication.PublicationRulesTest;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CreditRecordValidatorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final String USCC = "91350100M000100Y43";
    static final String ID = "11010519491231002X";

    static CreditRecordInput penalty(String uscc, String id, Severity severity, PenaltyRegime regime, BigDecimal amount,
                                     LocalDate publicationEnd, RecordStatus status, LocalDate statusDate) {
        return new CreditRecordInput("东城区市场监管局", "CF-1", uscc, id, id == null ? null : "张三",
                CreditRecordCategory.ADMINISTRATIVE_PENALTY, "京东市监罚〔2026〕1号", LocalDate.of(2026, 9, 18), "北京市东城区市场监督管理局",
                "《广告法》第五十五条", null, severity, regime, amount, null, publicationEnd, status, statusDate, null);
    }

    private CreditRecordValidator validator() throws Exception {
        return new CreditRecordValidator(PublicationRulesTest.rules());
    }

    private List<FieldProblem> problems(CreditRecordInput in) throws Exception {
        CreditRecordValidator v = validator();
        return catchThrowableOfType(InvalidInputException.class, () -> v.validate(in, TODAY, "t")).problems();
    }

    @Test
    void aPenaltyGetsItsKeyWindowAndAmountInFen() throws Exception {
        CreditRecordDocument doc = validator().validate(penalty(USCC, null, Severity.GENERAL, PenaltyRegime.GENERAL,
                new BigDecimal("20000.5"), null, null, null), TODAY, "t");
        assertThat(doc.recordId()).isEqualTo("东城区市场监管局:CF-1");
        assertThat(doc.subjectType()).isEqualTo(SubjectType.LEGAL_PERSON);
        assertThat(doc.amountFen()).isEqualTo(2_000_050L);
        assertThat(doc.status()).isEqualTo(RecordStatus.PUBLIC);
        assertThat(doc.publication().latestEnd()).isEqualTo(LocalDate.of(2027, 9, 18));
        assertThat(doc.version()).isEqualTo(1);
    }

    @Test
    void anInvalidCodeOrIdSaysWhichCheckFailed() throws Exception {
        assertThat(problems(penalty("91350100M000100Y44", null, Severity.GENERAL, PenaltyRegime.GENERAL, null, null, null, null)))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("uscc");
                    assertThat(p.reason()).contains("check");
                });
        assertThat(problems(penalty(null, "110105194912310021", Severity.GENERAL, PenaltyRegime.GENERAL, null, null, null, null)))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("idNumber");
                    assertThat(p.reason()).contains("check character");
                });
        assertThat(problems(penalty(USCC, ID, Severity.GENERAL, PenaltyRegime.GENERAL, null, null, null, null)))
                .extracting(FieldProblem::field).containsExactly("idNumber");
    }

    @Test
    void aPenaltyNeedsSeverityAndRegimeAndNothingElseTakesThem() throws Exception {
        assertThat(problems(penalty(USCC, null, null, null, null, null, null, null)))
                .extracting(FieldProblem::field).containsExactly("severity", "regime");
        CreditRecordInput licence = new CreditRecordInput("d", "s", USCC, null, null, CreditRecordCategory.ADMINISTRATIVE_LICENCE,
                null, LocalDate.of(2026, 1, 5), "a", null, null, Severity.MINOR, null, null, null, null, null, null, null);
        assertThat(problems(licence)).extracting(FieldProblem::field).containsExactly("severity");
    }

    @Test
    void publicationEndBeforeStartAmountsAndStatuses() throws Exception {
        assertThat(problems(penalty(USCC, null, Severity.GENERAL, PenaltyRegime.GENERAL, new BigDecimal("1.001"),
                LocalDate.of(2026, 9, 1), RecordStatus.EXPIRED, null)))
                .extracting(FieldProblem::field).containsExactly("amount", "publicationEnd", "status");
        assertThat(problems(penalty(USCC, null, Severity.GENERAL, PenaltyRegime.GENERAL, null, null, RecordStatus.REVOKED, null)))
                .extracting(FieldProblem::field).containsExactly("statusDate");
    }

    @Test
    void aRepairBeforeTheMinimumPeriodIsRefused() throws Exception {
        // NDRC general: 3 months minimum from 2026-09-18
        assertThat(problems(penalty(USCC, null, Severity.GENERAL, PenaltyRegime.GENERAL, null, null, RecordStatus.REPAIRED,
                LocalDate.of(2026, 11, 1)))).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("statusDate");
                    assertThat(p.reason()).contains("2026-12-18");
                });
    }

    @Test
    void aNaturalPersonNeedsTheNameTheLookUpMatches() throws Exception {
        CreditRecordInput noName = new CreditRecordInput("d", "s", null, ID, " ", CreditRecordCategory.CREDIT_COMMITMENT,
                null, LocalDate.of(2026, 1, 5), "a", null, null, null, null, null, null, null, null, null, null);
        assertThat(problems(noName)).extracting(FieldProblem::field).containsExactly("subjectName");
    }
}

package cn.dongcheng.platform.credit.workflow;

import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.credit.publication.PenaltyRegime;
import cn.dongcheng.platform.credit.publication.PublicationWindow;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.SubjectType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransitionsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static CreditRecordDocument penalty(RecordStatus status, LocalDate earliestEnd, LocalDate latestEnd) {
        return new CreditRecordDocument("东城区市场监管局:CF-1", SubjectType.LEGAL_PERSON, "91350100M000100Y43", null, "某公司",
                CreditRecordCategory.ADMINISTRATIVE_PENALTY, "东城区市场监管局", "CF-1", null, LocalDate.of(2026, 1, 5), "某局", null,
                null, Severity.GENERAL, PenaltyRegime.GENERAL, null, null, status, null,
                new PublicationWindow(LocalDate.of(2026, 1, 5), null, earliestEnd, latestEnd, "publication-rules-v1", "NDRC_ORDER_36 GENERAL"),
                1, null, null);
    }

    static WorkflowApplication application(ApplicationKind kind, ApplicationState state) {
        return new WorkflowApplication("A1-1", kind, "东城区市场监管局:CF-1", SubjectType.LEGAL_PERSON, "91350100M000100Y43", null,
                "承诺", state, TODAY, null, "ent", TODAY.plusDays(14), "workflow-rules-v1", RecordStatus.PUBLIC, null, null, null);
    }

    private final Transitions transitions;

    TransitionsTest() throws IOException {
        transitions = new Transitions(WorkflowRulesTest.v1());
    }

    @Test
    void aRepairBeforeTheMinimumPeriodIsRefusedNamingTheFirstPossibleDay() {
        LocalDate earliest = TODAY.plusDays(3);
        assertThatThrownBy(() -> transitions.checkApplicable(ApplicationKind.REPAIR, penalty(RecordStatus.PUBLIC, earliest,
                TODAY.plusYears(1)), TODAY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("recordId").hasMessageContaining(earliest.toString());
        // on the day itself it may be applied for; an objection never waits
        transitions.checkApplicable(ApplicationKind.REPAIR, penalty(RecordStatus.PUBLIC, TODAY, TODAY.plusYears(1)), TODAY);
        transitions.checkApplicable(ApplicationKind.OBJECTION, penalty(RecordStatus.PUBLIC, earliest, TODAY.plusYears(1)), TODAY);
    }

    @Test
    void onlyDishonestyInformationIsRepaired() {
        CreditRecordDocument p = penalty(RecordStatus.PUBLIC, TODAY, TODAY.plusYears(1));
        CreditRecordDocument honour = new CreditRecordDocument(p.recordId(), p.subjectType(), p.uscc(), null, p.subjectName(),
                CreditRecordCategory.RED_LIST, p.sourceDepartment(), p.sourceId(), null, p.decisionDate(), p.authority(), null, null,
                null, null, null, null, RecordStatus.PUBLIC, null, p.publication(), 1, null, null);
        assertThatThrownBy(() -> transitions.checkApplicable(ApplicationKind.REPAIR, honour, TODAY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("RED_LIST");
        transitions.checkApplicable(ApplicationKind.OBJECTION, honour, TODAY);
    }

    @Test
    void onlyARecordInThePublicViewCanBeAppliedAbout() {
        for (RecordStatus status : new RecordStatus[]{RecordStatus.REPAIRED, RecordStatus.REVOKED, RecordStatus.UNDER_OBJECTION}) {
            assertThatThrownBy(() -> transitions.checkApplicable(ApplicationKind.REPAIR, penalty(status, TODAY, TODAY.plusYears(1)), TODAY))
                    .isInstanceOf(ConflictException.class).hasMessageContaining(status.name());
        }
        // expired: its window ended today
        assertThatThrownBy(() -> transitions.checkApplicable(ApplicationKind.OBJECTION,
                penalty(RecordStatus.PUBLIC, TODAY.minusMonths(6), TODAY), TODAY))
                .isInstanceOf(ConflictException.class).hasMessageContaining("EXPIRED");
    }

    @Test
    void aDecisionNeedsAReasonAndHappensOnce() {
        WorkflowApplication open = application(ApplicationKind.REPAIR, ApplicationState.APPLIED);
        assertThatThrownBy(() -> transitions.decide(open, new DecisionInput(DecisionInput.Outcome.REJECT, "  ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> transitions.decide(open, new DecisionInput(null, "x".repeat(1001))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("decision").hasMessageContaining("at most 1000");
        assertThat(transitions.decide(open, new DecisionInput(DecisionInput.Outcome.APPROVE, "符合条件"))).isEqualTo(ApplicationState.APPROVED);
        assertThatThrownBy(() -> transitions.decide(application(ApplicationKind.REPAIR, ApplicationState.REJECTED),
                new DecisionInput(DecisionInput.Outcome.APPROVE, "再议")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already decided");
    }

    @Test
    void whatADecisionDoesToTheRecord() {
        assertThat(transitions.statusAfter(application(ApplicationKind.REPAIR, ApplicationState.APPLIED), ApplicationState.APPROVED))
                .isEqualTo(RecordStatus.REPAIRED);
        assertThat(transitions.statusAfter(application(ApplicationKind.REPAIR, ApplicationState.APPLIED), ApplicationState.REJECTED))
                .isNull();
        assertThat(transitions.statusAfter(application(ApplicationKind.OBJECTION, ApplicationState.APPLIED), ApplicationState.APPROVED))
                .isEqualTo(RecordStatus.REVOKED);
        assertThat(transitions.statusAfter(application(ApplicationKind.OBJECTION, ApplicationState.APPLIED), ApplicationState.REJECTED))
                .isEqualTo(RecordStatus.PUBLIC);
        assertThat(transitions.statusWhileOpen(ApplicationKind.OBJECTION, RecordStatus.PUBLIC)).isEqualTo(RecordStatus.UNDER_OBJECTION);
        assertThat(transitions.statusWhileOpen(ApplicationKind.REPAIR, RecordStatus.PUBLIC)).isEqualTo(RecordStatus.PUBLIC);
    }

    @Test
    void anApplicationIsOverdueOnlyAfterItsDueDayAndWhileUndecided() {
        WorkflowApplication open = application(ApplicationKind.OBJECTION, ApplicationState.APPLIED);
        assertThat(open.overdueOn(open.dueBy())).isFalse();
        assertThat(open.overdueOn(open.dueBy().plusDays(1))).isTrue();
        assertThat(application(ApplicationKind.OBJECTION, ApplicationState.APPROVED).overdueOn(open.dueBy().plusDays(1))).isFalse();
    }
}

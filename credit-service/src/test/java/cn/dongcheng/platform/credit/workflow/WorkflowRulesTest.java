package cn.dongcheng.platform.credit.workflow;

import cn.dongcheng.platform.common.time.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowRulesTest {

    static WorkflowRules v1() throws IOException {
        try (InputStream in = WorkflowRulesTest.class.getResourceAsStream("/credit/workflow-rules-v1.json")) {
            return WorkflowRules.load(in, WorkingDayCalendar.mainlandChina());
        }
    }

    @Test
    void aRepairIsDueTenWorkingDaysLaterSkippingTheNationalDayWeek() throws IOException {
        WorkflowRules rules = v1();
        assertThat(rules.version()).isEqualTo("workflow-rules-v1");
        // Monday 2026-03-02 + 10 working days = Monday 2026-03-16 (two plain weeks)
        assertThat(rules.dueBy(ApplicationKind.REPAIR, LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 16));
        // filed Monday 2026-09-28: the National Day holiday (1–7 Oct) counts no working days
        LocalDate due = rules.dueBy(ApplicationKind.OBJECTION, LocalDate.of(2026, 9, 28));
        assertThat(due).isAfter(LocalDate.of(2026, 10, 12));
    }

    @Test
    void aDueDayInAYearTheCalendarDoesNotCoverIsAbsentNotGuessed() throws IOException {
        assertThat(v1().dueBy(ApplicationKind.REPAIR, LocalDate.of(2030, 3, 1))).isNull();
    }

    @Test
    void aRuleFileWithoutASourcedPeriodDoesNotLoad() {
        String file = "{\"version\":\"x\",\"sources\":{\"S\":\"s\"},\"repair\":{\"source\":\"S\",\"decisionWithinWorkingDays\":10},"
                + "\"objection\":{\"source\":\"NOPE\",\"decisionWithinWorkingDays\":10},\"limits\":{\"statementMaxChars\":5,\"reasonMaxChars\":5}}";
        assertThatThrownBy(() -> WorkflowRules.load(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                WorkingDayCalendar.mainlandChina())).hasMessageContaining("OBJECTION must cite");
    }
}

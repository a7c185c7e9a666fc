package cn.dongcheng.platform.credit.publication;

import cn.dongcheng.platform.common.time.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class PublicationRulesTest {

    public static PublicationRules rules() throws Exception {
        try (InputStream in = PublicationRulesTest.class.getResourceAsStream("/credit/publication-rules-v1.json")) {
            return PublicationRules.load(in, WorkingDayCalendar.mainlandChina());
        }
    }

    private static final LocalDate DECIDED = LocalDate.of(2026, 9, 18);

    @Test
    void marketRegulationPenaltiesFollowSamrOrder45() throws Exception {
        PublicationWindow minor = rules().penalty(DECIDED, PenaltyRegime.MARKET_REGULATION, Severity.MINOR, null);
        assertThat(minor.latestEnd()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(minor.earliestEnd()).isEqualTo(minor.latestEnd());
        PublicationWindow other = rules().penalty(DECIDED, PenaltyRegime.MARKET_REGULATION, Severity.GENERAL, null);
        assertThat(other.latestEnd()).isEqualTo(LocalDate.of(2029, 9, 18));
        assertThat(other.ruleVersion()).isEqualTo("publication-rules-v1");
        assertThat(other.basis()).startsWith("SAMR_ORDER_45");
    }

    @Test
    void otherPenaltiesFollowNdrcOrder36() throws Exception {
        PublicationWindow minor = rules().penalty(DECIDED, PenaltyRegime.GENERAL, Severity.MINOR, null);
        assertThat(minor.latestEnd()).isEqualTo(LocalDate.of(2026, 12, 18));
        PublicationWindow general = rules().penalty(DECIDED, PenaltyRegime.GENERAL, Severity.GENERAL, null);
        assertThat(general.earliestEnd()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(general.latestEnd()).isEqualTo(LocalDate.of(2027, 9, 18));
        PublicationWindow serious = rules().penalty(DECIDED, PenaltyRegime.GENERAL, Severity.SERIOUS, null);
        assertThat(serious.earliestEnd()).isEqualTo(LocalDate.of(2027, 9, 18));
        assertThat(serious.latestEnd()).isEqualTo(LocalDate.of(2029, 9, 18));
        assertThat(serious.basis()).isEqualTo("NDRC_ORDER_36 SERIOUS");
    }

    @Test
    void publishWithinTwentyWorkingDaysOnTheHolidayCalendar() throws Exception {
        // the reference's check: Sep 20 (make-up Sunday) counts, Sep 25 and Oct 1–7 do not, Oct 10 counts
        assertThat(rules().penalty(DECIDED, PenaltyRegime.GENERAL, Severity.GENERAL, null).publishBy())
                .isEqualTo(LocalDate.of(2026, 10, 22));
        // a decision whose 20 working days run into a year without a holiday notice: no deadline rather than a wrong one
        assertThat(rules().penalty(LocalDate.of(2026, 12, 20), PenaltyRegime.GENERAL, Severity.GENERAL, null).publishBy()).isNull();
    }

    @Test
    void anEndSetByTheDecisionReplacesTheMaximum() throws Exception {
        PublicationWindow w = rules().penalty(DECIDED, PenaltyRegime.GENERAL, Severity.GENERAL, LocalDate.of(2028, 1, 1));
        assertThat(w.latestEnd()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(w.basis()).contains("end set by the decision");
    }

    @Test
    void listEntriesArePublicUntilTheirExit() throws Exception {
        assertThat(rules().untilExit(DECIDED, null, null).latestEnd()).isNull();
        assertThat(rules().untilExit(DECIDED, LocalDate.of(2026, 11, 1), null).latestEnd()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void aRuleFileWithoutEverySeverityDoesNotLoad() {
        String broken = "{\"version\":\"x\",\"publishWithinWorkingDays\":20,\"sources\":{\"A\":\"a\"},"
                + "\"penalties\":{\"MARKET_REGULATION\":{\"source\":\"A\",\"MINOR\":{\"min\":\"P0D\",\"max\":\"P3M\"}}}}";
        assertThatThrownBy(() -> PublicationRules.load(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)),
                WorkingDayCalendar.mainlandChina())).hasMessageContaining("GENERAL needs min and max");
    }

    @Test
    void aRecordLeavesThePublicViewOnItsEndDate() {
        PublicationWindow w = new PublicationWindow(DECIDED, null, DECIDED, LocalDate.of(2026, 12, 18), "v", "b");
        assertThat(RecordStatus.effective(RecordStatus.PUBLIC, w, LocalDate.of(2026, 12, 17))).isEqualTo(RecordStatus.PUBLIC);
        assertThat(RecordStatus.effective(RecordStatus.PUBLIC, w, LocalDate.of(2026, 12, 18))).isEqualTo(RecordStatus.EXPIRED);
        assertThat(RecordStatus.effective(RecordStatus.UNDER_OBJECTION, w, LocalDate.of(2026, 12, 18))).isEqualTo(RecordStatus.EXPIRED);
        assertThat(RecordStatus.effective(RecordStatus.REPAIRED, w, LocalDate.of(2026, 12, 1))).isEqualTo(RecordStatus.REPAIRED);
        assertThat(RecordStatus.effective(null, null, LocalDate.of(2026, 12, 1))).isEqualTo(RecordStatus.PUBLIC);
    }
}

package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.dongcheng.platform.credit.grade.ScorecardTest.record;
import static org.assertj.core.api.Assertions.assertThat;

class RecordsInForceTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @Test
    void theWindowEndIsExclusiveAndTheDecisionMustHaveBeenMade() {
        var endsOnDay = record("E", CreditRecordCategory.ADMINISTRATIVE_PENALTY, Severity.MINOR, DAY.minusMonths(3), DAY, null, null);
        assertThat(RecordsInForce.on(endsOnDay, DAY.minusDays(1))).isTrue();
        assertThat(RecordsInForce.on(endsOnDay, DAY)).isFalse();
        assertThat(RecordsInForce.on(endsOnDay, DAY.minusMonths(3).minusDays(1))).as("before the decision").isFalse();
        var open = record("L", CreditRecordCategory.ABNORMAL_OPERATIONS, null, DAY.minusYears(5), null, null, null);
        assertThat(RecordsInForce.on(open, DAY)).isTrue();
    }

    @Test
    void aRepairOrRevocationCountsFromItsDateSoEarlierDaysKeepTheRecord() {
        var repaired = record("R", CreditRecordCategory.ADMINISTRATIVE_PENALTY, Severity.GENERAL, DAY.minusMonths(6), DAY.plusMonths(6),
                RecordStatus.REPAIRED, DAY);
        assertThat(RecordsInForce.on(repaired, DAY.minusDays(1))).isTrue();
        assertThat(RecordsInForce.on(repaired, DAY)).isFalse();
        var revoked = record("V", CreditRecordCategory.RED_LIST, null, DAY.minusMonths(6), null, RecordStatus.REVOKED, DAY.minusDays(3));
        assertThat(RecordsInForce.on(revoked, DAY)).isFalse();
        var objected = record("O", CreditRecordCategory.RED_LIST, null, DAY.minusMonths(6), null, RecordStatus.UNDER_OBJECTION, DAY);
        assertThat(RecordsInForce.on(objected, DAY)).isTrue();
        assertThat(RecordsInForce.underObjection(objected, DAY)).isTrue();
        assertThat(RecordsInForce.underObjection(objected, DAY.minusDays(1))).isFalse();
    }
}

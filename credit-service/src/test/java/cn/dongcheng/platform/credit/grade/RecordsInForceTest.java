package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

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

    @Test
    void theNextChangeIsTheEarliestDateAheadOfAnyDecisionWindowEndOrStatus() {
        var ending = record("E", CreditRecordCategory.ADMINISTRATIVE_PENALTY, Severity.MINOR, DAY.minusMonths(2), DAY.plusDays(30), null, null);
        var repairedLater = record("R", CreditRecordCategory.ADMINISTRATIVE_PENALTY, Severity.GENERAL, DAY.minusMonths(6),
                DAY.plusMonths(6), RecordStatus.REPAIRED, DAY.plusDays(10));
        var ended = record("X", CreditRecordCategory.ADMINISTRATIVE_PENALTY, Severity.MINOR, DAY.minusYears(1), DAY.minusDays(3), null, null);
        var open = record("L", CreditRecordCategory.ABNORMAL_OPERATIONS, null, DAY.minusYears(5), null, null, null);
        var decidedAhead = record("F", CreditRecordCategory.RED_LIST, null, DAY.plusDays(20), null, null, null);
        var objected = record("O", CreditRecordCategory.RED_LIST, null, DAY.minusMonths(6), null, RecordStatus.UNDER_OBJECTION, DAY.plusDays(5));

        assertThat(RecordsInForce.nextChange(List.of(ending), DAY)).contains(DAY.plusDays(30));
        assertThat(RecordsInForce.nextChange(List.of(ending, repairedLater), DAY)).as("the repair takes effect first").contains(DAY.plusDays(10));
        assertThat(RecordsInForce.nextChange(List.of(ending, decidedAhead), DAY)).as("a decision ahead").contains(DAY.plusDays(20));
        assertThat(RecordsInForce.nextChange(List.of(ending, objected), DAY)).as("an objection marks its line").contains(DAY.plusDays(5));
        assertThat(RecordsInForce.nextChange(List.of(ended, open), DAY)).as("nothing ahead: holds until a record changes").isEmpty();
        assertThat(RecordsInForce.nextChange(List.of(), DAY)).isEmpty();
        assertThat(RecordsInForce.nextChange(List.of(ending), DAY.plusDays(30))).as("the day it ends is no longer ahead").isEmpty();
    }

    @Test
    void theRecordsInForceStayTheSameEveryDayBeforeTheNextChangeAndDifferOnIt() {
        List<CreditRecordDocument> records = List.of(
                record("E", CreditRecordCategory.ADMINISTRATIVE_PENALTY, Severity.MINOR, DAY.minusMonths(2), DAY.plusDays(30), null, null),
                record("R", CreditRecordCategory.ADMINISTRATIVE_PENALTY, Severity.GENERAL, DAY.minusMonths(6), DAY.plusMonths(6),
                        RecordStatus.REPAIRED, DAY.plusDays(10)),
                record("F", CreditRecordCategory.RED_LIST, null, DAY.plusDays(20), null, null, null));
        LocalDate day = DAY;
        for (int changes = 0; changes < 3; changes++) {
            LocalDate until = RecordsInForce.nextChange(records, day).orElseThrow();
            List<String> inForce = inForce(records, day);
            for (LocalDate d = day; d.isBefore(until); d = d.plusDays(1)) {
                assertThat(inForce(records, d)).as(d.toString()).isEqualTo(inForce);
            }
            assertThat(inForce(records, until)).as(until.toString()).isNotEqualTo(inForce);
            day = until;
        }
        assertThat(RecordsInForce.nextChange(records, day)).isEmpty();
    }

    private static List<String> inForce(List<CreditRecordDocument> records, LocalDate day) {
        return records.stream().filter(r -> RecordsInForce.on(r, day)).map(CreditRecordDocument::recordId).toList();
    }
}

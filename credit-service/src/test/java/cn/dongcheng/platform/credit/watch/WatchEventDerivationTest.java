package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.credit.grade.CreditGrade;
import cn.dongcheng.platform.credit.grade.Grade;
import cn.dongcheng.platform.credit.grade.RiskClass;
import cn.dongcheng.platform.credit.publication.PenaltyRegime;
import cn.dongcheng.platform.credit.publication.PublicationWindow;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.SubjectType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatchEventDerivationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final String CODE = "91110000802100433B";
    static final String PERSON = "11010519491231002X";

    static CreditRecordDocument penalty(String sourceId, LocalDate decided, LocalDate end, RecordStatus status, int version) {
        return new CreditRecordDocument("东城区发展改革委:" + sourceId, SubjectType.LEGAL_PERSON, CODE, null, "北京别家科技有限公司",
                CreditRecordCategory.ADMINISTRATIVE_PENALTY, "东城区发展改革委", sourceId, "京东发改罚〔2026〕1号", decided,
                "北京市东城区发展和改革委员会", null, "summary", Severity.GENERAL, PenaltyRegime.GENERAL, 500_000L, null, status,
                status == RecordStatus.PUBLIC ? null : TODAY, new PublicationWindow(decided, null, decided.plusMonths(3), end,
                "publication-rules-v1", "NDRC_ORDER_36 GENERAL"), version, null, "2026-11-30T10:00+08:00");
    }

    static CreditRecordDocument ofPerson(CreditRecordDocument r) {
        return new CreditRecordDocument(r.recordId(), SubjectType.NATURAL_PERSON, null, PERSON, "张三", r.category(),
                r.sourceDepartment(), r.sourceId(), r.decisionNumber(), r.decisionDate(), r.authority(), r.legalBasis(),
                r.summary(), r.severity(), r.regime(), r.amountFen(), r.exitDate(), r.status(), r.statusDate(), r.publication(),
                r.version(), r.dataSource(), r.updatedAt());
    }

    static final LocalDate DECIDED = TODAY.minusMonths(4);
    static final CreditRecordDocument V1 = penalty("P-1", DECIDED, DECIDED.plusYears(1), RecordStatus.PUBLIC, 1);

    @Test
    void aFirstVersionIsANewRecordWithAnIdOfItsVersion() {
        WatchEvent event = WatchEventDerivation.ofVersion(null, V1, TODAY);
        assertThat(event.kind()).isEqualTo(WatchEventKind.NEW_RECORD);
        assertThat(event.eventId()).matches("[0-9a-f]{32}")
                .isEqualTo(WatchEventDerivation.eventId("东城区发展改革委:P-1:v1"))
                .isEqualTo(WatchEventDerivation.ofVersion(null, V1, TODAY.plusDays(3)).eventId()); // the same fact, the same id
        assertThat(event.subjectKey()).isEqualTo(CODE);
        assertThat(event.publicInfo()).isTrue();
        assertThat(event.statusAfter()).isEqualTo(RecordStatus.PUBLIC);
        assertThat(event.effectiveOn()).isEqualTo(TODAY);
    }

    @Test
    void theStatusAVersionReachesNamesTheEvent() {
        CreditRecordDocument repaired = V1.withStatus(RecordStatus.REPAIRED, TODAY).withBookkeeping(2, "t");
        CreditRecordDocument objected = V1.withStatus(RecordStatus.UNDER_OBJECTION, TODAY).withBookkeeping(2, "t");
        CreditRecordDocument revoked = objected.withStatus(RecordStatus.REVOKED, TODAY).withBookkeeping(3, "t");
        CreditRecordDocument restored = objected.withStatus(RecordStatus.PUBLIC, TODAY).withBookkeeping(3, "t");
        CreditRecordDocument corrected = penalty("P-1", DECIDED.plusDays(1), DECIDED.plusYears(1), RecordStatus.PUBLIC, 2);

        assertThat(WatchEventDerivation.ofVersion(V1, repaired, TODAY).kind()).isEqualTo(WatchEventKind.REPAIRED);
        assertThat(WatchEventDerivation.ofVersion(V1, objected, TODAY).kind()).isEqualTo(WatchEventKind.OBJECTION_OPENED);
        WatchEvent upheld = WatchEventDerivation.ofVersion(objected, revoked, TODAY);
        assertThat(upheld.kind()).isEqualTo(WatchEventKind.OBJECTION_DECIDED);
        assertThat(upheld.statusBefore()).isEqualTo(RecordStatus.UNDER_OBJECTION);
        assertThat(upheld.statusAfter()).isEqualTo(RecordStatus.REVOKED);
        assertThat(WatchEventDerivation.ofVersion(objected, restored, TODAY).kind()).isEqualTo(WatchEventKind.OBJECTION_DECIDED);
        assertThat(WatchEventDerivation.ofVersion(V1, corrected, TODAY).kind()).isEqualTo(WatchEventKind.RECORD_CHANGED);
        // the replaced version missing from the history: still a change, never a second "new record"
        assertThat(WatchEventDerivation.ofVersion(null, corrected, TODAY).kind()).isEqualTo(WatchEventKind.RECORD_CHANGED);
        assertThat(WatchEventDerivation.ofVersion(V1, repaired, TODAY).eventId())
                .isNotEqualTo(WatchEventDerivation.ofVersion(null, V1, TODAY).eventId());
    }

    @Test
    void onlyWhatWasInThePublicViewIsPublicInformation() {
        CreditRecordDocument expiredWhenLoaded = penalty("P-2", TODAY.minusYears(2), TODAY.minusYears(1), RecordStatus.PUBLIC, 1);
        CreditRecordDocument decidedLater = penalty("P-3", TODAY.plusDays(2), TODAY.plusYears(1), RecordStatus.PUBLIC, 1);
        assertThat(WatchEventDerivation.ofVersion(null, expiredWhenLoaded, TODAY).publicInfo()).isFalse();
        assertThat(WatchEventDerivation.ofVersion(null, decidedLater, TODAY).publicInfo()).isFalse();
        // a repair takes a shown record out of the view: that it left is public
        CreditRecordDocument repaired = V1.withStatus(RecordStatus.REPAIRED, TODAY).withBookkeeping(2, "t");
        assertThat(WatchEventDerivation.ofVersion(V1, repaired, TODAY).publicInfo()).isTrue();
        // a natural person's record is never public information
        WatchEvent person = WatchEventDerivation.ofVersion(null, ofPerson(V1), TODAY);
        assertThat(person.publicInfo()).isFalse();
        assertThat(person.subjectKey()).isEqualTo(PERSON);
    }

    @Test
    void aRecordExpiresOnItsPublicationEndIfItWasShownTheDayBefore() {
        LocalDate end = TODAY.plusDays(1);
        CreditRecordDocument ending = penalty("P-4", end.minusYears(1), end, RecordStatus.PUBLIC, 1);
        assertThat(WatchEventDerivation.expiresOn(ending, end)).isTrue();
        assertThat(WatchEventDerivation.expiresOn(ending, TODAY)).isFalse();
        assertThat(WatchEventDerivation.expiresOn(ending, end.plusDays(1))).isFalse();
        assertThat(WatchEventDerivation.expiresOn(ending.withStatus(RecordStatus.UNDER_OBJECTION, TODAY), end)).isTrue();
        assertThat(WatchEventDerivation.expiresOn(ending.withStatus(RecordStatus.REPAIRED, TODAY), end)).isFalse();

        WatchEvent expired = WatchEventDerivation.expired(ending, end);
        assertThat(expired.kind()).isEqualTo(WatchEventKind.EXPIRED);
        assertThat(expired.statusBefore()).isEqualTo(RecordStatus.PUBLIC);
        assertThat(expired.statusAfter()).isEqualTo(RecordStatus.EXPIRED);
        assertThat(expired.effectiveOn()).isEqualTo(end);
        assertThat(expired.eventId()).isEqualTo(WatchEventDerivation.expired(ending, end).eventId())
                .isNotEqualTo(WatchEventDerivation.ofVersion(null, ending, TODAY).eventId());
    }

    @Test
    void aGradeChangeSaysOldAndNewAndNothingWhenNothingMoved() {
        Grade before = grade(650, CreditGrade.C, RiskClass.B);
        Grade after = grade(800, CreditGrade.B, RiskClass.A);
        String cause = WatchEventDerivation.dayKey(CODE, TODAY);
        WatchEvent change = WatchEventDerivation.gradeChanged(cause, V1, before, after, TODAY);
        assertThat(change.kind()).isEqualTo(WatchEventKind.GRADE_CHANGED);
        assertThat(change.gradeBefore()).isEqualTo(new WatchEvent.GradeSnapshot(650, CreditGrade.C, RiskClass.B, "scorecard-v1"));
        assertThat(change.gradeAfter().score()).isEqualTo(800);
        assertThat(change.recordId()).isNull();
        assertThat(change.publicInfo()).isTrue();
        assertThat(WatchEventDerivation.gradeChanged(cause, V1, after, grade(800, CreditGrade.B, RiskClass.A), TODAY)).isNull();
        // a day's key names the subject by digest only: no ID number in anything that becomes an id
        assertThat(WatchEventDerivation.dayKey(PERSON, TODAY)).doesNotContain(PERSON).endsWith(":" + TODAY);
        assertThat(WatchEventDerivation.gradeChanged(WatchEventDerivation.dayKey(PERSON, TODAY), ofPerson(V1), before, after, TODAY)
                .publicInfo()).isFalse();
    }

    private static Grade grade(int score, CreditGrade grade, RiskClass riskClass) {
        return new Grade(TODAY, "scorecard-v1", score, grade, riskClass, 1, List.of(), List.of());
    }
}

package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.SubjectType;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/** An event as a reader sees it: a natural person's ID number and name masked ({@code subjectMasked}) unless allowed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchEventView(String eventId, WatchEventKind kind, SubjectType subjectType, String uscc, String idNumber,
                             String subjectName, Boolean subjectMasked, String recordId, Integer recordVersion,
                             CreditRecordCategory category, Severity severity, String decisionNumber, LocalDate decisionDate,
                             String authority, String summary, RecordStatus statusBefore, RecordStatus statusAfter,
                             LocalDate effectiveOn, WatchEvent.GradeSnapshot gradeBefore, WatchEvent.GradeSnapshot gradeAfter,
                             String recordedAt) {

    static WatchEventView of(WatchEvent e, boolean unmasked) {
        boolean person = e.subjectType() == SubjectType.NATURAL_PERSON;
        boolean masked = person && !unmasked;
        return new WatchEventView(e.eventId(), e.kind(), e.subjectType(), e.uscc(),
                masked ? PersonalDataMasking.idNumber(e.idNumber()) : e.idNumber(),
                masked ? PersonalDataMasking.name(e.subjectName()) : e.subjectName(), person ? masked : null, e.recordId(),
                e.recordVersion(), e.category(), e.severity(), e.decisionNumber(), e.decisionDate(), e.authority(), e.summary(),
                e.statusBefore(), e.statusAfter(), e.effectiveOn(), e.gradeBefore(), e.gradeAfter(), e.recordedAt());
    }
}

package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.credit.grade.CreditGrade;
import cn.dongcheng.platform.credit.grade.Grade;
import cn.dongcheng.platform.credit.grade.RiskClass;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.SubjectType;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * One event as stored in {@code credit-watch-events} under its {@code eventId} — a digest of what the event is about
 * (see {@link WatchEventDerivation}), so deriving it again yields the same id and the create-only write keeps the
 * first. A natural person's ID number is stored in full (the feed is filtered by it) and leaves only through
 * {@link WatchEventView}, masked unless the reader may see it.
 *
 * @param subjectKey  the subject's code or ID number, what watch lists are matched on
 * @param effectiveOn the Beijing day the change took effect (an expiry: the day the record left the view)
 * @param publicInfo  whether everything the event says was public (a legal person's record in the public view before or
 *                    after the change, or its grade): only such events reach readers limited to public information
 * @param recordedAt  when it was written (platform clock); with {@code eventId} the feed's order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchEvent(String eventId, WatchEventKind kind, SubjectType subjectType, String subjectKey, String uscc,
                         String idNumber, String subjectName, String recordId, Integer recordVersion,
                         CreditRecordCategory category, Severity severity, String decisionNumber, LocalDate decisionDate,
                         String authority, String summary, RecordStatus statusBefore, RecordStatus statusAfter,
                         LocalDate effectiveOn, boolean publicInfo, GradeSnapshot gradeBefore, GradeSnapshot gradeAfter,
                         String recordedAt) {

    /** A grade as the event keeps it: enough to say what moved, not the whole explanation. */
    public record GradeSnapshot(int score, CreditGrade grade, RiskClass riskClass, String ruleVersion) {
        static GradeSnapshot of(Grade grade) {
            return new GradeSnapshot(grade.score(), grade.grade(), grade.riskClass(), grade.ruleVersion());
        }
    }

    WatchEvent recordedAt(String at) {
        return new WatchEvent(eventId, kind, subjectType, subjectKey, uscc, idNumber, subjectName, recordId, recordVersion,
                category, severity, decisionNumber, decisionDate, authority, summary, statusBefore, statusAfter, effectiveOn,
                publicInfo, gradeBefore, gradeAfter, at);
    }
}

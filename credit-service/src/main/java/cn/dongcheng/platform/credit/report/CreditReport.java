package cn.dongcheng.platform.credit.report;

import cn.dongcheng.platform.credit.grade.Grade;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.SubjectType;
import cn.dongcheng.platform.credit.subject.DirectoryEntries;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A credit report (信用报告) as issued, before its signature: the subject, the records as the caller may see them on
 * {@code asOf}, the grade in force that day with its explanation, and what makes it checkable — its id, when it was
 * made, how fresh its data were and the key that signs it. Every number in it is an integer (amounts are strings of
 * yuan), so its canonical form (RFC 8785) is unambiguous.
 *
 * @param scope        {@code PUBLIC}: the records in force on asOf; {@code FULL}: the subject's own report, every
 *                     record decided by asOf, with {@code inForce} telling which counted
 * @param dataAsOf     when the newest record in the report last changed (null when there is none)
 * @param generatedAt  Beijing time
 * @param ruleVersions the scorecard and the publication rules the report's dates and points came from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditReport(String reportId, String title, ReportSubject subject, LocalDate asOf, Scope scope,
                           OffsetDateTime dataAsOf, OffsetDateTime generatedAt, List<ReportRecord> records, Grade grade,
                           List<String> ruleVersions, String signingKeyId, String verification) {

    /** Which records a report shows. */
    public enum Scope {
        PUBLIC, FULL
    }

    /** Who the report is about; a natural person's number and name masked unless the caller may see them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportSubject(SubjectType type, String uscc, String idNumber, String name, Boolean masked, String status,
                                String streetCode, String industrySection, String legalRepresentative,
                                Boolean legalRepresentativeMasked, DirectoryEntries.Source identitySource,
                                OffsetDateTime identityAsOf) {
    }

    /** One record as it stood on asOf; the amount in yuan as a string. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportRecord(String recordId, CreditRecordCategory category, String decisionNumber, LocalDate decisionDate,
                               String authority, String legalBasis, String summary, Severity severity, String amount,
                               RecordStatus status, LocalDate statusDate, LocalDate publicationEnd, String publicationRule,
                               boolean inForce) {
    }
}

package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.ingest.VersionedDocument;
import cn.dongcheng.platform.credit.publication.PenaltyRegime;
import cn.dongcheng.platform.credit.publication.PublicationWindow;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * A credit record as stored in {@code credit-records} under {@code <sourceDepartment>:<sourceId>}. The ID number of a
 * natural person is stored in full so that an exact look-up works; it leaves the service only through views that
 * mask it. {@code version} counts the changes; earlier versions are in {@code credit-record-history}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditRecordDocument(String recordId, SubjectType subjectType, String uscc, String idNumber, String subjectName,
                                   CreditRecordCategory category, String sourceDepartment, String sourceId,
                                   String decisionNumber, LocalDate decisionDate, String authority, String legalBasis,
                                   String summary, Severity severity, PenaltyRegime regime, Long amountFen, LocalDate exitDate,
                                   RecordStatus status, LocalDate statusDate, PublicationWindow publication, Integer version,
                                   String dataSource, String updatedAt) implements VersionedDocument<CreditRecordDocument> {

    /** The subject's identifier, whichever kind it is. */
    public String subjectId() {
        return uscc != null ? uscc : idNumber;
    }

    /**
     * A line that says only PUBLIC (the default) does not undo a status the record reached by repair, objection or
     * revocation: departments re-deliver whole exports, and a repaired record must not come back by the next one. A
     * department changes such a status only by sending another explicitly.
     */
    @Override
    public CreditRecordDocument reconciledWith(CreditRecordDocument stored) {
        boolean decided = stored.status() == RecordStatus.REPAIRED || stored.status() == RecordStatus.UNDER_OBJECTION
                || stored.status() == RecordStatus.REVOKED;
        return decided && status == RecordStatus.PUBLIC ? withStatus(stored.status(), stored.statusDate()) : this;
    }

    /** The same record with another status (a repair, an objection, a revocation) from {@code statusDate}. */
    public CreditRecordDocument withStatus(RecordStatus status, LocalDate statusDate) {
        return new CreditRecordDocument(recordId, subjectType, uscc, idNumber, subjectName, category, sourceDepartment, sourceId,
                decisionNumber, decisionDate, authority, legalBasis, summary, severity, regime, amountFen, exitDate, status,
                statusDate, publication, version, dataSource, updatedAt);
    }

    @Override
    public CreditRecordDocument withBookkeeping(Integer version, String updatedAt) {
        return new CreditRecordDocument(recordId, subjectType, uscc, idNumber, subjectName, category, sourceDepartment, sourceId,
                decisionNumber, decisionDate, authority, legalBasis, summary, severity, regime, amountFen, exitDate, status,
                statusDate, publication, version, dataSource, updatedAt);
    }
}

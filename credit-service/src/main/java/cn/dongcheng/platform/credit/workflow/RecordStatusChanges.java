package cn.dongcheng.platform.credit.workflow;

import cn.dongcheng.platform.common.elasticsearch.GuardedDocuments;
import cn.dongcheng.platform.common.elasticsearch.Versioned;
import cn.dongcheng.platform.common.ingest.VersionHistory;
import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.CreditRecordHistory;

import java.time.LocalDate;

/**
 * A workflow's change of a record's status, kept like every record change: the stored version goes to
 * {@code credit-record-history} as {@code <recordId>:v<version>}, the record counts one version up. The record is
 * written only over the version read, so a department's upload at the same moment is not lost: the change is
 * re-read and applied again.
 */
final class RecordStatusChanges {

    private static final int ATTEMPTS = 5;

    private final GuardedDocuments documents;
    private final String recordsAlias;
    private final String historyAlias;

    RecordStatusChanges(GuardedDocuments documents, String recordsAlias, String historyAlias) {
        this.documents = documents;
        this.recordsAlias = recordsAlias;
        this.historyAlias = historyAlias;
    }

    Versioned<CreditRecordDocument> read(String recordId) {
        return documents.get(recordsAlias, recordId, CreditRecordDocument.class)
                .orElseThrow(() -> new NotFoundException("no credit record " + recordId));
    }

    /** Sets the stored status as of {@code today}; returns the record as now stored. */
    CreditRecordDocument setStatus(String recordId, RecordStatus status, LocalDate today, String now) {
        for (int attempt = 1; ; attempt++) {
            Versioned<CreditRecordDocument> read = read(recordId);
            CreditRecordDocument current = read.document();
            int version = current.version() == null ? 1 : current.version();
            CreditRecordDocument next = current.withStatus(status, today).withBookkeeping(version + 1, now);
            VersionHistory.Entry<CreditRecordDocument> replaced = CreditRecordHistory.entry(recordId, version, now, current);
            documents.put(historyAlias, replaced.key(), replaced);
            try {
                documents.replace(recordsAlias, read, next, "record " + recordId + " changed while its status was being set");
                return next;
            } catch (ConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}

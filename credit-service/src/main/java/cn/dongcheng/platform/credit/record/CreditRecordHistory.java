package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.ingest.VersionHistory;
import cn.dongcheng.platform.common.paging.DocumentPages;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every replaced version of a credit record (变更历史) in {@code credit-record-history} as {@code <recordId>:v<version>}:
 * common's {@link VersionHistory}, with the record's own rule that a re-delivered line does not undo a decided status
 * ({@link CreditRecordDocument#reconciledWith}).
 */
public final class CreditRecordHistory {

    public static final IndexDefinition INDEX = IndexDefinition.of("record-history");

    private CreditRecordHistory() {
    }

    public static VersionHistory<CreditRecordDocument> of(DocumentPages pages, ObjectMapper json, String recordsAlias,
                                                         String historyAlias) {
        return new VersionHistory<>(pages, json, CreditRecordDocument.class, recordsAlias, historyAlias);
    }

    /** The history entry of a version replaced outside an upload (a status set by a decision). */
    public static VersionHistory.Entry<CreditRecordDocument> entry(String recordId, int version, String replacedAt,
                                                                  CreditRecordDocument replaced) {
        return new VersionHistory.Entry<>(recordId, version, replacedAt, replaced);
    }
}

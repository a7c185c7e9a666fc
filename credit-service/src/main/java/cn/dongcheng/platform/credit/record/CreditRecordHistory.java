package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.ingest.BatchPreparation;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.credit.publication.RecordStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps every replaced version of a record (变更历史): before a changed line overwrites a record, the stored version
 * goes to {@code credit-record-history} as {@code <recordId>:v<version>}, and the new one counts one version up. A
 * line that says what is stored is accepted without a write, so a re-delivered upload changes nothing.
 */
public class CreditRecordHistory implements BatchPreparation {

    public static final IndexDefinition INDEX = IndexDefinition.of("record-history");

    /** A replaced version, as it was stored, and when it was replaced. */
    public record Entry(String recordId, int version, String replacedAt, CreditRecordDocument record) {
    }

    private final DocumentPages pages;
    private final String currentAlias;
    private final String historyAlias;

    public CreditRecordHistory(DocumentPages pages, String currentAlias, String historyAlias) {
        this.pages = pages;
        this.currentAlias = currentAlias;
        this.historyAlias = historyAlias;
    }

    @Override
    public Prepared prepare(List<IndexedDocument> batch) {
        Map<String, CreditRecordDocument> latest = new HashMap<>(pages.getAll(currentAlias,
                batch.stream().map(IndexedDocument::id).distinct().toList(), CreditRecordDocument.class));
        Map<String, Long> linesPerId = batch.stream().collect(Collectors.groupingBy(IndexedDocument::id, Collectors.counting()));
        List<SideDocument> history = new ArrayList<>();
        Map<String, Object> versioned = new HashMap<>();
        Set<String> unchanged = new HashSet<>();
        for (IndexedDocument doc : batch) {
            CreditRecordDocument incoming = (CreditRecordDocument) doc.source();
            CreditRecordDocument current = latest.get(doc.id());
            if (current == null) {
                latest.put(doc.id(), incoming);
                continue;
            }
            CreditRecordDocument sent = incoming;
            incoming = keepingDecidedStatus(incoming, current);
            if (incoming.sameContentAs(current)) {
                if (linesPerId.get(doc.id()) == 1) {
                    unchanged.add(doc.id());
                } else if (incoming != sent) {
                    versioned.put(doc.id(), current); // the line as sent would undo the status
                }
                continue;
            }
            int version = current.version() == null ? 1 : current.version();
            history.add(new SideDocument(historyAlias, doc.id() + ":v" + version,
                    new Entry(doc.id(), version, incoming.updatedAt(), current), doc.id()));
            CreditRecordDocument next = incoming.withBookkeeping(version + 1, incoming.updatedAt());
            versioned.put(doc.id(), next);
            latest.put(doc.id(), next); // a later line of the same batch replaces this version in turn
        }
        return new Prepared(history, Map.of(), versioned, unchanged);
    }

    /**
     * A line that says only PUBLIC (the default) does not undo a status the record reached by repair, objection or
     * revocation: departments re-deliver whole exports, and a repaired record must not come back by the next one. A
     * department changes such a status only by sending another explicitly.
     */
    static CreditRecordDocument keepingDecidedStatus(CreditRecordDocument incoming, CreditRecordDocument current) {
        boolean decided = current.status() == RecordStatus.REPAIRED || current.status() == RecordStatus.UNDER_OBJECTION
                || current.status() == RecordStatus.REVOKED;
        if (!decided || incoming.status() != RecordStatus.PUBLIC) {
            return incoming;
        }
        return incoming.withStatus(current.status(), current.statusDate());
    }
}

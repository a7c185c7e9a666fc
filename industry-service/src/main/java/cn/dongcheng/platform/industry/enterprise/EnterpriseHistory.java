package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.ingest.BatchPreparation;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.paging.DocumentPages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps every replaced version of a market entity (变更历史): before a change of name, address, street, status or
 * industry overwrites the current record, the record it replaces is stored in the history index as valid from its
 * {@code effectiveFrom} up to the change date. A change must be dated after the version it replaces.
 */
public class EnterpriseHistory implements BatchPreparation {

    public static final IndexDefinition INDEX = IndexDefinition.of("enterprise-history");

    private final DocumentPages pages;
    private final String currentAlias;
    private final String historyAlias;

    public EnterpriseHistory(DocumentPages pages, String currentAlias, String historyAlias) {
        this.pages = pages;
        this.currentAlias = currentAlias;
        this.historyAlias = historyAlias;
    }

    /** A stored earlier version: the record as it was from {@code validFrom} until the day before {@code validTo}. */
    public record Entry(String uscc, LocalDate validFrom, LocalDate validTo, EnterpriseDocument record) {
    }

    @Override
    public Prepared prepare(List<IndexedDocument> batch) {
        // whole documents in one read: Elasticsearch spends more cutting fields out of a source than sending it whole
        Map<String, EnterpriseDocument> stored = pages.getAll(currentAlias,
                batch.stream().map(IndexedDocument::id).distinct().toList(), EnterpriseDocument.class);
        Map<String, Long> linesPerId = batch.stream().collect(Collectors.groupingBy(IndexedDocument::id,
                Collectors.counting()));
        Map<String, EnterpriseDocument> latest = new HashMap<>(stored);
        Set<String> unchanged = new HashSet<>();
        List<SideDocument> history = new ArrayList<>();
        Map<String, String> rejected = new HashMap<>();
        Map<String, Object> corrected = new HashMap<>();
        for (IndexedDocument doc : batch) {
            EnterpriseDocument incoming = (EnterpriseDocument) doc.source();
            EnterpriseDocument current = latest.get(doc.id());
            if (current != null && incoming.historyFactsDifferFrom(current)) {
                LocalDate since = current.effectiveFrom();
                if (since != null && !incoming.effectiveFrom().isAfter(since)) {
                    rejected.put(doc.id(), "changedOn: a change of name, address, street, status or industry must be dated after "
                            + since + ", when the stored version took effect");
                    continue;
                }
                LocalDate from = since == null ? current.establishedOn() : since;
                history.add(new SideDocument(historyAlias, doc.id() + ":" + from,
                        new Entry(doc.id(), from, incoming.effectiveFrom(), current), doc.id()));
            }
            if (current != null && !incoming.historyFactsDifferFrom(current) && current.effectiveFrom() != null
                    && !current.effectiveFrom().equals(incoming.effectiveFrom())) {
                // same facts: the version keeps the date it took effect; only other fields were updated
                incoming = incoming.withEffectiveFrom(current.effectiveFrom());
                corrected.put(doc.id(), incoming);
            }
            if (current != null && current.sizeClass() != null && incoming.sizeClass() == null) {
                // the size class comes from the monthly reports, not from registration: a re-registration keeps it
                incoming = incoming.withSizeClass(current.sizeClass(), current.sizeClassPeriod());
                corrected.put(doc.id(), incoming);
            }
            if (current != null && linesPerId.get(doc.id()) == 1 && incoming.sameAs(current)) {
                unchanged.add(doc.id()); // a re-delivered record: nothing to rewrite, no new version
            }
            latest.put(doc.id(), incoming); // a later line of the same batch changes this version
        }
        return new Prepared(history, rejected, corrected, unchanged);
    }
}

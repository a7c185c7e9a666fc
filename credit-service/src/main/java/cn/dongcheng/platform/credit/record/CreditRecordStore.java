package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.ingest.AuditedIngestion;
import cn.dongcheng.platform.common.ingest.BatchPreparation;
import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.ingest.VersionHistory;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.credit.publication.PublicationRules;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.desc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * The credit records this service holds: ingestion with history, and a subject's records, newest decision first —
 * the public view (inside the publication window today) or, for the subject itself, everything.
 */
@Service
public class CreditRecordStore {

    public static final IndexDefinition INDEX = IndexDefinition.of("records");
    private static final List<SortOptions> NEWEST_FIRST = List.of(desc("decisionDate"), asc("recordId"));

    private final DocumentPages pages;
    private final AuditedIngestion ingestion;
    private final CreditRecordValidator validator;
    private final VersionHistory<CreditRecordDocument> history;
    private final CreditRecordMapper mapper;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String alias;

    public CreditRecordStore(DocumentPages pages, AuditedIngestion ingestion, PublicationRules rules, CreditRecordMapper mapper,
                             ObjectMapper json, Clock clock, IndexNames names, ApplicationEventPublisher events) {
        this.pages = pages;
        this.events = events;
        this.ingestion = ingestion;
        this.validator = new CreditRecordValidator(rules);
        this.mapper = mapper;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
        this.history = CreditRecordHistory.of(pages, json, alias, names.alias(CreditRecordHistory.INDEX.resource()));
    }

    public String alias() {
        return alias;
    }

    /**
     * Stores an upload and then announces the records it wrote ({@link CreditRecordsChanged}) — also when the upload
     * broke off part-way, since the lines stored so far stay stored.
     */
    public BulkIngestionReport ingest(InputStream ndjson, boolean refresh, CallerContext caller) {
        LocalDate today = LocalDate.now(clock);
        String now = OffsetDateTime.now(clock).toString();
        WrittenIds written = new WrittenIds(history);
        try {
            return ingestion.ingest(ndjson, alias, CreditRecordInput.class, in -> {
                CreditRecordDocument valid = validator.validate(in, today, now);
                return new IndexedDocument(valid.recordId(), valid);
            }, written, refresh, caller);
        } finally {
            if (!written.ids.isEmpty()) {
                events.publishEvent(new CreditRecordsChanged(written.ids));
            }
        }
    }

    /**
     * The records' history preparation, noting which ids each batch is going to write: neither the lines that say
     * what is stored already ({@code unchanged}) nor the rejected ones.
     */
    private static final class WrittenIds implements BatchPreparation {
        private final BatchPreparation history;
        private final Set<String> ids = ConcurrentHashMap.newKeySet();

        WrittenIds(BatchPreparation history) {
            this.history = history;
        }

        @Override
        public Prepared prepare(List<IndexedDocument> batch) {
            Prepared prepared = history.prepare(batch);
            batch.stream().map(IndexedDocument::id)
                    .filter(id -> !prepared.unchanged().contains(id) && !prepared.rejected().containsKey(id))
                    .forEach(ids::add);
            return prepared;
        }

        @Override
        public Collection<String> reads(List<IndexedDocument> batch) {
            return history.reads(batch);
        }

        @Override
        public Collection<String> writes(List<IndexedDocument> batch) {
            return history.writes(batch);
        }
    }

    /** What the subject's records say for one reader. */
    public enum Scope {
        /** inside their publication window today */
        PUBLIC,
        /** every record, expired, repaired and revoked included: the subject's own view */
        FULL
    }

    public Page<CreditRecordView> ofLegalPerson(String uscc, Scope scope, boolean unmasked, PageRequest request) {
        return page(List.of(term("uscc", uscc)), scope, unmasked, request);
    }

    /** Only on the exact ID number and the exact name together: never a fuzzy search of persons. */
    public Page<CreditRecordView> ofNaturalPerson(String idNumber, String name, Scope scope, boolean unmasked, PageRequest request) {
        List<Query> filters = new ArrayList<>(List.of(term("idNumber", idNumber)));
        if (name != null) {
            filters.add(term("subjectName.raw", name));
        }
        return page(filters, scope, unmasked, request);
    }

    /** Public records of legal persons whose recorded name contains {@code text} (Chinese substring: a phrase of characters). */
    public Page<CreditRecordView> ofLegalPersonsNamed(String text, PageRequest request) {
        Query name = Query.of(q -> q.matchPhrase(m -> m.field("subjectName").query(text)));
        Query legal = Query.of(q -> q.exists(e -> e.field("uscc")));
        return page(List.of(name, legal), Scope.PUBLIC, false, request);
    }

    private Page<CreditRecordView> page(List<Query> filters, Scope scope, boolean unmasked, PageRequest request) {
        LocalDate today = LocalDate.now(clock);
        List<Query> all = new ArrayList<>(filters);
        if (scope == Scope.PUBLIC) {
            all.add(PublicView.on(today));
        }
        Page<CreditRecordDocument> found = pages.page(alias, allOf(all), NEWEST_FIRST, request, CreditRecordDocument.class);
        return found.map(d -> mapper.toView(d, unmasked, today));
    }
}

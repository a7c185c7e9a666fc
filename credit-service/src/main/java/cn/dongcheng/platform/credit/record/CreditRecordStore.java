package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.ingest.AuditedIngestion;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.security.CallerContext;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.desc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/** The credit records this service holds: ingestion and a subject's records, newest decision first. */
@Service
public class CreditRecordStore {

    public static final IndexDefinition INDEX = IndexDefinition.of("records");

    private final DocumentPages pages;
    private final AuditedIngestion ingestion;
    private final Clock clock;
    private final String alias;

    public CreditRecordStore(DocumentPages pages, AuditedIngestion ingestion, Clock clock,
                             IndexNames names) {
        this.pages = pages;
        this.ingestion = ingestion;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
    }

    public BulkIngestionReport ingest(InputStream ndjson, boolean refresh, CallerContext caller) {
        LocalDate today = LocalDate.now(clock);
        String now = OffsetDateTime.now(clock).toString();
        return ingestion.ingest(ndjson, alias, CreditRecord.class, in -> {
            CreditRecord valid = CreditRecordValidator.validate(in, today, now);
            return new IndexedDocument(valid.recordId(), valid);
        }, refresh, caller);
    }

    public Page<CreditRecord> ofSubject(String uscc, PageRequest request) {
        return pages.page(alias, term("uscc", uscc), List.of(desc("decisionDate"), asc("recordId")), request, CreditRecord.class);
    }
}

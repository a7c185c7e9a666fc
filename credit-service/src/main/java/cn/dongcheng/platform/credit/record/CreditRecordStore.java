package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.ingest.NdjsonBulkIngester;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.security.AccessPolicy;
import cn.dongcheng.platform.common.security.CallerContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The credit records this service holds: ingestion and a subject's records, newest decision first. */
@Service
public class CreditRecordStore {

    public static final IndexDefinition INDEX = IndexDefinition.of("records");

    private final ElasticsearchJson es;
    private final DocumentPages pages;
    private final NdjsonBulkIngester ingester;
    private final AuditTrail audit;
    private final AccessPolicy policy;
    private final Clock clock;
    private final String alias;

    public CreditRecordStore(ElasticsearchJson es, DocumentPages pages, NdjsonBulkIngester ingester, AuditTrail audit,
                             AccessPolicy policy, Clock clock, IndexNames names) {
        this.es = es;
        this.pages = pages;
        this.ingester = ingester;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
    }

    public BulkIngestionReport ingest(InputStream ndjson, boolean refresh, CallerContext caller) {
        policy.requireWriter(caller);
        LocalDate today = LocalDate.now(clock);
        String now = OffsetDateTime.now(clock).toString();
        BulkIngestionReport report = ingester.ingest(ndjson, alias, line -> {
            try {
                CreditRecord valid = CreditRecordValidator.validate(es.mapper().treeToValue(line, CreditRecord.class), today, now);
                return new IndexedDocument(valid.recordId(), valid);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("line", e.getOriginalMessage());
            }
        }, refresh);
        audit.record(caller, "BULK_INGEST", alias, report.rejectedCount() == 0 ? "ok" : "partial",
                "records accepted=" + report.accepted() + " rejected=" + report.rejectedCount());
        return report;
    }

    public Page<CreditRecord> ofSubject(String uscc, PageRequest request) {
        ObjectNode query = es.object();
        query.putObject("term").put("uscc", uscc);
        ArrayNode sort = es.mapper().createArrayNode();
        sort.addObject().put("decisionDate", "desc");
        sort.addObject().put("recordId", "asc");
        return pages.page(alias, query, sort, request, CreditRecord.class);
    }
}

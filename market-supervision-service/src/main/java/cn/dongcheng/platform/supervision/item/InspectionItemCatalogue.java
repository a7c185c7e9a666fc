package cn.dongcheng.platform.supervision.item;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.ingest.AuditedIngestion;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.security.CallerContext;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;

/** The published inspection-item list: ingestion, look-up, listing by inspecting body. */
@Service
public class InspectionItemCatalogue {

    public static final IndexDefinition INDEX = IndexDefinition.of("inspection-items");

    private final ElasticsearchJson es;
    private final DocumentPages pages;
    private final AuditedIngestion ingestion;
    private final Clock clock;
    private final String alias;

    public InspectionItemCatalogue(ElasticsearchJson es, DocumentPages pages, AuditedIngestion ingestion, Clock clock,
                                   IndexNames names) {
        this.es = es;
        this.pages = pages;
        this.ingestion = ingestion;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
    }

    public BulkIngestionReport ingest(InputStream ndjson, boolean refresh, CallerContext caller) {
        String now = OffsetDateTime.now(clock).toString();
        return ingestion.ingest(ndjson, alias, InspectionItem.class, in -> {
            InspectionItem valid = InspectionItemValidator.validate(in, now);
            return new IndexedDocument(valid.code(), valid);
        }, refresh, caller);
    }

    public InspectionItem get(String code) {
        String key = code.trim().toUpperCase(Locale.ROOT);
        return pages.get(alias, key, InspectionItem.class)
                .orElseThrow(() -> new NotFoundException("no inspection item " + key));
    }

    public Page<InspectionItem> list(String inspectingBody, Boolean keyItem, PageRequest request) {
        ObjectNode query = es.object();
        ArrayNode filter = query.putObject("bool").putArray("filter");
        if (inspectingBody != null) {
            filter.addObject().putObject("term").put("inspectingBody", inspectingBody);
        }
        if (keyItem != null) {
            filter.addObject().putObject("term").put("keyItem", keyItem);
        }
        ArrayNode sort = es.mapper().createArrayNode();
        sort.addObject().put("code", "asc");
        return pages.page(alias, query, sort, request, InspectionItem.class);
    }
}

package cn.dongcheng.platform.supervision.item;

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
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/** The published inspection-item list: ingestion, look-up, listing by inspecting body. */
@Service
public class InspectionItemCatalogue {

    public static final IndexDefinition INDEX = IndexDefinition.of("inspection-items");

    private final DocumentPages pages;
    private final AuditedIngestion ingestion;
    private final Clock clock;
    private final String alias;

    public InspectionItemCatalogue(DocumentPages pages, AuditedIngestion ingestion, Clock clock,
                                   IndexNames names) {
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
        List<Query> filter = new ArrayList<>();
        if (inspectingBody != null) {
            filter.add(term("inspectingBody", inspectingBody));
        }
        if (keyItem != null) {
            filter.add(term("keyItem", keyItem));
        }
        return pages.page(alias, allOf(filter), List.of(asc("code")), request, InspectionItem.class);
    }
}

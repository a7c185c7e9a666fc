package cn.dongcheng.platform.supervision.item;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.ingest.AuditedIngestion;
import cn.dongcheng.platform.common.ingest.VersionHistory;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.security.CallerContext;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/** The published inspection-item list: ingestion, look-up, listing by inspecting body. */
@Service
public class InspectionItemCatalogue {

    public static final IndexDefinition INDEX = IndexDefinition.of("inspection-items");
    /** Every replaced version of an item, {@code <code>:v<version>}: a task names the version it drew by. */
    public static final IndexDefinition VERSIONS = IndexDefinition.of("inspection-item-versions");

    private final DocumentPages pages;
    private final AuditedIngestion ingestion;
    private final VersionHistory<InspectionItem> history;
    private final Clock clock;
    private final String alias;

    public InspectionItemCatalogue(DocumentPages pages, AuditedIngestion ingestion, ObjectMapper json, Clock clock,
                                   IndexNames names) {
        this.pages = pages;
        this.ingestion = ingestion;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
        this.history = new VersionHistory<>(pages, json, InspectionItem.class, alias, names.alias(VERSIONS.resource()));
    }

    public BulkIngestionReport ingest(InputStream ndjson, boolean refresh, CallerContext caller) {
        String now = OffsetDateTime.now(clock).toString();
        return ingestion.ingest(ndjson, alias, InspectionItem.class, in -> {
            InspectionItem valid = InspectionItemValidator.validate(in, now);
            return new IndexedDocument(valid.code(), valid);
        }, history, refresh, caller);
    }

    public InspectionItem get(String code) {
        String key = code.trim().toUpperCase(Locale.ROOT);
        return pages.get(alias, key, InspectionItem.class)
                .orElseThrow(() -> new NotFoundException("no inspection item " + key));
    }

    /** The item as it read in {@code version}: the current one, or a replaced one from the history. */
    public InspectionItem get(String code, int version) {
        InspectionItem current = get(code);
        int currentVersion = current.version() == null ? 1 : current.version();
        if (version == currentVersion) {
            return current;
        }
        return (version < 1 || version > currentVersion ? Optional.<InspectionItem>empty() : history.version(current.code(), version))
                .orElseThrow(() -> new NotFoundException("inspection item " + current.code() + " has no version " + version
                        + " (current: " + currentVersion + ")"));
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

package cn.dongcheng.platform.supervision.inspector;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.ingest.AuditedIngestion;
import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.security.CallerContext;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * The inspector directory (执法检查人员名录库): departments load their officers; anyone may list them with names and
 * phones masked, and those who plan and assign inspections see them in full — an audited read of personal data.
 */
@Service
public class InspectorDirectory {

    public static final IndexDefinition INDEX = IndexDefinition.of("inspectors");

    private final DocumentPages pages;
    private final AuditedIngestion ingestion;
    private final AuditTrail audit;
    private final InspectorMapper mapper;
    private final Clock clock;
    private final String alias;

    public InspectorDirectory(DocumentPages pages, AuditedIngestion ingestion, AuditTrail audit, InspectorMapper mapper, Clock clock,
                              IndexNames names) {
        this.pages = pages;
        this.ingestion = ingestion;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
    }

    public BulkIngestionReport ingest(InputStream ndjson, boolean refresh, CallerContext caller) {
        String now = OffsetDateTime.now(clock).toString();
        return ingestion.ingest(ndjson, alias, InspectorInput.class, in -> {
            InspectorDocument valid = InspectorValidator.validate(in, now);
            return new IndexedDocument(valid.badgeNumber(), valid);
        }, refresh, caller);
    }

    /** Filters of the listing; every one optional. */
    public record Filter(String department, String qualification, String status) {
    }

    public Page<InspectorView> list(Filter filter, PageRequest request, CallerContext caller) {
        List<Query> conditions = new ArrayList<>();
        if (filter.department() != null) {
            conditions.add(term("department", filter.department()));
        }
        if (filter.qualification() != null) {
            conditions.add(term("qualifications", filter.qualification()));
        }
        if (filter.status() != null) {
            conditions.add(term("status", status(filter.status()).name()));
        }
        Page<InspectorDocument> found = pages.page(alias, allOf(conditions), List.of(asc("badgeNumber")), request, InspectorDocument.class);
        boolean unmasked = caller.mayReadUnmasked();
        if (unmasked && !found.items().isEmpty()) {
            audit.record(caller, "READ_PERSONAL_DATA", alias, "ok", found.items().size() + " inspectors shown unmasked");
        }
        return found.map(d -> mapper.toView(d, unmasked));
    }

    /** The inspectors of these departments, whole (for assignment: conflicts, caps and qualifications are needed). */
    public List<InspectorDocument> ofDepartments(List<String> departments) {
        List<InspectorDocument> found = new ArrayList<>();
        List<FieldValue> values = departments.stream().map(FieldValue::of).toList();
        pages.scan(alias, Query.of(q -> q.terms(t -> t.field("department").terms(v -> v.value(values)))), null, 1_000,
                InspectorDocument.class, found::addAll);
        found.sort(Comparator.comparing(InspectorDocument::badgeNumber));
        return found;
    }

    public Optional<InspectorDocument> find(String badgeNumber) {
        return pages.get(alias, badgeNumber, InspectorDocument.class);
    }

    private static InspectorStatus status(String raw) {
        try {
            return InspectorStatus.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldProblem("status", "must be one of ACTIVE, ON_LEAVE, RETIRED")));
        }
    }
}

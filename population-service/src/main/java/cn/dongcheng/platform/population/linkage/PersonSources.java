package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.ingest.AuditedIngestion;
import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.ingest.VersionHistory;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.population.person.PersonRegistry;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * Person records integrating sources (多源人口信息整合): source deliveries stored as source records with history, each
 * person recomputed from all source records of its ID number under the conflict rules, and the linked person with
 * per-field provenance for those who may read it (every read audited).
 */
@Service
public class PersonSources {

    public static final IndexDefinition INDEX = IndexDefinition.of("person-sources");
    public static final IndexDefinition HISTORY_INDEX = IndexDefinition.of("person-source-history");

    private final DocumentPages pages;
    private final AuditedIngestion ingestion;
    private final AuditTrail audit;
    private final PersonRegistry registry;
    private final PersonLinker linker;
    private final LinkedPersonMapper mapper;
    private final VersionHistory<SourceRecord> history;
    private final Clock clock;
    private final String alias;

    public PersonSources(DocumentPages pages, AuditedIngestion ingestion, AuditTrail audit, PersonRegistry registry,
                         ConflictRules rules, LinkedPersonMapper mapper, ObjectMapper json, Clock clock, IndexNames names) {
        this.pages = pages;
        this.ingestion = ingestion;
        this.audit = audit;
        this.registry = registry;
        this.linker = new PersonLinker(rules);
        this.mapper = mapper;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
        this.history = new VersionHistory<>(pages, json, SourceRecord.class, alias, names.alias(HISTORY_INDEX.resource()));
    }

    public String alias() {
        return alias;
    }

    /** The source records of these persons (a query on the sources index). */
    public static Query recordsOf(List<String> idNumbers) {
        List<FieldValue> values = idNumbers.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field("idNumber").terms(v -> v.value(values))));
    }

    /** The registrations of one kind (births, deaths …) dated from {@code from} to {@code to}, both included. */
    public static Query registrations(SourceKind kind, LocalDate from, LocalDate to) {
        return allOf(List.of(term("source", kind.name()),
                Query.of(q -> q.range(r -> r.date(d -> d.field("sourceDate").gte(from.toString()).lte(to.toString()))))));
    }

    /** One delivery of any source kinds; each line stored under {@code <source>:<sourceId>}, its person relinked. */
    public BulkIngestionReport ingest(InputStream ndjson, boolean refresh, CallerContext caller) {
        LocalDate today = LocalDate.now(clock);
        String now = OffsetDateTime.now(clock).toString();
        LinkingPreparation linking = new LinkingPreparation(pages, history, linker, registry.alias(), alias, now);
        return ingestion.ingest(ndjson, registry.alias(), SourceRecordInput.class, in -> {
            SourceRecord valid = SourceRecordValidator.validate(in, today, now);
            return new IndexedDocument(valid.idNumber(), valid);
        }, linking, refresh, caller);
    }

    /** The linked person with provenance; the caller's cell decides (a citizen only themselves), always audited. */
    public LinkedPersonView lookup(String rawId, CallerContext caller) {
        ResidentIdNumber id = registry.requireAllowed(rawId, caller);
        LinkedPerson person = pages.get(registry.alias(), id.value(), LinkedPerson.class).orElse(null);
        audit.record(caller, "READ_PERSON_FULL", registry.alias(), id.value(), person == null ? "not-found" : "ok", "linked");
        if (person == null) {
            throw new NotFoundException("no person with ID number " + id.masked());
        }
        List<String> keys = person.sourceKeys() == null ? List.of() : person.sourceKeys();
        return mapper.view(person, List.copyOf(pages.getAll(alias, keys, SourceRecord.class).values()));
    }
}

package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.ingest.AuditedIngestion;
import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.security.CallerContext;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.desc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/** The directory of market entities (市场主体名录): ingestion, look-up by code and filtered listing. */
@Service
public class EnterpriseDirectory {

    public static final IndexDefinition INDEX = IndexDefinition.of("enterprises");
    public static final int MAX_BATCH = 1000;
    private static final int STREAM_BATCH = 5000;

    private final DocumentPages pages;
    private final AuditedIngestion ingestion;
    private final AuditTrail audit;
    private final EnterpriseMapper mapper;
    private final ObjectMapper json;
    private final Clock clock;
    private final String alias;
    private final String historyAlias;
    private final EnterpriseHistory history;

    public EnterpriseDirectory(DocumentPages pages, AuditedIngestion ingestion, AuditTrail audit, EnterpriseMapper mapper,
                               ObjectMapper json, Clock clock, IndexNames names) {
        this.json = json;
        this.pages = pages;
        this.ingestion = ingestion;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
        this.historyAlias = names.alias(EnterpriseHistory.INDEX.resource());
        this.history = new EnterpriseHistory(pages, alias, historyAlias);
    }

    /** @param acceptLegacyCodes the explicit override for pre-2016 codes that fail their check characters */
    public BulkIngestionReport ingest(InputStream ndjson, boolean refresh, boolean acceptLegacyCodes, CallerContext caller) {
        LocalDate today = LocalDate.now(clock);
        String now = OffsetDateTime.now(clock).toString();
        return ingestion.ingest(ndjson, alias, EnterpriseRegistration.class, in -> {
            EnterpriseDocument valid = EnterpriseValidator.validate(in, today, now, acceptLegacyCodes);
            return new IndexedDocument(valid.uscc(), valid);
        }, history, refresh, caller);
    }

    /** The record as it is now, or — with {@code asOf} — the version that was in force on that date. */
    public EnterpriseView get(String rawCode, LocalDate asOf, CallerContext caller) {
        EnterpriseDocument current = stored(rawCode);
        String code = current.uscc();
        if (asOf == null || current.effectiveFrom() == null || !asOf.isBefore(current.effectiveFrom())) {
            return view(current, null, caller);
        }
        Query inForce = allOf(List.of(term("uscc", code),
                Query.of(q -> q.range(r -> r.date(d -> d.field("validFrom").lte(asOf.toString())))),
                Query.of(q -> q.range(r -> r.date(d -> d.field("validTo").gt(asOf.toString()))))));
        List<EnterpriseHistory.Entry> found = pages.page(historyAlias, inForce, List.of(desc("validFrom")), PageRequest.of(1, null),
                EnterpriseHistory.Entry.class).items();
        if (found.isEmpty()) {
            throw new NotFoundException(code + " has no record in force on " + asOf
                    + (current.establishedOn() != null && asOf.isBefore(current.establishedOn()) ? " (established " + current.establishedOn() + ")" : ""));
        }
        return view(found.get(0).record(), found.get(0).validTo(), caller);
    }

    /**
     * The stored entity under a code, fetched once: a valid code, or one that fails only its check characters but was
     * imported under the legacy override (so a stored legacy entity stays reachable); any other code is a 400 naming
     * the failed check, a valid code nobody registered a 404.
     */
    private EnterpriseDocument stored(String rawCode) {
        String code = rawCode == null ? "" : rawCode.trim().toUpperCase(Locale.ROOT);
        UnifiedSocialCreditCode.structuralProblem(code).ifPresent(r -> {
            throw new InvalidInputException("uscc", r);
        });
        var checksum = UnifiedSocialCreditCode.checksumProblem(code);
        var document = pages.get(alias, code, EnterpriseDocument.class);
        if (checksum.isPresent() && document.map(d -> !Boolean.TRUE.equals(d.legacyCode())).orElse(true)) {
            throw new InvalidInputException("uscc", checksum.get());
        }
        return document.orElseThrow(() -> new NotFoundException("no market entity with code " + code));
    }

    /** Every version of the record, newest first: the current one, then the replaced ones. */
    public List<EnterpriseView> versions(String rawCode, CallerContext caller) {
        EnterpriseView current = get(rawCode, null, caller);
        List<EnterpriseView> all = new ArrayList<>();
        all.add(current);
        boolean unmasked = caller.mayReadUnmasked(current.uscc());
        pages.page(historyAlias, term("uscc", current.uscc()), List.of(desc("validFrom")), PageRequest.of(PageRequest.MAX_SIZE, null),
                        EnterpriseHistory.Entry.class).items()
                .forEach(e -> all.add(mapper.toView(e.record(), e.validTo(), unmasked)));
        return all;
    }

    public Page<EnterpriseView> search(EnterpriseSearch search, PageRequest request, CallerContext caller) {
        Page<EnterpriseDocument> page = pages.page(alias, search.query(), search.sort(), request, EnterpriseDocument.class);
        boolean unmasked = auditUnmaskedList(caller, page.items().size(), "search");
        return page.map(d -> mapper.toView(d, unmasked));
    }

    /** Up to {@value #MAX_BATCH} codes in one call (for other services): what was found, what is unknown, what is invalid. */
    public BatchLookup batchGet(List<String> rawCodes, CallerContext caller) {
        if (rawCodes == null || rawCodes.isEmpty() || rawCodes.size() > MAX_BATCH) {
            throw new InvalidInputException("codes", "must hold 1–" + MAX_BATCH + " codes, got " + (rawCodes == null ? 0 : rawCodes.size()));
        }
        Set<String> valid = new LinkedHashSet<>();
        List<BatchLookup.InvalidCode> invalid = new ArrayList<>();
        for (String raw : rawCodes) {
            String code = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
            UnifiedSocialCreditCode.problem(code).ifPresentOrElse(
                    reason -> invalid.add(new BatchLookup.InvalidCode(raw, reason)), () -> valid.add(code));
        }
        Map<String, EnterpriseDocument> found = pages.getAll(alias, valid, EnterpriseDocument.class);
        boolean unmasked = auditUnmaskedList(caller, found.size(), "batch-get");
        List<String> missing = valid.stream().filter(c -> !found.containsKey(c)).toList();
        return new BatchLookup(found.values().stream().map(d -> mapper.toView(d, unmasked)).toList(), missing, invalid);
    }

    /**
     * Every code matching the search, one NDJSON line each, streamed from a point in time (for building inspection
     * pools of any size). Codes are public identifiers: nothing to mask; a whole-directory read all the same, so audited.
     */
    public long streamCodes(EnterpriseSearch search, OutputStream out, CallerContext caller) {
        long lines = pages.scan(alias, search.query(), CodeLine.FIELDS, STREAM_BATCH, CodeLine.class, codes -> {
            try {
                for (CodeLine code : codes) {
                    out.write(json.writeValueAsBytes(code));
                    out.write('\n');
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("the client stopped reading the stream", e);
            }
        });
        audit.record(caller, "STREAM_CODES", alias, "ok", lines + " codes");
        return lines;
    }

    /** One line of {@link #streamCodes}: the fields in the order the directory stores them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CodeLine(String uscc, EnterpriseStatus status, String streetCode, String industrySection) {
        static final List<String> FIELDS = List.of("uscc", "status", "streetCode", "industrySection");
    }

    /** The whole result of a search as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese right). */
    public long exportCsv(EnterpriseSearch search, OutputStream out, CallerContext caller) {
        boolean unmasked = caller.mayReadUnmasked();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            writer.write('\uFEFF');
            writer.write(EnterpriseCsv.HEADER);
            long rows = pages.scan(alias, search.query(), null, STREAM_BATCH, EnterpriseDocument.class, documents -> {
                try {
                    for (EnterpriseDocument document : documents) {
                        writer.write(EnterpriseCsv.row(mapper.toView(document, unmasked)));
                    }
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("the client stopped reading the export", e);
                }
            });
            writer.flush();
            audit.record(caller, unmasked ? "EXPORT_PERSONAL_DATA" : "EXPORT", alias, "ok", rows + " rows");
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Listing legal representatives unmasked is a read of personal data: one audit entry per page. */
    private boolean auditUnmaskedList(CallerContext caller, int shown, String what) {
        boolean unmasked = caller.mayReadUnmasked();
        if (unmasked && shown > 0) {
            audit.record(caller, "READ_PERSONAL_DATA", alias + ":" + what, "ok",
                    "legal representatives of " + shown + " entities shown unmasked");
        }
        return unmasked;
    }

    private EnterpriseView view(EnterpriseDocument doc, LocalDate validTo, CallerContext caller) {
        boolean unmasked = caller.mayReadUnmasked(doc.uscc());
        if (unmasked && doc.legalRepresentative() != null) {
            audit.record(caller, "READ_PERSONAL_DATA", alias + "/" + doc.uscc(), "ok", "legal representative shown unmasked");
        }
        return mapper.toView(doc, validTo, unmasked);
    }
}

package cn.dongcheng.platform.credit.spotcheck;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.credit.publication.PublicationRules;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.CreditRecordInput;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import cn.dongcheng.platform.credit.record.CreditRecordValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inspection results from market-supervision-service (抽查检查结果) become credit records of category
 * {@link CreditRecordCategory#SPOT_CHECK_RESULT}, keyed like every record by department and source id, through the
 * records' own validator and bulk ingestion (history, audit): one write path. A result delivered again is stored once;
 * the answer marks it {@code duplicate}. A changed result under the same key replaces the record and keeps the old
 * version in its history, as a department's corrected line does. One bad result rejects the delivery: nothing stored.
 */
@Service
public class SpotCheckIntake {

    static final int MAX_RESULTS = 1_000;
    static final String DATA_SOURCE = "market-supervision-service";
    /** The record's field names as the sender knows them. */
    private static final Map<String, String> FIELDS = Map.of("sourceDepartment", "department", "decisionDate", "inspectionDate",
            "decisionNumber", "taskId", "summary", "details", "authority", "department");

    private final CreditRecordStore records;
    private final CreditRecordValidator validator;
    private final DocumentPages pages;
    private final ObjectMapper mapper;
    private final AuditTrail audit;
    private final Clock clock;

    public SpotCheckIntake(CreditRecordStore records, PublicationRules rules, DocumentPages pages, ElasticsearchJson es,
                           AuditTrail audit, Clock clock) {
        this.records = records;
        this.validator = new CreditRecordValidator(rules);
        this.pages = pages;
        this.mapper = es.mapper();
        this.audit = audit;
        this.clock = clock;
    }

    public SpotCheckIntakeReport accept(SpotCheckResults delivery, boolean refresh, CallerContext caller) {
        List<SpotCheckResultInput> results = delivery == null || delivery.results() == null ? List.of() : delivery.results();
        if (results.isEmpty() || results.size() > MAX_RESULTS) {
            throw new InvalidInputException("results", "must hold 1–" + MAX_RESULTS + " results, holds " + results.size());
        }
        LocalDate today = LocalDate.now(clock);
        String now = OffsetDateTime.now(clock).toString();
        List<FieldProblem> problems = new ArrayList<>();
        List<CreditRecordInput> inputs = new ArrayList<>();
        List<CreditRecordDocument> valid = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            CreditRecordInput input = asRecord(results.get(i), i, problems);
            try {
                valid.add(validator.validate(input, today, now));
                inputs.add(input);
            } catch (InvalidInputException e) {
                String at = "results[" + i + "].";
                e.problems().forEach(p -> problems.add(new FieldProblem(at + FIELDS.getOrDefault(p.field(), p.field()), p.reason())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, CreditRecordDocument> stored = new HashMap<>(pages.getAll(records.alias(),
                valid.stream().map(CreditRecordDocument::recordId).distinct().toList(), CreditRecordDocument.class));
        Map<String, CreditRecordDocument> inDelivery = new LinkedHashMap<>();
        List<SpotCheckIntakeReport.Item> items = new ArrayList<>();
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        for (int i = 0; i < valid.size(); i++) {
            CreditRecordDocument doc = valid.get(i);
            CreditRecordDocument earlier = inDelivery.get(doc.recordId());
            if (earlier != null && !earlier.sameContentAs(doc)) {
                problems.add(new FieldProblem("results[" + i + "].sourceId", "sent twice in this delivery with different content"));
                continue;
            }
            CreditRecordDocument known = earlier != null ? earlier : stored.get(doc.recordId());
            boolean duplicate = known != null && known.sameContentAs(doc);
            inDelivery.put(doc.recordId(), doc);
            items.add(new SpotCheckIntakeReport.Item(doc.sourceDepartment(), doc.sourceId(), doc.recordId(), duplicate));
            if (!duplicate) {
                line(ndjson, inputs.get(i));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int duplicates = (int) items.stream().filter(SpotCheckIntakeReport.Item::duplicate).count();
        if (ndjson.size() > 0) {
            BulkIngestionReport report = records.ingest(new ByteArrayInputStream(ndjson.toByteArray()), refresh, caller);
            if (report.rejectedCount() > 0) { // validated above with the same validator: a rejection here is a store failure
                throw new IllegalStateException("spot-check results not stored: " + report.rejected());
            }
        }
        audit.record(caller, "SPOT_CHECK_INTAKE", records.alias(), "ok",
                "results=" + items.size() + " stored=" + (items.size() - duplicates) + " duplicates=" + duplicates);
        return new SpotCheckIntakeReport(items.size() - duplicates, duplicates, items);
    }

    /** The result as a department's record line; the problems only this kind of record has are added here. */
    private static CreditRecordInput asRecord(SpotCheckResultInput r, int i, List<FieldProblem> problems) {
        String at = "results[" + i + "].";
        if (r == null) {
            problems.add(new FieldProblem("results[" + i + "]", "is required"));
            return new CreditRecordInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
        }
        if (r.taskId() == null || r.taskId().isBlank()) {
            problems.add(new FieldProblem(at + "taskId", "is required (the spot-check task the inspection belongs to)"));
        }
        if (r.uscc() == null || r.uscc().isBlank()) {
            problems.add(new FieldProblem(at + "uscc", "is required (the inspected market entity)"));
        }
        String summary = null;
        if (r.outcome() == null) {
            problems.add(new FieldProblem(at + "outcome", "is required, one of " + List.of(SpotCheckOutcome.values())));
        } else {
            boolean hasDetails = r.details() != null && !r.details().isBlank();
            if (r.outcome() == SpotCheckOutcome.PROBLEMS_FOUND && !hasDetails) {
                problems.add(new FieldProblem(at + "details", "is required when problems were found"));
            }
            summary = "抽查检查结果：" + r.outcome().label() + (hasDetails ? "。" + r.details().strip() : "");
        }
        return new CreditRecordInput(r.department(), r.sourceId(), r.uscc(), null, null, CreditRecordCategory.SPOT_CHECK_RESULT,
                r.taskId(), r.inspectionDate(), r.department(), null, summary, null, null, null, null, null, null, null,
                DATA_SOURCE);
    }

    private void line(ByteArrayOutputStream out, CreditRecordInput input) {
        try {
            out.writeBytes(mapper.writeValueAsBytes(input));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
    }
}

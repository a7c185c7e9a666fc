package cn.dongcheng.platform.common.ingest;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.problem.PayloadTooLargeException;
import cn.dongcheng.platform.common.security.CallerContext;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * What every service's bulk endpoint does (who may write is the access matrix's business): read each line as the resource's input
 * record (a type error names the field), validate it into a document, store through {@link NdjsonBulkIngester}, and
 * audit the upload with its counts — whatever its outcome, since a failed upload may have stored lines already.
 */
public class AuditedIngestion {

    /**
     * A line is one flat record: deeper nesting, longer strings or numbers than these are not data but a broken or
     * hostile line, rejected as such before any field is bound (Jackson's defaults allow 20 MB strings, 1,000 levels).
     */
    static final StreamReadConstraints LINE_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(16).maxStringLength(10_000).maxNumberLength(40).build();

    private final NdjsonBulkIngester ingester;
    private final ObjectMapper lineMapper;
    private final AuditTrail audit;

    public AuditedIngestion(NdjsonBulkIngester ingester, ElasticsearchJson es, AuditTrail audit) {
        this.ingester = ingester;
        this.audit = audit;
        this.lineMapper = es.mapper().copy();
        lineMapper.getFactory().setStreamReadConstraints(LINE_LIMITS);
    }

    /**
     * @param lineType the input record one line is read as
     * @param validate checks the record (throwing {@link cn.dongcheng.platform.common.problem.InvalidInputException}) and returns what to store
     */
    public <T> BulkIngestionReport ingest(InputStream ndjson, String alias, Class<T> lineType,
                                          Function<T, IndexedDocument> validate, boolean refresh, CallerContext caller) {
        return ingest(ndjson, alias, lineType, validate, BatchPreparation.NONE, refresh, caller);
    }

    /** As above, with work to do before each batch is stored, such as keeping replaced versions as history. */
    public <T> BulkIngestionReport ingest(InputStream ndjson, String alias, Class<T> lineType, Function<T, IndexedDocument> validate,
                                          BatchPreparation preparation, boolean refresh, CallerContext caller) {
        ObjectReader reader = lineMapper.readerFor(lineType);
        LineKeys keys = LineKeys.of(lineType, lineMapper.getFactory());
        NdjsonBulkIngester.LineParser parser = new NdjsonBulkIngester.LineParser() {
            @Override
            public IndexedDocument parse(byte[] line) throws IOException {
                return validate.apply(reader.readValue(line));
            }

            @Override
            public String keyOf(byte[] line) {
                return keys == null ? null : keys.read(line);
            }
        };
        BulkProgress progress = new BulkProgress();
        Throwable failure = null;
        try {
            return ingester.ingestLines(ndjson, alias, parser, preparation, refresh, progress);
        } catch (PayloadTooLargeException e) {
            // a chunked body crosses the limit only after earlier batches are stored: the 413 says how many
            PayloadTooLargeException saying = e.withStoredLines(progress.result().accepted());
            failure = saying;
            throw saying;
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            // every outcome leaves an entry: lines may be stored even when the upload broke off
            recordAudit(caller, alias, progress.result(), failure);
        }
    }

    /** Writes the entry; when it cannot, an upload's own failure stays the answer, the audit's rides along suppressed. */
    private void recordAudit(CallerContext caller, String alias, BulkIngestionReport report, Throwable failure) {
        String counts = "accepted=" + report.accepted() + " unchanged=" + report.unchanged() + " rejected=" + report.rejectedCount();
        try {
            if (failure == null) {
                audit.record(caller, "BULK_INGEST", alias, report.rejectedCount() == 0 ? "ok" : "partial", counts);
            } else {
                audit.record(caller, "BULK_INGEST", alias, "failed", "reason=" + IngestionFailure.reasonOf(failure) + " " + counts);
            }
        } catch (RuntimeException auditFailure) {
            if (failure == null) {
                throw auditFailure;
            }
            failure.addSuppressed(auditFailure);
        }
    }
}

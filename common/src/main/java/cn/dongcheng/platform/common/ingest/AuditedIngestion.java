package cn.dongcheng.platform.common.ingest;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.security.CallerContext;

import java.io.InputStream;
import java.util.function.Function;

/**
 * What every service's bulk endpoint does (who may write is the access matrix's business): read each line as the resource's input
 * record (a type error names the field), validate it into a document, store through {@link NdjsonBulkIngester}, and
 * audit the upload with its counts.
 */
public class AuditedIngestion {

    private final NdjsonBulkIngester ingester;
    private final ElasticsearchJson es;
    private final AuditTrail audit;

    public AuditedIngestion(NdjsonBulkIngester ingester, ElasticsearchJson es, AuditTrail audit) {
        this.ingester = ingester;
        this.es = es;
        this.audit = audit;
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
        com.fasterxml.jackson.databind.ObjectReader reader = es.mapper().readerFor(lineType);
        BulkIngestionReport report = ingester.ingestLines(ndjson, alias,
                line -> validate.apply(reader.readValue(line)), preparation, refresh);
        audit.record(caller, "BULK_INGEST", alias, report.rejectedCount() == 0 ? "ok" : "partial",
                "accepted=" + report.accepted() + " unchanged=" + report.unchanged() + " rejected=" + report.rejectedCount());
        return report;
    }
}

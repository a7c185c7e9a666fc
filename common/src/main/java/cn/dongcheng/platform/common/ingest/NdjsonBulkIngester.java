package cn.dongcheng.platform.common.ingest;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk ingestion of NDJSON: every line parsed and validated on its own, valid lines sent in {@code _bulk} batches,
 * items Elasticsearch could not take for a passing reason (429, 5xx) retried with back-off, and a per-line report of
 * everything rejected. One bad line never costs a good one.
 */
public class NdjsonBulkIngester {

    public static final int MAX_REPORTED = 1000;
    private static final Logger log = LoggerFactory.getLogger(NdjsonBulkIngester.class);
    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
    private static final String BULK_FILTER = "items.*.status,items.*.error.type,items.*.error.reason";

    private final ElasticsearchJson es;
    private final int batchSize;
    private final int maxRetries;

    public NdjsonBulkIngester(ElasticsearchJson es, int batchSize, int maxRetries) {
        this.es = es;
        this.batchSize = batchSize;
        this.maxRetries = maxRetries;
    }

    /** Reads the whole stream; {@code refresh} makes the stored lines searchable before the call returns. */
    public BulkIngestionReport ingest(InputStream ndjson, String alias, LineMapper mapper, boolean refresh) {
        return ingest(ndjson, alias, mapper, BatchPreparation.NONE, refresh);
    }

    /** As above, with work to do before each batch is stored (see {@link BatchPreparation}). */
    public BulkIngestionReport ingest(InputStream ndjson, String alias, LineMapper mapper, BatchPreparation preparation,
                                      boolean refresh) {
        return ingestLines(ndjson, alias, line -> {
            JsonNode node = es.mapper().readTree(line);
            if (!node.isObject()) {
                throw new InvalidInputException("line", "each line must be a JSON object");
            }
            return mapper.map(node);
        }, preparation, refresh);
    }

    /** Reads each line text straight into what to store (no intermediate tree): the fast path of the services. */
    @FunctionalInterface
    public interface LineParser {
        IndexedDocument parse(String line) throws JsonProcessingException;
    }

    public BulkIngestionReport ingestLines(InputStream ndjson, String alias, LineParser parser, BatchPreparation preparation,
                                           boolean refresh) {
        Report report = new Report();
        List<Pending> batch = new ArrayList<>(batchSize);
        // one batch is written while the next is parsed: Elasticsearch indexing and line parsing overlap, in order
        java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bulk-writer-" + alias);
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Future<?> inFlight = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8))) {
            long lineNo = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Pending pending = parse(lineNo, line, parser, report);
                if (pending != null) {
                    batch.add(pending);
                }
                if (batch.size() >= batchSize) {
                    await(inFlight);
                    List<Pending> full = batch;
                    inFlight = writer.submit(() -> flush(alias, full, preparation, report));
                    batch = new ArrayList<>(batchSize);
                }
                if (lineNo % 100_000 == 0) {
                    log.info("bulk into {}: {} lines read, {} accepted, {} rejected", alias, lineNo, report.accepted(), report.rejectedCount());
                }
            }
            await(inFlight);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed after " + report.accepted() + " accepted lines", e);
        } finally {
            try {
                await(inFlight); // never abandon a batch half-way: let the write in progress finish
            } catch (RuntimeException alreadyReported) {
                // the same failure was thrown above, or the upload itself failed
            }
            writer.shutdown();
        }
        flush(alias, batch, preparation, report);
        if (refresh) {
            es.refresh(alias);
            report.sideIndices().forEach(es::refresh);
        }
        return report.result();
    }

    private Pending parse(long lineNo, String line, LineParser parser, Report report) {
        String trimmed = line.stripLeading();
        if (!trimmed.startsWith("{")) {
            report.reject(lineNo, null, "each line must be a JSON object");
            return null;
        }
        IndexedDocument doc;
        try {
            doc = parser.parse(line);
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            report.reject(lineNo, null, "not valid JSON: " + e.getOriginalMessage());
            return null;
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            report.reject(lineNo, null, fieldOf(e) + ": " + e.getOriginalMessage());
            return null;
        } catch (JsonProcessingException e) {
            report.reject(lineNo, null, "not valid JSON: " + e.getOriginalMessage());
            return null;
        } catch (InvalidInputException | IllegalArgumentException e) { // the message lists every failed field
            report.reject(lineNo, null, e.getMessage());
            return null;
        }
        try {
            return new Pending(lineNo, doc, es.mapper().writeValueAsString(doc.source()));
        } catch (JsonProcessingException e) {
            report.reject(lineNo, doc.id(), "cannot serialise: " + e.getOriginalMessage());
            return null;
        }
    }

    /** The JSON path of a mapping error, e.g. {@code registeredCapital} or {@code formerNames.[2]}. */
    static String fieldOf(com.fasterxml.jackson.databind.JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return "line";
        }
        var ref = e.getPath().get(e.getPath().size() - 1);
        return ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]";
    }

    private void flush(String alias, List<Pending> batch, BatchPreparation preparation, Report report) {
        if (batch.isEmpty()) {
            return;
        }
        List<Pending> toSend = prepare(batch, preparation, report);
        for (int attempt = 0; !toSend.isEmpty(); attempt++) {
            StringBuilder body = new StringBuilder(toSend.size() * 256);
            for (Pending p : toSend) {
                body.append("{\"index\":{\"_index\":").append(quoted(alias)).append(",\"_id\":").append(quoted(p.id()))
                        .append("}}\n").append(p.json()).append('\n');
            }
            // only what the report needs comes back: a 5,000-item answer shrinks to its statuses and errors
            JsonNode response = es.send("POST", "/_bulk", body.toString(), Map.of("filter_path", BULK_FILTER));
            List<Pending> retry = new ArrayList<>();
            JsonNode items = response.path("items");
            for (int i = 0; i < toSend.size(); i++) {
                Pending p = toSend.get(i);
                JsonNode result = items.get(i).elements().next();
                int status = result.path("status").asInt();
                if (status >= 200 && status < 300) {
                    report.accept();
                } else if (RETRYABLE.contains(status) && attempt < maxRetries) {
                    retry.add(p);
                } else {
                    JsonNode error = result.path("error");
                    report.reject(p.line(), p.id(), error.path("type").asText("error") + ": " + error.path("reason").asText("status " + status));
                }
            }
            if (!retry.isEmpty()) {
                sleep(200L << attempt);
            }
            toSend = retry;
        }
    }

    private String quoted(String s) {
        try {
            return es.mapper().writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a bulk batch", e);
        }
    }

    /** Runs the preparation and stores its side documents; returns the lines still to write. */
    private List<Pending> prepare(List<Pending> batch, BatchPreparation preparation, Report report) {
        BatchPreparation.Prepared prepared = preparation.prepare(batch.stream().map(Pending::document).toList());
        java.util.Map<String, String> failed = new java.util.HashMap<>(prepared.rejected());
        if (!prepared.sideDocuments().isEmpty()) {
            StringBuilder body = new StringBuilder();
            for (BatchPreparation.SideDocument side : prepared.sideDocuments()) {
                report.sideIndex(side.index());
                ObjectNode action = es.object();
                action.putObject(side.partial() ? "update" : "index").put("_index", side.index()).put("_id", side.id());
                try {
                    String source = es.mapper().writeValueAsString(side.source());
                    body.append(action).append('\n').append(side.partial() ? "{\"doc\":" + source + "}" : source).append('\n');
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot serialise a side document", e);
                }
            }
            JsonNode items = es.send("POST", "/_bulk", body.toString(), Map.of()).path("items");
            for (int i = 0; i < prepared.sideDocuments().size(); i++) {
                JsonNode result = items.get(i).elements().next();
                if (result.path("status").asInt() >= 300) {
                    failed.put(prepared.sideDocuments().get(i).forId(), "could not keep the replaced version: "
                            + result.path("error").path("reason").asText("status " + result.path("status").asInt()));
                }
            }
        }
        List<Pending> toSend = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            String reason = failed.get(p.id());
            Object replacement = prepared.replacements().get(p.id());
            if (reason != null) {
                report.reject(p.line(), p.id(), reason);
            } else if (replacement != null) {
                try {
                    toSend.add(new Pending(p.line(), new IndexedDocument(p.id(), replacement), es.mapper().writeValueAsString(replacement)));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot serialise a corrected document", e);
                }
            } else {
                toSend.add(p);
            }
        }
        return toSend;
    }

    private record Pending(long line, IndexedDocument document, String json) {
        String id() {
            return document.id();
        }
    }

    /** Waits for the batch being written; its failure is this call's failure. */
    private static void await(java.util.concurrent.Future<?> inFlight) {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a bulk batch was being written", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Shared by the parsing thread and the writing thread. */
    private static final class Report {
        private long accepted;
        private long rejectedCount;
        private final List<RejectedLine> rejected = new ArrayList<>();
        private final java.util.Set<String> sideIndices = new java.util.HashSet<>();

        synchronized void accept() {
            accepted++;
        }

        synchronized void reject(long line, String id, String reason) {
            rejectedCount++;
            if (rejected.size() < MAX_REPORTED) {
                rejected.add(new RejectedLine(line, id, reason));
            }
        }

        synchronized void sideIndex(String index) {
            sideIndices.add(index);
        }

        synchronized long accepted() {
            return accepted;
        }

        synchronized long rejectedCount() {
            return rejectedCount;
        }

        synchronized java.util.Set<String> sideIndices() {
            return java.util.Set.copyOf(sideIndices);
        }

        synchronized BulkIngestionReport result() {
            rejected.sort(java.util.Comparator.comparingLong(RejectedLine::line));
            return new BulkIngestionReport(accepted, rejectedCount, List.copyOf(rejected));
        }
    }
}

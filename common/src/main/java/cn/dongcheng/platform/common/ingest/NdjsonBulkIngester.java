package cn.dongcheng.platform.common.ingest;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchStatusException;
import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Bulk ingestion of NDJSON: every line parsed and validated on its own, valid lines sent in {@code _bulk} batches,
 * items Elasticsearch could not take for a passing reason (429, 5xx) retried with back-off, and a per-line report of
 * everything rejected. One bad line never costs a good one.
 *
 * <p>Raw NDJSON over {@link ElasticsearchJson} rather than the typed client's {@code bulk}, on purpose: each document
 * is serialised once straight into the request bytes next to a hand-written action line, and the answer is cut down to
 * status and error with {@code filter_path}. The typed client would build an operation object per line, serialise
 * through its own JSON layer and parse every item's full answer (index, id, version, shards) into objects — more work
 * per line on the path that loads the city's registers, for no check the ingester does not already make.
 */
public class NdjsonBulkIngester {

    public static final int MAX_REPORTED = 1000;
    private static final Logger log = LoggerFactory.getLogger(NdjsonBulkIngester.class);
    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
    /** How often lines whose document another upload changed meanwhile are prepared again before they are rejected. */
    static final int MAX_CONFLICT_RETRIES = 10;
    private static final String BULK_FILTER = "items.*.status,items.*.error.type,items.*.error.reason";
    private static final byte[] ACTION_END = "}}\n".getBytes(StandardCharsets.UTF_8);

    private final ElasticsearchJson es;
    private final int batchSize;
    private final int maxRetries;
    private final ObjectWriter json;

    public NdjsonBulkIngester(ElasticsearchJson es, int batchSize, int maxRetries) {
        this.es = es;
        this.json = es.mapper().writer();
        this.batchSize = batchSize;
        this.maxRetries = maxRetries;
    }

    /** Reads each line's UTF-8 bytes straight into what to store (no text, no tree). */
    @FunctionalInterface
    public interface LineParser {
        IndexedDocument parse(byte[] line) throws IOException;

        /** The natural key of a line {@link #parse} rejected, when the line has one; reported with the rejection. */
        default String keyOf(byte[] line) {
            return null;
        }
    }

    /**
     * Reads the whole stream; {@code refresh} makes the stored lines searchable before the call returns. Counts into
     * {@code progress}: when the upload fails part-way (the body too large, the client gone, Elasticsearch down) the
     * caller still learns what was stored. Once this returns or throws, no batch is in flight, so the counts are final.
     */
    public BulkIngestionReport ingestLines(InputStream ndjson, String alias, LineParser parser, BatchPreparation preparation,
                                           boolean refresh, BulkProgress progress) {
        BulkProgress report = progress;
        try (Pipeline pipeline = new Pipeline(alias, preparation, report)) {
            NdjsonLines lines = new NdjsonLines(ndjson);
            List<Pending> batch = new ArrayList<>(batchSize);
            long lineNo = 0;
            for (byte[] line; (line = lines.next()) != null; ) {
                lineNo++;
                if (NdjsonLines.isBlank(line)) {
                    continue;
                }
                Pending pending = parse(lineNo, line, parser, report);
                if (pending != null) {
                    batch.add(pending);
                }
                if (batch.size() >= batchSize) {
                    pipeline.submit(batch);
                    batch = new ArrayList<>(batchSize);
                }
                if (lineNo % 100_000 == 0) {
                    log.info("bulk into {}: {} lines read, {} accepted, {} rejected", alias, lineNo, report.accepted(), report.rejectedCount());
                }
            }
            pipeline.submit(batch);
            pipeline.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed after " + report.accepted() + " accepted lines", e);
        }
        if (refresh) {
            es.refresh(alias);
            report.sideIndices().forEach(es::refresh);
        }
        return report.result();
    }

    /**
     * Four stages overlap, in order: the request thread parses batch n+1 while batch n is prepared (its stored
     * versions read, its documents computed and serialised), batch n-1's side documents are stored and batch n-2's
     * documents are written. Elasticsearch thus reads for one batch while it indexes two others, one into each index,
     * as a single {@code _bulk} of both would, and the service works out one batch while the node writes the others.
     * A preparation that reads what a batch still being stored writes ({@link BatchPreparation#reads} against
     * {@link BatchPreparation#writes}) waits until that batch is stored; at most three batches are past parsing, so
     * memory stays bounded; after a failure nothing more is written.
     */
    private final class Pipeline implements AutoCloseable {

        /** Batches past parsing at most: one in each stage. */
        private static final int IN_FLIGHT = 3;

        private final String alias;
        private final BatchPreparation preparation;
        private final BulkProgress report;
        private final ExecutorService preparer;
        private final ExecutorService sideWriter;
        private final ExecutorService writer;
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        /** The batches submitted and not yet known to be stored, oldest first. */
        private final Deque<InFlight> inFlight = new ArrayDeque<>();

        /** A submitted batch: what storing it writes, and its end (documents written, conflicts settled). */
        private record InFlight(Set<String> writes, Future<?> stored) {
        }

        Pipeline(String alias, BatchPreparation preparation, BulkProgress report) {
            this.alias = alias;
            this.preparation = preparation;
            this.report = report;
            this.preparer = singleThread("bulk-prepare-" + alias);
            this.sideWriter = singleThread("bulk-write-sides-" + alias);
            this.writer = singleThread("bulk-write-" + alias);
        }

        void submit(List<Pending> batch) {
            if (batch.isEmpty()) {
                return;
            }
            if (inFlight.size() >= IN_FLIGHT) {
                await(inFlight.removeFirst().stored());
            }
            List<IndexedDocument> documents = batch.stream().map(Pending::document).toList();
            Collection<String> reads = preparation.reads(documents);
            List<Future<?>> readsFrom = inFlight.stream()
                    .filter(earlier -> !Collections.disjoint(earlier.writes(), reads)).map(InFlight::stored).toList();
            Future<Staged> prepared = preparer.submit(() -> stage(() -> {
                readsFrom.forEach(NdjsonBulkIngester::await);
                return prepare(batch, documents, preparation, report, false);
            }));
            Future<List<Outgoing>> sidesStored = sideWriter.submit(() -> stage(() -> {
                Staged staged = awaitResult(prepared);
                return staged == null ? null : storeSides(staged, report);
            }));
            Future<?> stored = writer.submit(() -> stage(() -> {
                List<Outgoing> toSend = awaitResult(sidesStored);
                if (toSend != null) {
                    writeAndReconcile(alias, batch, preparation, write(alias, toSend, report), report);
                }
                return null;
            }));
            inFlight.addLast(new InFlight(new HashSet<>(preparation.writes(documents)), stored));
        }

        /** Waits for every batch; the first failure of any stage is this call's failure. */
        void finish() {
            while (!inFlight.isEmpty()) {
                await(inFlight.removeFirst().stored());
            }
            if (failure.get() != null) {
                throw failure.get();
            }
        }

        /** Runs a stage unless an earlier one failed; records its failure so later stages skip. */
        private <T> T stage(Callable<T> work) {
            if (failure.get() != null) {
                return null;
            }
            try {
                return work.call();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                throw e;
            } catch (Exception e) {
                IllegalStateException wrapped = new IllegalStateException(e);
                failure.compareAndSet(null, wrapped);
                throw wrapped;
            }
        }

        /**
         * Never abandons a batch half-way: a preparation or write in progress finishes before the call returns, even
         * after a failure (queued stages see the failure and skip).
         */
        @Override
        public void close() {
            preparer.shutdown();
            sideWriter.shutdown();
            writer.shutdown();
            try {
                preparer.awaitTermination(10, TimeUnit.MINUTES);
                sideWriter.awaitTermination(10, TimeUnit.MINUTES);
                writer.awaitTermination(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static ExecutorService singleThread(String name) {
            return Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /**
     * Every failure of one line is that line's rejection, never the upload's: whatever the parser or the resource's
     * validation throws (an amount that overflows, a type the record cannot take, nesting or strings beyond the
     * reader's limits) is reported with a reason and the line's key.
     */
    private Pending parse(long lineNo, byte[] line, LineParser parser, BulkProgress report) {
        if (!NdjsonLines.startsObject(line)) {
            report.reject(lineNo, null, "each line must be a JSON object");
            return null;
        }
        String reason;
        try {
            return new Pending(lineNo, parser.parse(line));
        } catch (StreamConstraintsException e) {
            reason = "exceeds a limit of the reader: " + e.getOriginalMessage();
        } catch (JsonParseException e) {
            reason = "not valid JSON: " + e.getOriginalMessage();
        } catch (JsonMappingException e) {
            reason = fieldOf(e) + ": " + e.getOriginalMessage();
        } catch (JsonProcessingException e) {
            reason = "not valid JSON: " + e.getOriginalMessage();
        } catch (IOException e) {
            reason = "not readable: " + e.getMessage();
        } catch (InvalidInputException | IllegalArgumentException e) { // the message lists every failed field
            reason = e.getMessage();
        } catch (ArithmeticException e) {
            reason = "a number is out of the range this resource stores";
        } catch (RuntimeException e) {
            log.warn("bulk line {} could not be processed", lineNo, e);
            reason = "could not be processed (" + e.getClass().getSimpleName() + ")";
        }
        report.reject(lineNo, keyOf(parser, line), reason);
        return null;
    }

    private static String keyOf(LineParser parser, byte[] line) {
        try {
            return parser.keyOf(line);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The JSON path of a mapping error, e.g. {@code registeredCapital} or {@code formerNames.[2]}. */
    static String fieldOf(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return "line";
        }
        var ref = e.getPath().get(e.getPath().size() - 1);
        return ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]";
    }

    /**
     * Conditional writes another upload overtook are prepared again from what it stored and written on that
     * condition, until none conflicts; the lines of a document still contended after that many rounds are rejected.
     */
    private void writeAndReconcile(String alias, List<Pending> batch, BatchPreparation preparation,
                                   List<Outgoing> conflicted, BulkProgress report) {
        for (int attempt = 1; !conflicted.isEmpty(); attempt++) {
            Set<String> ids = conflicted.stream().map(Outgoing::id).collect(Collectors.toSet());
            if (attempt > MAX_CONFLICT_RETRIES) {
                conflicted.forEach(o -> o.lines().forEach(line -> report.reject(line, o.id(),
                        "changed by concurrent uploads " + MAX_CONFLICT_RETRIES + " times while this one was linking it; send the line again")));
                return;
            }
            List<Pending> again = batch.stream().filter(p -> ids.contains(p.id())).toList();
            List<IndexedDocument> documents = again.stream().map(Pending::document).toList();
            conflicted = store(alias, prepare(again, documents, preparation, report, true), report);
        }
    }

    /** Writes the batch (retrying what Elasticsearch could not take for now); returns the conditional writes it refused. */
    private List<Outgoing> write(String alias, List<Outgoing> toSend, BulkProgress report) {
        String index = quoted(alias);
        List<Outgoing> conflicted = new ArrayList<>();
        for (int attempt = 0; !toSend.isEmpty(); attempt++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(toSend.size() * 1024);
            for (Outgoing o : toSend) {
                body.writeBytes(actionOf(index, o).getBytes(StandardCharsets.UTF_8));
                body.writeBytes(ACTION_END);
                body.writeBytes(o.json());
                body.write('\n');
            }
            List<ItemResult> results = bulk(body.toByteArray());
            List<Outgoing> retry = new ArrayList<>();
            for (int i = 0; i < toSend.size(); i++) {
                Outgoing o = toSend.get(i);
                ItemResult result = results.get(i);
                if (result.ok()) {
                    o.lines().forEach(line -> report.accept());
                } else if (ElasticsearchStatusException.WRITE_BLOCK.equals(result.type())) {
                    // not the line's fault: the index is being migrated; the upload stops with a 503, lines so far stay
                    throw new DependencyUnavailableException("elasticsearch", "index " + alias + " is write-blocked: " + result.reason(), null);
                } else if (result.status() == 409 && o.condition() != null) {
                    conflicted.add(o); // another upload wrote the document since it was read
                } else if (RETRYABLE.contains(result.status()) && attempt < maxRetries) {
                    retry.add(o);
                } else {
                    o.lines().forEach(line -> report.reject(line, o.id(), result.type() + ": " + result.reason()));
                }
            }
            if (!retry.isEmpty()) {
                sleep(200L << attempt);
            }
            toSend = retry;
        }
        return conflicted;
    }

    /** The action line up to its closing braces: a plain index, or one that holds only on the version read. */
    private String actionOf(String index, Outgoing o) {
        DocumentVersion from = o.condition();
        String target = "{\"_index\":" + index + ",\"_id\":" + quoted(o.id());
        if (from == null) {
            return "{\"index\":" + target;
        }
        if (from.absent()) {
            return "{\"create\":" + target;
        }
        return "{\"index\":" + target + ",\"if_seq_no\":" + from.seqNo() + ",\"if_primary_term\":" + from.primaryTerm();
    }

    /** A side document's action line up to its closing braces, written like {@link #actionOf} (no tree per line). */
    private String sideActionOf(BatchPreparation.SideDocument side) {
        return "{\"" + (side.partial() ? "update" : "index") + "\":{\"_index\":" + quoted(side.index()) + ",\"_id\":" + quoted(side.id());
    }

    /** What Elasticsearch said of one item of a {@code _bulk} request. */
    private record ItemResult(int status, String type, String reason) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Sends a {@code _bulk} body; only what the report needs comes back: each item's status and error. */
    private List<ItemResult> bulk(byte[] body) {
        JsonNode items = es.send("POST", "/_bulk", body, Map.of("filter_path", BULK_FILTER)).path("items");
        List<ItemResult> results = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            JsonNode result = item.elements().next();
            int status = result.path("status").asInt();
            JsonNode error = result.path("error");
            results.add(new ItemResult(status, error.path("type").asText("error"), error.path("reason").asText("status " + status)));
        }
        return results;
    }

    /** Each document as UTF-8 JSON, written straight to bytes (only the ones actually sent are serialised). */
    private List<Outgoing> serialise(List<Pending> pending, BulkProgress report) {
        List<Outgoing> out = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            try {
                out.add(new Outgoing(p.lines(), p.id(), json.writeValueAsBytes(p.document().source()), p.condition()));
            } catch (JsonProcessingException e) {
                p.lines().forEach(line -> report.reject(line, p.id(), "cannot serialise: " + e.getOriginalMessage()));
            }
        }
        return out;
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

    /**
     * Runs the preparation and serialises what it asks to store: its side documents, then what is still to write —
     * one write per id for replacements computed from a stored version. Nothing is written here: {@link #store} does,
     * in the writer stage. {@code again}: the lines were prepared before and their write was overtaken; a line found
     * unchanged now was stored by the other writer and counts as accepted.
     */
    private Staged prepare(List<Pending> batch, List<IndexedDocument> documents, BatchPreparation preparation,
                           BulkProgress report, boolean again) {
        BatchPreparation.Prepared prepared = preparation.prepare(documents);
        ByteArrayOutputStream sideBody = new ByteArrayOutputStream();
        for (BatchPreparation.SideDocument side : prepared.sideDocuments()) {
            report.sideIndex(side.index());
            try {
                byte[] source = json.writeValueAsBytes(side.partial() ? Map.of("doc", side.source()) : side.source());
                sideBody.writeBytes(sideActionOf(side).getBytes(StandardCharsets.UTF_8));
                sideBody.writeBytes(ACTION_END);
                sideBody.writeBytes(source);
                sideBody.write('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise a side document", e);
            }
        }
        List<Pending> toSend = new ArrayList<>(batch.size());
        Map<String, Pending> conditional = new LinkedHashMap<>();
        for (Pending p : batch) {
            String reason = prepared.rejected().get(p.id());
            Object replacement = prepared.replacements().get(p.id());
            DocumentVersion from = prepared.computedFrom().get(p.id());
            if (reason != null) {
                report.reject(p.line(), p.id(), reason);
            } else if (prepared.unchanged().contains(p.id())) {
                if (again) {
                    report.accept();
                } else {
                    report.acceptUnchanged(); // the stored document already says exactly this: no write, no new version
                }
            } else if (replacement != null && from != null) {
                // the lines of one id share one conditional write: a second one would conflict with the first
                Pending one = new Pending(p.line(), new IndexedDocument(p.id(), replacement), List.of(p.line()), from);
                conditional.merge(p.id(), one, Pending::alongWith);
            } else if (replacement != null) {
                toSend.add(new Pending(p.line(), new IndexedDocument(p.id(), replacement)));
            } else {
                toSend.add(p);
            }
        }
        toSend.addAll(conditional.values());
        return new Staged(prepared.sideDocuments(), sideBody.toByteArray(), serialise(toSend, report));
    }

    /** Stores a prepared batch (side documents, then documents); returns the conditional writes another upload overtook. */
    private List<Outgoing> store(String alias, Staged staged, BulkProgress report) {
        return write(alias, storeSides(staged, report), report);
    }

    /**
     * Stores a prepared batch's side documents; returns its documents whose side documents were all stored. A line
     * whose side document fails is rejected and its document not written, so nothing is overwritten without its
     * history.
     */
    private List<Outgoing> storeSides(Staged staged, BulkProgress report) {
        if (staged.sides().isEmpty()) {
            return staged.documents();
        }
        Map<String, String> failed = new HashMap<>();
        List<ItemResult> results = bulk(staged.sideBody());
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).ok()) {
                BatchPreparation.SideDocument side = staged.sides().get(i);
                failed.putIfAbsent(side.forId(), "could not store " + side.index() + " first: " + results.get(i).reason());
            }
        }
        if (failed.isEmpty()) {
            return staged.documents();
        }
        List<Outgoing> toSend = new ArrayList<>(staged.documents().size());
        for (Outgoing o : staged.documents()) {
            String reason = failed.get(o.id());
            if (reason == null) {
                toSend.add(o);
            } else {
                o.lines().forEach(line -> report.reject(line, o.id(), reason));
            }
        }
        return toSend;
    }

    /** A prepared batch: side documents (and their {@code _bulk} body, serialised), then the documents to write. */
    private record Staged(List<BatchPreparation.SideDocument> sides, byte[] sideBody, List<Outgoing> documents) {
    }

    /**
     * @param lines     every line this write stands for (more than one for a conditional write of an id)
     * @param condition the stored version the document was computed from, or null for a plain write
     */
    private record Pending(long line, IndexedDocument document, List<Long> lines, DocumentVersion condition) {
        Pending(long line, IndexedDocument document) {
            this(line, document, List.of(line), null);
        }

        String id() {
            return document.id();
        }

        Pending alongWith(Pending later) {
            List<Long> all = new ArrayList<>(lines);
            all.addAll(later.lines());
            return new Pending(line, later.document(), List.copyOf(all), condition);
        }
    }

    private record Outgoing(List<Long> lines, String id, byte[] json, DocumentVersion condition) {
    }

    /** Waits for a stage; its failure is this call's failure. */
    private static void await(Future<?> stage) {
        awaitResult(stage);
    }

    private static <T> T awaitResult(Future<T> stage) {
        if (stage == null) {
            return null;
        }
        try {
            return stage.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a bulk batch was being written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

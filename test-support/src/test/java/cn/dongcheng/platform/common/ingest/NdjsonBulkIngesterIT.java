package cn.dongcheng.platform.common.ingest;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class NdjsonBulkIngesterIT {

    private ElasticsearchJson es;
    private String alias;
    private NdjsonBulkIngester ingester;

    /** Reads a line, validates a code and a name, and keys the document by the code (the natural key). */
    private final NdjsonBulkIngester.LineParser parser = bytes -> {
        JsonNode line = es.mapper().readTree(bytes);
        String code = line.path("uscc").asText(null);
        UnifiedSocialCreditCode.problem(code).ifPresent(reason -> {
            throw new InvalidInputException("uscc", reason);
        });
        if (line.path("name").asText("").isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        ObjectNode doc = es.object().put("uscc", code).put("name", line.path("name").asText());
        if (line.has("capital")) {
            doc.set("capital", line.get("capital"));
        }
        return new IndexedDocument(code, doc);
    };

    @BeforeEach
    void setUp() throws Exception {
        es = TestIndices.json();
        alias = TestIndices.uniqueNamespace() + "entities";
        TestIndices.indexManager().ensure(alias, (ObjectNode) es.mapper().readTree(
                "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"uscc\":{\"type\":\"keyword\"},"
                        + "\"name\":{\"type\":\"keyword\"},\"capital\":{\"type\":\"long\"}}}}"));
        ingester = new NdjsonBulkIngester(es, 7, 3); // small batches so lines cross batch borders
    }

    private static String code(int i) {
        String body = "911101010" + String.format("%07d", i);
        body = body.substring(0, 8) + body.substring(8, 16);
        String withOrg = body + UnifiedSocialCreditCode.organisationCheckCharacter(body.substring(8, 16));
        return withOrg + UnifiedSocialCreditCode.checkCharacter(withOrg);
    }

    @Test
    void storesEveryGoodLineOnceAndReportsEveryBadLine() {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            ndjson.append("{\"uscc\":\"").append(code(i)).append("\",\"name\":\"企业").append(i).append("\"}\n");
        }
        ndjson.append("{\"uscc\":\"91350100M000100Y44\",\"name\":\"bad check\"}\n");           // line 41
        ndjson.append("{not json\n");                                                          // line 42
        ndjson.append("\n");                                                                   // 43 blank: skipped
        ndjson.append("{\"uscc\":\"").append(code(50)).append("\",\"name\":\"\"}\n");         // line 44
        ndjson.append("{\"uscc\":\"").append(code(51)).append("\",\"name\":\"x\",\"capital\":\"lots\"}\n"); // 45: mapping rejects
        ndjson.append("[1,2]\n");                                                              // line 46
        ndjson.append("{\"uscc\":\"").append(code(3)).append("\",\"name\":\"企业3 renamed\"}\n"); // 47: same key again

        BulkIngestionReport report = ingester.ingestLines(stream(ndjson), alias, parser, BatchPreparation.NONE, true, new BulkProgress());

        assertThat(report.accepted()).isEqualTo(41);
        assertThat(report.rejectedCount()).isEqualTo(5);
        assertThat(report.rejected()).extracting(RejectedLine::line).containsExactly(41L, 42L, 44L, 45L, 46L);
        assertThat(report.rejected()).filteredOn(r -> r.line() == 41).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("uscc").contains("mod 31"));
        assertThat(report.rejected()).filteredOn(r -> r.line() == 45).singleElement()
                .satisfies(r -> {
                    assertThat(r.id()).isEqualTo(code(51));
                    assertThat(r.reason()).contains("document_parsing_exception");
                });
        assertThat(es.get("/" + alias + "/_count").path("count").asLong()).isEqualTo(40);
        assertThat(es.get("/" + alias + "/_doc/" + code(3)).path("_source").path("name").asText()).isEqualTo("企业3 renamed");

        // a re-run of the same file changes nothing: ids come from the natural key
        BulkIngestionReport again = ingester.ingestLines(stream(ndjson), alias, parser, BatchPreparation.NONE, true, new BulkProgress());
        assertThat(again.accepted()).isEqualTo(41);
        assertThat(es.get("/" + alias + "/_count").path("count").asLong()).isEqualTo(40);
    }

    private static ByteArrayInputStream stream(CharSequence s) {
        return new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void afterAFailedBatchNothingLaterIsWrittenAndTheCallFails() {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            ndjson.append("{\"uscc\":\"").append(code(i)).append("\",\"name\":\"企业").append(i).append("\"}\n");
        }
        // the second batch (lines 8–14) cannot be prepared, say because a side index is gone
        BatchPreparation failing = batch -> {
            if (batch.stream().anyMatch(d -> d.id().equals(code(10)))) {
                throw new IllegalStateException("side index unavailable");
            }
            return new BatchPreparation.Prepared(java.util.List.of(), java.util.Map.of(), java.util.Map.of());
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ingester.ingestLines(stream(ndjson), alias, parser, failing, false, new BulkProgress()))
                .hasMessageContaining("side index unavailable");

        es.refresh(alias);
        long stored = es.get("/" + alias + "/_count").path("count").asLong();
        assertThat(stored).as("only the first batch may have been written").isIn(0L, 7L);
        for (int i = 8; i <= 40; i++) {
            assertThat(es.exists("/" + alias + "/_doc/" + code(i))).as("line %d", i).isFalse();
        }
    }

    /** A side index with a strict mapping: a side document it refuses fails its line, not the upload. */
    private String sideIndex() throws Exception {
        String sides = alias + "-sides";
        TestIndices.indexManager().ensure(sides, (ObjectNode) es.mapper().readTree(
                "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"count\":{\"type\":\"long\"}}}}"));
        return sides;
    }

    private static StringBuilder lines(int n) {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            ndjson.append("{\"uscc\":\"").append(code(i)).append("\",\"name\":\"企业").append(i).append("\"}\n");
        }
        return ndjson;
    }

    @Test
    void aLineWhoseSideDocumentIsRefusedIsRejectedAndItsDocumentNotWritten() throws Exception {
        String sides = sideIndex();
        // every line keeps a side document; the one of line 9 (second batch) does not fit the side index's mapping
        BatchPreparation keeping = batch -> new BatchPreparation.Prepared(batch.stream()
                .map(d -> new BatchPreparation.SideDocument(sides, d.id(), d.id().equals(code(9))
                        ? Map.of("count", "not a number") : Map.of("count", 1), d.id()))
                .toList(), Map.of(), Map.of());

        BulkIngestionReport report = ingester.ingestLines(stream(lines(20)), alias, parser, keeping, true, new BulkProgress());

        assertThat(report.accepted()).isEqualTo(19);
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(9);
            assertThat(r.id()).isEqualTo(code(9));
            assertThat(r.reason()).contains(sides).contains("count");
        });
        assertThat(es.exists("/" + alias + "/_doc/" + code(9))).as("not written without its side document").isFalse();
        assertThat(es.get("/" + alias + "/_count").path("count").asLong()).isEqualTo(19);
        assertThat(es.get("/" + sides + "/_count").path("count").asLong()).isEqualTo(19);
    }

    @Test
    void aBatchReadingWhatTheBatchBeforeItStoresBesideItsDocumentsWaitsForThatStore() throws Exception {
        String sides = sideIndex();
        // a tally of every line so far, kept as a side document: read by each batch, stored with it
        BatchPreparation tallying = new BatchPreparation() {
            @Override
            public Prepared prepare(List<IndexedDocument> batch) {
                JsonNode stored = es.getOrNull("/" + sides + "/_doc/tally");
                long before = stored == null ? 0 : stored.path("_source").path("count").asLong();
                return new Prepared(List.of(new SideDocument(sides, "tally", Map.of("count", before + batch.size()),
                        batch.get(0).id())), Map.of(), Map.of());
            }

            @Override
            public Collection<String> reads(List<IndexedDocument> batch) {
                return List.of("tally");
            }

            @Override
            public Collection<String> writes(List<IndexedDocument> batch) {
                List<String> ids = new ArrayList<>(BatchPreparation.super.writes(batch));
                ids.add("tally");
                return ids;
            }
        };

        BulkIngestionReport report = ingester.ingestLines(stream(lines(70)), alias, parser, tallying, true, new BulkProgress());

        assertThat(report.accepted()).isEqualTo(70);
        assertThat(es.get("/" + sides + "/_doc/tally").path("_source").path("count").asLong())
                .as("each of the ten batches read the tally its predecessor stored").isEqualTo(70);
    }

    /**
     * Adds each line's capital to what is stored (a read-modify-write): reads the stored document with its version
     * and writes on that version; {@code meanwhile} runs after the read, standing in for another upload.
     */
    private BatchPreparation adding(Runnable meanwhile, AtomicInteger preparations) {
        return batch -> {
            preparations.incrementAndGet();
            Map<String, Object> sums = new HashMap<>();
            Map<String, DocumentVersion> from = new HashMap<>();
            for (IndexedDocument d : batch) {
                JsonNode found = es.getOrNull("/" + alias + "/_doc/" + d.id());
                JsonNode stored = found == null ? es.object() : found;
                ObjectNode sum = (ObjectNode) sums.computeIfAbsent(d.id(), id -> {
                    from.put(id, found != null
                            ? new DocumentVersion(stored.path("_seq_no").asLong(), stored.path("_primary_term").asLong())
                            : DocumentVersion.ABSENT);
                    return ((ObjectNode) d.source()).deepCopy().put("capital", stored.path("_source").path("capital").asLong());
                });
                sum.put("capital", sum.path("capital").asLong() + ((ObjectNode) d.source()).path("capital").asLong());
            }
            meanwhile.run();
            return new BatchPreparation.Prepared(List.of(), Map.of(), sums, Set.of(), from);
        };
    }

    @Test
    void aConditionalWriteOvertakenByAnotherUploadIsPreparedAgainFromWhatThatUploadStored() {
        String ndjson = "{\"uscc\":\"" + code(1) + "\",\"name\":\"企业1\",\"capital\":5}\n"
                + "{\"uscc\":\"" + code(1) + "\",\"name\":\"企业1\",\"capital\":7}\n"
                + "{\"uscc\":\"" + code(2) + "\",\"name\":\"企业2\",\"capital\":1}\n";
        AtomicInteger preparations = new AtomicInteger();
        AtomicBoolean once = new AtomicBoolean();
        Runnable concurrentUpload = () -> {
            if (once.compareAndSet(false, true)) {
                es.send("PUT", "/" + alias + "/_doc/" + code(1), es.object().put("uscc", code(1)).put("name", "企业1")
                        .put("capital", 100), Map.of());
            }
        };

        BulkIngestionReport report = ingester.ingestLines(stream(ndjson), alias, parser, adding(concurrentUpload, preparations),
                true, new BulkProgress());

        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.rejectedCount()).isZero();
        assertThat(preparations.get()).as("the overtaken id prepared again").isEqualTo(2);
        assertThat(es.get("/" + alias + "/_doc/" + code(1)).path("_source").path("capital").asLong())
                .as("the other upload's value kept, both lines added once").isEqualTo(112);
        assertThat(es.get("/" + alias + "/_doc/" + code(2)).path("_source").path("capital").asLong()).isEqualTo(1);
    }

    @Test
    void aDocumentContendedOnEveryAttemptHasItsLinesRejectedNotOverwritten() {
        String ndjson = "{\"uscc\":\"" + code(1) + "\",\"name\":\"企业1\",\"capital\":5}\n";
        AtomicInteger preparations = new AtomicInteger();
        Runnable alwaysAnotherWriter = () -> es.send("PUT", "/" + alias + "/_doc/" + code(1),
                es.object().put("uscc", code(1)).put("name", "其他").put("capital", 100), Map.of());

        BulkIngestionReport report = ingester.ingestLines(stream(ndjson), alias, parser, adding(alwaysAnotherWriter, preparations),
                true, new BulkProgress());

        assertThat(report.accepted()).isZero();
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.reason()).contains("concurrent");
        });
        assertThat(preparations.get()).isEqualTo(1 + NdjsonBulkIngester.MAX_CONFLICT_RETRIES);
        assertThat(es.get("/" + alias + "/_doc/" + code(1)).path("_source").path("name").asText()).isEqualTo("其他");
    }
}

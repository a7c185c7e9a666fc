package cn.dongcheng.platform.common.paging;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.testing.TestIndices;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scans over a point in time: every document once, a short page ends the scan, the next page is searched ahead. */
class DocumentPagesScanIT {

    private static final int BATCH = 10;
    private static final Query ALL = Query.of(q -> q.matchAll(m -> m));
    private static ElasticsearchJson es;
    private static DocumentPages pages;
    private static String namespace;

    record Entry(String code) {
    }

    @BeforeAll
    static void indices() {
        es = TestIndices.json();
        pages = new DocumentPages(es, TestIndices.client());
        namespace = TestIndices.uniqueNamespace();
        for (int size : new int[] {0, 7, 10, 23, 30}) {
            String index = index(size);
            es.send("PUT", "/" + index, Map.of("settings", Map.of("number_of_shards", 1, "number_of_replicas", 0),
                    "mappings", Map.of("properties", Map.of("code", Map.of("type", "keyword")))));
            StringBuilder bulk = new StringBuilder();
            IntStream.range(0, size).forEach(i -> bulk.append("{\"index\":{\"_id\":\"").append(i).append("\"}}\n{\"code\":\"C")
                    .append(i).append("\"}\n"));
            if (size > 0) {
                es.exchange("POST", "/" + index + "/_bulk", bulk.toString(), Map.of("refresh", "true"), body -> null);
            }
        }
    }

    private static String index(int size) {
        return namespace + "entries-" + size;
    }

    private static long searches(String index) {
        return es.get("/" + index + "/_stats/search").path("_all").path("primaries").path("search").path("query_total").asLong();
    }

    @Test
    void everyDocumentOnceAndNoEmptyPageAfterAShortOne() {
        for (int size : new int[] {0, 7, 10, 23, 30}) {
            String index = index(size);
            long before = searches(index);
            List<String> seen = new ArrayList<>();
            long visited = pages.scan(index, ALL, List.of("code"), BATCH, Entry.class, batch -> batch.forEach(e -> seen.add(e.code())));
            assertThat(visited).as("size %d", size).isEqualTo(size);
            assertThat(seen).as("size %d", size).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, size).mapToObj(i -> "C" + i).toList());
            // a short page ends the scan (7 → 1 search, 23 → 3); a full last page cannot tell, so one empty page follows it
            long pagesAsked = size / BATCH + 1;
            assertThat(searches(index) - before).as("searches of a scan of %d in pages of %d", size, BATCH).isEqualTo(pagesAsked);
        }
    }

    @Test
    void theNextPageIsSearchedWhileTheCallerWorksThroughThisOne() {
        String index = index(23);
        long before = searches(index);
        List<Long> searchedWhileFirstPageOpen = new ArrayList<>();
        pages.scan(index, ALL, List.of("code"), BATCH, Entry.class, batch -> {
            if (searchedWhileFirstPageOpen.isEmpty()) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (searches(index) - before < 2 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                searchedWhileFirstPageOpen.add(searches(index) - before);
            }
        });
        assertThat(searchedWhileFirstPageOpen).containsExactly(2L);
    }

    @Test
    void aCallerThatStopsEndsTheScanWithItsFailure() {
        String index = index(30);
        List<Integer> pagesSeen = new ArrayList<>();
        assertThatThrownBy(() -> pages.scan(index, ALL, List.of("code"), BATCH, Entry.class, batch -> {
            pagesSeen.add(batch.size());
            throw new IllegalStateException("the client stopped reading");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped reading");
        assertThat(pagesSeen).containsExactly(BATCH);
    }
}

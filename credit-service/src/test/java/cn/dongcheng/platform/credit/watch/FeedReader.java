package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads a caller's watch feed through real HTTP the way a client does: page by page, keeping the cursor. */
final class FeedReader {

    private final ApiClient api;
    private final String role;
    private final int pageSize;
    String cursor;
    final List<JsonNode> read = new ArrayList<>();

    FeedReader(ApiClient api, String role, int pageSize, String cursor) {
        this.api = api;
        this.role = role;
        this.pageSize = pageSize;
        this.cursor = cursor;
    }

    /** One page from the cursor held; keeps the cursor it answers. */
    List<JsonNode> page() {
        HttpResponse<String> r = api.get("/v1/watch-list/events?size=" + pageSize + (cursor == null ? "" : "&cursor=" + cursor), role);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        json(r).path("items").forEach(items::add);
        String next = json(r).path("nextCursor").isNull() ? null : json(r).path("nextCursor").asText(null);
        if (!items.isEmpty()) {
            assertThat(next).isNotNull();
        }
        cursor = next;
        read.addAll(items);
        return items;
    }

    /** Pages on (polling while events settle) until what was read so far satisfies {@code done}; fails after 20 s. */
    List<JsonNode> until(Predicate<List<JsonNode>> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!done.test(read)) {
            assertThat(Instant.now()).as("the feed of %s never showed what was expected; read: %s", role, read).isBefore(deadline);
            if (page().isEmpty()) {
                sleep();
            }
        }
        return read;
    }

    /**
     * Pages until nothing more comes for {@code quiet} (longer than the settle margin): everything there is. A feed
     * that never runs dry within 30 s (a cursor that does not move on) fails.
     */
    List<JsonNode> toTheEnd(Duration quiet) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Instant quietUntil = Instant.now().plus(quiet);
        while (Instant.now().isBefore(quietUntil)) {
            assertThat(Instant.now()).as("the feed of %s does not run dry; read: %d events", role, read.size()).isBefore(deadline);
            if (!page().isEmpty()) {
                quietUntil = Instant.now().plus(quiet);
            } else {
                sleep();
            }
        }
        return read;
    }

    static Predicate<List<JsonNode>> has(String kind, String recordId) {
        return events -> events.stream().anyMatch(e -> e.path("kind").asText().equals(kind)
                && (recordId == null || e.path("recordId").asText().equals(recordId)));
    }

    static long count(List<JsonNode> events, String kind, String recordId) {
        return events.stream().filter(e -> e.path("kind").asText().equals(kind)
                && (recordId == null || e.path("recordId").asText().equals(recordId))).count();
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

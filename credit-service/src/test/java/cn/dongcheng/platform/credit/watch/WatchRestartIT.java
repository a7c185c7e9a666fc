package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.credit.CreditServiceApplication;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.NeighbourService;
import cn.dongcheng.platform.testing.TestIndices;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.credit.watch.FeedReader.count;
import static cn.dongcheng.platform.credit.watch.FeedReader.has;
import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed across restarts of the real service on the same indices, with the district's clock moved past a Beijing
 * midnight while the service is down: at start-up the sweeper catches up the missed day (the record whose publication
 * ends then expires and the subject's grade rises), re-derives the event a crash left out, and the readers' cursors
 * continue with exactly the events they had not read — none lost, none twice — however often the service restarts.
 */
class WatchRestartIT {

    static final String SUBJECT = "91110000802100433B";
    static final Map<String, String> PROPERTIES = Map.of("credit.watch.settle-margin", "2s");

    private final MovableClock clock = new MovableClock();
    private final String namespace = TestIndices.uniqueNamespace();

    private NeighbourService start() {
        return NeighbourService.start(CreditServiceApplication.class, namespace, PROPERTIES, Map.of("clock", clock));
    }

    static String penalty(String sourceId, LocalDate decided) {
        return WatchFeedIT.penalty(sourceId, SUBJECT, decided);
    }

    @Test
    void cursorsContinueAcrossRestartsAndTheMissedMidnightIsCaughtUp() throws Exception {
        LocalDate today = LocalDate.now(MovableClock.BEIJING);
        LocalDate expiry = today.plusDays(1);
        clock.setTo(today.atTime(12, 0));
        FeedReader whole;
        FeedReader onePage;
        try (NeighbourService first = start()) {
            ApiClient api = new ApiClient(first.port());
            HttpResponse<String> watched = api.postJson("/v1/watch-list/subjects", "{\"subjects\":[{\"uscc\":\"" + SUBJECT + "\"}]}", "CREDIT_OFFICER");
            assertThat(watched.statusCode()).as(watched.body()).isEqualTo(200);
            // a general penalty is public for a year: this one's year ends at the coming midnight
            String lines = penalty("E-1", expiry.minusYears(1)) + penalty("E-2", today.minusMonths(2));
            assertThat(json(api.postNdjson("/v1/records:bulk", lines, "CREDIT_OFFICER")).path("accepted").asInt()).isEqualTo(2);
            assertThat(json(api.postNdjson("/v1/records:bulk", lines, "CREDIT_OFFICER")).path("unchanged").asInt()).isEqualTo(2);

            whole = new FeedReader(api, "CREDIT_OFFICER", 2, null);
            whole.until(has("NEW_RECORD", WatchFeedIT.recordId("E-1")).and(has("NEW_RECORD", WatchFeedIT.recordId("E-2"))));
            whole.toTheEnd(Duration.ofSeconds(3));
            onePage = new FeedReader(api, "CREDIT_OFFICER", 1, null);
            assertThat(onePage.page()).hasSize(1);
        }

        // the service "crashed" after storing a record and before deriving its event: the record is there, its event not
        storeRecordDirectly("E-3", today.minusMonths(1));
        clock.setTo(expiry.atTime(0, 6)); // the service was down over midnight: nothing swept the day

        try (NeighbourService second = start()) {
            ApiClient api = new ApiClient(second.port());
            FeedReader resumed = new FeedReader(api, "CREDIT_OFFICER", 2, whole.cursor);
            resumed.until(has("EXPIRED", WatchFeedIT.recordId("E-1")).and(has("NEW_RECORD", WatchFeedIT.recordId("E-3")))
                    .and(events -> events.stream().anyMatch(e -> e.path("kind").asText().equals("GRADE_CHANGED")
                            && e.path("effectiveOn").asText().equals(expiry.toString()))));
            resumed.toTheEnd(Duration.ofSeconds(3));
            whole.read.addAll(resumed.read);
            whole.cursor = resumed.cursor;

            FeedReader midway = new FeedReader(api, "CREDIT_OFFICER", 3, onePage.cursor);
            midway.toTheEnd(Duration.ofSeconds(2));
            onePage.read.addAll(midway.read);
        }

        List<JsonNode> events = whole.read;
        assertThat(count(events, "NEW_RECORD", WatchFeedIT.recordId("E-1"))).isEqualTo(1);
        assertThat(count(events, "NEW_RECORD", WatchFeedIT.recordId("E-2"))).isEqualTo(1);
        assertThat(count(events, "NEW_RECORD", WatchFeedIT.recordId("E-3"))).as("re-derived at start-up").isEqualTo(1);
        assertThat(count(events, "EXPIRED", WatchFeedIT.recordId("E-1"))).isEqualTo(1);
        assertThat(count(events, "EXPIRED", WatchFeedIT.recordId("E-2"))).isZero();
        JsonNode expired = events.stream().filter(e -> e.path("kind").asText().equals("EXPIRED")).findFirst().orElseThrow();
        assertThat(expired.path("effectiveOn").asText()).isEqualTo(expiry.toString());
        assertThat(expired.path("statusAfter").asText()).isEqualTo("EXPIRED");
        // the re-derived record lowered the grade (as of its derivation), the expiry raised it: one event each
        List<JsonNode> midnight = events.stream().filter(e -> e.path("kind").asText().equals("GRADE_CHANGED")
                && e.path("effectiveOn").asText().equals(expiry.toString())).toList();
        assertThat(midnight).hasSize(2);
        assertThat(midnight.get(1).path("gradeAfter").path("score").asInt())
                .as("the expired penalty no longer counts").isGreaterThan(midnight.get(1).path("gradeBefore").path("score").asInt());
        assertThat(midnight.get(1).path("gradeBefore").path("score").asInt())
                .as("before: the grade of the day before, all three penalties").isLessThan(midnight.get(0).path("gradeAfter").path("score").asInt());
        assertThat(ids(events)).doesNotHaveDuplicates();

        // a third start on the same day re-runs the catch-up: it derives the same events, so it stores none
        try (NeighbourService third = start()) {
            ApiClient api = new ApiClient(third.port());
            FeedReader after = new FeedReader(api, "CREDIT_OFFICER", 5, whole.cursor);
            assertThat(after.toTheEnd(Duration.ofSeconds(3))).isEmpty();
            List<JsonNode> fresh = new FeedReader(api, "CREDIT_OFFICER", 4, null).toTheEnd(Duration.ofSeconds(2));
            assertThat(ids(fresh)).as("read again from the start: the same events in the same order").isEqualTo(ids(events));
            assertThat(ids(onePage.read)).as("a reader who stopped after one event before the restart").isEqualTo(ids(events));
        }
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.path("eventId").asText()).toList();
    }

    /** A record as the service stores it, written straight into its index: what a crash before the event leaves. */
    private void storeRecordDirectly(String sourceId, LocalDate decided) throws Exception {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("recordId", WatchFeedIT.recordId(sourceId));
        record.put("subjectType", "LEGAL_PERSON");
        record.put("uscc", SUBJECT);
        record.put("subjectName", "北京监测示范科技有限公司");
        record.put("category", "ADMINISTRATIVE_PENALTY");
        record.put("sourceDepartment", "东城区发展改革委");
        record.put("sourceId", sourceId);
        record.put("decisionDate", decided.toString());
        record.put("authority", "北京市东城区发展和改革委员会");
        record.put("severity", "GENERAL");
        record.put("regime", "GENERAL");
        record.put("amountFen", 500_000L);
        record.put("status", "PUBLIC");
        record.put("publication", Map.of("start", decided.toString(), "earliestEnd", decided.plusMonths(3).toString(),
                "latestEnd", decided.plusYears(1).toString(), "ruleVersion", "publication-rules-v1", "basis", "NDRC_ORDER_36 GENERAL"));
        record.put("version", 1);
        record.put("updatedAt", OffsetDateTime.now(clock).toString());
        TestIndices.client().index(i -> i.index(namespace + "credit-records").id(WatchFeedIT.recordId(sourceId)).document(record)
                .refresh(Refresh.True));
    }
}

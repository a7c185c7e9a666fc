package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static cn.dongcheng.platform.credit.watch.FeedReader.count;
import static cn.dongcheng.platform.credit.watch.FeedReader.has;
import static cn.dongcheng.platform.testing.ApiClient.json;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch feed through real HTTP with real tokens against the real node: events of uploads and of the repair and
 * objection workflows, a re-delivered line, what an enterprise watching a partner may read, and refused input.
 * Settle margin 2 s, lists of at most 5 subjects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"credit.watch.settle-margin=2s", "credit.watch.max-subjects=5"})
class WatchFeedIT extends ElasticsearchIntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String OWN = TestIdentityProvider.enterpriseCode();
    static final String PARTNER = "91110000802100433B";
    static final String PERSON = "11010519491231002X";

    @LocalServerPort
    int port;

    private ApiClient api() {
        return new ApiClient(port);
    }

    static String penalty(String sourceId, String uscc, LocalDate decided) {
        return "{\"sourceDepartment\":\"东城区发展改革委\",\"sourceId\":\"" + sourceId + "\",\"uscc\":\"" + uscc + "\",\"subjectName\":\""
                + "北京监测示范科技有限公司\",\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionDate\":\"" + decided + "\","
                + "\"authority\":\"北京市东城区发展和改革委员会\",\"severity\":\"GENERAL\",\"regime\":\"GENERAL\",\"amount\":\"5000\"}\n";
    }

    static String recordId(String sourceId) {
        return "东城区发展改革委:" + sourceId;
    }

    private JsonNode load(String ndjson) {
        HttpResponse<String> r = api().postNdjson("/v1/records:bulk", ndjson, "CREDIT_OFFICER");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("rejectedCount").asLong()).as(r.body()).isZero();
        return json(r);
    }

    private HttpResponse<String> watch(String role, String subjects) {
        return api().postJson("/v1/watch-list/subjects", "{\"subjects\":[" + subjects + "]}", role);
    }

    private void watching(String role, String subjects) {
        HttpResponse<String> r = watch(role, subjects);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private String decided(String kind, String applicationResponse, String decision) {
        HttpResponse<String> r = api().postJson("/v1/" + kind + "/" + json(applicationResponse).path("applicationId").asText() + "/decision",
                "{\"decision\":\"" + decision + "\",\"reason\":\"核实\"}", "CREDIT_OFFICER");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private String applied(String kind, String body) {
        HttpResponse<String> r = api().postJson("/v1/" + kind, body, "ENTERPRISE");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void uploadsRepairsAndObjectionsReachTheWatchersFeedOnceEach() {
        watching("CREDIT_OFFICER", "{\"uscc\":\"" + OWN + "\"}");
        String lines = penalty("W-1", OWN, TODAY.minusMonths(4)) + penalty("W-2", OWN, TODAY.minusMonths(2));
        load(lines);
        JsonNode again = load(lines); // a department re-delivers its export
        assertThat(again.path("unchanged").asLong()).isEqualTo(2);

        decided("repairs", applied("repairs", "{\"recordId\":\"" + recordId("W-1") + "\",\"commitment\":\"已履行全部义务\"}"), "APPROVE");
        decided("objections", applied("objections", "{\"recordId\":\"" + recordId("W-2") + "\",\"grounds\":\"决定书送达有误\"}"), "REJECT");

        FeedReader officer = new FeedReader(api(), "CREDIT_OFFICER", 3, null);
        officer.until(has("OBJECTION_DECIDED", recordId("W-2")));
        List<JsonNode> events = officer.toTheEnd(Duration.ofSeconds(3));

        assertThat(count(events, "NEW_RECORD", recordId("W-1"))).isEqualTo(1);
        assertThat(count(events, "NEW_RECORD", recordId("W-2"))).isEqualTo(1);
        assertThat(count(events, "REPAIRED", recordId("W-1"))).isEqualTo(1);
        assertThat(count(events, "OBJECTION_OPENED", recordId("W-2"))).isEqualTo(1);
        JsonNode objection = events.stream().filter(e -> e.path("kind").asText().equals("OBJECTION_DECIDED")).findFirst().orElseThrow();
        assertThat(objection.path("statusBefore").asText()).isEqualTo("UNDER_OBJECTION");
        assertThat(objection.path("statusAfter").asText()).isEqualTo("PUBLIC");
        assertThat(objection.path("uscc").asText()).isEqualTo(OWN);

        // the first penalty lowered the grade, the repair raised it again: old and new in the events
        List<JsonNode> grades = events.stream().filter(e -> e.path("kind").asText().equals("GRADE_CHANGED")).toList();
        assertThat(grades).isNotEmpty();
        assertThat(grades.get(0).path("gradeBefore").path("score").asInt()).isGreaterThan(grades.get(0).path("gradeAfter").path("score").asInt());
        assertThat(grades.get(grades.size() - 1).path("gradeAfter").path("score").asInt())
                .isGreaterThan(grades.get(grades.size() - 1).path("gradeBefore").path("score").asInt());

        // in order, each once: the order of the feed is the order the events were recorded
        assertThat(events.stream().map(e -> e.path("eventId").asText()).distinct().count()).isEqualTo(events.size());
        assertThat(events.stream().map(e -> e.path("recordedAt").asText()).toList()).isSortedAccordingTo(
                (a, b) -> OffsetDateTime.parse(a).compareTo(OffsetDateTime.parse(b)));
        List<String> kinds = events.stream().filter(e -> e.path("recordId").asText().equals(recordId("W-2")))
                .map(e -> e.path("kind").asText()).toList();
        assertThat(kinds).containsExactly("NEW_RECORD", "OBJECTION_OPENED", "OBJECTION_DECIDED");
    }

    @Test
    void anEnterpriseWatchingAPartnerReadsOnlyWhatWasPublic() {
        watching("ENTERPRISE", "{\"uscc\":\"" + PARTNER + "\"}");
        watching("REGULATOR", "{\"uscc\":\"" + PARTNER + "\"},{\"idNumber\":\"" + PERSON + "\"}");
        // public now, and one that had left the public view before it was loaded
        load(penalty("P-1", PARTNER, TODAY.minusMonths(1)) + penalty("P-2", PARTNER, TODAY.minusYears(2))
                + "{\"sourceDepartment\":\"东城区发展改革委\",\"sourceId\":\"N-1\",\"idNumber\":\"" + PERSON + "\",\"subjectName\":\"张三\","
                + "\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionDate\":\"" + TODAY.minusMonths(1) + "\",\"authority\":\"北京市东城区发展和改革委员会\","
                + "\"severity\":\"GENERAL\",\"regime\":\"GENERAL\",\"amount\":\"500\"}\n");

        FeedReader regulator = new FeedReader(api(), "REGULATOR", 10, null);
        regulator.until(has("NEW_RECORD", recordId("P-2")).and(has("NEW_RECORD", recordId("N-1"))));
        JsonNode person = regulator.read.stream().filter(e -> e.path("recordId").asText().equals(recordId("N-1"))).findFirst().orElseThrow();
        assertThat(person.path("idNumber").asText()).isEqualTo(PERSON); // a regulator's cell is allow
        assertThat(person.path("subjectMasked").asBoolean()).isFalse();

        FeedReader enterprise = new FeedReader(api(), "ENTERPRISE", 10, null);
        enterprise.until(has("NEW_RECORD", recordId("P-1")));
        List<JsonNode> seen = enterprise.toTheEnd(Duration.ofSeconds(3));
        assertThat(count(seen, "NEW_RECORD", recordId("P-2"))).as("a record that never was public").isZero();
        assertThat(seen).allSatisfy(e -> {
            assertThat(e.path("uscc").asText()).isEqualTo(PARTNER);
            assertThat(e.has("idNumber")).isFalse();
        });
        assertThat(has("GRADE_CHANGED", null).test(seen)).as("a legal person's grade is public").isTrue();

        // a natural person is not an enterprise's to watch: refused, nothing stored
        assertProblem(watch("ENTERPRISE", "{\"uscc\":\"" + OWN + "\"},{\"idNumber\":\"" + PERSON + "\"}"), 403);
        JsonNode list = json(api().get("/v1/watch-list", "ENTERPRISE"));
        assertThat(list.path("subjects").findValuesAsText("uscc")).containsExactly(PARTNER);
    }

    @Test
    void refusedInputNamesWhatFailedAndStoresNothing() {
        String badCheck = PARTNER.substring(0, 17) + (PARTNER.charAt(17) == 'B' ? 'C' : 'B');
        JsonNode problem = assertInvalid(watch("CREDIT_OFFICER", "{\"uscc\":\"" + PARTNER + "\"},{\"uscc\":\"" + badCheck + "\"}"),
                "subjects[1].uscc");
        assertThat(problem.toString()).contains("check");
        assertInvalid(watch("CREDIT_OFFICER", "{\"uscc\":\"" + PARTNER + "\",\"idNumber\":\"" + PERSON + "\"}"), "subjects[0]");
        assertInvalid(api().postJson("/v1/watch-list/subjects", "{}", "CREDIT_OFFICER"), "subjects");

        assertInvalid(api().get("/v1/watch-list/events?cursor=not-a-cursor", "CREDIT_OFFICER"), "cursor");
        String foreign = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("w1:1764520000000:" + "0".repeat(32)).getBytes(StandardCharsets.US_ASCII));
        assertInvalid(api().get("/v1/watch-list/events?cursor=" + foreign, "CREDIT_OFFICER"), "cursor");
        assertInvalid(api().get("/v1/watch-list/events?size=0", "CREDIT_OFFICER"), "size");

        // the limit (5 here): a request past it is refused whole, a list at it takes no more
        List<String> codes = IntStream.range(0, 6).mapToObj(WatchFeedIT::code).toList();
        assertProblem(watch("STATISTICIAN", subject(codes.get(0))), 403); // not a watching role
        assertProblem(api().postJson("/v1/watch-list/subjects", "{\"subjects\":[" + codes.stream().map(WatchFeedIT::subject)
                .collect(Collectors.joining(",")) + "]}", "REGULATOR"), 413);
        HttpResponse<String> three = watch("REGULATOR", codes.subList(0, 3).stream().map(WatchFeedIT::subject).collect(Collectors.joining(",")));
        assertThat(three.statusCode()).as(three.body()).isEqualTo(200);
        int before = json(api().get("/v1/watch-list", "REGULATOR")).path("count").asInt();
        assertThat(before).isLessThanOrEqualTo(5);
        JsonNode over = assertInvalid(watch("REGULATOR", codes.subList(3, 6).stream().map(WatchFeedIT::subject)
                .collect(Collectors.joining(","))), "subjects");
        assertThat(over.toString()).contains("at most 5");
        assertThat(json(api().get("/v1/watch-list", "REGULATOR")).path("count").asInt()).isEqualTo(before);
    }

    private static String subject(String code) {
        return "{\"uscc\":\"" + code + "\"}";
    }

    /** A valid code of the district (91 1101 01 …) with both check characters. */
    static String code(int n) {
        String body8 = String.format("MA%06d", 100 + n);
        String first17 = "91110101" + body8 + UnifiedSocialCreditCode.organisationCheckCharacter(body8);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }
}

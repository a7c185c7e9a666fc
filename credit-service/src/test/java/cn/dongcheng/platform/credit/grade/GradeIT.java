package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.stream.StreamSupport;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades through real HTTP with real tokens against the real node: explanations that add up, a record leaving the
 * grade the day its window ends, risk classes for a batch (unknown and invalid codes, the 10,000 limit), and a natural
 * person's grade masked and audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradeIT extends ElasticsearchIntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String GRADED = code("MA02GRA1");
    static final String EXPIRING = code("MA02GRA2");
    static final String LISTED = code("MA02GRA3");
    static final String UNKNOWN = code("MA02GRA4");
    static final String DEPARTMENT = "\"sourceDepartment\":\"东城区市场监管局\",\"authority\":\"北京市东城区市场监督管理局\"";

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;

    static String code(String organisationBody) {
        String first17 = "91110101" + organisationBody + UnifiedSocialCreditCode.organisationCheckCharacter(organisationBody);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    static String line(String sourceId, String subject, String fields) {
        return "{" + DEPARTMENT + ",\"sourceId\":\"" + sourceId + "\"," + subject + "," + fields + "}\n";
    }

    static String company(String uscc) {
        return "\"uscc\":\"" + uscc + "\",\"subjectName\":\"北京评分测试有限公司\"";
    }

    @BeforeAll
    void records() {
        LocalDate yesterday = TODAY.minusDays(1);
        LocalDate decided = yesterday.minusMonths(3);
        while (!decided.plusMonths(3).equals(yesterday)) {
            decided = decided.minusDays(1); // month ends: the decision whose 3-month window ends yesterday
        }
        String ndjson = line("G-PENALTY", company(GRADED), "\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionDate\":\""
                + TODAY.minusMonths(2) + "\",\"decisionNumber\":\"京东市监罚〔2026〕1号\",\"severity\":\"GENERAL\",\"regime\":\"GENERAL\"")
                + line("G-RED", company(GRADED), "\"category\":\"RED_LIST\",\"decisionDate\":\"2025-05-06\"")
                + line("G-COMMIT", company(GRADED), "\"category\":\"CREDIT_COMMITMENT\",\"decisionDate\":\"2025-07-01\"")
                + line("E-MINOR", company(EXPIRING), "\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionDate\":\"" + decided
                + "\",\"severity\":\"MINOR\",\"regime\":\"GENERAL\"")
                + line("L-LIST", company(LISTED), "\"category\":\"SERIOUS_DISHONESTY_LIST\",\"decisionDate\":\"2025-02-03\"")
                + line("N-DEBTOR", "\"idNumber\":\"" + TestIdentityProvider.citizenIdNumber() + "\",\"subjectName\":\"王五\"",
                "\"category\":\"DISHONEST_JUDGMENT_DEBTOR\",\"decisionDate\":\"2025-03-03\"");
        HttpResponse<String> r = api().postNdjson("/v1/records:bulk?refresh=true", ndjson, "CREDIT_OFFICER");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("accepted").asInt()).as(r.body()).isEqualTo(6);
    }

    private JsonNode grade(String uscc, String query) {
        HttpResponse<String> r = api().get("/v1/subjects/" + uscc + "/grade" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private static int sum(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).mapToInt(n -> n.path(field).asInt()).sum();
    }

    @Test
    void theExplanationListsEveryRecordWithItsPointsAndAddsUpToTheScore() {
        JsonNode g = grade(GRADED, "");
        // baseline 800, general penalty −60, red list +50 +10, commitment +20
        assertThat(g.path("score").asInt()).isEqualTo(820);
        assertThat(g.path("grade").asText()).isEqualTo("B");
        assertThat(g.path("riskClass").asText()).isEqualTo("A");
        assertThat(g.path("ruleVersion").asText()).isEqualTo("scorecard-v1");
        assertThat(g.path("asOf").asText()).isEqualTo(TODAY.toString());
        assertThat(g.path("recordsInForce").asInt()).isEqualTo(3);
        for (JsonNode d : g.path("dimensions")) {
            assertThat(sum(d.path("lines"), "points")).as(d.toString()).isEqualTo(d.path("points").asInt());
        }
        assertThat(sum(g.path("dimensions"), "points")).isEqualTo(g.path("score").asInt());
        JsonNode penalty = g.path("dimensions").findParents("recordId").stream()
                .filter(l -> l.path("recordId").asText().equals("东城区市场监管局:G-PENALTY")).findFirst().orElseThrow();
        assertThat(penalty.path("points").asInt()).isEqualTo(-60);
        assertThat(penalty.path("rule").asText()).isEqualTo("scorecard-v1 ADMINISTRATIVE_PENALTY.GENERAL");
        assertThat(penalty.path("decisionNumber").asText()).isEqualTo("京东市监罚〔2026〕1号");
        assertThat(g.path("dimensions").findValuesAsText("recordId")).containsExactlyInAnyOrder(
                "东城区市场监管局:G-PENALTY", "东城区市场监管局:G-RED", "东城区市场监管局:G-RED", "东城区市场监管局:G-COMMIT");
    }

    @Test
    void aRecordWhoseWindowEndedYesterdayNoLongerCountsWithoutAnyoneTouchingIt() {
        JsonNode before = grade(EXPIRING, "?asOf=" + TODAY.minusDays(2));
        assertThat(before.path("score").asInt()).isEqualTo(780);
        assertThat(before.path("dimensions").findValuesAsText("recordId")).containsExactly("东城区市场监管局:E-MINOR");
        JsonNode lastDayGone = grade(EXPIRING, "?asOf=" + TODAY.minusDays(1));
        assertThat(lastDayGone.path("score").asInt()).isEqualTo(800);
        JsonNode today = grade(EXPIRING, "");
        assertThat(today.path("score").asInt()).isEqualTo(800);
        assertThat(today.path("recordsInForce").asInt()).isZero();
        assertThat(today.path("dimensions").findValuesAsText("recordId")).isEmpty();
        // and before the decision there was nothing either
        assertThat(grade(EXPIRING, "?asOf=" + TODAY.minusYears(1)).path("score").asInt()).isEqualTo(800);

        assertInvalid(api().get("/v1/subjects/" + EXPIRING + "/grade?asOf=" + TODAY.plusDays(1)), "asOf");
        assertInvalid(api().get("/v1/subjects/" + EXPIRING.substring(0, 17) + "/grade"), "uscc");
    }

    @Test
    void riskClassesForABatchUnknownCodesGetTheBaseline() {
        String body = "{\"codes\":[\"" + GRADED + "\",\"" + UNKNOWN + "\",\"" + LISTED.toLowerCase() + "\",\"" + GRADED + "\"]}";
        HttpResponse<String> r = api().postJson("/v1/risk-classes:batch", body, "SERVICE");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = json(r);
        assertThat(answer.path("ruleVersion").asText()).isEqualTo("scorecard-v1");
        assertThat(answer.path("asOf").asText()).isEqualTo(TODAY.toString());
        JsonNode results = answer.path("results");
        assertThat(results.findValuesAsText("uscc")).containsExactly(GRADED, UNKNOWN, LISTED);
        assertThat(results.get(0).path("score").asInt()).isEqualTo(820);
        assertThat(results.get(0).path("riskClass").asText()).isEqualTo("A");
        assertThat(results.get(0).path("recordsInForce").asInt()).isEqualTo(3);
        assertThat(results.get(1).path("score").asInt()).isEqualTo(800);
        assertThat(results.get(1).path("grade").asText()).isEqualTo("B");
        assertThat(results.get(1).path("riskClass").asText()).isEqualTo("A");
        assertThat(results.get(1).path("recordsInForce").asInt()).isZero();
        // on the serious list: high risk whatever the score (500 here)
        assertThat(results.get(2).path("riskClass").asText()).isEqualTo("D");
        assertThat(results.get(2).path("grade").asText()).isEqualTo("D");

        JsonNode letters = json(api().postJson("/v1/risk-classes:batch", body.replace("]}", "],\"classesOnly\":true}"), "SERVICE"));
        assertThat(letters.path("results").isMissingNode()).as(letters.toString()).isTrue();
        assertThat(letters.path("classes").asText()).as("one letter per code asked, the repeated one too")
                .isEqualTo(results.get(0).path("riskClass").asText() + results.get(1).path("riskClass").asText()
                        + results.get(2).path("riskClass").asText() + results.get(0).path("riskClass").asText());
        assertThat(letters.path("ruleVersion").asText()).isEqualTo("scorecard-v1");

        String wrongCheck = UNKNOWN.substring(0, 17) + (UNKNOWN.charAt(17) == '0' ? '1' : '0');
        JsonNode invalid = assertInvalid(api().postJson("/v1/risk-classes:batch",
                "{\"codes\":[\"" + GRADED + "\",\"" + wrongCheck + "\"]}", "REGULATOR"), "codes[1]");
        assertThat(invalid.path("errors").get(0).path("reason").asText()).contains("check character failed");
        assertInvalid(api().postJson("/v1/risk-classes:batch", "{\"codes\":[]}", "REGULATOR"), "codes");

        List<String> tooMany = Collections.nCopies(Grades.MAX_BATCH + 1, "\"" + GRADED + "\"");
        JsonNode tooLarge = assertProblem(api().postJson("/v1/risk-classes:batch", "{\"codes\":[" + String.join(",", tooMany) + "]}",
                "CREDIT_OFFICER"), 413);
        assertThat(tooLarge.path("detail").asText()).contains("10000");
        List<String> atLimit = Collections.nCopies(Grades.MAX_BATCH, "\"" + GRADED + "\"");
        assertThat(api().postJson("/v1/risk-classes:batch", "{\"codes\":[" + String.join(",", atLimit) + "]}", "CREDIT_OFFICER")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aNaturalPersonsGradeIsAskedInTheBodyMaskedAndAudited() {
        String id = TestIdentityProvider.citizenIdNumber();
        String body = "{\"name\":\"王五\",\"idNumber\":\"" + id + "\"}";
        HttpResponse<String> r = api().postJson("/v1/persons:grade", body, "STATISTICIAN");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode masked = json(r);
        assertThat(masked.path("idNumber").asText()).contains("*");
        assertThat(masked.path("name").asText()).isEqualTo("王*");
        // debtor: 履约践诺 200 − 200, and no better than C
        assertThat(masked.path("score").asInt()).isEqualTo(600);
        assertThat(masked.path("grade").asText()).isEqualTo("C");
        assertThat(r.body()).doesNotContain(id).doesNotContain("王五");
        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "requestId", r.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.path("action").asText()).isEqualTo("READ_PERSON_GRADE_MASKED");
            assertThat(e.toString()).doesNotContain(id);
        });
        JsonNode officer = json(api().postJson("/v1/persons:grade", body, "CREDIT_OFFICER"));
        assertThat(officer.path("idNumber").asText()).isEqualTo(id);
        assertThat(officer.path("masked").asBoolean()).isFalse();
        assertInvalid(api().postJson("/v1/persons:grade", "{\"name\":\"王五\",\"idNumber\":\"110105194912310021\"}", null), "idNumber");
    }
}

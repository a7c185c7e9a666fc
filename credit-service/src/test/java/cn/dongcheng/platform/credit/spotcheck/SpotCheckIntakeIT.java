package cn.dongcheng.platform.credit.spotcheck;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

/** Inspection results from market-supervision-service's token: stored once however often delivered, bad ones rejected whole. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpotCheckIntakeIT extends ElasticsearchIntegrationTest {

    static final LocalDate INSPECTED = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10);
    static final String DEPARTMENT = "北京市东城区市场监督管理局";

    @LocalServerPort
    int port;
    @Autowired
    CreditRecordStore records;
    @Autowired
    AuditTrail audit;

    private ApiClient api() {
        return new ApiClient(port);
    }

    static String result(String sourceId, String uscc, String outcome, String details) {
        return "{\"taskId\":\"2026-DC-R3\",\"uscc\":\"" + uscc + "\",\"inspectionDate\":\"" + INSPECTED + "\",\"outcome\":\"" + outcome
                + "\"" + (details == null ? "" : ",\"details\":\"" + details + "\"") + ",\"department\":\"" + DEPARTMENT
                + "\",\"sourceId\":\"" + sourceId + "\"}";
    }

    private HttpResponse<String> deliver(String... results) {
        return api().postJson("/v1/spot-check-results?refresh=true", "{\"results\":[" + String.join(",", results) + "]}", "SERVICE");
    }

    private long stored(String sourceId) {
        TestIndices.json().refresh(records.alias());
        return TestIndices.json().send("POST", "/" + records.alias() + "/_count",
                Map.of("query", Map.of("term", Map.of("sourceId", sourceId)))).path("count").asLong();
    }

    @Test
    void aResultDeliveredTwiceIsStoredOnceAndTheSecondAnswerSaysSo() {
        String first = result("R3-0001", "91110000802100433B", "PROBLEMS_FOUND", "未按规定公示年度报告");
        String second = result("R3-0002", "91350100M000100Y43", "NO_PROBLEM_FOUND", null);
        HttpResponse<String> r = deliver(first, second);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("stored").asInt()).isEqualTo(2);
        assertThat(json(r).path("duplicates").asInt()).isZero();
        String recordId = json(r).path("results").get(0).path("recordId").asText();
        assertThat(recordId).isEqualTo(DEPARTMENT + ":R3-0001");

        HttpResponse<String> again = deliver(first, second);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).path("stored").asInt()).isZero();
        assertThat(json(again).path("duplicates").asInt()).isEqualTo(2);
        assertThat(json(again).path("results").get(0).path("recordId").asText()).isEqualTo(recordId);
        assertThat(json(again).path("results").findValues("duplicate")).allMatch(JsonNode::asBoolean);
        assertThat(stored("R3-0001")).isEqualTo(1);

        JsonNode record = TestIndices.json().get("/" + records.alias() + "/_doc/"
                + java.net.URLEncoder.encode(recordId, java.nio.charset.StandardCharsets.UTF_8)).path("_source");
        assertThat(record.path("category").asText()).isEqualTo("SPOT_CHECK_RESULT");
        assertThat(record.path("version").asInt()).as("not rewritten").isEqualTo(1);
        assertThat(record.path("summary").asText()).contains("发现问题").contains("未按规定公示年度报告");
        assertThat(record.path("decisionNumber").asText()).isEqualTo("2026-DC-R3");
        assertThat(TestIndices.auditEntries(audit.alias(), "action", "SPOT_CHECK_INTAKE"))
                .anySatisfy(e -> assertThat(e.path("detail").asText()).contains("duplicates=2"));
    }

    @Test
    void oneBadResultRejectsTheDeliveryAndStoresNothing() {
        HttpResponse<String> r = deliver(result("R3-0100", "91110000802100433B", "NO_PROBLEM_FOUND", null),
                result("R3-0101", "91110000802100433B", "PROBLEMS_FOUND", null),
                result("R3-0102", "91110000802100433X", "CLOSED", null));
        JsonNode problem = assertInvalid(r, "results[1].details");
        assertThat(problem.toString()).contains("results[2].uscc");
        assertThat(stored("R3-0100")).isZero();
        assertInvalid(api().postJson("/v1/spot-check-results", "{\"results\":[]}", "SERVICE"), "results");
    }
}

package cn.dongcheng.platform.industry.monitoring;

import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.industry.TestCodes;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Planted anomalies raise exactly their alerts; clean enterprises raise none; alerts are kept once and handled. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertMonitorIT extends ElasticsearchIntegrationTest {

    static final String CLEAN = TestCodes.code(201);
    static final String FALLING = TestCodes.code(202);
    static final String SHRINKING = TestCodes.code(203);
    static final String MOVED = TestCodes.code(204);

    @LocalServerPort
    int port;
    ApiClient api;

    static String entity(String code, String status, String street) {
        return "{\"uscc\":\"" + code + "\",\"name\":\"预警测试" + code.substring(10, 14) + "\",\"status\":\"" + status + "\",\"streetCode\":\""
                + street + "\",\"industrySection\":\"M\",\"industryClass\":\"7320\",\"responsibleOfficial\":\"服务包专员-王\"}\n";
    }

    @BeforeAll
    void load() {
        api = new ApiClient(port);
        String entities = entity(CLEAN, "ACTIVE", "110101006") + entity(FALLING, "ACTIVE", "110101007")
                + entity(SHRINKING, "ACTIVE", "110101008") + entity(MOVED, "MOVED_OUT", "OUTSIDE");
        assertThat(json(api.postNdjson("/v1/enterprises:bulk?refresh=true", entities, "DATA_STEWARD")).path("accepted").asInt()).isEqualTo(4);
        StringBuilder r = new StringBuilder();
        for (String month : new String[]{"2023-12", "2024-06", "2024-09", "2024-12"}) {
            r.append(TestCodes.monthlyReport(CLEAN, month, 30_000_000, 1_000_000, 100));
        }
        r.append(TestCodes.monthlyReport(FALLING, "2023-12", 50_000_000, 2_000_000, 200)).append(TestCodes.monthlyReport(FALLING, "2024-12", 35_000_000, 1_000_000, 198));
        r.append(TestCodes.monthlyReport(SHRINKING, "2023-12", 20_000_000, 500_000, 100)).append(TestCodes.monthlyReport(SHRINKING, "2024-06", 9_000_000, 250_000, 100))
                .append(TestCodes.monthlyReport(SHRINKING, "2024-09", 14_000_000, 380_000, 95)).append(TestCodes.monthlyReport(SHRINKING, "2024-12", 19_500_000, 495_000, 90));
        JsonNode result = json(api.postNdjson("/v1/operating-indicators:bulk?refresh=true", r.toString(), "STATISTICIAN"));
        assertThat(result.path("rejectedCount").asInt()).as(result.toString()).isZero();
    }

    private Set<String> alertIds(String query) {
        Set<String> ids = new HashSet<>();
        json(api.get("/v1/alerts?size=100" + query, "INDUSTRY_OFFICER")).path("items").forEach(a -> ids.add(a.path("id").asText()));
        return ids;
    }

    @Test
    @Order(1)
    void theRulesRaiseThePlantedAnomaliesAndNothingElse() {
        HttpResponse<String> r = api.postJson("/v1/alert-evaluations?period=2024-12", "", "INDUSTRY_OFFICER");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = json(r);
        assertThat(report.path("ruleVersion").asText()).isEqualTo("2025.1");
        assertThat(report.path("alertsRaised").asInt()).isEqualTo(4);
        assertThat(alertIds("")).containsExactlyInAnyOrder(
                "REVENUE_FALL:" + FALLING + ":2024-12", "TAX_FALL:" + FALLING + ":2024-12",
                "HEADCOUNT_FALLING_TWO_QUARTERS:" + SHRINKING + ":2024-12", "RELOCATION_RISK:" + MOVED);
        JsonNode revenue = json(api.get("/v1/alerts?rule=REVENUE_FALL", "INDUSTRY_OFFICER")).path("items").get(0);
        assertThat(revenue.path("evidence").path("changePercent").asDouble()).isEqualTo(-30.0);
        assertThat(revenue.path("evidence").path("thresholdPercent").asDouble()).isEqualTo(20.0);
        assertThat(revenue.path("responsibleOfficial").asText()).isEqualTo("服务包专员-王");
        assertThat(revenue.path("state").asText()).isEqualTo("NEW");

        // a statistician reads alerts with the official's name masked, and cannot confirm a guessed name by filtering
        JsonNode masked = json(api.get("/v1/alerts?rule=REVENUE_FALL", "STATISTICIAN")).path("items").get(0);
        assertThat(masked.path("responsibleOfficial").asText()).isNotEqualTo("服务包专员-王").contains("*");
        assertThat(api.get("/v1/alerts?responsibleOfficial=" + URLEncoder.encode("服务包专员-王", StandardCharsets.UTF_8),
                "STATISTICIAN").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void alertsAreHandledAndARerunNeitherDuplicatesNorReopensThem() {
        String id = "REVENUE_FALL:" + FALLING + ":2024-12";
        assertThat(api.postJson("/v1/alerts/" + id + "/acknowledgement", "{}", "PUBLIC").statusCode()).isEqualTo(401);
        JsonNode acknowledged = json(api.postJson("/v1/alerts/" + id + "/acknowledgement", "{\"note\":\"已联系企业\"}", "INDUSTRY_OFFICER"));
        assertThat(acknowledged.path("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(api.postJson("/v1/alerts/" + id + "/acknowledgement", "{}", "INDUSTRY_OFFICER").statusCode()).isEqualTo(409);
        HttpResponse<String> noNote = api.postJson("/v1/alerts/" + id + "/closure", "{}", "INDUSTRY_OFFICER");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(json(noNote).path("errors").get(0).path("field").asText()).isEqualTo("note");
        JsonNode closed = json(api.postJson("/v1/alerts/" + id + "/closure", "{\"note\":\"订单季节性回落，已核实\"}", "INDUSTRY_OFFICER"));
        assertThat(closed.path("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("events")).hasSize(2);

        JsonNode rerun = json(api.postJson("/v1/alert-evaluations?period=2024-12", "", "INDUSTRY_OFFICER"));
        assertThat(rerun.path("alertsRaised").asInt()).isZero();
        assertThat(rerun.path("alreadyRaised").asInt()).isEqualTo(4);
        assertThat(alertIds("")).hasSize(4);
        assertThat(alertIds("&state=CLOSED")).containsExactly(id);
        assertThat(api.postJson("/v1/alerts/NO:SUCH/acknowledgement", "{}", "INDUSTRY_OFFICER").statusCode()).isEqualTo(404);
    }
}

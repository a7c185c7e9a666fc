package cn.dongcheng.platform.supervision.inspector;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public class InspectorDirectoryIT extends ElasticsearchIntegrationTest {

    private static final String CONFLICT = "91110000802100433B";

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;

    private ApiClient api;

    /** A food-safety inspector of the district's market regulation bureau, with one declared conflict. */
    public static String inspector(String badge, String status) {
        return "{\"badgeNumber\":\"" + badge + "\",\"name\":\"张三丰\",\"phone\":\"13812345678\",\"department\":\"东城区市场监督管理局\","
                + "\"qualifications\":[\"FOOD_SAFETY\",\"LICENSING\"],\"status\":\"" + status + "\",\"workloadCap\":20,"
                + "\"conflicts\":[{\"uscc\":\"" + CONFLICT + "\",\"reason\":\"配偶任职\"}]}\n";
    }

    @BeforeEach
    void load() {
        api = new ApiClient(port);
        String ndjson = inspector("DC-0001", "ACTIVE") + inspector("DC-0002", "ON_LEAVE")
                + inspector("DC-0003", "ACTIVE").replace(CONFLICT, "91110000802100433C")
                + inspector("DC-0004", "SLEEPING");
        HttpResponse<String> r = api.postNdjson("/v1/inspectors:bulk?refresh=true", ndjson, "REGULATOR");
        JsonNode report = json(r);
        assertThat(report.path("accepted").asInt() + report.path("unchanged").asInt()).as(r.body()).isEqualTo(2);
        assertThat(report.path("rejected").get(0).path("id").asText()).isEqualTo("DC-0003");
        assertThat(report.path("rejected").get(0).path("reason").asText()).contains("conflicts[0].uscc");
        assertThat(report.path("rejected").get(1).path("reason").asText()).contains("status");
    }

    @Test
    void thePublicSeesNamesAndPhonesMaskedAndNoConflicts() {
        JsonNode page = json(api.get("/v1/inspectors"));

        assertThat(page.path("items")).hasSize(2);
        JsonNode first = page.path("items").get(0);
        assertThat(first.path("badgeNumber").asText()).isEqualTo("DC-0001");
        assertThat(first.path("name").asText()).isEqualTo("张**");
        assertThat(first.path("phone").asText()).isEqualTo("138****5678");
        assertThat(first.path("personalDataMasked").asBoolean()).isTrue();
        assertThat(first.has("conflicts")).isFalse();
    }

    @Test
    void aRegulatorSeesTheInspectorsInFullAndTheReadIsAudited() {
        String requestId = "it-inspectors-" + UUID.randomUUID();
        JsonNode page = json(api.get("/v1/inspectors?status=active&qualification=FOOD_SAFETY", "REGULATOR", requestId));

        assertThat(page.path("items")).hasSize(1);
        JsonNode first = page.path("items").get(0);
        assertThat(first.path("name").asText()).isEqualTo("张三丰");
        assertThat(first.path("phone").asText()).isEqualTo("13812345678");
        assertThat(first.path("conflicts").get(0).path("uscc").asText()).isEqualTo(CONFLICT);
        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "requestId", requestId);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("action").asText()).isEqualTo("READ_PERSONAL_DATA");
    }

    @Test
    void badFiltersAreProblemsNamingThem() {
        assertInvalid(api.get("/v1/inspectors?status=SLEEPING"), "status");
        assertInvalid(api.get("/v1/inspectors?badge=DC-0001"), "badge");
    }
}

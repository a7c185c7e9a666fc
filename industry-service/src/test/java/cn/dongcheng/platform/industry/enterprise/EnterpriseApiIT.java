package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "platform.http.max-body-bytes=20000")
class EnterpriseApiIT extends ElasticsearchIntegrationTest {

    private static final String BAIDU = "91110000802100433B";
    private static final String STANDARD_EXAMPLE = "91350100M000100Y43";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    AuditTrail audit;

    private ApiClient api;

    private static String line(String uscc, String name, String street, String section, String cls) {
        return "{\"uscc\":\"" + uscc + "\",\"name\":\"" + name + "\",\"status\":\"ACTIVE\",\"streetCode\":\"" + street
                + "\",\"industrySection\":\"" + section + "\",\"industryClass\":\"" + cls
                + "\",\"establishedOn\":\"2001-06-05\",\"registeredCapital\":\"1000000.00\",\"legalRepresentative\":\"李彦宏\"}";
    }

    @BeforeEach
    void load() throws Exception {
        api = new ApiClient(port);
        String ndjson = String.join("\n",
                line(BAIDU, "北京百度网讯科技有限公司", "110101006", "I", "6421"),
                line(STANDARD_EXAMPLE, "示例企业", "110101001", "L", "7211"),
                line("91350100M000100Y44", "bad check", "110101001", "L", "7211"),
                line("91110000MA01ABCD1X", "bad everything", "999", "I", "7211"),
                "{\"uscc\":\"" + BAIDU + "\",\"name\":\"x\",\"status\":\"SLEEPING\"}") + "\n";
        HttpResponse<String> r = api.postNdjson("/v1/enterprises:bulk?refresh=true", ndjson, "INDUSTRY_OFFICER");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = json.readTree(r.body());
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
        assertThat(report.path("rejectedCount").asInt()).isEqualTo(3);
        assertThat(report.path("rejected").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(report.path("rejected").get(0).path("reason").asText()).contains("mod 31");
        assertThat(report.path("rejected").get(1).path("reason").asText()).contains("streetCode").contains("industryClass");
        assertThat(report.path("rejected").get(2).path("reason").asText()).contains("status");
    }

    @Test
    void getsAnEntityWithTheLegalRepresentativeMaskedForThePublic() throws Exception {
        HttpResponse<String> r = api.get("/v1/enterprises/" + BAIDU.toLowerCase(), null, "it-request");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode e = json.readTree(r.body());
        assertThat(e.path("name").asText()).isEqualTo("北京百度网讯科技有限公司");
        assertThat(e.path("legalRepresentative").asText()).isEqualTo("李**");
        assertThat(e.path("legalRepresentativeMasked").asBoolean()).isTrue();
        assertThat(e.path("registeredCapital").decimalValue()).isEqualByComparingTo("1000000.00");
    }

    @Test
    void anOfficerSeesTheNameAndTheReadIsAudited() throws Exception {
        String requestId = "it-read-" + UUID.randomUUID();
        HttpResponse<String> r = api.get("/v1/enterprises/" + BAIDU, "INDUSTRY_OFFICER", requestId);
        assertThat(json.readTree(r.body()).path("legalRepresentative").asText()).isEqualTo("李彦宏");
        // exactly this read's entry: a count of entries was already met by the uploads of @BeforeEach
        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "requestId", requestId);
        assertThat(entries).as("audit entries of request " + requestId).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.path("action").asText()).isEqualTo("READ_PERSONAL_DATA");
        assertThat(entry.path("resource").asText()).endsWith("/" + BAIDU);
        assertThat(entry.path("role").asText()).isEqualTo("INDUSTRY_OFFICER");
        assertThat(entry.path("outcome").asText()).isEqualTo("ok");
        // a legal representative is named, not identified by a personal number: no pseudonymised subject
        assertThat(entry.path("subject").isMissingNode() || entry.path("subject").isNull()).as(entry.toString()).isTrue();
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void invalidCodeIsAProblemNamingTheFailedCheck() throws Exception {
        HttpResponse<String> r = api.get("/v1/enterprises/91350100M000100Y44", null, "it-request");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = json.readTree(r.body());
        assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("uscc");
        assertThat(p.path("errors").get(0).path("reason").asText()).contains("mod 31");
        assertThat(p.path("requestId").asText()).isEqualTo("it-request");
    }

    @Test
    void aPre2016CodeFailingItsCheckNeedsTheExplicitOverrideAndStaysMarked() throws Exception {
        String legacy = "{\"uscc\":\"91110000600037341X\",\"name\":\"北京老字号有限公司\",\"status\":\"ACTIVE\","
                + "\"streetCode\":\"110101011\",\"industrySection\":\"F\",\"industryClass\":\"5211\"}\n";
        JsonNode refused = json.readTree(api.postNdjson("/v1/enterprises:bulk?refresh=true", legacy, "INDUSTRY_OFFICER").body());
        assertThat(refused.path("accepted").asInt()).isZero();
        assertThat(refused.path("rejected").get(0).path("reason").asText()).contains("acceptLegacyCodes=true");
        assertThat(api.get("/v1/enterprises/91110000600037341X", null, "it-request").statusCode()).isEqualTo(400);

        JsonNode imported = json.readTree(api.postNdjson("/v1/enterprises:bulk?refresh=true&acceptLegacyCodes=true", legacy, "INDUSTRY_OFFICER").body());
        assertThat(imported.path("accepted").asInt()).isEqualTo(1);
        JsonNode stored = json.readTree(api.get("/v1/enterprises/91110000600037341x", null, "it-request").body());
        assertThat(stored.path("legacyCode").asBoolean()).isTrue();
        assertThat(stored.path("codeCheckFailure").asText()).contains("check character failed");

        // the override never lets a structurally broken code through
        JsonNode broken = json.readTree(api.postNdjson("/v1/enterprises:bulk?refresh=true&acceptLegacyCodes=true",
                legacy.replace("91110000600037341X", "91110000600037341"), "INDUSTRY_OFFICER").body());
        assertThat(broken.path("accepted").asInt()).isZero();
    }

    @Test
    void unknownCodeIs404() throws Exception {
        HttpResponse<String> r = api.get("/v1/enterprises/91110000600037341L", null, "it-request");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json.readTree(r.body()).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void listsByStreetAndPagesWithACursor() throws Exception {
        // page one entity at a time through everything stored (other tests of this class may add entities)
        java.util.List<String> seen = new java.util.ArrayList<>();
        JsonNode page = json.readTree(api.get("/v1/enterprises?size=1", null, "it-request").body());
        int total = page.path("total").asInt();
        while (true) {
            assertThat(page.path("items")).hasSize(1);
            seen.add(page.path("items").get(0).path("uscc").asText());
            if (page.path("nextCursor").isNull() || seen.size() > total) {
                break;
            }
            page = json.readTree(api.get("/v1/enterprises?size=1&cursor=" + page.path("nextCursor").asText(), null, "it-request").body());
            if (page.path("items").isEmpty()) {
                break;
            }
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(total).contains(BAIDU, STANDARD_EXAMPLE);
        JsonNode street = json.readTree(api.get("/v1/enterprises?streetCode=110101006", null, "it-request").body());
        assertThat(street.path("items")).hasSize(1);
        assertThat(street.path("items").get(0).path("uscc").asText()).isEqualTo(BAIDU);
        assertThat(api.get("/v1/enterprises?size=5000", null, "it-request").statusCode()).isEqualTo(400);
        assertThat(api.get("/v1/enterprises?cursor=garbage!", null, "it-request").statusCode()).isEqualTo(400);
    }

    @Test
    void anOversizedBodyIs413AndStoresNothing() throws Exception {
        StringBuilder big = new StringBuilder();
        while (big.length() < 25_000) {
            big.append(line("91110000600037341L", "too big", "110101001", "L", "7211")).append('\n');
        }
        HttpResponse<String> r = api.postNdjson("/v1/enterprises:bulk?refresh=true", big.toString(), "INDUSTRY_OFFICER");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.get("/v1/enterprises/91110000600037341L", null, "it-request").statusCode()).isEqualTo(404);
    }
}

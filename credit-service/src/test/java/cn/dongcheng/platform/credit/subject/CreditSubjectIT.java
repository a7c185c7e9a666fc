package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.NeighbourService;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.testing.TestIndices;
import cn.dongcheng.platform.credit.client.IndustryNeighbour;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * credit-service against a real industry-service (its own Spring context on its own port, same Elasticsearch node):
 * every call between them crosses real HTTP through Feign, the load balancer and the circuit breaker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// every look-up asks industry-service: no fresh cache nor replica entry hides an outage (SubjectIdentityReplicaIT has them)
@TestPropertySource(properties = {"credit.directory.fresh-for=PT0S", "credit.directory.replica-fresh-for=PT0S",
        "credit.directory.replica-stale-for=PT0S", "credit.directory.replica-sweep-first-after=PT1H"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreditSubjectIT extends ElasticsearchIntegrationTest {

    private static final String BAIDU = "91110000802100433B";
    /** In the directory, never looked up before industry-service goes down. */
    private static final String NEVER_ASKED = "91350100M000100Y43";
    private static NeighbourService industry;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;


    @DynamicPropertySource
    static void industryService(DynamicPropertyRegistry registry) {
        industry = IndustryNeighbour.start(registry, IndustryNeighbour.entity(BAIDU, "北京百度网讯科技有限公司", "梁志祥"),
                IndustryNeighbour.entity(TestIdentityProvider.enterpriseCode(), "北京示范科技有限公司", "王五"),
                IndustryNeighbour.entity(NEVER_ASKED, "示例企业", "赵六"));
    }

    @AfterAll
    static void stopIndustry() {
        if (industry != null) {
            industry.close();
        }
    }

    @Test
    @Order(1)
    void aSubjectJoinsTheDirectoryEntryWithItsOwnRecords() throws Exception {
        String records = line(BAIDU, "CF-12", "\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionNumber\":\"京东市监罚〔2024〕12号\","
                + "\"decisionDate\":\"2024-03-08\",\"authority\":\"北京市东城区市场监督管理局\",\"summary\":\"广告违法\","
                + "\"severity\":\"GENERAL\",\"regime\":\"MARKET_REGULATION\"")
                + line(BAIDU, "A-2023", "\"category\":\"RED_LIST\",\"decisionNumber\":\"A级纳税人2023\","
                + "\"decisionDate\":\"2024-06-01\",\"authority\":\"国家税务总局北京市东城区税务局\"")
                + line(BAIDU, "x", "\"category\":\"RED_LIST\",\"decisionNumber\":\"x\",\"decisionDate\":\"2999-01-01\",\"authority\":\"x\"");
        HttpResponse<String> r = new ApiClient(port).postNdjson("/v1/records:bulk?refresh=true", records, "DATA_STEWARD");
        assertThat(json.readTree(r.body()).path("accepted").asInt()).as(r.body()).isEqualTo(2);

        JsonNode subject = json.readTree(new ApiClient(port).get("/v1/subjects/" + BAIDU, null, "it-subject").body());
        assertThat(subject.path("name").asText()).isEqualTo("北京百度网讯科技有限公司");
        assertThat(subject.path("legalRepresentative").asText()).isEqualTo("梁**");
        assertThat(subject.path("records").path("items")).hasSize(2);
        assertThat(subject.path("records").path("items").get(0).path("category").asText()).isEqualTo("RED_LIST");
    }

    static String line(String uscc, String sourceId, String fields) {
        return "{\"sourceDepartment\":\"东城区市场监管局\",\"sourceId\":\"" + sourceId + "\",\"uscc\":\"" + uscc + "\"," + fields + "}\n";
    }

    @Test
    @Order(2)
    void theEnterpriseSignedInSeesItsWholeRecordTheOthersOnlyThePublicView() throws Exception {
        String own = TestIdentityProvider.enterpriseCode();
        // a minor market-regulation penalty is public for 3 months: this one ended in 2025
        String records = line(own, "CF-OLD", "\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionDate\":\"2025-01-06\","
                + "\"authority\":\"北京市东城区市场监督管理局\",\"severity\":\"MINOR\",\"regime\":\"MARKET_REGULATION\"")
                + line(own, "LIC-1", "\"category\":\"ADMINISTRATIVE_LICENCE\",\"decisionDate\":\"2025-02-03\",\"authority\":\"东城区政务服务局\"");
        HttpResponse<String> r = new ApiClient(port).postNdjson("/v1/records:bulk?refresh=true", records, "CREDIT_OFFICER");
        assertThat(json.readTree(r.body()).path("accepted").asInt()).as(r.body()).isEqualTo(2);

        JsonNode self = json.readTree(new ApiClient(port).get("/v1/subjects/" + own, "ENTERPRISE").body());
        assertThat(self.path("fullRecord").asBoolean()).isTrue();
        assertThat(self.path("records").path("items")).extracting(n -> n.path("status").asText()).containsExactly("PUBLIC", "EXPIRED");

        JsonNode others = json.readTree(new ApiClient(port).get("/v1/subjects/" + own, null, "it-public").body());
        assertThat(others.path("fullRecord").asBoolean()).isFalse();
        assertThat(others.path("records").path("items")).extracting(n -> n.path("sourceId").asText()).containsExactly("LIC-1");
    }

    @Test
    @Order(3)
    void theRequestIdTravelsThroughFeignIntoTheDownstreamAuditTrail() throws Exception {
        HttpResponse<String> r = new ApiClient(port).get("/v1/subjects/" + BAIDU, "CREDIT_OFFICER", "trace-4711");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Request-Id")).contains("trace-4711");
        assertThat(json.readTree(r.body()).path("legalRepresentative").asText()).isEqualTo("梁志祥");

        // industry-service showed the legal representative unmasked to the relayed credit officer, audited under our id
        AuditTrail industryAudit = industry.bean(AuditTrail.class);
        List<JsonNode> entries = TestIndices.auditEntries(industryAudit.alias(), "requestId", "trace-4711");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("actor").asText()).isEqualTo(TestIdentityProvider.demoUser("CREDIT_OFFICER").username());
        assertThat(entries.get(0).path("role").asText()).isEqualTo("CREDIT_OFFICER");
    }

    @Test
    @Order(4)
    void aCodeUnknownToTheDirectoryIs404AndAnInvalidOneIs400WithoutACall() throws Exception {
        HttpResponse<String> missing = new ApiClient(port).get("/v1/subjects/91110000600037341L", null, "it-missing");
        assertThat(missing.statusCode()).isEqualTo(404);
        HttpResponse<String> invalid = new ApiClient(port).get("/v1/subjects/91110000600037341X", null, "it-invalid");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json.readTree(invalid.body()).path("errors").get(0).path("field").asText()).isEqualTo("uscc");
    }

    @Test
    @Order(5)
    void whenIndustryServiceIsDownTheRecordsAreStillServedWithTheLastKnownIdentityOrWithout() throws Exception {
        HttpResponse<String> loaded = new ApiClient(port).postNdjson("/v1/records:bulk?refresh=true", line(NEVER_ASKED, "LIC-9",
                "\"category\":\"ADMINISTRATIVE_LICENCE\",\"decisionDate\":\"2025-02-03\",\"authority\":\"东城区政务服务局\""), "CREDIT_OFFICER");
        assertThat(json.readTree(loaded.body()).path("accepted").asInt()).as(loaded.body()).isEqualTo(1);
        assertThat(json.readTree(new ApiClient(port).get("/v1/subjects/" + BAIDU).body()).path("identitySource").asText()).isEqualTo("LIVE");
        industry.close();

        JsonNode known = json.readTree(new ApiClient(port).get("/v1/subjects/" + BAIDU, null, "it-down").body());
        assertThat(known.path("identitySource").asText()).isEqualTo("STALE");
        assertThat(known.path("identityAsOf").asText()).isNotEmpty();
        assertThat(known.path("name").asText()).isEqualTo("北京百度网讯科技有限公司");
        assertThat(known.path("legalRepresentative").asText()).isEqualTo("梁**");
        assertThat(known.path("records").path("items")).hasSize(2);

        HttpResponse<String> r = new ApiClient(port).get("/v1/subjects/" + NEVER_ASKED, null, "it-down-unknown");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode unknown = json.readTree(r.body());
        assertThat(unknown.path("identitySource").asText()).isEqualTo("UNAVAILABLE");
        assertThat(unknown.path("name").isNull() || unknown.path("name").isMissingNode()).isTrue();
        assertThat(unknown.path("records").path("items")).extracting(n -> n.path("sourceId").asText()).containsExactly("LIC-9");
    }
}

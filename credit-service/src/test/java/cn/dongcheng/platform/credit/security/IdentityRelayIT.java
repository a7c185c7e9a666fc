package cn.dongcheng.platform.credit.security;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.NeighbourService;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.credit.client.EnterpriseBatch;
import cn.dongcheng.platform.credit.client.IndustryClient;
import cn.dongcheng.platform.credit.client.IndustryNeighbour;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feign calls carry identity: while serving a request, the caller's own token (industry-service applies the original
 * caller's rights and audits the original caller); for the public and for work outside any request, credit-service's
 * own client-credentials token, whose role never unmasks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityRelayIT extends ElasticsearchIntegrationTest {

    static final String CODE = "91110000802100433B";
    private static NeighbourService industry;

    @LocalServerPort
    int port;
    @Autowired
    IndustryClient industryClient;

    @DynamicPropertySource
    static void industryService(DynamicPropertyRegistry registry) {
        industry = IndustryNeighbour.start(registry, IndustryNeighbour.entity(CODE, "北京百度网讯科技有限公司", "梁志祥"));
    }

    @AfterAll
    static void stopIndustry() {
        if (industry != null) {
            industry.close();
        }
    }

    /** industry-service's audit entries of one request, read straight from its index. */
    private List<JsonNode> industryAuditOf(String requestId) {
        return TestIndices.auditEntries(industry.bean(AuditTrail.class).alias(), "requestId", requestId);
    }


    @Test
    void aCreditOfficersLookUpReachesIndustryServiceAsTheOfficerAndIsUnmaskedAndAuditedThere() {
        HttpResponse<String> r = new ApiClient(port).get("/v1/subjects/" + CODE, "CREDIT_OFFICER");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(ApiClient.json(r).path("legalRepresentative").asText()).isEqualTo("梁志祥");
        String requestId = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(industryAuditOf(requestId)).singleElement().satisfies(entry -> {
            assertThat(entry.path("action").asText()).isEqualTo("READ_PERSONAL_DATA");
            assertThat(entry.path("actor").asText()).isEqualTo(TestIdentityProvider.demoUser("CREDIT_OFFICER").username());
            assertThat(entry.path("role").asText()).isEqualTo("CREDIT_OFFICER");
        });
    }

    @Test
    void aPublicLookUpReachesIndustryServiceWithCreditServicesOwnTokenAndStaysMasked() {
        HttpResponse<String> r = new ApiClient(port).get("/v1/subjects/" + CODE, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(ApiClient.json(r).path("legalRepresentative").asText()).isEqualTo("梁**");
        assertThat(industryAuditOf(r.headers().firstValue("X-Request-Id").orElseThrow())).isEmpty();
    }

    @Test
    void workOutsideAnyRequestCarriesTheServiceTokenWhichMayBatchLookUpButNotUnmask() throws Exception {
        // the batch look-up is refused to anonymous callers: an answer proves the call carried credit-service's token
        EnterpriseBatch batch = CompletableFuture.supplyAsync(() -> industryClient.enterprises(new EnterpriseBatch.Request(List.of(CODE))))
                .get();
        assertThat(batch.found()).singleElement().satisfies(e -> assertThat(e.legalRepresentative()).isEqualTo("梁**"));
    }
}

package cn.dongcheng.platform.industry.security;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.JwtForgery;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.testing.TestIndices;
import cn.dongcheng.platform.industry.TestCodes;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service called directly — past the gateway — trusts nothing but a verified token: a forged role header, a
 * missing token, or a token that is expired, signed by another key, from another issuer or for another audience all get
 * a 401 problem, and every refusal is in the audit trail. (The mechanism is the common security configuration every
 * service inherits; industry-service stands for all of them.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenVerificationIT extends ElasticsearchIntegrationTest {

    private static final String CODE = TestCodes.code(8101);
    private static final String ALERTS = "/v1/alerts";
    private static final String OFFICER = "INDUSTRY_OFFICER";

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;
    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private static void refusedAsProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(ApiClient.json(r).path("requestId").asText()).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
    }

    private JsonNode auditEntry(String requestId) {
        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "requestId", requestId);
        assertThat(entries).as("audit entries of request " + requestId).hasSize(1);
        return entries.get(0);
    }

    @Test
    void aForgedRoleHeaderChangesNothing() {
        HttpResponse<String> forged = api.getWithToken(ALERTS, null, Map.of("X-Caller-Role", "INDUSTRY_OFFICER", "X-Caller", "root"));
        refusedAsProblem(forged, 401);
        assertThat(auditEntry(forged.headers().firstValue("X-Request-Id").orElseThrow()).path("action").asText())
                .isEqualTo("AUTHENTICATION_REQUIRED");
        // and with a real token of a role the matrix refuses, the header does not lift it either
        HttpResponse<String> withToken = api.getWithToken(ALERTS, TestIdentityProvider.token(CallerRole.REGULATOR),
                Map.of("X-Caller-Role", "INDUSTRY_OFFICER"));
        refusedAsProblem(withToken, 403);
        JsonNode denied = auditEntry(withToken.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(denied.path("action").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(denied.path("role").asText()).isEqualTo("REGULATOR");
        assertThat(denied.path("resource").asText()).isEqualTo("GET /v1/alerts");
    }

    @Test
    void everyTokenThatFailsACheckIs401AndAudited() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("not a JWT", "forged");
        bad.put("signed by another key", JwtForgery.signedByAnotherKey(OFFICER));
        bad.put("expired", JwtForgery.expired(OFFICER));
        bad.put("another issuer", JwtForgery.fromAnotherIssuer(OFFICER));
        bad.put("another audience", JwtForgery.forAnotherAudience(OFFICER));
        for (Map.Entry<String, String> token : bad.entrySet()) {
            HttpResponse<String> r = api.getWithToken(ALERTS, token.getValue());
            refusedAsProblem(r, 401);
            assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).as(token.getKey()).contains("invalid_token");
            JsonNode entry = auditEntry(r.headers().firstValue("X-Request-Id").orElseThrow());
            assertThat(entry.path("action").asText()).as(token.getKey()).isEqualTo("TOKEN_REJECTED");
            assertThat(entry.path("outcome").asText()).isEqualTo("401");
        }
        // the same claims signed by the issuer's key pass: the checks above refused the token, not the role
        String good = JwtForgery.signedByIssuer(JwtForgery.claims(OFFICER).build());
        assertThat(api.getWithToken(ALERTS, good).statusCode()).isEqualTo(200);
    }

    @Test
    void anEnterpriseSeesItsOwnMonthlyReportsAndNoOneElses() {
        String own = TestIdentityProvider.enterpriseCode();
        api.postNdjson("/v1/enterprises:bulk?refresh=true", "{\"uscc\":\"" + own + "\",\"name\":\"北京示范科技有限公司\",\"status\":\"ACTIVE\","
                + "\"streetCode\":\"110101008\",\"industrySection\":\"I\",\"industryClass\":\"6421\"}\n"
                + "{\"uscc\":\"" + CODE + "\",\"name\":\"北京别家有限公司\",\"status\":\"ACTIVE\",\"streetCode\":\"110101008\","
                + "\"industrySection\":\"I\",\"industryClass\":\"6421\"}\n", "DATA_STEWARD");
        api.postNdjson("/v1/operating-indicators:bulk?refresh=true", TestCodes.monthlyReport(own, "2024-11", 1_000_000, 60_000, 50),
                "DATA_STEWARD");
        HttpResponse<String> mine = api.get("/v1/enterprises/" + own + "/operating-indicators?from=2024-11&to=2024-11", "ENTERPRISE");
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(ApiClient.json(mine).get(0).path("revenueYtd").decimalValue()).isEqualByComparingTo("1000000");
        refusedAsProblem(api.get("/v1/enterprises/" + CODE + "/operating-indicators", "ENTERPRISE"), 403);
    }
}

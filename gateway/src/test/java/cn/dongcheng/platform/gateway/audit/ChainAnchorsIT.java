package cn.dongcheng.platform.gateway.audit;

import cn.dongcheng.platform.common.audit.AuditEntry;
import cn.dongcheng.platform.common.audit.AuditPseudonyms;
import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.NeighbourService;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.testing.TestIndices;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.industry.IndustryServiceApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cn.dongcheng.platform.gateway.Downstream;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway anchors a real industry-service's audit chain (its own Spring context and port, same node) in the
 * gateway's own chain, and reports when that chain was cut back behind the anchor. A second, canned service
 * ({@code probe-service}) records which bearer token each call carried.
 *
 * <p>Tokens are real: the gateway's own client-credentials token from the test issuer for anchoring, the demo auditor's
 * for verification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.audit.anchored-services=industry-service,probe-service",
        "platform.audit.anchor-interval=1h"})
class ChainAnchorsIT extends ElasticsearchIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ElasticsearchJson ES = TestIndices.json();
    private static final String PROBE_HASH = "ab".repeat(32);
    private static final Map<String, String> AUTHORIZATION_SEEN = new ConcurrentHashMap<>();
    private static NeighbourService industry;
    private static HttpServer probe;

    @LocalServerPort
    int port;
    @Autowired
    ChainAnchors anchors;
    @Autowired
    AuditTrail gatewayTrail;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        // the gateway's own Spring Cloud Gateway beans have no place in the servlet neighbour on this class path
        industry = NeighbourService.start(IndustryServiceApplication.class, Map.of("spring.cloud.gateway.server.webflux.enabled", "false"));
        registry.add("spring.cloud.discovery.client.simple.instances.industry-service[0].uri", industry::baseUrl);
        probe = Downstream.start(exchange -> {
            AUTHORIZATION_SEEN.put(exchange.getRequestURI().getPath(), String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String body = exchange.getRequestURI().getPath().endsWith("/head")
                    ? "{\"seq\":3,\"hash\":\"" + PROBE_HASH + "\",\"time\":\"2026-11-30T09:00:00+08:00\"}"
                    : "{\"entriesChecked\":3,\"intact\":true,\"headSeq\":3,\"headHash\":\"" + PROBE_HASH + "\",\"problems\":[],"
                    + "\"at\":{\"seq\":3,\"hash\":\"" + PROBE_HASH + "\"}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        registry.add("spring.cloud.discovery.client.simple.instances.probe-service[0].uri",
                () -> Downstream.uri(probe));
    }

    @AfterAll
    static void stop() {
        probe.stop(0);
        industry.close();
    }

    private JsonNode verification(String service) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/audit/v1/audit-chains/" + service + "/verification"))
                .header("Authorization", "Bearer " + TestIdentityProvider.token(CallerRole.AUDITOR)).build(), HttpResponse.BodyHandlers.ofString());
        return ((ObjectNode) JSON.readTree(r.body())).put("status", r.statusCode());
    }

    private static JsonNode claimsOf(String authorization) throws Exception {
        String token = authorization.substring("Bearer ".length());
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static void audited() {
        String uscc = "91110000802100433B";
        // a data steward's upload and an unmasked read: two entries in industry-service's chain
        ApiClient api = new ApiClient(industry.port());
        HttpResponse<String> upload = api.postNdjson("/v1/enterprises:bulk", "{\"uscc\":\"" + uscc + "\",\"name\":\"北京测试科技有限公司\",\"status\":\"ACTIVE\","
                + "\"streetCode\":\"110101006\",\"industrySection\":\"I\",\"industryClass\":\"6421\",\"legalRepresentative\":\"王五\"}\n",
                "DATA_STEWARD");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        assertThat(api.get("/v1/enterprises/" + uscc, "INDUSTRY_OFFICER").statusCode()).isEqualTo(200);
    }

    @Test
    void reportsAnIntactChainThenTheTruncationBehindTheAnchor() throws Exception {
        AuditTrail serviceTrail = industry.bean(AuditTrail.class);
        audited();
        audited();
        long anchoredSeq = serviceTrail.head().seq();
        String anchoredHash = serviceTrail.head().hash();

        List<ChainAnchors.Anchor> anchored = anchors.anchorAll().collectList().block();
        assertThat(anchored).extracting(ChainAnchors.Anchor::service).containsExactly("industry-service", "probe-service");
        assertThat(anchored.get(0).seq()).isEqualTo(anchoredSeq);
        // the anchor is an entry of the gateway's own, intact chain
        AuditEntry anchorEntry = ES.mapper().convertValue(ES.get("/" + gatewayTrail.alias() + "/_doc/" + "%019d".formatted(
                gatewayTrail.head().seq() - 1)).path("_source"), AuditEntry.class);
        assertThat(anchorEntry.action()).isEqualTo("ANCHOR");
        assertThat(anchorEntry.resource()).isEqualTo("industry-service");
        assertThat(anchorEntry.detail()).isEqualTo("seq=" + anchoredSeq + " hash=" + anchoredHash);
        assertThat(gatewayTrail.verify().intact()).isTrue();

        audited(); // entries after the anchor are fine
        JsonNode intact = verification("industry-service");
        assertThat(intact.path("status").asInt()).as(intact.toString()).isEqualTo(200);
        assertThat(intact.path("intact").asBoolean()).isTrue();
        assertThat(intact.path("truncated").asBoolean()).isFalse();
        assertThat(intact.path("anchor").path("seq").asLong()).isEqualTo(anchoredSeq);
        assertThat(intact.path("headSeq").asLong()).isEqualTo(anchoredSeq + 2);

        // someone with write access to the service's index removes its newest entries: the rest still verifies alone
        for (long seq = anchoredSeq - 1; seq <= anchoredSeq + 2; seq++) {
            ES.send("DELETE", "/" + serviceTrail.alias() + "/_doc/" + "%019d".formatted(seq) + "?refresh=true", null);
        }
        assertThat(serviceTrail.verify().intact()).isTrue();
        JsonNode cut = verification("industry-service");
        assertThat(cut.path("truncated").asBoolean()).as(cut.toString()).isTrue();
        assertThat(cut.path("intact").asBoolean()).isFalse();
        assertThat(cut.path("problems").toString()).contains("no longer reaches entry " + anchoredSeq);

        // ... and lets the service write on, as it does once restarted (a new trail reads the head from the index): the
        // chain is long enough again, but the anchored entry is another one
        try (AuditTrail restarted = new AuditTrail(ES, TestIndices.client(), serviceTrail.alias(), Clock.systemDefaultZone(),
                AuditPseudonyms.fromBase64(TestIdentityProvider.PSEUDONYM_KEY))) {
            for (int i = 0; i < 2; i++) {
                restarted.record(CallerContext.of("data-steward", CallerRole.DATA_STEWARD), "READ", "enterprise", "SUCCESS", null);
            }
        }
        JsonNode rewritten = verification("industry-service");
        assertThat(rewritten.path("truncated").asBoolean()).as(rewritten.toString()).isTrue();
        assertThat(rewritten.path("problems").toString()).contains("entry " + anchoredSeq + " has another hash");
    }

    @Test
    void anchoringUsesTheGatewaysTokenAndVerificationRelaysTheAuditors() throws Exception {
        anchors.anchor("probe-service").block();
        // the gateway's own client-credentials token: subject "gateway", role SERVICE
        JsonNode claims = claimsOf(AUTHORIZATION_SEEN.get("/v1/audit-chain/head"));
        assertThat(claims.path("sub").asText()).isEqualTo("gateway");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"SERVICE\"]");
        JsonNode answer = verification("probe-service");
        assertThat(answer.path("truncated").asBoolean()).as(answer.toString()).isFalse();
        assertThat(AUTHORIZATION_SEEN.get("/v1/audit-chain/verification")).isEqualTo("Bearer " + TestIdentityProvider.token(CallerRole.AUDITOR));
    }

    @Test
    void aServiceThatIsNotAnchoredIsNotFound() throws Exception {
        assertThat(verification("no-such-service").path("status").asInt()).isEqualTo(404);
    }
}

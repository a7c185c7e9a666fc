package cn.dongcheng.platform.gateway.audit;

import cn.dongcheng.platform.common.audit.AuditEntry;
import cn.dongcheng.platform.common.audit.AuditPseudonyms;
import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.index.VersionedIndexManager;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.common.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.common.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway anchors a service's chain in its own chain (both real chains on the real node) and reports when the
 * service's chain was cut back behind an anchor. The service is a small HTTP server answering head and verification
 * from a real {@link AuditTrail}, as every service's {@code AuditController} does.
 *
 * <p>Tokens: a fixed test token ({@link ServiceTokens}) until {@code TestIdentityProvider} is in this branch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.audit.anchored-services=industry-service",
        "platform.audit.anchor-interval=1h"})
class ChainAnchorsIT extends ElasticsearchIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ElasticsearchJson ES = TestIndices.json();
    private static final String SERVICE_ALIAS = TestIndices.uniqueNamespace() + "industry-audit";
    private static final Map<String, String> AUTHORIZATION_SEEN = new ConcurrentHashMap<>();
    private static AuditTrail serviceTrail;
    private static HttpServer service;

    @LocalServerPort
    int port;
    @Autowired
    ChainAnchors anchors;
    @Autowired
    AuditTrail gatewayTrail;

    @TestConfiguration
    static class Tokens {
        @Bean
        @Primary
        ServiceTokens testServiceTokens() {
            return () -> Mono.just("test-service-token");
        }
    }

    @DynamicPropertySource
    static void industryService(DynamicPropertyRegistry registry) throws IOException {
        new VersionedIndexManager(ES).ensure(SERVICE_ALIAS, "elasticsearch/audit.json");
        serviceTrail = new AuditTrail(ES, SERVICE_ALIAS, Clock.systemDefaultZone(),
                AuditPseudonyms.fromBase64(ElasticsearchIntegrationTest.TEST_PSEUDONYM_KEY));
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/v1/audit-chain/head", exchange -> answer(exchange, serviceTrail.head()));
        service.createContext("/v1/audit-chain/verification", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            answer(exchange, serviceTrail.verify(Long.valueOf(query.replaceFirst("^at=", ""))));
        });
        service.start();
        registry.add("spring.cloud.discovery.client.simple.instances.industry-service[0].uri",
                () -> "http://127.0.0.1:" + service.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, Object body) throws IOException {
        AUTHORIZATION_SEEN.put(exchange.getRequestURI().getPath(), String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    static void stop() {
        service.stop(0);
        serviceTrail.close();
    }

    private JsonNode verification(String service) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/audit/v1/audit-chains/" + service + "/verification"))
                .header("Authorization", "Bearer auditor-token").build(), HttpResponse.BodyHandlers.ofString());
        return ((ObjectNode) JSON.readTree(r.body())).put("status", r.statusCode());
    }

    @Test
    void reportsAnIntactChainThenTheTruncationBehindTheAnchor() throws Exception {
        CallerContext officer = new CallerContext("li.na", CallerRole.INDUSTRY_OFFICER);
        for (int i = 1; i <= 5; i++) {
            serviceTrail.record(officer, "READ", "enterprises/e" + i, "ok", null);
        }
        List<ChainAnchors.Anchor> anchored = anchors.anchorAll().collectList().block();
        assertThat(anchored).singleElement().satisfies(a -> {
            assertThat(a.service()).isEqualTo("industry-service");
            assertThat(a.seq()).isEqualTo(5);
        });
        assertThat(AUTHORIZATION_SEEN.get("/v1/audit-chain/head")).isEqualTo("Bearer test-service-token");
        // the anchor is an entry of the gateway's own, intact chain
        AuditEntry anchorEntry = ES.mapper().convertValue(ES.get("/" + gatewayTrail.alias() + "/_doc/" + "%019d".formatted(
                gatewayTrail.head().seq())).path("_source"), AuditEntry.class);
        assertThat(anchorEntry.action()).isEqualTo("ANCHOR");
        assertThat(anchorEntry.resource()).isEqualTo("industry-service");
        assertThat(anchorEntry.detail()).isEqualTo("seq=5 hash=" + serviceTrail.head().hash());
        assertThat(gatewayTrail.verify().intact()).isTrue();

        serviceTrail.record(officer, "READ", "enterprises/e6", "ok", null); // entries after the anchor are fine
        JsonNode intact = verification("industry-service");
        assertThat(intact.path("status").asInt()).as(intact.toString()).isEqualTo(200);
        assertThat(intact.path("intact").asBoolean()).isTrue();
        assertThat(intact.path("truncated").asBoolean()).isFalse();
        assertThat(intact.path("anchor").path("seq").asLong()).isEqualTo(5);
        assertThat(intact.path("headSeq").asLong()).isEqualTo(6);
        assertThat(AUTHORIZATION_SEEN.get("/v1/audit-chain/verification")).isEqualTo("Bearer auditor-token");

        // someone with write access to the service's index removes its newest entries: the rest still verifies alone
        for (int seq = 4; seq <= 6; seq++) {
            ES.send("DELETE", "/" + SERVICE_ALIAS + "/_doc/" + "%019d".formatted(seq) + "?refresh=true", null);
        }
        assertThat(serviceTrail.verify().intact()).isTrue();
        JsonNode cut = verification("industry-service");
        assertThat(cut.path("truncated").asBoolean()).as(cut.toString()).isTrue();
        assertThat(cut.path("intact").asBoolean()).isFalse();
        assertThat(cut.path("problems").toString()).contains("no longer reaches entry 5");

        // ... and writes new entries in their place: the chain is long enough again, but entry 5 is another one
        serviceTrail.forgetHead();
        serviceTrail.record(officer, "READ", "enterprises/x4", "ok", null);
        serviceTrail.record(officer, "READ", "enterprises/x5", "ok", null);
        JsonNode rewritten = verification("industry-service");
        assertThat(rewritten.path("truncated").asBoolean()).as(rewritten.toString()).isTrue();
        assertThat(rewritten.path("problems").toString()).contains("entry 5 has another hash");
    }

    @Test
    void aServiceThatIsNotAnchoredIsNotFound() throws Exception {
        assertThat(verification("no-such-service").path("status").asInt()).isEqualTo(404);
    }
}

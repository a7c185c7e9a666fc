package cn.dongcheng.platform.gateway;

import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.testing.JwtForgery;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a real HTTP server that echoes what reached it: routing, prefix stripping, request ids,
 * token verification before any service is called, and 503 problems for a service that is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIT extends ElasticsearchIntegrationTest { // the gateway keeps its own audit chain

    private static HttpServer echo;
    private static final AtomicInteger calls = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    AuditTrail audit;
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) throws IOException {
        echo = Downstream.start(exchange -> {
            calls.incrementAndGet();
            String headers = exchange.getRequestHeaders().entrySet().stream()
                    .map(e -> "\"" + e.getKey().toLowerCase() + "\":\"" + String.join(",", e.getValue()).replace("\"", "'") + "\"")
                    .collect(Collectors.joining(","));
            byte[] body = ("{\"path\":\"" + exchange.getRequestURI() + "\",\"headers\":{" + headers + "}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            // like the real services: echo the request id back
            exchange.getResponseHeaders().set("X-Request-Id", exchange.getRequestHeaders().getFirst("X-Request-Id"));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        registry.add("spring.cloud.discovery.client.simple.instances.industry-service[0].uri", () -> Downstream.uri(echo));
        registry.add("spring.cloud.discovery.client.simple.instances.population-service[0].uri", () -> "http://127.0.0.1:" + closedPort);
    }

    @AfterAll
    static void stop() {
        echo.stop(0);
    }

    /** The gateway's own audit entry of one request. */
    private JsonNode gatewayAudit(String requestId) {
        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "requestId", requestId);
        assertThat(entries).as("gateway audit entries of " + requestId).hasSize(1);
        return entries.get(0);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesByDomainStrippingThePrefixAndReplacingTheClientsRequestIdWithItsOwn() throws Exception {
        HttpResponse<String> r = get("/api/industry/v1/enterprises?size=1", "X-Request-Id", "chosen-by-client");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode seen = json.readTree(r.body());
        assertThat(seen.path("path").asText()).isEqualTo("/v1/enterprises?size=1");
        String id = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).isNotEqualTo("chosen-by-client");
        assertThat(r.headers().allValues("X-Request-Id")).containsExactly(id);
        assertThat(seen.path("headers").path("x-request-id").asText()).isEqualTo(id);
        assertThat(seen.path("headers").path("x-forwarded-prefix").asText()).isEqualTo("/api/industry");
    }

    @Test
    void aVerifiedTokenTravelsOnUnchangedAndTheGatewayAddsNoIdentityOfItsOwn() throws Exception {
        String token = TestIdentityProvider.token(CallerRole.INDUSTRY_OFFICER);
        JsonNode seen = json.readTree(get("/api/industry/v1/enterprises", "Authorization", "Bearer " + token).body());
        assertThat(seen.path("headers").path("authorization").asText()).isEqualTo("Bearer " + token);
        assertThat(seen.path("headers").has("x-caller-role")).isFalse();
        assertThat(seen.path("headers").has("x-caller")).isFalse();
    }

    @Test
    void withoutATokenTheCallGoesOnAndTheServiceDecides() throws Exception {
        JsonNode seen = json.readTree(get("/api/industry/v1/enterprises").body());
        assertThat(seen.path("headers").has("authorization")).isFalse();
    }

    @Test
    void aTokenThatFailsVerificationIs401ProblemAndNeverReachesTheService() throws Exception {
        int before = calls.get();
        Map<String, String> bad = Map.of(
                "not a JWT", "forged",
                "signed by another key", JwtForgery.signedByAnotherKey("AUDITOR"),
                "expired", JwtForgery.expired("AUDITOR"),
                "another issuer", JwtForgery.fromAnotherIssuer("AUDITOR"),
                "another audience", JwtForgery.forAnotherAudience("AUDITOR"));
        for (Map.Entry<String, String> token : bad.entrySet()) {
            HttpResponse<String> r = get("/api/industry/v1/enterprises", "Authorization", "Bearer " + token.getValue());
            assertThat(r.statusCode()).as(token.getKey()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
            String requestId = json.readTree(r.body()).path("requestId").asText();
            assertThat(requestId).as(r.body()).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
            assertThat(gatewayAudit(requestId).path("action").asText()).as(token.getKey()).isEqualTo("TOKEN_REJECTED");
        }
        assertThat(calls.get()).as("calls that reached the service").isEqualTo(before);
    }

    @Test
    void theGatewaysOwnOperationalEndpointsNeedTheAdministrator() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", "Authorization", "Bearer " + TestIdentityProvider.token(CallerRole.AUDITOR)).statusCode())
                .isEqualTo(403);
        assertThat(get("/actuator/metrics", "Authorization", "Bearer " + TestIdentityProvider.token(CallerRole.ADMINISTRATOR))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousCallersReadOnlyHealthOfTheGatewayAndOfARoutedService() throws Exception {
        int before = calls.get();
        for (String path : List.of("/actuator/metrics", "/actuator/prometheus", "/actuator/info",
                "/api/industry/actuator/prometheus", "/api/industry/actuator/metrics", "/api/industry/actuator/info")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
            assertThat(json.readTree(r.body()).path("requestId").asText()).as(path).isNotBlank();
        }
        assertThat(calls.get()).as("refused calls that reached the service").isEqualTo(before);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> routedHealth = get("/api/industry/actuator/health/readiness");
        assertThat(routedHealth.statusCode()).isEqualTo(200);
        assertThat(json.readTree(routedHealth.body()).path("path").asText()).isEqualTo("/actuator/health/readiness");
        // staff reach a routed service's metrics: the gateway lets them through, the service decides again
        String admin = "Bearer " + TestIdentityProvider.token(CallerRole.ADMINISTRATOR);
        assertThat(get("/api/industry/actuator/prometheus", "Authorization", admin).statusCode()).isEqualTo(200);
        assertThat(get("/api/industry/actuator/prometheus", "Authorization",
                "Bearer " + TestIdentityProvider.token(CallerRole.AUDITOR)).statusCode()).isEqualTo(403);
    }

    @Test
    void aServiceThatIsDownIs503ProblemNamingIt() throws Exception {
        HttpResponse<String> r = get("/api/population/v1/population-summaries");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.path("dependency").asText()).isEqualTo("population-service");
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.body()).doesNotContain("127.0.0.1").doesNotContain("Connection refused:");
        assertThat(problem.path("requestId").asText()).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void aBurstOf200ConcurrentRequestsToAHealthyServiceGetsNo503() {
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            burst.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/industry/v1/burst/" + i)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = burst.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
        assertThat(statuses).hasSize(200).containsOnly(200);
    }

    @Test
    void anUnroutedPathIsRefusedAsAProblemLikeAnyEndpointNoMatrixNames() throws Exception {
        HttpResponse<String> r = get("/api/nowhere/v1/x");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}

package cn.dongcheng.platform.gateway.ratelimit;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIndices;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits through the real gateway to a real HTTP server that counts what reaches it. Anonymous callers get 3
 * requests refilled at 1 per second per route (credit: 2); each test is its own client address, which the gateway
 * takes from X-Forwarded-For because the test connects from 127.0.0.1, a trusted proxy in application.yml.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.gateway.rate-limits.anonymous.capacity=3",
        "platform.gateway.rate-limits.anonymous.refill-per-second=1",
        "platform.gateway.rate-limits.routes.credit.anonymous.capacity=2",
        "platform.gateway.rate-limits.routes.credit.anonymous.refill-per-second=1",
        "platform.gateway.rate-limits.routes.supervision.authenticated.capacity=2",
        "platform.gateway.rate-limits.routes.supervision.authenticated.refill-per-second=1"})
class RateLimitIT extends ElasticsearchIntegrationTest { // the gateway keeps its own audit chain

    private static HttpServer downstream;
    private static final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    AuditTrail audit;
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) throws IOException {
        downstream = Downstream.start(exchange -> {
            calls.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        String uri = Downstream.uri(downstream);
        registry.add("spring.cloud.discovery.client.simple.instances.industry-service[0].uri", () -> uri);
        registry.add("spring.cloud.discovery.client.simple.instances.credit-service[0].uri", () -> uri);
        registry.add("spring.cloud.discovery.client.simple.instances.market-supervision-service[0].uri", () -> uri);
    }

    @AfterAll
    static void stop() {
        downstream.stop(0);
    }

    private HttpResponse<String> get(String path, String client) throws Exception {
        return get(path, client, null);
    }

    private HttpResponse<String> get(String path, String client, String role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Forwarded-For", client);
        if (role != null) {
            request.header("Authorization", "Bearer " + TestIdentityProvider.token(role));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Calls until the first refusal; returns it, having checked that every call before it passed. */
    private HttpResponse<String> spend(String path, String client) throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = get(path, client);
            if (r.statusCode() == 429) {
                return r;
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        }
        throw new AssertionError("20 calls from " + client + " on " + path + " and none refused");
    }

    /** How many calls reached the service for a gateway path (the service sees it without /api/{domain}). */
    private static int calls(String path) {
        AtomicInteger n = calls.get(path.replaceFirst("^/api/[^/]+", ""));
        return n == null ? 0 : n.get();
    }

    @Test
    void aBurstOverTheLimitIs429ProblemWithRetryAfterAndTheServiceIsNotCalled() throws Exception {
        String client = "203.0.113.1";
        HttpResponse<String> first = get("/api/industry/v1/burst", client);
        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(first.headers().firstValue("RateLimit-Limit")).hasValue("3");
        assertThat(first.headers().firstValue("RateLimit-Remaining")).hasValue("2");

        HttpResponse<String> refused = spend("/api/industry/v1/burst", client);
        int passed = calls("/api/industry/v1/burst");
        assertThat(passed).isGreaterThanOrEqualTo(3); // the capacity (one more if a second went by meanwhile)
        HttpResponse<String> again = get("/api/industry/v1/burst", client);
        assertThat(again.statusCode()).isEqualTo(429);

        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("type").asText()).endsWith("/too-many-requests");
        assertThat(problem.path("requestId").asText()).isNotBlank();
        assertThat(calls("/api/industry/v1/burst")).as("refused calls reach the service").isEqualTo(passed);
    }

    @Test
    void anotherClientAddressHasItsOwnBucketAndAForgedLeftmostForwardedForDoesNotBuyOne() throws Exception {
        spend("/api/industry/v1/clients", "203.0.113.2");
        assertThat(get("/api/industry/v1/clients", "203.0.113.3").statusCode()).isEqualTo(204);
        // the proxy (here: the test, from 127.0.0.1) appended the real client; what the client wrote before it is ignored
        assertThat(get("/api/industry/v1/clients", "198.51.100.9, 203.0.113.2").statusCode()).isEqualTo(429);
    }

    @Test
    void tokensRefillAfterTheAnnouncedWait() throws Exception {
        HttpResponse<String> refused = spend("/api/industry/v1/refill", "203.0.113.4");
        long wait = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(wait).isEqualTo(1); // one token at 1 per second, rounded up
        Thread.sleep(wait * 1000);
        assertThat(get("/api/industry/v1/refill", "203.0.113.4").statusCode()).isEqualTo(204);
    }

    @Test
    void eachRouteHasItsOwnBucketAndItsOwnLimit() throws Exception {
        spend("/api/industry/v1/routes", "203.0.113.5");
        HttpResponse<String> credit = get("/api/credit/v1/routes", "203.0.113.5");
        assertThat(credit.statusCode()).isEqualTo(204);
        assertThat(credit.headers().firstValue("RateLimit-Limit")).hasValue("2");
    }

    @Test
    void aSignedInCallerIsLimitedByItsSubjectWhereverItCallsFrom() throws Exception {
        String path = "/api/supervision/v1/subjects";
        HttpResponse<String> first = get(path, "203.0.113.6", "REGULATOR");
        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(first.headers().firstValue("RateLimit-Limit")).hasValue("2"); // the authenticated limit of this route
        get(path, "203.0.113.6", "REGULATOR");
        // another address does not buy the regulator a new bucket ...
        assertThat(get(path, "203.0.113.7", "REGULATOR").statusCode()).isEqualTo(429);
        // ... while another subject from the same address, and the address without a token, have their own
        assertThat(get(path, "203.0.113.6", "INSPECTOR").statusCode()).isEqualTo(204);
        assertThat(get(path, "203.0.113.6").statusCode()).isEqualTo(204);
    }

    @Test
    void aFloodOfRefusedTokensFromOneAddressIsLimitedBeforeItFillsTheAuditTrail() throws Exception {
        String path = "/api/industry/v1/forged";
        long auditedBefore = refusedTokensAudited();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Forwarded-For", "203.0.113.8").header("Authorization", "Bearer forged-" + i).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        // the anonymous limit of this address (3) answers 401 and audits; then 429, neither audited nor verified
        assertThat(statuses.subList(0, 3)).containsOnly(401);
        assertThat(statuses.subList(3, 6)).containsOnly(429);
        assertThat(refusedTokensAudited() - auditedBefore).isEqualTo(3);
        assertThat(calls(path)).isZero();
    }

    private long refusedTokensAudited() {
        return TestIndices.auditEntries(audit.alias(), "action", "TOKEN_REJECTED").size();
    }
}

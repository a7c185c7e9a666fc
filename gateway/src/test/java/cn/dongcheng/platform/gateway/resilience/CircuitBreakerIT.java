package cn.dongcheng.platform.gateway.resilience;

import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import cn.dongcheng.platform.gateway.Downstream;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Circuit breakers, retries and the services' timeouts through the real gateway to real HTTP servers. The breakers
 * are made quick here: a window of 4 calls, open for 2 s, 2 trial calls. Look-up routes wait 1 s for an answer, bulk
 * routes 5 s. Each service name has its own breaker: population-service goes down and comes back, credit-service has a
 * dead instance beside a live one, industry-service answers slowly, market-supervision-service fails with 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=2s",
        "resilience4j.circuitbreaker.configs.default.permitted-number-of-calls-in-half-open-state=2",
        "platform.gateway.timeouts.lookup-response-millis=1000",
        "platform.gateway.timeouts.bulk-response-millis=5000"})
class CircuitBreakerIT extends ElasticsearchIntegrationTest {

    private static final Duration OPEN = Duration.ofSeconds(2);
    private static HttpServer backend;
    private static HttpServer population;
    private static int populationPort;
    private static final AtomicInteger calls = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    CircuitBreakerRegistry breakers;
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        backend = Downstream.start(exchange -> {
            calls.incrementAndGet();
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                int status = 200;
                if (path.startsWith("/v1/status/")) {
                    status = Integer.parseInt(path.substring("/v1/status/".length()));
                } else if (path.startsWith("/v1/slow") || path.endsWith(":bulk") || path.endsWith("/pool")) {
                    exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
                    Thread.sleep(2000);
                }
                byte[] body = ("{\"status\":" + status + ",\"detail\":\"the service's own answer, complete\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String live = Downstream.uri(backend);
        populationPort = freePort(); // nothing listens there until the test brings the service up
        registry.add("spring.cloud.discovery.client.simple.instances.population-service[0].uri", () -> "http://127.0.0.1:" + populationPort);
        registry.add("spring.cloud.discovery.client.simple.instances.credit-service[0].uri", () -> "http://127.0.0.1:" + freePort());
        registry.add("spring.cloud.discovery.client.simple.instances.credit-service[1].uri", () -> live);
        registry.add("spring.cloud.discovery.client.simple.instances.industry-service[0].uri", () -> live);
        registry.add("spring.cloud.discovery.client.simple.instances.market-supervision-service[0].uri", () -> live);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
        if (population != null) {
            population.stop(0);
        }
    }

    @BeforeEach
    void closeAllBreakers() {
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}\n")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private CircuitBreaker.State state(String service) {
        return breakers.circuitBreaker(service).getState();
    }

    /** The breaker counts a relayed answer just after the client has it. */
    private void awaitState(String service, CircuitBreaker.State expected) throws InterruptedException {
        for (int i = 0; i < 50 && state(service) != expected; i++) {
            Thread.sleep(20);
        }
        assertThat(state(service)).isEqualTo(expected);
    }

    /** A 503 problem naming the service and the kind of failure, with Retry-After, never an internal address. */
    private static JsonNode assertUnavailable(HttpResponse<String> r, String service, String kind, String retryAfter) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.headers().firstValue("Retry-After")).hasValue(retryAfter);
        JsonNode problem = ApiClient.json(r);
        assertThat(problem.path("dependency").asText()).isEqualTo(service);
        assertThat(problem.path("detail").asText()).isEqualTo(service + " is unavailable (" + kind + ")");
        assertThat(problem.path("requestId").asText()).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(r.body()).doesNotContain("127.0.0.1").doesNotContain("Connection refused");
        return problem;
    }

    @Test
    void theBreakerOpensWhileTheServiceIsDownAndClosesWhenItIsBack() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertUnavailable(get("/api/population/v1/population-summaries"), "population-service", "connection refused", "2");
        }
        awaitState("population-service", CircuitBreaker.State.OPEN);
        assertUnavailable(get("/api/population/v1/population-summaries"), "population-service", "circuit open after repeated failures", "10");

        population = Downstream.start(populationPort, exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        // still open until its wait is over, though the service is back
        assertUnavailable(get("/api/population/v1/population-summaries"), "population-service", "circuit open after repeated failures", "10");
        Thread.sleep(OPEN.toMillis() + 200);
        assertThat(get("/api/population/v1/population-summaries").statusCode()).isEqualTo(204); // trial calls
        assertThat(get("/api/population/v1/population-summaries").statusCode()).isEqualTo(204);
        awaitState("population-service", CircuitBreaker.State.CLOSED);
        assertThat(get("/api/population/v1/population-summaries").statusCode()).isEqualTo(204);
    }

    @Test
    void theServicesOwn5xxAreRelayedWholeAndOpenTheBreaker() throws Exception {
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = get("/api/supervision/v1/status/" + (i % 2 == 0 ? 500 : 503));
            assertThat(r.statusCode()).isIn(500, 503);
            assertThat(r.body()).contains("the service's own answer, complete");
        }
        awaitState("market-supervision-service", CircuitBreaker.State.OPEN);
        int before = calls.get();
        assertUnavailable(get("/api/supervision/v1/status/200"), "market-supervision-service", "circuit open after repeated failures", "10");
        assertThat(calls.get()).as("calls that reached the service through an open circuit").isEqualTo(before);
    }

    @Test
    void aStormOf4xxDoesNotOpenTheBreaker() throws Exception {
        int[] statuses = {400, 401, 403, 404, 409, 413, 422, 429};
        for (int i = 0; i < 24; i++) {
            int status = statuses[i % statuses.length];
            HttpResponse<String> r = get("/api/credit/v1/status/" + status);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
            assertThat(r.body()).contains("the service's own answer");
        }
        assertThat(state("credit-service")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breakers.circuitBreaker("credit-service").getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(get("/api/credit/v1/status/200").statusCode()).isEqualTo(200);
    }

    @Test
    void aGetIsRetriedOnAnotherInstanceWhenItsConnectionIsRefusedAPostNever() throws Exception {
        // credit-service: one dead instance, one live; the load balancer takes turns
        for (int i = 0; i < 8; i++) {
            assertThat(get("/api/credit/v1/status/200").statusCode()).as("GET " + i).isEqualTo(200);
        }
        List<Integer> posts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            posts.add(post("/api/credit/v1/status/200").statusCode());
        }
        assertThat(posts).as("POSTs, never retried").contains(200, 503);
    }

    @Test
    void aLookUpRouteWaitsShortABulkRouteLong() throws Exception {
        long start = System.nanoTime();
        assertUnavailable(get("/api/industry/v1/slow"), "industry-service", "no answer in time", "2");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1900));
        HttpResponse<String> bulk = post("/api/industry/v1/enterprises:bulk");
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        HttpResponse<String> pool = post("/api/supervision/v1/spot-check-tasks/2026-SCJG-B01/pool");
        assertThat(pool.statusCode()).as("a pool build streams the whole directory: it waits as long as an upload").isEqualTo(200);
    }
}

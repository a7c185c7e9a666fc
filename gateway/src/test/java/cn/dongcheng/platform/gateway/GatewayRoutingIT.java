package cn.dongcheng.platform.gateway;

import cn.dongcheng.platform.common.testing.ElasticsearchIntegrationTest;
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
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a real HTTP server that echoes what reached it: routing, prefix stripping, request ids,
 * caller headers from tokens (and never from the outside), and 503 problems for a service that is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.test.context.ActiveProfiles("local")
class GatewayRoutingIT extends ElasticsearchIntegrationTest { // the gateway keeps its own audit chain

    private static HttpServer echo;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) throws IOException {
        echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", exchange -> {
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
        echo.start();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        registry.add("spring.cloud.discovery.client.simple.instances.industry-service[0].uri", () -> "http://127.0.0.1:" + echo.getAddress().getPort());
        registry.add("spring.cloud.discovery.client.simple.instances.population-service[0].uri", () -> "http://127.0.0.1:" + closedPort);
    }

    @AfterAll
    static void stop() {
        echo.stop(0);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesByDomainStrippingThePrefixAndAddsARequestId() throws Exception {
        HttpResponse<String> r = get("/api/industry/v1/enterprises?size=1");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode seen = json.readTree(r.body());
        assertThat(seen.path("path").asText()).isEqualTo("/v1/enterprises?size=1");
        String id = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(seen.path("headers").path("x-request-id").asText()).isEqualTo(id);
        assertThat(seen.path("headers").path("x-caller-role").asText()).isEqualTo("PUBLIC");
        assertThat(seen.path("headers").path("x-forwarded-prefix").asText()).isEqualTo("/api/industry");
    }

    @Test
    void keepsTheCallersRequestIdAndMapsATokenToItsRole() throws Exception {
        HttpResponse<String> r = get("/api/industry/v1/enterprises", "X-Request-Id", "abc-123",
                "Authorization", "Bearer demo-industry-officer");
        JsonNode seen = json.readTree(r.body());
        assertThat(r.headers().allValues("X-Request-Id")).containsExactly("abc-123");
        assertThat(seen.path("headers").path("x-request-id").asText()).isEqualTo("abc-123");
        assertThat(seen.path("headers").path("x-caller-role").asText()).isEqualTo("INDUSTRY_OFFICER");
        assertThat(seen.path("headers").path("x-caller").asText()).isEqualTo("industry.office.demo");
        assertThat(seen.path("headers").has("authorization")).isFalse();
    }

    @Test
    void aRoleClaimedByTheCallerIsIgnored() throws Exception {
        JsonNode seen = json.readTree(get("/api/industry/v1/enterprises", "X-Caller-Role", "AUDITOR", "X-Caller", "root").body());
        assertThat(seen.path("headers").path("x-caller-role").asText()).isEqualTo("PUBLIC");
        assertThat(seen.path("headers").path("x-caller").asText()).isEqualTo("anonymous");
    }

    @Test
    void anUnknownTokenIs401Problem() throws Exception {
        HttpResponse<String> r = get("/api/industry/v1/enterprises", "Authorization", "Bearer forged");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(r.body()).path("requestId").asText()).as(r.body()).isNotBlank();
    }

    @Test
    void aServiceThatIsDownIs503ProblemNamingIt() throws Exception {
        HttpResponse<String> r = get("/api/population/v1/persons/11010519491231002X", "X-Request-Id", "down-1");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.path("dependency").asText()).isEqualTo("population-service");
        assertThat(problem.path("requestId").asText()).isEqualTo("down-1");
    }

    @Test
    void anUnroutedPathIs404Problem() throws Exception {
        HttpResponse<String> r = get("/api/nowhere/v1/x");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}

package cn.dongcheng.platform.gateway.body;

import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.common.testing.ApiClient;
import cn.dongcheng.platform.common.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.common.testing.NeighbourService;
import cn.dongcheng.platform.common.testing.TestIdentityProvider;
import cn.dongcheng.platform.industry.IndustryServiceApplication;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body limit at the gateway, through real HTTP to a real industry-service (its own context and port, same node)
 * and its NDJSON bulk upload, with a data steward's real token. Gateway and service read the same property, here set to
 * {@value #LIMIT} bytes for both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "platform.http.max-body-bytes=" + RequestBodyLimitIT.LIMIT)
class RequestBodyLimitIT extends ElasticsearchIntegrationTest {

    static final int LIMIT = 20_000;
    private static final String BULK = "/api/industry/v1/enterprises:bulk?refresh=true";
    private static NeighbourService industry;

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        // the gateway's own Spring Cloud Gateway beans have no place in the servlet neighbour on this class path
        industry = NeighbourService.start(IndustryServiceApplication.class, Map.of("spring.cloud.gateway.server.webflux.enabled", "false",
                "platform.http.max-body-bytes", String.valueOf(LIMIT)));
        registry.add("spring.cloud.discovery.client.simple.instances.industry-service[0].uri", industry::baseUrl);
    }

    @AfterAll
    static void stop() {
        industry.close();
    }

    /** A valid credit code (both check characters) for a test's own entity {@code n}. */
    static String code(int n) {
        String body8 = String.format("MA%06d", n);
        String first17 = "91110101" + body8 + UnifiedSocialCreditCode.organisationCheckCharacter(body8);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** One NDJSON line of an entity, padded with blanks inside the object to {@code bytes} (newline included). */
    static String line(String uscc, int bytes) {
        String json = "{\"uscc\":\"" + uscc + "\",\"name\":\"北京限长测试有限公司\",\"status\":\"ACTIVE\",\"streetCode\":\"110101001\","
                + "\"industrySection\":\"L\",\"industryClass\":\"7211\"";
        int used = json.getBytes(StandardCharsets.UTF_8).length + 2; // "}\n"
        assertThat(bytes).isGreaterThanOrEqualTo(used);
        return json + " ".repeat(bytes - used) + "}\n";
    }

    private HttpResponse<String> upload(HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + BULK))
                .header("Authorization", "Bearer " + TestIdentityProvider.token(CallerRole.DATA_STEWARD))
                .header("Content-Type", "application/x-ndjson")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int stored(String uscc) {
        return new ApiClient(port).get("/api/industry/v1/enterprises/" + uscc, "INDUSTRY_OFFICER").statusCode();
    }

    /** Requests the service has answered so far (its own http.server.requests timers). */
    private static long serviceRequests() {
        return industry.bean(MeterRegistry.class).find("http.server.requests").timers().stream().mapToLong(Timer::count).sum();
    }

    private static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = ApiClient.json(r);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("requestId").asText()).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void aBodyOverTheLimitIs413ProblemAndTheServiceIsNeverCalled() throws Exception {
        String uscc = code(1);
        long before = serviceRequests();
        HttpResponse<String> r = upload(HttpRequest.BodyPublishers.ofString(line(uscc, LIMIT + 1)));
        assertProblem(r, 413);
        assertThat(ApiClient.json(r).path("type").asText()).endsWith("/payload-too-large");
        assertThat(ApiClient.json(r).path("detail").asText()).contains(String.valueOf(LIMIT + 1)).contains(String.valueOf(LIMIT));
        assertThat(serviceRequests()).as("requests that reached industry-service").isEqualTo(before);
        assertThat(stored(uscc)).isEqualTo(404);
    }

    @Test
    void aBodyAtTheLimitPassesAndIsStored() throws Exception {
        String uscc = code(2);
        String body = line(uscc, LIMIT);
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);
        HttpResponse<String> r = upload(HttpRequest.BodyPublishers.ofString(body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(1);
        assertThat(stored(uscc)).isEqualTo(200);
    }

    @Test
    void aChunkedBodyIsCutWith413WhenItPassesTheLimitAndNothingOfItIsStored() throws Exception {
        List<String> codes = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 2 * LIMIT; i++) {
            codes.add(code(100 + i));
            body.append(line(codes.get(i), 400));
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        // no Content-Length: the gateway learns the size only by counting
        HttpResponse<String> r = upload(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        assertProblem(r, 413);
        assertThat(ApiClient.json(r).path("type").asText()).endsWith("/payload-too-large");
        // the service got the lines up to the limit on a connection that broke off, never a body that seemed complete
        assertThat(stored(codes.get(0))).isEqualTo(404);
        assertThat(stored(codes.get(LIMIT / 400 - 2))).isEqualTo(404);
    }
}

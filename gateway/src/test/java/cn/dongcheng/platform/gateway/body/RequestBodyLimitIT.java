package cn.dongcheng.platform.gateway.body;

import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.NeighbourService;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.gateway.RawResponse;
import cn.dongcheng.platform.industry.IndustryServiceApplication;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.dongcheng.platform.gateway.Downstream;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body limit at the gateway, through real HTTP to a real industry-service (its own context and port, same node)
 * and its NDJSON bulk upload, with a data steward's real token. Gateway and service read the same property, here set to
 * {@value #LIMIT} bytes for both. credit-service is a plain HTTP server without a limit of its own, which tells how a
 * body the gateway cut arrived.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "platform.http.max-body-bytes=" + RequestBodyLimitIT.LIMIT)
class RequestBodyLimitIT extends ElasticsearchIntegrationTest {

    static final int LIMIT = 20_000;
    private static final String BULK = "/api/industry/v1/enterprises:bulk?refresh=true";
    private static NeighbourService industry;
    private static HttpServer sink;
    private static final AtomicInteger sinkCalls = new AtomicInteger();
    private static final AtomicInteger sinkComplete = new AtomicInteger();
    private static final AtomicInteger sinkBrokenOff = new AtomicInteger();
    private static final AtomicLong sinkBytes = new AtomicLong();

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        // the gateway's own Spring Cloud Gateway beans have no place in the servlet neighbour on this class path
        industry = NeighbourService.start(IndustryServiceApplication.class, Map.of("spring.cloud.gateway.server.webflux.enabled", "false",
                "platform.http.max-body-bytes", String.valueOf(LIMIT)));
        registry.add("spring.cloud.discovery.client.simple.instances.industry-service[0].uri", industry::baseUrl);
        sink = Downstream.start(exchange -> {
            sinkCalls.incrementAndGet();
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    sinkBytes.addAndGet(n);
                }
                sinkComplete.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException e) {
                sinkBrokenOff.incrementAndGet();
            }
        });
        registry.add("spring.cloud.discovery.client.simple.instances.credit-service[0].uri", () -> Downstream.uri(sink));
    }

    @AfterAll
    static void stop() {
        sink.stop(0);
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

    private static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = ApiClient.json(r);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("requestId").asText()).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void aBodyOverTheLimitIs413ProblemAndNothingIsStored() throws Exception {
        String uscc = code(1);
        HttpResponse<String> r = upload(HttpRequest.BodyPublishers.ofString(line(uscc, LIMIT + 1)));
        assertProblem(r, 413);
        assertThat(ApiClient.json(r).path("type").asText()).endsWith("/payload-too-large");
        assertThat(ApiClient.json(r).path("detail").asText()).contains(String.valueOf(LIMIT + 1)).contains(String.valueOf(LIMIT));
        assertThat(stored(uscc)).isEqualTo(404);
    }

    @Test
    void aContentLengthOverTheLimitIs413AtOnceWithoutTheBodyAndTheServiceIsNeverCalled() throws Exception {
        int before = sinkCalls.get();
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(5_000); // the body never comes: only the gateway's own answer can arrive in time
            client.getOutputStream().write(("POST /api/credit/v1/records:bulk HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            RawResponse r = RawResponse.read(client.getInputStream());
            assertThat(r.status()).as(r.body()).isEqualTo(413);
            assertThat(r.header("content-type")).startsWith("application/problem+json");
            assertThat(ApiClient.json(r.body()).path("requestId").asText()).isEqualTo(r.header("x-request-id"));
        }
        assertThat(sinkCalls.get()).as("calls that reached credit-service").isEqualTo(before);
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
    void aChunkedBodyIsCutWith413WhenItPassesTheLimitAndTheServiceSeesItBreakOff() throws Exception {
        byte[] body = new byte[2 * LIMIT];
        // no Content-Length: the gateway learns the size only by counting; credit-service here takes any size
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/credit/v1/records:bulk"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 413);
        assertThat(ApiClient.json(r).path("type").asText()).endsWith("/payload-too-large");
        for (int i = 0; i < 50 && sinkBrokenOff.get() == 0; i++) {
            Thread.sleep(20);
        }
        // what the service got broke off at the limit: never a body that seemed complete
        assertThat(sinkComplete.get()).as("bodies the service read to their end").isZero();
        assertThat(sinkBrokenOff.get()).as("bodies that broke off").isEqualTo(1);
        assertThat(sinkBytes.get()).isLessThanOrEqualTo(LIMIT);
    }
}

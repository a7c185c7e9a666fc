package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunked upload that crosses the body limit has stored the batches read before it: the 413 says how many, and the
 * audit trail holds the upload's entry with that count and a failed outcome.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"platform.http.max-body-bytes=20000", "platform.bulk.batch-size=10"})
class BulkUploadOverLimitIT extends ElasticsearchIntegrationTest {

    private static final int LINES = 400; // about 100 kB, five times the limit

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    AuditTrail audit;

    private static String uscc(int i) {
        String body8 = String.format("%08d", 70_000_000 + i);
        String first17 = "91110000" + body8 + UnifiedSocialCreditCode.organisationCheckCharacter(body8);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private static String line(String uscc) {
        return "{\"uscc\":\"" + uscc + "\",\"name\":\"分批企业\",\"status\":\"ACTIVE\",\"streetCode\":\"110101001\","
                + "\"industrySection\":\"L\",\"industryClass\":\"7211\",\"establishedOn\":\"2001-06-05\","
                + "\"registeredCapital\":\"1000000.00\",\"legalRepresentative\":\"李彦宏\"}\n";
    }

    @Test
    void aChunkedUploadOverTheLimitIs413SayingHowManyLinesAreStoredAndIsAuditedAsFailed() throws Exception {
        List<String> codes = new ArrayList<>();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            codes.add(uscc(i));
            ndjson.append(line(codes.get(i)));
        }
        byte[] body = ndjson.toString().getBytes(StandardCharsets.UTF_8);
        String requestId = "it-over-limit-" + UUID.randomUUID();
        // a stream of unknown length goes out chunked: no Content-Length for the filter to refuse up front
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/enterprises:bulk"))
                .header("Authorization", "Bearer " + TestIdentityProvider.token(CallerRole.INDUSTRY_OFFICER))
                .header("X-Request-Id", requestId)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(r.body());
        long stored = problem.path("storedLines").asLong(-1);
        assertThat(stored).as(r.body()).isPositive().isLessThan(LINES);
        assertThat(problem.path("requestId").asText()).isEqualTo(requestId);

        ApiClient api = new ApiClient(port);
        assertThat(api.get("/v1/enterprises/" + codes.get(0), null, "it-request").statusCode()).isEqualTo(200);
        assertThat(api.get("/v1/enterprises/" + codes.get(LINES - 1), null, "it-request").statusCode()).isEqualTo(404);

        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "requestId", requestId);
        assertThat(entries).as("audit entries of request " + requestId).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.path("action").asText()).isEqualTo("BULK_INGEST");
        assertThat(entry.path("role").asText()).isEqualTo("INDUSTRY_OFFICER");
        assertThat(entry.path("outcome").asText()).isEqualTo("failed");
        assertThat(entry.path("detail").asText()).as(entry.toString())
                .isEqualTo("reason=body-too-large accepted=" + stored + " unchanged=0 rejected=0");
    }
}

package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static cn.dongcheng.platform.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While an index is copied to a new version its old index is write-blocked (VersionedIndexManager): reads go on, and
 * a write answers 503 with Retry-After naming Elasticsearch — not a 500, and not a line rejected as if it were bad —
 * with the upload's audit entry saying it failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IndexUnderMigrationIT extends ElasticsearchIntegrationTest {

    private static final String CODE = "91110000802100433B";
    private static final String ANOTHER = "91350100M000100Y43";

    @LocalServerPort
    int port;
    @Autowired
    IndexNames names;
    @Autowired
    AuditTrail audit;

    private final ElasticsearchJson es = TestIndices.json();

    private static String line(String code, String name) {
        return "{\"uscc\":\"" + code + "\",\"name\":\"" + name + "\",\"status\":\"ACTIVE\",\"streetCode\":\"110101006\","
                + "\"industrySection\":\"I\",\"industryClass\":\"6421\",\"establishedOn\":\"2001-06-05\"}\n";
    }

    private void writeBlock(boolean blocked) {
        es.send("PUT", "/" + names.alias("enterprises") + "/_settings", es.object().put("index.blocks.write", blocked));
    }

    @AfterEach
    void lift() {
        writeBlock(false);
    }

    @Test
    void writesDuringAMigrationAre503WhileReadsGoOn() {
        ApiClient api = new ApiClient(port);
        assertThat(api.postNdjson("/v1/enterprises:bulk?refresh=true", line(CODE, "北京百度网讯科技有限公司"), "INDUSTRY_OFFICER").statusCode())
                .isEqualTo(200);
        writeBlock(true);

        String requestId = "it-blocked-" + UUID.randomUUID();
        HttpResponse<String> upload = new ApiClient(port).postNdjson("/v1/enterprises:bulk?refresh=true", line(ANOTHER, "示例企业"),
                "INDUSTRY_OFFICER", requestId);

        JsonNode problem = assertProblem(upload, 503);
        assertThat(problem.path("dependency").asText()).isEqualTo("elasticsearch");
        assertThat(upload.headers().firstValue("Retry-After")).isPresent();
        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "requestId", requestId);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("outcome").asText()).isEqualTo("failed");

        HttpResponse<String> read = api.get("/v1/enterprises/" + CODE, "INDUSTRY_OFFICER");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("北京百度网讯科技有限公司");
        assertThat(api.get("/v1/enterprises/" + ANOTHER, "INDUSTRY_OFFICER").statusCode()).isEqualTo(404);
    }
}

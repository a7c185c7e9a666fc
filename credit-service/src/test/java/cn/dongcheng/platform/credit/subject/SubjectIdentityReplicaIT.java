package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.credit.client.IndustryNeighbour;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.NeighbourService;
import cn.dongcheng.platform.testing.TestIndices;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory replica against a real industry-service and the real node: the sweep keeps the entries of subjects
 * with records (masked), and a public look-up is then answered from credit's own index, even with industry-service
 * gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// memory never answers: what answers is the replica; written records bring a sweep forward by a second (the hourly
// one and the first after start-up stay a day away, as in every test)
@TestPropertySource(properties = {"credit.directory.fresh-for=PT0S", "credit.directory.replica-sweep-after-write=PT1S"})
class SubjectIdentityReplicaIT extends ElasticsearchIntegrationTest {

    private static final String WITH_RECORDS = "91110000802100433B";
    private static final String ALSO_WITH_RECORDS = "91350100M000100Y43";
    private static final String WITHOUT_RECORDS = "91110000600037341L";
    private static NeighbourService industry;

    @LocalServerPort
    int port;
    @Autowired
    IdentityReplicaSweeper sweeper;
    @Autowired
    IndexNames names;

    @DynamicPropertySource
    static void industryService(DynamicPropertyRegistry registry) {
        industry = IndustryNeighbour.start(registry, IndustryNeighbour.entity(WITH_RECORDS, "北京百度网讯科技有限公司", "梁志祥"),
                IndustryNeighbour.entity(ALSO_WITH_RECORDS, "示例企业", "赵六"),
                IndustryNeighbour.entity(WITHOUT_RECORDS, "无记录企业", "钱七"));
    }

    @AfterAll
    static void stopIndustry() {
        if (industry != null) {
            industry.close();
        }
    }

    @Test
    void theSweepKeepsSubjectsWithRecordsMaskedAndAPublicLookUpIsThenAnsweredWithoutIndustryService() throws Exception {
        String records = CreditSubjectIT.line(WITH_RECORDS, "LIC-1", "\"category\":\"ADMINISTRATIVE_LICENCE\",\"decisionDate\":\"2025-02-03\","
                + "\"authority\":\"东城区政务服务局\"")
                + CreditSubjectIT.line(ALSO_WITH_RECORDS, "LIC-2", "\"category\":\"ADMINISTRATIVE_LICENCE\",\"decisionDate\":\"2025-02-04\","
                + "\"authority\":\"东城区政务服务局\"");
        HttpResponse<String> loaded = new ApiClient(port).postNdjson("/v1/records:bulk?refresh=true", records, "CREDIT_OFFICER");
        assertThat(ApiClient.json(loaded).path("accepted").asInt()).as(loaded.body()).isEqualTo(2);

        String alias = names.alias(SubjectIdentityReplica.INDEX.resource());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((stored(alias, WITH_RECORDS).isMissingNode() || stored(alias, ALSO_WITH_RECORDS).isMissingNode()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(stored(alias, ALSO_WITH_RECORDS).isMissingNode()).as("the upload brought a sweep forward").isFalse();
        assertThat(sweeper.sweep(Instant.now().minusSeconds(3600))).as("kept within the hour: nothing due").isZero();
        assertThat(sweeper.sweep(Instant.now().plusSeconds(1))).as("all kept before now: all due, the one without records not").isEqualTo(2);

        JsonNode stored = stored(alias, WITH_RECORDS);
        assertThat(stored.path("legalRepresentativeMasked").asText()).isEqualTo("梁**");
        assertThat(stored.toString()).as("no personal data in the replica").doesNotContain("梁志祥");
        assertThat(stored(alias, WITHOUT_RECORDS).isMissingNode()).isTrue();

        industry.close();
        HttpResponse<String> r = new ApiClient(port).get("/v1/subjects/" + WITH_RECORDS, null, "it-replica");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode subject = ApiClient.json(r);
        assertThat(subject.path("identitySource").asText()).isEqualTo("CACHED");
        assertThat(subject.path("name").asText()).isEqualTo("北京百度网讯科技有限公司");
        assertThat(subject.path("legalRepresentative").asText()).isEqualTo("梁**");
        assertThat(subject.path("legalRepresentativeMasked").asBoolean()).isTrue();
        assertThat(subject.path("records").path("items")).hasSize(1);
    }

    /** A stored document as it is, read by a realtime GET (no refresh needed). */
    private static JsonNode stored(String alias, String id) throws IOException {
        GetResponse<JsonNode> found = TestIndices.client().get(g -> g.index(alias).id(id), JsonNode.class);
        return found.found() ? found.source() : MissingNode.getInstance();
    }
}

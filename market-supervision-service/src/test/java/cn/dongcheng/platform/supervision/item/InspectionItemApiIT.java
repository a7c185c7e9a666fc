package cn.dongcheng.platform.supervision.item;

import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InspectionItemApiIT extends ElasticsearchIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Test
    void ingestsTheItemListRejectingIncompleteItemsAndPagesIt() throws Exception {
        ApiClient api = new ApiClient(port);
        String ndjson = """
                {"code":"dc-scjg-001","name":"企业公示信息抽查","legalBasis":"《企业信息公示暂行条例》第十四条","inspectingBody":"东城区市场监督管理局","method":"书面检查","keyItem":false,"ratioPercent":3,"frequencyPerYear":1}
                {"code":"DC-SCJG-002","name":"食品经营许可事项检查","legalBasis":"《食品安全法》第一百一十条","inspectingBody":"东城区市场监督管理局","method":"实地核查","keyItem":true}
                {"code":"DC-SCJG-003","name":"no basis","inspectingBody":"东城区市场监督管理局","ratioPercent":150}
                """;
        assertThat(api.postNdjson("/v1/inspection-items:bulk?refresh=true", ndjson, "PUBLIC").statusCode()).isEqualTo(401);
        HttpResponse<String> r = api.postNdjson("/v1/inspection-items:bulk?refresh=true", ndjson, "REGULATOR");
        JsonNode report = json.readTree(r.body());
        assertThat(report.path("accepted").asInt()).as(r.body()).isEqualTo(2);
        assertThat(report.path("rejected").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(report.path("rejected").get(0).path("reason").asText()).contains("legalBasis").contains("ratioPercent");

        JsonNode item = json.readTree(api.get("/v1/inspection-items/DC-SCJG-001").body());
        assertThat(item.path("ratioPercent").asInt()).isEqualTo(3);
        JsonNode keyItems = json.readTree(api.get("/v1/inspection-items?keyItem=true").body());
        assertThat(keyItems.path("items")).hasSize(1);
        assertThat(keyItems.path("items").get(0).path("code").asText()).isEqualTo("DC-SCJG-002");
        assertThat(api.get("/v1/inspection-items/NOPE").statusCode()).isEqualTo(404);
    }

    @Test
    void anOverlongCodeIsRefusedBeforeElasticsearchIsAsked() {
        ApiClient api = new ApiClient(port);
        assertInvalid(api.get("/v1/inspection-items/" + "X".repeat(1400)), "code");
        assertInvalid(api.get("/v1/inspection-items/" + "甲".repeat(450)), "code");
        assertInvalid(api.get("/v1/inspection-items?keyitem=true"), "keyitem");
        assertInvalid(api.get("/v1/inspection-items?cursor=abc"), "cursor");
    }
}

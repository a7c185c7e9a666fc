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

    @Test
    void aChangedItemIsANewVersionAndTheOldOneStaysReadable() throws Exception {
        ApiClient api = new ApiClient(port);
        String v1 = "{\"code\":\"DC-SCJG-101\",\"name\":\"广告发布行为检查\",\"legalBasis\":\"《中华人民共和国广告法》\","
                + "\"inspectingBody\":\"东城区市场监督管理局\",\"targetType\":\"ENTERPRISE\",\"frequencyWindowDays\":365,"
                + "\"minSample\":1,\"maxSample\":200,\"ratioByRiskClass\":{\"A\":0.03,\"B\":0.1,\"C\":0.3,\"D\":0.8}}\n";
        assertThat(json.readTree(api.postNdjson("/v1/inspection-items:bulk?refresh=true", v1, "REGULATOR").body())
                .path("accepted").asInt()).isEqualTo(1);
        JsonNode again = json.readTree(api.postNdjson("/v1/inspection-items:bulk?refresh=true", v1, "REGULATOR").body());
        assertThat(again.path("unchanged").asInt()).as("the same item again is no new version").isEqualTo(1);

        String v2 = v1.replace("\"A\":0.03", "\"A\":0.05");
        assertThat(json.readTree(api.postNdjson("/v1/inspection-items:bulk?refresh=true", v2, "REGULATOR").body())
                .path("accepted").asInt()).isEqualTo(1);

        JsonNode current = json.readTree(api.get("/v1/inspection-items/DC-SCJG-101").body());
        assertThat(current.path("version").asInt()).isEqualTo(2);
        assertThat(current.path("ratioByRiskClass").path("A").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(current.path("targetType").asText()).isEqualTo("ENTERPRISE");
        JsonNode first = json.readTree(api.get("/v1/inspection-items/DC-SCJG-101/versions/1").body());
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(first.path("ratioByRiskClass").path("A").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(json.readTree(api.get("/v1/inspection-items/DC-SCJG-101/versions/2").body()).path("ratioByRiskClass")
                .path("A").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(api.get("/v1/inspection-items/DC-SCJG-101/versions/3").statusCode()).isEqualTo(404);
        assertInvalid(api.get("/v1/inspection-items/DC-SCJG-101/versions/x"), "version");
    }

    @Test
    void ratiosOutsideZeroToOneAndBadBoundsAreRejectedNamingTheField() throws Exception {
        ApiClient api = new ApiClient(port);
        String bad = "{\"code\":\"DC-SCJG-102\",\"name\":\"价格行为检查\",\"legalBasis\":\"《中华人民共和国价格法》\","
                + "\"inspectingBody\":\"东城区市场监督管理局\",\"minSample\":5,\"maxSample\":2,"
                + "\"ratioByRiskClass\":{\"A\":0.05,\"B\":1.5,\"D\":-0.1}}\n"
                + "{\"code\":\"DC-SCJG-103\",\"name\":\"x\",\"legalBasis\":\"y\",\"inspectingBody\":\"z\",\"targetType\":\"PLANET\"}\n";
        JsonNode report = json.readTree(api.postNdjson("/v1/inspection-items:bulk?refresh=true", bad, "REGULATOR").body());

        assertThat(report.path("accepted").asInt()).isZero();
        assertThat(report.path("rejected").get(0).path("reason").asText()).contains("ratioByRiskClass.B")
                .contains("ratioByRiskClass.D").contains("maxSample").doesNotContain("ratioByRiskClass.A");
        assertThat(report.path("rejected").get(1).path("reason").asText()).contains("targetType");
        assertThat(api.get("/v1/inspection-items/DC-SCJG-102").statusCode()).isEqualTo(404);
    }
}

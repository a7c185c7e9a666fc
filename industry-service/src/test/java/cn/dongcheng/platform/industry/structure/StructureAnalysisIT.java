package cn.dongcheng.platform.industry.structure;

import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.industry.TestCodes;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four enterprises with hand-computed figures. 2024: J 4M + 3M, I 2M + 1M yuan (shares 40/30/20/10 %);
 * 2023: J 2M + 3M, I 2M + 1M.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StructureAnalysisIT extends ElasticsearchIntegrationTest {

    static final String A = TestCodes.code(101);
    static final String B = TestCodes.code(102);
    static final String C = TestCodes.code(103);
    static final String D = TestCodes.code(104);

    @LocalServerPort
    int port;
    ApiClient api;

    static String entity(String code, String name, String section, String cls, String street, boolean key) {
        return "{\"uscc\":\"" + code + "\",\"name\":\"" + name + "\",\"status\":\"ACTIVE\",\"streetCode\":\"" + street
                + "\",\"industrySection\":\"" + section + "\",\"industryClass\":\"" + cls + "\",\"keyEnterprise\":" + key + "}\n";
    }

    @BeforeAll
    void load() {
        api = new ApiClient(port);
        String entities = entity(A, "北京甲银行有限公司", "J", "6621", "110101008", true)
                + entity(B, "北京乙证券有限公司", "J", "6712", "110101006", false)
                + entity(C, "北京丙软件有限公司", "I", "6513", "110101008", true)
                + entity(D, "北京丁信息有限公司", "I", "6429", "110101006", false);
        assertThat(json(api.postNdjson("/v1/enterprises:bulk?refresh=true", entities, "DATA_STEWARD")).path("accepted").asInt()).isEqualTo(4);
        String reports = TestCodes.monthlyReport(A, "2024-12", 4_000_000, 400_000, 100) + TestCodes.monthlyReport(B, "2024-12", 3_000_000, 100_000, 50)
                + TestCodes.monthlyReport(C, "2024-12", 2_000_000, 50_000, 30) + TestCodes.monthlyReport(D, "2024-12", 1_000_000, 50_000, 20)
                + TestCodes.monthlyReport(A, "2023-12", 2_000_000, 200_000, 90) + TestCodes.monthlyReport(B, "2023-12", 3_000_000, 100_000, 50)
                + TestCodes.monthlyReport(C, "2023-12", 2_000_000, 50_000, 30) + TestCodes.monthlyReport(D, "2023-12", 1_000_000, 50_000, 20);
        JsonNode r = json(api.postNdjson("/v1/operating-indicators:bulk?refresh=true", reports, "STATISTICIAN"));
        assertThat(r.path("accepted").asInt()).as(r.toString()).isEqualTo(8);
    }

    private JsonNode analyse(String query) {
        HttpResponse<String> r = api.get("/v1/structure-analyses?" + query, "STATISTICIAN");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    @Test
    void sharesChangeConcentrationAndLocationQuotientsBySection() {
        JsonNode a = analyse("period=2024-12&measure=revenue&groupBy=section");
        assertThat(a.path("comparedWith").asText()).isEqualTo("2023-12");
        assertThat(a.path("totals").path("revenue").decimalValue()).isEqualByComparingTo("10000000.00");
        assertThat(a.path("totals").path("entities").asInt()).isEqualTo(4);
        assertThat(a.path("changePercent").asDouble()).isEqualTo(25.0);          // 10M vs 8M
        assertThat(a.path("concentration").path("hhi").asDouble()).isEqualTo(3000.0); // 40² + 30² + 20² + 10²
        assertThat(a.path("concentration").path("cr4").asDouble()).isEqualTo(100.0);
        assertThat(a.path("concentration").path("level").asText()).isEqualTo("high");
        // 2023: shares 25 / 37.5 / 25 / 12.5 % → 625 + 1406.25 + 625 + 156.25 = 2812.5
        assertThat(a.path("comparedConcentration").path("hhi").asDouble()).isEqualTo(2812.5);

        JsonNode j = a.path("groups").get(0);
        assertThat(j.path("key").asText()).isEqualTo("J");
        assertThat(j.path("name").asText()).isEqualTo("金融业");
        assertThat(j.path("sharePercent").asDouble()).isEqualTo(70.0);
        assertThat(j.path("comparedSharePercent").asDouble()).isEqualTo(62.5);
        assertThat(j.path("changePercent").asDouble()).isEqualTo(40.0);           // 7M vs 5M
        assertThat(j.path("locationQuotient").asDouble()).isEqualTo(3.518);       // 0.70 / 0.199 (bundled Beijing share)
        assertThat(j.path("hhi").asDouble()).isEqualTo(5102.04);                  // (4/7)² + (3/7)² within J
        JsonNode i = a.path("groups").get(1);
        assertThat(i.path("changePercent").asDouble()).isEqualTo(0.0);
        assertThat(i.path("locationQuotient").asDouble()).isEqualTo(2.256);       // 0.30 / 0.133
        // the bundled Beijing table is a reconstruction: the answer says its quotients are approximate
        assertThat(a.path("locationQuotientReference").path("approximate").asBoolean()).isTrue();
        assertThat(a.path("locationQuotientReference").path("year").asInt()).isEqualTo(2020);
        assertThat(a.path("locationQuotientReference").path("note").asText()).contains("approximate");
    }

    @Test
    void taxAndEmployeesAndTwoDimensions() {
        JsonNode tax = analyse("period=2024-12&measure=tax&groupBy=street");
        assertThat(tax.path("totals").path("tax").decimalValue()).isEqualByComparingTo("600000.00");
        assertThat(tax.path("groups").get(0).path("key").asText()).isEqualTo("110101008"); // 450k of 600k
        assertThat(tax.path("groups").get(0).path("sharePercent").asDouble()).isEqualTo(75.0);
        assertThat(tax.path("groups").get(0).path("name").asText()).isEqualTo("建国门街道");

        JsonNode employees = analyse("period=2024-12&compareTo=2023-12&measure=employees&groupBy=division,street");
        assertThat(employees.path("totals").path("employees").asInt()).isEqualTo(200);
        assertThat(employees.path("changePercent").asDouble()).isEqualTo(5.26);   // 200 vs 190
        JsonNode banking = employees.path("groups").get(0);
        assertThat(banking.path("key").asText()).isEqualTo("66");
        assertThat(banking.path("subgroups").get(0).path("key").asText()).isEqualTo("110101008");
        assertThat(banking.path("subgroups").get(0).path("totals").path("employees").asInt()).isEqualTo(100);
    }

    @Test
    void topKeyEnterprisesByTheMeasure() {
        JsonNode a = analyse("period=2024-12&measure=revenue&top=5");
        assertThat(a.path("topKeyEnterprises")).hasSize(2);
        assertThat(a.path("topKeyEnterprises").get(0).path("uscc").asText()).isEqualTo(A);
        assertThat(a.path("topKeyEnterprises").get(0).path("name").asText()).isEqualTo("北京甲银行有限公司");
        assertThat(a.path("topKeyEnterprises").get(1).path("value").decimalValue()).isEqualByComparingTo("2000000.00");
    }

    @Test
    void badParametersNameTheField() {
        HttpResponse<String> r = api.get("/v1/structure-analyses?period=2024-13&measure=profit&groupBy=colour", "STATISTICIAN");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"period\"").contains("\"measure\"").contains("\"groupBy\"");
    }
}

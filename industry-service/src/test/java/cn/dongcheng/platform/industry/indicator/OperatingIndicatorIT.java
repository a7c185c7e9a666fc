package cn.dongcheng.platform.industry.indicator;

import cn.dongcheng.platform.common.time.DistrictTime;
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
import java.time.YearMonth;
import java.util.List;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatingIndicatorIT extends ElasticsearchIntegrationTest {

    static final String CODE = TestCodes.code(7);

    @LocalServerPort
    int port;
    ApiClient api;

    static String report(String uscc, String period, String revenue, Integer employees) {
        return "{\"uscc\":\"" + uscc + "\",\"period\":\"" + period + "\",\"revenueYtd\":" + revenue + ",\"operatingCostYtd\":0,"
                + "\"totalProfitYtd\":0,\"vatPayableYtd\":0" + (employees == null ? "" : ",\"employeesAtPeriodEnd\":" + employees) + "}";
    }

    @BeforeAll
    void registerTheEntity() {
        api = new ApiClient(port);
        String entity = "{\"uscc\":\"" + CODE + "\",\"name\":\"北京指标测试有限公司\",\"status\":\"ACTIVE\",\"streetCode\":\"110101008\","
                + "\"industrySection\":\"J\",\"industryClass\":\"6621\",\"keyEnterprise\":true}\n";
        assertThat(json(api.postNdjson("/v1/enterprises:bulk?refresh=true", entity, "DATA_STEWARD")).path("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void validatesEveryReportAndFlagsAFallingYearToDateFigure() {
        String future = YearMonth.now(DistrictTime.DEFAULT_ZONE).toString(); // the service's month, not the host's (UTC here)
        String ndjson = String.join("\n",
                report(CODE, "2024-01", "1000000.00", 80),
                report(CODE, "2024-02", "1900000.00", 81),
                report(CODE, "2024-03", "1800000.00", 82),                 // line 3: YTD falls → stored, flagged
                report(CODE, "2024-04", "2500000.00", -3),                 // line 4: negative headcount → rejected
                report(CODE, future, "100.00", 1),                         // line 5: month not ended → rejected
                report(TestCodes.code(8), "2024-01", "5.00", 1),  // line 6: not in the directory → rejected
                report(CODE, "2024-13", "5.00", 1),                        // line 7: malformed month → rejected
                report(CODE, "2023-02", "1500000.00", 75)) + "\n";
        JsonNode r = json(api.postNdjson("/v1/operating-indicators:bulk?refresh=true", ndjson, "STATISTICIAN"));
        assertThat(r.path("accepted").asInt()).as(r.toString()).isEqualTo(4);
        assertThat(r.path("rejected")).hasSize(4);
        assertThat(r.path("rejected").get(0).path("line").asInt()).isEqualTo(4);
        assertThat(r.path("rejected").get(0).path("reason").asText()).contains("employeesAtPeriodEnd").contains("negative");
        assertThat(r.path("rejected").get(1).path("reason").asText()).contains("has not ended");
        assertThat(r.path("rejected").get(2).path("reason").asText()).contains("not in the directory");
        assertThat(r.path("rejected").get(3).path("reason").asText()).contains("period");

        JsonNode series = json(api.get("/v1/enterprises/" + CODE + "/operating-indicators?from=2024-01&to=2024-03", "INDUSTRY_OFFICER"));
        assertThat(series).hasSize(3);
        assertThat(series.get(1).path("revenueMonth").decimalValue()).isEqualByComparingTo("900000.00");
        assertThat(series.get(1).path("revenueYtdYoYPercent").decimalValue()).isEqualByComparingTo("26.67"); // 1.9M vs 1.5M
        assertThat(series.get(1).path("employeesYoYPercent").decimalValue()).isEqualByComparingTo("8.00");   // 81 vs 75
        assertThat(series.get(2).path("flags").get(0).asText()).contains("revenueYtd fell from 1900000.00 to 1800000.00");
        assertThat(series.get(2).path("revenueMonth").decimalValue()).isEqualByComparingTo("-100000.00");

        // the newest report (2024-04 was rejected, so 2024-03: 1.8 M by March = 7.2 M a year) sets the size class:
        // below the 10 M designated-size threshold
        JsonNode entity = json(api.get("/v1/enterprises/" + CODE));
        assertThat(entity.path("sizeClass").asText()).isEqualTo("BELOW");
        assertThat(entity.path("sizeClassPeriod").asText()).isEqualTo("2024-03");
        assertThat(json(api.get("/v1/enterprises?sizeClass=BELOW")).path("items").get(0).path("uscc").asText()).isEqualTo(CODE);
        assertThat(json(api.get("/v1/enterprises?sizeClass=ABOVE")).path("total").asInt()).isZero();
        // an older report arriving later does not overwrite it
        json(api.postNdjson("/v1/operating-indicators:bulk?refresh=true", report(CODE, "2023-12", "99000000.00", 90), "STATISTICIAN"));
        assertThat(json(api.get("/v1/enterprises/" + CODE)).path("sizeClass").asText()).isEqualTo("BELOW");
    }

    @Test
    void theReadersAndWritersAreChecked() {
        String series = "/v1/enterprises/" + CODE + "/operating-indicators";
        // the readers of the matrix read (a 200 each, not merely "not refused the way the others are")
        for (String reader : List.of("STATISTICIAN", "INDUSTRY_OFFICER")) {
            HttpResponse<String> read = api.get(series, reader);
            assertThat(read.statusCode()).as(reader + ": " + read.body()).isEqualTo(200);
            assertThat(json(read).isArray()).as(reader).isTrue();
        }
        assertThat(api.get(series).statusCode()).isEqualTo(401);
        for (String other : List.of("CITIZEN", "REGULATOR", "INSPECTOR", "CREDIT_OFFICER", "DATA_STEWARD", "AUDITOR", "ADMINISTRATOR")) {
            assertThat(api.get(series, other).statusCode()).as(other).isEqualTo(403);
        }
        // ENTERPRISE is "own": another entity's reports are not its to read
        assertThat(api.get(series, "ENTERPRISE").statusCode()).isEqualTo(403);

        // the writers write: a report for an entity not in the directory is a rejected line, so nothing is stored
        String unknownEntity = report(TestCodes.code(8), "2022-01", "1.00", 1) + "\n";
        for (String writer : List.of("STATISTICIAN", "INDUSTRY_OFFICER", "DATA_STEWARD")) {
            HttpResponse<String> write = api.postNdjson("/v1/operating-indicators:bulk", unknownEntity, writer);
            assertThat(write.statusCode()).as(writer + ": " + write.body()).isEqualTo(200);
            assertThat(json(write).path("rejected").get(0).path("reason").asText()).as(writer).contains("not in the directory");
        }
        assertThat(api.postNdjson("/v1/operating-indicators:bulk", unknownEntity, "PUBLIC").statusCode()).isEqualTo(401);
        for (String other : List.of("ENTERPRISE", "REGULATOR", "AUDITOR")) {
            assertThat(api.postNdjson("/v1/operating-indicators:bulk", unknownEntity, other).statusCode()).as(other).isEqualTo(403);
        }
        assertThat(api.get("/v1/enterprises/" + TestCodes.code(9) + "/operating-indicators", "STATISTICIAN").statusCode()).isEqualTo(404);
        assertThat(api.get(series + "?from=2024-13", "STATISTICIAN").statusCode()).isEqualTo(400);
    }
}

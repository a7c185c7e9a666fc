package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIndices;
import cn.dongcheng.platform.industry.TestCodes;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Search, paging past 10,000, batch look-up, the code stream and the CSV export over 12,001 real documents. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnterpriseSearchIT extends ElasticsearchIntegrationTest {

    static final int GENERATED = 12_000;
    static final String BAIDU = "91110000802100433B";

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;
    ApiClient api;

    static String code(int i) {
        return TestCodes.code(i);
    }

    static String street(int i) {
        return String.format("1101010%02d", 1 + i % 17);
    }

    @BeforeAll
    void load() {
        api = new ApiClient(port);
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < GENERATED; i++) {
            ndjson.append("{\"uscc\":\"").append(code(i)).append("\",\"name\":\"北京测试").append(i).append("号商务咨询有限公司\",")
                    .append("\"status\":\"").append(i % 10 == 0 ? "DEREGISTERED" : "ACTIVE").append("\",")
                    .append("\"streetCode\":\"").append(street(i)).append("\",\"industrySection\":\"L\",\"industryClass\":\"7243\",")
                    .append("\"establishedOn\":\"").append(2000 + i % 20).append("-03-01\",")
                    .append("\"registeredCapital\":\"").append(1000 + i).append(".50\",\"legalRepresentative\":\"王芳\"}\n");
        }
        ndjson.append("{\"uscc\":\"" + BAIDU + "\",\"name\":\"北京百度网讯科技有限公司\",\"formerNames\":[\"百度在线网络技术有限公司\"],"
                + "\"status\":\"ACTIVE\",\"streetCode\":\"110101006\",\"industrySection\":\"I\",\"industryClass\":\"6421\","
                + "\"establishedOn\":\"2001-06-05\",\"registeredCapital\":\"1342128000.00\",\"legalRepresentative\":\"梁志祥\"}\n");
        JsonNode report = json(api.postNdjson("/v1/enterprises:bulk?refresh=true", ndjson.toString(), "DATA_STEWARD"));
        assertThat(report.path("accepted").asInt()).as(report.toString()).isEqualTo(GENERATED + 1);
    }

    private JsonNode search(String query) {
        HttpResponse<String> r = api.get("/v1/enterprises?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void findsChineseSubstringsOfCurrentAndFormerNames() {
        assertThat(search("q=" + enc("百度")).path("items").get(0).path("uscc").asText()).isEqualTo(BAIDU);
        assertThat(search("q=" + enc("度网讯")).path("total").asInt()).isEqualTo(1);
        assertThat(search("q=" + enc("在线网络")).path("items").get(0).path("uscc").asText()).isEqualTo(BAIDU);
        assertThat(search("q=" + enc("测试1234号")).path("items").get(0).path("uscc").asText()).isEqualTo(code(1234));
        assertThat(search("q=" + enc("百网")).path("total").asInt()).isZero(); // characters present, but not adjacent
        // query syntax in the text is just text
        assertThat(search("q=" + enc("百度 OR *:*")).path("total").asInt()).isZero();
    }

    @Test
    void pagesThroughAllHitsPastTenThousand() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = search("size=1000" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(i -> seen.add(i.path("uscc").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(seen).hasSize(GENERATED + 1);
    }

    @Test
    void filtersAndSorts() {
        JsonNode dongsiActive = search("streetCode=110101006&status=ACTIVE&size=1000");
        long expected = 0;
        for (int i = 0; i < GENERATED; i++) {
            if (street(i).equals("110101006") && i % 10 != 0) {
                expected++;
            }
        }
        assertThat(dongsiActive.path("total").asLong()).isEqualTo(expected + 1); // + Baidu
        JsonNode richest = search("sort=-registeredCapital&size=2");
        assertThat(richest.path("items").get(0).path("uscc").asText()).isEqualTo(BAIDU);
        assertThat(richest.path("items").get(1).path("registeredCapital").decimalValue())
                .isEqualByComparingTo(new BigDecimal(1000 + GENERATED - 1 + ".50"));
        JsonNode highEnd = search("highEndCategory=" + enc("新一代信息技术"));            // 6421 互联网搜索服务 → 64 → 新一代信息技术
        assertThat(highEnd.path("total").asInt()).isEqualTo(1);
        assertThat(highEnd.path("items").get(0).path("highEndCategory").asText()).isEqualTo("新一代信息技术");
        assertThat(search("highEndCategory=" + enc("科技服务业")).path("total").asInt()).isZero(); // 7243 is business services
        JsonNode established = search("establishedFrom=2019-01-01&establishedTo=2019-12-31&section=L");
        assertThat(established.path("total").asInt()).isEqualTo(GENERATED / 20);
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        HttpResponse<String> r = api.get("/v1/enterprises?section=Z&establishedFrom=2020-13-01&sort=colour");
        assertThat(r.statusCode()).isEqualTo(400);
        Set<String> fields = new HashSet<>();
        json(r).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("section", "establishedFrom", "sort");
    }

    @Test
    void batchLookupSeparatesFoundUnknownAndInvalid() {
        String unknown = code(GENERATED + 5);
        String body = "{\"codes\":[\"" + code(1) + "\",\"" + code(2).toLowerCase() + "\",\"" + BAIDU + "\",\"" + unknown
                + "\",\"91350100M000100Y44\"]}";
        HttpResponse<String> r = api.postJson("/v1/enterprises:batch-get", body, "SERVICE");
        JsonNode answer = json(r);
        assertThat(answer.path("found")).hasSize(3);
        assertThat(answer.path("found").get(0).path("legalRepresentative").asText()).isEqualTo("王*"); // a service identity never unmasks
        assertThat(answer.path("unknown").get(0).asText()).isEqualTo(unknown);
        assertThat(answer.path("invalid").get(0).path("reason").asText()).contains("mod 31");

        StringBuilder tooMany = new StringBuilder("{\"codes\":[");
        for (int i = 0; i < 1001; i++) {
            tooMany.append(i == 0 ? "" : ",").append('"').append(code(i)).append('"');
        }
        HttpResponse<String> refused = api.postJson("/v1/enterprises:batch-get", tooMany + "]}", "SERVICE");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("errors").get(0).path("field").asText()).isEqualTo("codes");
    }

    @Test
    void streamsEveryMatchingCode() {
        HttpResponse<String> r = api.get("/v1/enterprises:stream?status=DEREGISTERED", "REGULATOR");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        String[] lines = r.body().split("\n");
        assertThat(lines).hasSize(GENERATED / 10);
        Set<String> codes = new HashSet<>();
        for (String line : lines) {
            JsonNode n = json(line);
            assertThat(n.path("status").asText()).isEqualTo("DEREGISTERED");
            codes.add(n.path("uscc").asText());
        }
        assertThat(codes).hasSize(GENERATED / 10).contains(code(0), code(10));
    }

    @Test
    void exportsASearchAsCsvMaskedForAStatisticianAndAudited() {
        String requestId = "it-export-" + UUID.randomUUID();
        HttpResponse<String> r = api.get("/v1/enterprises:export?streetCode=110101006&status=ACTIVE", "STATISTICIAN", requestId);
        assertThat(r.statusCode()).isEqualTo(200);
        String csv = r.body();
        assertThat(csv).startsWith("\uFEFF统一社会信用代码,名称");
        String[] rows = csv.split("\r\n");
        long expected = search("streetCode=110101006&status=ACTIVE&size=1").path("total").asLong();
        assertThat(rows).hasSize((int) expected + 1);
        assertThat(csv).contains(BAIDU + ",北京百度网讯科技有限公司,百度在线网络技术有限公司,").contains(",梁**,").doesNotContain("梁志祥");
        // this export's own entry (a count of entries would be met by any other entry written meanwhile)
        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "requestId", requestId);
        assertThat(entries).as("audit entries of request " + requestId).hasSize(1);
        assertThat(entries.get(0).path("action").asText()).isEqualTo("EXPORT"); // masked: not EXPORT_PERSONAL_DATA
        assertThat(entries.get(0).path("role").asText()).isEqualTo("STATISTICIAN");
        assertThat(entries.get(0).path("detail").asText()).isEqualTo(expected + " rows");
        assertThat(audit.verify().intact()).isTrue();
    }
}

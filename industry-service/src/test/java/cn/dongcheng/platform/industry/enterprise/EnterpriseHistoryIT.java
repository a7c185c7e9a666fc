package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.industry.TestCodes;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Name, address, street, status and industry changes are kept as history and answered by as-of queries. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnterpriseHistoryIT extends ElasticsearchIntegrationTest {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson es;
    @org.springframework.beans.factory.annotation.Autowired
    cn.dongcheng.platform.common.index.IndexNames names;
    ApiClient api;
    String code;

    static String line(String code, String name, String street, String status, String changedOn, String capital) {
        return "{\"uscc\":\"" + code + "\",\"name\":\"" + name + "\",\"status\":\"" + status + "\",\"streetCode\":\"" + street
                + "\",\"industrySection\":\"I\",\"industryClass\":\"6513\",\"establishedOn\":\"2010-01-01\",\"registeredCapital\":\""
                + capital + "\"" + (changedOn == null ? "" : ",\"changedOn\":\"" + changedOn + "\"") + "}\n";
    }

    private JsonNode load(String ndjson) {
        HttpResponse<String> r = api.postNdjson("/v1/enterprises:bulk?refresh=true", ndjson, "DATA_STEWARD");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private JsonNode asOf(String date) {
        HttpResponse<String> r = api.get("/v1/enterprises/" + code + "?asOf=" + date);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    @BeforeEach
    void registerAndChangeTwice() {
        api = new ApiClient(port);
        code = TestCodes.code((int) (System.nanoTime() % 900_000)); // each test its own entity
        // established, renamed in 2018, moved to another street in 2022 — the two changes in one upload
        load(line(code, "北京初名科技有限公司", "110101006", "ACTIVE", null, "100000.00"));
        JsonNode report = load(line(code, "北京更名科技有限公司", "110101006", "ACTIVE", "2018-05-01", "100000.00")
                + line(code, "北京更名科技有限公司", "110101008", "ACTIVE", "2022-03-15", "100000.00"));
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void answersTheVersionInForceOnAnyDate() {
        assertThat(asOf("2015-01-01").path("name").asText()).isEqualTo("北京初名科技有限公司");
        assertThat(asOf("2015-01-01").path("validTo").asText()).isEqualTo("2018-05-01");
        JsonNode in2019 = asOf("2019-01-01");
        assertThat(in2019.path("name").asText()).isEqualTo("北京更名科技有限公司");
        assertThat(in2019.path("streetCode").asText()).isEqualTo("110101006");
        assertThat(asOf("2018-05-01").path("name").asText()).isEqualTo("北京更名科技有限公司"); // the change day belongs to the new version
        JsonNode now = asOf("2024-01-01");
        assertThat(now.path("streetCode").asText()).isEqualTo("110101008");
        assertThat(now.path("validTo").isNull()).isTrue();
        HttpResponse<String> before = api.get("/v1/enterprises/" + code + "?asOf=2009-06-01");
        assertThat(before.statusCode()).isEqualTo(404);
        assertThat(json(before).path("detail").asText()).contains("established 2010-01-01");
    }

    @Test
    void listsEveryVersionNewestFirst() {
        JsonNode versions = json(api.get("/v1/enterprises/" + code + "/versions"));
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).path("effectiveFrom").asText()).isEqualTo("2022-03-15");
        assertThat(versions.get(1).path("effectiveFrom").asText()).isEqualTo("2018-05-01");
        assertThat(versions.get(2).path("effectiveFrom").asText()).isEqualTo("2010-01-01");
    }

    @Test
    void otherFieldsUpdateInPlaceAndRerunsAddNoHistory() {
        JsonNode report = load(line(code, "北京更名科技有限公司", "110101008", "ACTIVE", null, "250000.00")
                + line(code, "北京更名科技有限公司", "110101008", "ACTIVE", "2022-03-15", "250000.00"));
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
        JsonNode now = asOf("2024-01-01");
        assertThat(now.path("registeredCapital").decimalValue()).isEqualByComparingTo("250000.00");
        assertThat(now.path("effectiveFrom").asText()).isEqualTo("2022-03-15");
        assertThat(json(api.get("/v1/enterprises/" + code + "/versions"))).hasSize(3);
    }

    @Test
    void aChangeDatedBeforeTheStoredVersionIsRejectedAndChangesNothing() {
        JsonNode report = load(line(code, "北京回溯科技有限公司", "110101008", "ACTIVE", "2020-01-01", "100000.00"));
        assertThat(report.path("accepted").asInt()).isZero();
        assertThat(report.path("rejected").get(0).path("reason").asText()).contains("changedOn").contains("2022-03-15");
        assertThat(asOf("2024-01-01").path("name").asText()).isEqualTo("北京更名科技有限公司");
        assertThat(json(api.get("/v1/enterprises/" + code + "/versions"))).hasSize(3);
    }

    @Test
    void aRedeliveredRecordIsAcceptedAsUnchangedAndNotRewritten() {
        long version = storedVersion();
        JsonNode again = load(line(code, "北京更名科技有限公司", "110101008", "ACTIVE", "2022-03-15", "100000.00"));
        assertThat(again.path("accepted").asInt()).isEqualTo(1);
        assertThat(again.path("unchanged").asInt()).isEqualTo(1);
        assertThat(storedVersion()).isEqualTo(version);
        assertThat(json(api.get("/v1/enterprises/" + code + "/versions"))).hasSize(3);

        JsonNode changed = load(line(code, "北京更名科技有限公司", "110101008", "ACTIVE", null, "100000.01"));
        assertThat(changed.path("accepted").asInt()).isEqualTo(1);
        assertThat(changed.path("unchanged").asInt()).isZero();
        assertThat(storedVersion()).isGreaterThan(version);
        assertThat(asOf("2024-01-01").path("registeredCapital").decimalValue()).isEqualByComparingTo("100000.01");
    }

    private long storedVersion() {
        return es.get("/" + names.alias(EnterpriseDirectory.INDEX.resource()) + "/_doc/" + code).path("_version").asLong();
    }
}

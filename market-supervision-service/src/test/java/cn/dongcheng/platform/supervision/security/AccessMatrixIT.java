package cn.dongcheng.platform.supervision.security;

import cn.dongcheng.platform.supervision.inspector.InspectorDirectoryIT;
import cn.dongcheng.platform.testing.AccessMatrixContract;
import cn.dongcheng.platform.testing.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.http.HttpResponse;
import java.util.Map;

import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.get;
import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.postNdjson;
import static org.assertj.core.api.Assertions.assertThat;

/** market-supervision-service's access matrix, row by row, with real tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixIT extends AccessMatrixContract {


    static String item(String code) {
        return "{\"code\":\"" + code + "\",\"name\":\"企业公示信息抽查\",\"legalBasis\":\"《企业信息公示暂行条例》第十四条\","
                + "\"inspectingBody\":\"东城区市场监督管理局\",\"method\":\"书面检查\",\"keyItem\":false,\"ratioPercent\":3,\"frequencyPerYear\":1}\n";
    }

    @BeforeAll
    void load() {
        ApiClient api = api();
        HttpResponse<String> r = api.postNdjson("/v1/inspection-items:bulk?refresh=true", item("DC-SCJG-001"), "REGULATOR");
        assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(1);
    }

    @Override
    protected Map<String, Example> serviceExamples() {
        return Map.of(
                "POST /v1/inspection-items:bulk", Example.of(postNdjson("/v1/inspection-items:bulk", item("DC-SCJG-002"))),
                "GET /v1/inspection-items/{code}", Example.of(get("/v1/inspection-items/DC-SCJG-001")),
                "GET /v1/inspection-items/{code}/versions/{version}", Example.of(get("/v1/inspection-items/DC-SCJG-001/versions/1")),
                "GET /v1/inspection-items", Example.of(get("/v1/inspection-items")),
                "POST /v1/inspectors:bulk", Example.of(postNdjson("/v1/inspectors:bulk", InspectorDirectoryIT.inspector("DC-0001", "ACTIVE"))),
                "GET /v1/inspectors", Example.of(get("/v1/inspectors")));
    }
}

package cn.dongcheng.platform.industry.security;

import cn.dongcheng.platform.testing.AccessMatrixContract;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.industry.TestCodes;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.http.HttpResponse;
import java.util.Map;

import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.get;
import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.postJson;
import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.postNdjson;
import static org.assertj.core.api.Assertions.assertThat;

/** industry-service's access matrix, row by row, with real tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixIT extends AccessMatrixContract {

    private static final String OTHER = TestCodes.code(7001);


    static String entity(String uscc, String name) {
        return "{\"uscc\":\"" + uscc + "\",\"name\":\"" + name + "\",\"status\":\"ACTIVE\",\"streetCode\":\"110101008\","
                + "\"industrySection\":\"I\",\"industryClass\":\"6421\",\"establishedOn\":\"2001-06-05\","
                + "\"registeredCapital\":\"1000000.00\",\"legalRepresentative\":\"李彦宏\",\"responsibleOfficial\":\"王建国\"}\n";
    }

    @BeforeAll
    void load() {
        ApiClient api = api();
        HttpResponse<String> r = api.postNdjson("/v1/enterprises:bulk?refresh=true",
                entity(TestIdentityProvider.enterpriseCode(), "北京示范科技有限公司") + entity(OTHER, "北京别家科技有限公司"), "DATA_STEWARD");
        assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(2);
        String own = TestIdentityProvider.enterpriseCode();
        HttpResponse<String> reports = api.postNdjson("/v1/operating-indicators:bulk?refresh=true",
                TestCodes.monthlyReport(own, "2024-11", 1_000_000, 60_000, 50) + TestCodes.monthlyReport(OTHER, "2024-11", 2_000_000, 90_000, 80),
                "DATA_STEWARD");
        assertThat(ApiClient.json(reports).path("accepted").asInt()).as(reports.body()).isEqualTo(2);
    }

    @Override
    protected Map<String, Example> serviceExamples() {
        String own = TestIdentityProvider.enterpriseCode();
        return Map.ofEntries(
                Map.entry("POST /v1/enterprises:bulk", Example.of(postNdjson("/v1/enterprises:bulk", entity(TestCodes.code(7002), "北京新设有限公司")))),
                Map.entry("GET /v1/enterprises/{uscc}", Example.about(get("/v1/enterprises/" + own), get("/v1/enterprises/" + OTHER),
                        "/legalRepresentative")),
                Map.entry("GET /v1/enterprises/{uscc}/versions", Example.about(get("/v1/enterprises/" + own + "/versions"),
                        get("/v1/enterprises/" + OTHER + "/versions"), "/0/responsibleOfficial")),
                Map.entry("GET /v1/enterprises", new Example(s -> get("/v1/enterprises?q=" + java.net.URLEncoder.encode("别家科技", java.nio.charset.StandardCharsets.UTF_8)), java.util.Set.of(200),
                        "/items/0/legalRepresentative")),
                Map.entry("POST /v1/enterprises:batch-get", new Example(s -> postJson("/v1/enterprises:batch-get",
                        "{\"codes\":[\"" + OTHER + "\"]}"), java.util.Set.of(200), "/found/0/legalRepresentative")),
                Map.entry("GET /v1/enterprises:stream", Example.of(get("/v1/enterprises:stream?streetCode=110101008"))),
                Map.entry("GET /v1/enterprises:export", Example.of(get("/v1/enterprises:export?streetCode=110101008"))),
                Map.entry("POST /v1/operating-indicators:bulk", Example.of(postNdjson("/v1/operating-indicators:bulk",
                        TestCodes.monthlyReport(OTHER, "2024-10", 1_500_000, 80_000, 80)))),
                Map.entry("GET /v1/enterprises/{uscc}/operating-indicators", Example.about(
                        get("/v1/enterprises/" + own + "/operating-indicators?from=2024-11&to=2024-11"),
                        get("/v1/enterprises/" + OTHER + "/operating-indicators?from=2024-11&to=2024-11"), null)),
                Map.entry("POST /v1/alert-evaluations", Example.of(postJson("/v1/alert-evaluations?period=2024-11", ""))),
                Map.entry("GET /v1/alerts", Example.of(get("/v1/alerts?size=5"))),
                // no such alert: an allowed caller gets 404, a refused one never learns that
                Map.entry("POST /v1/alerts/{id}/acknowledgement", Example.of(postJson("/v1/alerts/NO-SUCH-ALERT/acknowledgement",
                        "{\"note\":\"seen\"}"), 404)),
                Map.entry("POST /v1/alerts/{id}/closure", Example.of(postJson("/v1/alerts/NO-SUCH-ALERT/closure",
                        "{\"note\":\"done\"}"), 404)),
                Map.entry("GET /v1/structure-analyses", Example.of(get("/v1/structure-analyses?period=2024-11&measure=revenue&groupBy=street"))));
    }
}

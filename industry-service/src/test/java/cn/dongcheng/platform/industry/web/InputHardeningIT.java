package cn.dongcheng.platform.industry.web;

import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.industry.TestCodes;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Inputs that used to answer 500 (or an HTML page, or nothing): each is now a problem naming what is wrong. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputHardeningIT extends ElasticsearchIntegrationTest {

    static final String CODE = TestCodes.code(901);
    static final String LONG_ID = "x".repeat(1400);
    /** 450 characters, 4,050 bytes once encoded into Elasticsearch's request line (its limit: 4 kB). */
    static final String WIDE_ID = "甲".repeat(450);

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeAll
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void malformedQueryValuesAreA400() {
        assertInvalid(api.get("/v1/structure-analyses?period=2024-12&groupBy=,", "STATISTICIAN"), "groupBy");
        for (String period : List.of("2024-13", "abc", "*:*", "9".repeat(3900), "-0001-01", "0000-12")) {
            JsonNode problem = assertInvalid(api.postJson("/v1/alert-evaluations?period=" + period, "", "INDUSTRY_OFFICER"), "period");
            assertThat(problem.toString().length()).as("the echo of the value is bounded").isLessThan(1000);
        }
        assertInvalid(api.get("/v1/enterprises?establishedFrom=-0001-01-01", "INDUSTRY_OFFICER"), "establishedFrom");
        assertInvalid(api.get("/v1/enterprises/" + CODE + "?asOf=0000-01-01", "INDUSTRY_OFFICER"), "asOf");
    }

    @Test
    void overlongIdentifiersAreRefusedBeforeElasticsearchIsAsked() {
        assertInvalid(api.postJson("/v1/alerts/" + LONG_ID + "/acknowledgement", "{}", "INDUSTRY_OFFICER"), "id");
        assertInvalid(api.postJson("/v1/alerts/" + LONG_ID + "/closure", "{\"note\":\"done\"}", "INDUSTRY_OFFICER"), "id");
        assertInvalid(api.postJson("/v1/alerts/" + WIDE_ID + "/acknowledgement", "{}", "INDUSTRY_OFFICER"), "id");
        assertInvalid(api.get("/v1/enterprises/" + "9".repeat(1400), "INDUSTRY_OFFICER"), "uscc");
    }

    @Test
    void freeTextHasALengthLimit() {
        assertInvalid(api.postJson("/v1/alerts/REVENUE_FALL:" + CODE + ":2024-12/closure",
                "{\"note\":\"" + "很".repeat(2001) + "\"}", "INDUSTRY_OFFICER"), "note");
    }

    @Test
    void unknownQueryParametersAreNamed() {
        JsonNode problem = assertInvalid(api.get("/v1/enterprises?streetcode=110101001", "INDUSTRY_OFFICER"), "streetcode");
        assertThat(problem.path("errors").get(0).path("reason").asText()).contains("streetCode");
        assertInvalid(api.get("/v1/alerts?sate=NEW", "INDUSTRY_OFFICER"), "sate");
        assertInvalid(api.get("/v1/structure-analyses?period=2024-12&groupby=street", "STATISTICIAN"), "groupby");
        assertThat(api.get("/v1/enterprises?streetCode=110101001&size=5", "INDUSTRY_OFFICER").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedCursorsAreA400() {
        for (String cursor : List.of("abc", "%25%25", "W10", "eyJhIjoxfQ", "WzEsMiwzLDQsNSw2XQ", "W3siYSI6MX1d", "9".repeat(3000))) {
            assertInvalid(api.get("/v1/enterprises?cursor=" + cursor, "INDUSTRY_OFFICER"), "cursor");
        }
    }

    @Test
    void anOverflowingAmountRejectsItsLineNotTheUpload() {
        String good = TestCodes.code(902);
        String ndjson = enterprise(CODE, "\"registeredCapital\":1E+30") + enterprise(good, "\"registeredCapital\":1000000")
                + enterprise(TestCodes.code(903), "\"registeredCapital\":\"" + "1".repeat(20_000) + "\"")
                + enterprise(TestCodes.code(904), "\"formerNames\":" + "[".repeat(50) + "]".repeat(50));
        HttpResponse<String> r = api.postNdjson("/v1/enterprises:bulk?refresh=true", ndjson, "DATA_STEWARD");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = json(r);
        assertThat(report.path("accepted").asInt()).as(r.body()).isEqualTo(1);
        assertThat(report.path("rejected").findValuesAsText("id")).as(r.body())
                .containsExactly(CODE, TestCodes.code(903), TestCodes.code(904));
        assertThat(report.path("rejected").get(0).path("reason").asText()).contains("registeredCapital");

        String reports = TestCodes.monthlyReport(good, "2024-11", 1, 1, 1).replace("\"revenueYtd\":1", "\"revenueYtd\":1E+30")
                + TestCodes.monthlyReport(good, "2024-12", 10_000_000_000_000L, 1, 1);
        JsonNode indicators = json(api.postNdjson("/v1/operating-indicators:bulk?refresh=true", reports, "STATISTICIAN"));
        assertThat(indicators.path("rejectedCount").asInt()).as(indicators.toString()).isEqualTo(2);
        assertThat(indicators.path("rejected").findValuesAsText("id")).containsExactly(good + ":2024-11", good + ":2024-12");
    }

    @Test
    void theContainersOwnRefusalsAreProblems() throws IOException {
        assertProblem(api.get("/v1/enterprises/a%2Fb", "INDUSTRY_OFFICER"), 400);
        assertProblem(api.get("/v1/enterprises/%FF%FE", "INDUSTRY_OFFICER"), 400);
        String dotDot = raw("GET /v1/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(dotDot).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json").contains("\"requestId\"");
        String tooLong = raw("GET /v1/enterprises?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(tooLong).matches("(?s)HTTP/1.1 4\\d\\d.*").containsIgnoringCase("content-type: application/problem+json").contains("\"requestId\"");
    }

    /** A request Java's HTTP client would not send as it is (it normalises or refuses such URIs). */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String enterprise(String code, String extra) {
        return "{\"uscc\":\"" + code + "\",\"name\":\"加固测试\",\"status\":\"ACTIVE\",\"streetCode\":\"110101001\","
                + "\"industrySection\":\"M\",\"industryClass\":\"7320\"," + extra + "}\n";
    }
}

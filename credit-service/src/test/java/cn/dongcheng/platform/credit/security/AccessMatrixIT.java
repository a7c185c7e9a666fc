package cn.dongcheng.platform.credit.security;

import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.testing.AccessMatrixContract;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.NeighbourService;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.credit.client.IndustryNeighbour;
import cn.dongcheng.platform.common.security.CallerRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.get;
import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.postJson;
import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.postNdjson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * credit-service's access matrix, row by row, with real tokens; the subject view crosses real HTTP to a real
 * industry-service, which sees the relayed caller (or credit-service's own token for the public).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixIT extends AccessMatrixContract {

    static final String OTHER = "91110000802100433B";
    static final String SOMEONE_ELSE = "11010519491231002X";
    private static NeighbourService industry;
    private WorkflowFixtures workflow;
    private String recomputation;


    @DynamicPropertySource
    static void industryService(DynamicPropertyRegistry registry) {
        industry = IndustryNeighbour.start(registry, IndustryNeighbour.entity(TestIdentityProvider.enterpriseCode(), "北京示范科技有限公司", "梁志祥"),
                IndustryNeighbour.entity(OTHER, "北京别家科技有限公司", "梁志祥"));
    }

    @AfterAll
    static void stopIndustry() {
        if (industry != null) {
            industry.close();
        }
    }

    @Override
    protected Map<String, Example> serviceExamples() {
        String own = TestIdentityProvider.enterpriseCode();
        Map<String, Example> examples = new HashMap<>(Map.of(
                "POST /v1/records:bulk", Example.of(postNdjson("/v1/records:bulk", "{\"sourceDepartment\":\"东城区税务局\","
                        + "\"sourceId\":\"A-2023\",\"uscc\":\"" + OTHER + "\",\"category\":\"RED_LIST\",\"decisionNumber\":\"A级纳税人2023\",\"decisionDate\":\"2024-06-01\","
                        + "\"authority\":\"国家税务总局北京市东城区税务局\"}\n")),
                "GET /v1/records", Example.of(get("/v1/records?name=" + URLEncoder.encode("别家", StandardCharsets.UTF_8))),
                "POST /v1/persons:lookup", Example.about(lookup(TestIdentityProvider.citizenIdNumber()), lookup(SOMEONE_ELSE), "/idNumber"),
                // the token names the person: there is no one else to ask for
                "GET /v1/persons/me", new Example(s -> s == Subject.OWN ? get("/v1/persons/me") : null, Set.of(200), "/idNumber"),
                "GET /v1/subjects/{uscc}", Example.about(get("/v1/subjects/" + own), get("/v1/subjects/" + OTHER), "/legalRepresentative"),
                "GET /v1/subjects/{uscc}/grade", Example.of(get("/v1/subjects/" + OTHER + "/grade")),
                "POST /v1/persons:grade", Example.about(personGrade(TestIdentityProvider.citizenIdNumber()), personGrade(SOMEONE_ELSE), "/idNumber"),
                "POST /v1/risk-classes:batch", Example.of(postJson("/v1/risk-classes:batch", "{\"codes\":[\"" + OTHER + "\",\"" + own + "\"]}")),
                // a batch names no subject of the caller's own: the same request for every role
                "POST /v1/sanction-checks", new Example(s -> postJson("/v1/sanction-checks", "{\"scenario\":\"HONOURS\","
                        + "\"subjects\":[{\"idNumber\":\"" + SOMEONE_ELSE + "\"},{\"uscc\":\"" + OTHER + "\"}]}"), Set.of(200), "/results/0/idNumber")));
        examples.putAll(Map.of(
                "GET /v1/subjects/{uscc}/report", Example.about(get("/v1/subjects/" + own + "/report"), get("/v1/subjects/" + OTHER + "/report"),
                        "/subject/legalRepresentative"),
                "POST /v1/persons:report", Example.about(personReport(TestIdentityProvider.citizenIdNumber()), personReport(SOMEONE_ELSE),
                        "/subject/idNumber"),
                "GET /v1/reports/public-key", Example.of(get("/v1/reports/public-key")),
                // a document that names a report but carries no signature: answered NOT_SIGNED for anyone
                "POST /v1/reports:verify", Example.of(postJson("/v1/reports:verify", "{\"reportId\":\"CR-20260101-00000000000000000000\"}"))));
        examples.putAll(workflow.examples(CallerRole.ENTERPRISE));
        // watch lists belong to the caller: a partner's code for every role that may watch
        String watched = "{\"subjects\":[{\"uscc\":\"" + OTHER + "\"}]}";
        examples.put("GET /v1/watch-list", Example.of(get("/v1/watch-list")));
        examples.put("POST /v1/watch-list/subjects", Example.of(postJson("/v1/watch-list/subjects", watched)));
        examples.put("POST /v1/watch-list/subjects:remove", Example.of(postJson("/v1/watch-list/subjects:remove", watched)));
        examples.put("GET /v1/watch-list/events", Example.of(get("/v1/watch-list/events?size=5")));
        // one recomputation runs at a time: a second start while the first still runs is refused with 409
        examples.put("POST /v1/grade-recomputations", Example.of(postJson("/v1/grade-recomputations", "{}"), 202, 409));
        examples.put("GET /v1/grade-recomputations/{id}", Example.of(get("/v1/grade-recomputations/" + recomputation)));
        return examples;
    }

    /** Repair and objection rows: a citizen applies about a citizen's record, everyone else is shown the enterprise's. */
    @Override
    protected Example example(String endpoint, CallerRole role) {
        Example own = role == CallerRole.CITIZEN ? workflow.examples(role).get(endpoint) : null;
        return own != null ? own : super.example(endpoint, role);
    }

    @BeforeAll
    void workflowFixtures() {
        workflow = WorkflowFixtures.load(api());
        HttpResponse<String> started = api().postJson("/v1/grade-recomputations", "{}", "CREDIT_OFFICER");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        recomputation = ApiClient.json(started).path("recomputationId").asText();
    }

    private static Request personGrade(String idNumber) {
        return postJson("/v1/persons:grade", "{\"name\":\"张三\",\"idNumber\":\"" + idNumber + "\"}");
    }

    private static Request personReport(String idNumber) {
        return postJson("/v1/persons:report", "{\"name\":\"张三\",\"idNumber\":\"" + idNumber + "\"}");
    }

    private static Request lookup(String idNumber) {
        return postJson("/v1/persons:lookup", "{\"name\":\"张三\",\"idNumber\":\"" + idNumber + "\"}");
    }

    static {
        // the fixture codes must be valid, or the test would pass on 400s
        UnifiedSocialCreditCode.parse(OTHER);
    }
}

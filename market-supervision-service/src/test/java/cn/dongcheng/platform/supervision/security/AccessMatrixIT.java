package cn.dongcheng.platform.supervision.security;

import cn.dongcheng.platform.supervision.inspector.InspectorDirectoryIT;
import cn.dongcheng.platform.supervision.support.Neighbours;
import cn.dongcheng.platform.supervision.support.SpotCheckFixture;
import cn.dongcheng.platform.supervision.support.SteppingClock;
import cn.dongcheng.platform.supervision.support.TestClock;
import cn.dongcheng.platform.testing.AccessMatrixContract;
import cn.dongcheng.platform.testing.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.supervision.support.SpotCheckFixture.FOOD;
import static cn.dongcheng.platform.supervision.support.SpotCheckFixture.SOURCES;
import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.get;
import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.postJson;
import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.postNdjson;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** market-supervision-service's access matrix, row by row, with real tokens; the neighbours are the real services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
class AccessMatrixIT extends AccessMatrixContract {

    static final SteppingClock CLOCK = TestClock.CLOCK;
    static final String YEAR = String.valueOf(LocalDate.now(CLOCK).getYear());
    static final String PLAN = YEAR + "-SCJG";
    static final String TASK = PLAN + "-B01";
    /** An entity of the street; whether drawn or not, the result example meets a refusal after the matrix let it through. */
    static final String DRAWN = Neighbours.code("91", "MTRX0001");
    private static Neighbours neighbours;

    @DynamicPropertySource
    static void neighbours(DynamicPropertyRegistry registry) {
        neighbours = Neighbours.start(registry);
    }

    @AfterAll
    static void stopNeighbours() {
        if (neighbours != null) {
            neighbours.close();
        }
    }

    static String item(String code) {
        return "{\"code\":\"" + code + "\",\"name\":\"企业公示信息抽查\",\"legalBasis\":\"《企业信息公示暂行条例》第十四条\","
                + "\"inspectingBody\":\"东城区市场监督管理局\",\"method\":\"书面检查\",\"keyItem\":false,\"ratioPercent\":3,\"frequencyPerYear\":1}\n";
    }

    /** Items, a plan, and one task drawn: every read has something to show, every write a state to meet. */
    @BeforeAll
    void load() {
        ApiClient api = api();
        HttpResponse<String> r = api.postNdjson("/v1/inspection-items:bulk?refresh=true", item("DC-SCJG-001"), "REGULATOR");
        assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(1);
        neighbours.directory(List.of(Neighbours.code("91", "MTRX0001"), Neighbours.code("91", "MTRX0002")), "ACTIVE");
        SpotCheckFixture fixture = new SpotCheckFixture(api, CLOCK);
        fixture.itemsAndPlan(YEAR);
        fixture.createTask(PLAN, fixture.taskBody(1, "《中华人民共和国食品安全法》", "[\"" + FOOD + "\"]", Duration.ofMinutes(10)));
        fixture.freeze(TASK);
        CLOCK.advance(Duration.ofMinutes(15));
        assertThat(fixture.enterSources(TASK, SOURCES).statusCode()).isEqualTo(201);
        assertThat(fixture.draw(TASK).statusCode()).isEqualTo(201);
    }

    @Override
    protected Map<String, Example> serviceExamples() {
        SpotCheckFixture fixture = new SpotCheckFixture(api(), CLOCK);
        String task = "/v1/spot-check-tasks/" + TASK;
        return Map.ofEntries(
                entry("POST /v1/inspection-items:bulk", Example.of(postNdjson("/v1/inspection-items:bulk", item("DC-SCJG-002")))),
                entry("GET /v1/inspection-items/{code}", Example.of(get("/v1/inspection-items/DC-SCJG-001"))),
                entry("GET /v1/inspection-items/{code}/versions/{version}", Example.of(get("/v1/inspection-items/DC-SCJG-001/versions/1"))),
                entry("GET /v1/inspection-items", Example.of(get("/v1/inspection-items"))),
                entry("POST /v1/inspectors:bulk", Example.of(postNdjson("/v1/inspectors:bulk", InspectorDirectoryIT.inspector("DC-0001", "ACTIVE")))),
                entry("GET /v1/inspectors", Example.of(get("/v1/inspectors"))),
                entry("POST /v1/inspection-plans", Example.of(postJson("/v1/inspection-plans",
                        SpotCheckFixture.planBody(YEAR, "WSJK", SpotCheckFixture.HEALTH)), 201)),
                entry("GET /v1/inspection-plans", Example.of(get("/v1/inspection-plans"))),
                entry("GET /v1/inspection-plans/{planId}", Example.of(get("/v1/inspection-plans/" + PLAN))),
                entry("POST /v1/inspection-plans/{planId}/tasks", Example.of(postJson("/v1/inspection-plans/" + PLAN + "/tasks",
                        fixture.taskBody(2, "《中华人民共和国食品安全法》", "[\"" + FOOD + "\"]", Duration.ofDays(30))), 201)),
                entry("GET /v1/inspection-plans/{planId}/tasks", Example.of(get("/v1/inspection-plans/" + PLAN + "/tasks"))),
                entry("GET /v1/spot-check-tasks/{taskId}", Example.of(get(task))),
                // the task is frozen, entered and drawn: a regulator is let through and meets the once-only rule
                entry("POST /v1/spot-check-tasks/{taskId}/pool", Example.of(postJson(task + "/pool", ""), 409)),
                entry("GET /v1/spot-check-tasks/{taskId}/pool", Example.of(get(task + "/pool"))),
                entry("POST /v1/spot-check-tasks/{taskId}/random-sources", Example.of(postJson(task + "/random-sources", SOURCES), 409)),
                entry("POST /v1/spot-check-tasks/{taskId}/draw", Example.of(postJson(task + "/draw", ""), 409)),
                entry("GET /v1/spot-check-tasks/{taskId}/draw", Example.of(get(task + "/draw"))),
                entry("GET /v1/spot-check-tasks/{taskId}/draw/verification", Example.of(get(task + "/draw/verification"))),
                entry("GET /v1/spot-check-tasks/{taskId}/draw-attempts", Example.of(get(task + "/draw-attempts"))),
                entry("GET /v1/spot-check-tasks/{taskId}/targets", Example.of(get(task + "/targets"))),
                // no inspector of the task's department in the directory: let through, the assignment is infeasible
                entry("POST /v1/spot-check-tasks/{taskId}/assignment", Example.of(postJson(task + "/assignment", ""), 409)),
                entry("GET /v1/spot-check-tasks/{taskId}/assignment", Example.of(get(task + "/assignment"), 404)),
                // the demo inspector is let through and meets the missing assignment
                entry("POST /v1/spot-check-tasks/{taskId}/targets/{uscc}/result", Example.of(postJson(task + "/targets/" + DRAWN + "/result",
                        "{\"outcome\":\"NO_PROBLEM_FOUND\",\"inspectionEndDate\":\"" + YEAR + "-01-05\"}"), 404, 409)),
                entry("GET /v1/spot-check-tasks/{taskId}/targets/{uscc}/result", Example.of(get(task + "/targets/" + DRAWN + "/result"), 404)),
                entry("GET /v1/spot-check-tasks/{taskId}/results", Example.of(get(task + "/results"))),
                entry("GET /v1/spot-check-results/overdue", Example.of(get("/v1/spot-check-results/overdue"))),
                entry("GET /v1/spot-check-results/repeated-problems", Example.of(get("/v1/spot-check-results/repeated-problems"))),
                entry("GET /v1/oversight-figures", Example.of(get("/v1/oversight-figures?planId=" + PLAN))));
    }
}

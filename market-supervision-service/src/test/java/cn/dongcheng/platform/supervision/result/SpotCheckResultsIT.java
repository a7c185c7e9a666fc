package cn.dongcheng.platform.supervision.result;

import cn.dongcheng.platform.supervision.assignment.AssignableInspector;
import cn.dongcheng.platform.supervision.assignment.AssignmentOutcome;
import cn.dongcheng.platform.supervision.assignment.AssignmentTarget;
import cn.dongcheng.platform.supervision.assignment.InspectionTeam;
import cn.dongcheng.platform.supervision.assignment.InspectorAssignment;
import cn.dongcheng.platform.supervision.support.Neighbours;
import cn.dongcheng.platform.supervision.support.ResultFixture;
import cn.dongcheng.platform.supervision.support.SpotCheckFixture;
import cn.dongcheng.platform.supervision.support.SteppingClock;
import cn.dongcheng.platform.supervision.support.TestClock;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static cn.dongcheng.platform.supervision.support.ResultFixture.LICENSING;
import static cn.dongcheng.platform.supervision.support.ResultFixture.QUALIFICATION;
import static cn.dongcheng.platform.supervision.support.ResultFixture.inspector;
import static cn.dongcheng.platform.supervision.support.ResultFixture.result;
import static cn.dongcheng.platform.supervision.support.SpotCheckFixture.SOURCES;
import static cn.dongcheng.platform.testing.ApiClient.json;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tasks drawn over the same four entities (same pool, same sources: same targets), then inspectors assigned and
 * results entered through the real API with real tokens, real Elasticsearch and the real credit-service: an infeasible
 * assignment explained per target and leaving nothing written, the feasible one reproducible from the published seed,
 * last time's inspectors recused, results only from the team, published to anyone, overdue and repeated-problem
 * warnings, and each result reaching credit-service once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpotCheckResultsIT extends ElasticsearchIntegrationTest {

    static final SteppingClock CLOCK = TestClock.CLOCK;
    static final String PLAN = LocalDate.now(CLOCK).getYear() + "-SCJG";
    static final String T1 = PLAN + "-B01";
    static final String T2 = PLAN + "-B02";
    static final List<String> ENTITIES = IntStream.rangeClosed(1, 4).mapToObj(i -> Neighbours.code("91", "RELT000" + i)).toList();
    /** Entity i's street and industry section in the directory (the pool copies them onto the targets and results). */
    static final List<String> STREETS = List.of("110101001", "110101002", "110101003", "110101004");
    static final List<String> SECTIONS = List.of("I", "I", "I", "F");
    private static Neighbours neighbours;

    @LocalServerPort
    int port;
    @Autowired
    ResultOutbox outbox;

    private List<String> drawn;

    @DynamicPropertySource
    static void neighbours(DynamicPropertyRegistry registry) {
        neighbours = Neighbours.start(registry);
        registry.add("supervision.outbox.relay-interval", () -> "PT1H"); // the test relays when it wants to
    }

    @AfterAll
    static void stopNeighbours() {
        if (neighbours != null) {
            neighbours.close();
        }
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    ResultFixture results() {
        return new ResultFixture(api());
    }

    @BeforeAll
    void drawTwoTasks() {
        neighbours.directory(ENTITIES, "ACTIVE", STREETS, SECTIONS);
        SpotCheckFixture fixture = new SpotCheckFixture(api(), CLOCK);
        fixture.itemsAndPlan(PLAN.substring(0, 4));
        results().licensingItem();
        for (int batch = 1; batch <= 2; batch++) {
            fixture.createTask(PLAN, fixture.taskBody(batch, "《中华人民共和国食品安全法》第三十五条", "[\"" + LICENSING + "\"]",
                    Duration.ofMinutes(10), "{}"));
            fixture.freeze(PLAN + "-B0" + batch);
        }
        CLOCK.advance(Duration.ofMinutes(15));
        for (String task : List.of(T1, T2)) {
            assertThat(fixture.enterSources(task, SOURCES).statusCode()).isEqualTo(201);
            assertThat(fixture.draw(task).statusCode()).isEqualTo(201);
            CLOCK.advance(Duration.ofMinutes(1));
        }
        drawn = results().targets(T1);
        assertThat(drawn).hasSize(2).isEqualTo(results().targets(T2));
    }

    @Test
    @Order(1)
    void anInfeasibleAssignmentSaysWhichConstraintFailsForWhichTargetAndWritesNothing() {
        String t0 = drawn.get(0);
        results().inspectors(
                inspector("DC-0001", "ON_LEAVE", List.of(QUALIFICATION), List.of(), 5),
                inspector("DC-1002", "ACTIVE", List.of(), List.of(), 5),
                inspector("DC-1003", "ACTIVE", List.of(), List.of(t0), 5));

        JsonNode problem = assertProblem(results().assign(T1), 409);
        List<String> violations = StreamSupport.stream(problem.path("violations").spliterator(), false)
                .map(v -> v.path("uscc").asText() + " " + v.path("constraint").asText()).toList();
        assertThat(violations).as(problem.toString())
                .containsExactlyInAnyOrder(t0 + " TEAM_SIZE", t0 + " QUALIFICATION", drawn.get(1) + " QUALIFICATION");
        assertThat(problem.toString()).contains("declared a conflict").contains(QUALIFICATION);

        assertProblem(api().get("/v1/spot-check-tasks/" + T1 + "/assignment", "REGULATOR"), 404);
        JsonNode targets = json(api().get("/v1/spot-check-tasks/" + T1 + "/targets", "REGULATOR"));
        assertThat(targets.path("items").findValues("assignment")).as("no team written").isEmpty();
        assertThat(assertProblem(results().enter(T1, t0, result("NO_PROBLEM_FOUND", null, "2026-09-18")), 409)
                .path("detail").asText()).contains("no inspectors are assigned");
    }

    @Test
    @Order(2)
    void theAssignmentIsMadeOnceAndAnyoneCanRecomputeItFromTheSeed() {
        String t0 = drawn.get(0);
        results().inspectors(inspector("DC-0001", "ACTIVE", List.of(QUALIFICATION), List.of(), 5));
        HttpResponse<String> r = results().assign(T1);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode assignment = json(r);
        String seed = json(api().get("/v1/spot-check-tasks/" + T1 + "/draw")).path("keyString").asText();
        assertThat(assignment.path("seed").asText()).isEqualTo(seed);
        for (JsonNode team : assignment.path("teams")) {
            assertThat(texts(team.path("inspectors"))).as("the only qualified inspector leads").hasSize(2).contains("DC-0001");
        }
        assertThat(texts(team(assignment, t0).path("inspectors"))).as("DC-1003 declared a conflict").doesNotContain("DC-1003");

        List<AssignableInspector> directory = List.of(
                new AssignableInspector("DC-0001", true, Set.of(QUALIFICATION), Set.of(), 5, 0),
                new AssignableInspector("DC-1002", true, Set.of(), Set.of(), 5, 0),
                new AssignableInspector("DC-1003", true, Set.of(), Set.of(t0), 5, 0));
        List<AssignmentTarget> targets = drawn.stream().map(u -> new AssignmentTarget(u, Set.of(QUALIFICATION), Set.of())).toList();
        AssignmentOutcome offline = InspectorAssignment.assign(targets, directory, seed, 2);
        for (InspectionTeam team : offline.teams()) {
            assertThat(texts(team(assignment, team.uscc()).path("inspectors"))).isEqualTo(team.inspectors());
        }

        assertThat(assertProblem(results().assign(T1), 409).path("detail").asText()).contains("assigned already");
        assertThat(json(api().get("/v1/spot-check-tasks/" + T1 + "/assignment", "INSPECTOR"))).isEqualTo(assignment);
        JsonNode stored = json(api().get("/v1/spot-check-tasks/" + T1 + "/targets", "REGULATOR"));
        assertThat(stored.path("items").findValues("assignment")).hasSize(2);
    }

    @Test
    @Order(3)
    void anAssignedInspectorEntersAResultPublishedAtOnceWithItsDeadline() {
        String t0 = drawn.get(0);
        ResultFixture fixture = results();
        assertInvalid(fixture.enter(T1, t0, result("PROBLEMS_FOUND", null, "2026-09-18")), "details");
        assertInvalid(fixture.enter(T1, t0, result("FINE", null, "2026-09-18")), "outcome");
        assertInvalid(fixture.enter(T1, t0, result("CLOSED", null, "2026-13-01")), "inspectionEndDate");
        assertProblem(fixture.enter(T1, ENTITIES.stream().filter(e -> !drawn.contains(e)).findFirst().orElseThrow(),
                result("CLOSED", null, "2026-09-18")), 404);
        assertProblem(fixture.enterAs("DC-9999", T1, t0, result("CLOSED", null, "2026-09-18")), 403); // not in the directory
        assertProblem(api().get(ResultFixture.path(T1, t0)), 404); // nothing written by the refusals

        HttpResponse<String> r = fixture.enter(T1, t0, result("PROBLEMS_FOUND", "未按规定公示年度报告", "2026-09-18"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        // the 20th working day after Fri 2026-09-18: Sep 20 (a Sunday worked) counts, Sep 25 and Oct 1–7 do not, Oct 10 counts
        assertThat(json(r).path("publicationDeadline").asText()).isEqualTo("2026-10-22");
        assertThat(json(r).path("inspector").asText()).isEqualTo("DC-0001");
        assertProblem(fixture.enter(T1, t0, result("NO_PROBLEM_FOUND", null, "2026-09-18")), 409);

        JsonNode published = json(api().get(ResultFixture.path(T1, t0)));
        assertThat(published.path("outcome").asText()).isEqualTo("PROBLEMS_FOUND");
        assertThat(published.has("delivery")).isFalse();
        assertThat(published.path("streetCode").asText()).as("where, for the public's figures by street").isEqualTo(STREETS.get(ENTITIES.indexOf(t0)));
        assertThat(published.path("industrySection").asText()).isEqualTo(SECTIONS.get(ENTITIES.indexOf(t0)));
        assertThat(json(api().get("/v1/spot-check-tasks/" + T1 + "/results")).path("items")).hasSize(1);

        JsonNode overdue = json(api().get("/v1/spot-check-results/overdue", "REGULATOR"));
        assertThat(overdue.path("items").findValuesAsText("resultId")).containsExactly(T1 + ":" + t0);
        assertThat(fixture.enter(T1, drawn.get(1), result("NO_PROBLEM_FOUND", null, LocalDate.now(CLOCK).toString())).statusCode())
                .isEqualTo(201);
    }

    @Test
    @Order(4)
    void lastTimesInspectorsAreRecusedAndOnlyTheTeamEntersResults() {
        String t0 = drawn.get(0);
        JsonNode problem = assertProblem(results().assign(T2), 409);
        assertThat(problem.path("violations").findValuesAsText("constraint")).contains("QUALIFICATION");
        assertThat(problem.toString()).contains("inspected it last time");

        results().inspectors(inspector("DC-1004", "ACTIVE", List.of(QUALIFICATION), List.of(), 5),
                inspector("DC-1005", "ACTIVE", List.of(), List.of(), 5));
        HttpResponse<String> r = results().assign(T2);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode first = json(api().get("/v1/spot-check-tasks/" + T1 + "/assignment", "REGULATOR"));
        for (String uscc : drawn) {
            Set<String> again = new HashSet<>(texts(team(json(r), uscc).path("inspectors")));
            again.retainAll(texts(team(first, uscc).path("inspectors")));
            assertThat(again).as("no inspector–entity pair repeated for " + uscc).isEmpty();
        }

        assertProblem(results().enter(T2, t0, result("PROBLEMS_FOUND", "仍未公示", "2026-11-27")), 403); // DC-0001: not on this team
        String member = texts(team(json(r), t0).path("inspectors")).get(0);
        HttpResponse<String> entered = results().enterAs(member, T2, t0, result("PROBLEMS_FOUND", "仍未公示年度报告", "2026-11-27"));
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);

        JsonNode repeated = json(api().get("/v1/spot-check-results/repeated-problems", "REGULATOR"));
        assertThat(repeated.findValuesAsText("uscc")).containsExactly(t0);
        assertThat(repeated.get(0).path("inspectionsWithProblems").asInt()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void oversightFiguresCountWhatWasDrawnAndEnteredPerStratumAgainstThePool() {
        JsonNode figures = json(api().get("/v1/oversight-figures?planId=" + PLAN, "AUDITOR"));
        assertThat(figures.path("tasks").findValuesAsText("taskId")).as(figures.toString()).containsExactly(T1, T2);
        for (JsonNode task : figures.path("tasks")) {
            JsonNode pool = json(api().get("/v1/spot-check-tasks/" + task.path("taskId").asText() + "/pool"));
            for (JsonNode row : task.path("strata")) {
                String stratum = row.path("stratum").asText();
                int n = pool.path("strata").path(stratum).size();
                long drawnHere = drawnTargets(task.path("taskId").asText()).stream().filter(stratum::equals).count();
                assertThat(row.path("poolSize").asInt()).isEqualTo(n);
                assertThat(row.path("plannedSample").asInt()).isEqualTo(pool.path("sampleSizes").path(stratum).asInt());
                assertThat(row.path("drawn").asLong()).isEqualTo(drawnHere);
                if (n == 0) { // an empty stratum has no coverage
                    assertThat(row.path("coverage").isMissingNode() || row.path("coverage").isNull()).as(row.toString()).isTrue();
                } else {
                    assertThat(row.path("coverage").decimalValue()).isEqualByComparingTo(ratio(drawnHere, n));
                }
            }
        }
        // T1: t0 PROBLEMS_FOUND (deadline 2026-10-22 passed, entered after it, not delivered), drawn[1] NO_PROBLEM_FOUND;
        // T2: t0 PROBLEMS_FOUND, deadline ahead
        JsonNode t1 = figures.path("tasks").get(0).path("total");
        assertThat(t1.path("poolSize").asInt()).isEqualTo(ENTITIES.size());
        assertThat(List.of(t1.path("drawn").asInt(), t1.path("resultsEntered").asInt(), t1.path("problemsFound").asInt(),
                t1.path("overdue").asInt(), t1.path("enteredLate").asInt())).isEqualTo(List.of(2, 2, 1, 1, 1));
        assertThat(t1.path("coverage").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(t1.path("findingsRate").decimalValue()).isEqualByComparingTo("0.5");
        JsonNode t2 = figures.path("tasks").get(1).path("total");
        assertThat(List.of(t2.path("drawn").asInt(), t2.path("resultsEntered").asInt(), t2.path("problemsFound").asInt(),
                t2.path("overdue").asInt(), t2.path("enteredLate").asInt())).isEqualTo(List.of(2, 1, 1, 0, 0));
        assertThat(t2.path("findingsRate").decimalValue()).isEqualByComparingTo("1");
        JsonNode plan = figures.path("total");
        assertThat(plan.path("poolSize").asInt()).isEqualTo(2 * ENTITIES.size());
        assertThat(plan.path("resultsEntered").asInt()).isEqualTo(3);
        assertThat(plan.path("achievedRatio").decimalValue()).isEqualByComparingTo(
                ratio(3, t1.path("plannedSample").asInt() + t2.path("plannedSample").asInt()));
        assertThat(plan.path("findingsRate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(plan.path("overdue").asInt()).isEqualTo(1);

        assertProblem(api().get("/v1/oversight-figures?planId=" + PLAN, "CITIZEN"), 403);
        assertInvalid(api().get("/v1/oversight-figures", "REGULATOR"), "planId");
        assertProblem(api().get("/v1/oversight-figures?planId=1999-NONE", "REGULATOR"), 404);
    }

    @Test
    @Order(5)
    void findingsRatesByStreetAndIndustrySectionAreRatiosOfTheirOwnSums() {
        // By hand: drawn[0] was drawn in T1 and T2, both results PROBLEMS_FOUND; drawn[1] was drawn in both, one result
        // NO_PROBLEM_FOUND. They lie in different streets and in the same section, so the section's rate is 2 ÷ 3 —
        // not the mean 0.5 of the two streets' rates 1 and 0.
        String t0 = drawn.get(0);
        String t1 = drawn.get(1);
        String section = SECTIONS.get(ENTITIES.indexOf(t0));
        assertThat(SECTIONS.get(ENTITIES.indexOf(t1))).as("the fixture puts both drawn entities in one section").isEqualTo(section);
        JsonNode figures = json(api().get("/v1/oversight-figures?planId=" + PLAN, "REGULATOR"));

        assertThat(rows(figures.path("byStreet"))).as(figures.toString()).containsExactlyElementsOf(sortedByGroup(List.of(
                STREETS.get(ENTITIES.indexOf(t0)) + " drawn 2 entered 2 problems 2 rate 1.0000",
                STREETS.get(ENTITIES.indexOf(t1)) + " drawn 2 entered 1 problems 0 rate 0.0000")));
        assertThat(rows(figures.path("byIndustrySection"))).as(figures.toString())
                .containsExactly(section + " drawn 4 entered 3 problems 2 rate 0.6667");

        // a department's year: the market regulator's plan is its only one, so the same figures
        JsonNode year = json(api().get("/v1/oversight-figures?department=scjg&year=" + PLAN.substring(0, 4), "AUDITOR"));
        assertThat(year.path("department").asText()).isEqualTo("SCJG");
        assertThat(year.path("tasks").findValuesAsText("taskId")).containsExactly(T1, T2);
        assertThat(year.path("total")).isEqualTo(figures.path("total"));
        assertThat(year.path("byStreet")).isEqualTo(figures.path("byStreet"));
        assertProblem(api().get("/v1/oversight-figures?department=WSJK&year=" + PLAN.substring(0, 4), "REGULATOR"), 404);
        assertInvalid(api().get("/v1/oversight-figures?department=SCJG", "REGULATOR"), "year");
        assertInvalid(api().get("/v1/oversight-figures?year=2026", "REGULATOR"), "department");
        assertInvalid(api().get("/v1/oversight-figures?department=SCJG&year=20x6", "REGULATOR"), "year");
        assertInvalid(api().get("/v1/oversight-figures?planId=" + PLAN + "&department=SCJG&year=2026", "REGULATOR"), "planId");
    }

    private static List<String> rows(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(r -> r.path("group").asText() + " drawn " + r.path("drawn").asInt()
                + " entered " + r.path("resultsEntered").asInt() + " problems " + r.path("problemsFound").asInt() + " rate "
                + r.path("findingsRate").decimalValue().setScale(4, RoundingMode.HALF_UP)).toList();
    }

    private static List<String> sortedByGroup(List<String> rows) {
        return rows.stream().sorted().toList();
    }

    static BigDecimal ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    private List<String> drawnTargets(String taskId) {
        JsonNode page = json(api().get("/v1/spot-check-tasks/" + taskId + "/targets?size=100", "REGULATOR"));
        return page.path("items").findValuesAsText("riskClass");
    }

    @Test
    @Order(6)
    void theOutboxDeliversEachPublishedResultToCreditServiceOnce() {
        assertThat(outbox.relay()).isEqualTo(3);
        assertThat(outbox.relay()).as("nothing left pending").isZero();
        ApiClient credit = new ApiClient(neighbours.credit.port());
        JsonNode subject = json(credit.get("/v1/subjects/" + drawn.get(0), "CREDIT_OFFICER"));
        List<String> sources = subject.path("records").path("items").findValuesAsText("sourceId");
        assertThat(sources).as(subject.toString()).containsExactlyInAnyOrder(T1 + ":" + drawn.get(0), T2 + ":" + drawn.get(0));
        assertThat(json(api().get("/v1/spot-check-results/overdue", "REGULATOR")).path("items")).isEmpty();
        assertThat(json(api().get("/v1/oversight-figures?planId=" + PLAN, "REGULATOR")).path("total").path("overdue").asInt())
                .as("delivered results are not overdue").isZero();
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static JsonNode team(JsonNode assignment, String uscc) {
        for (JsonNode team : assignment.path("teams")) {
            if (team.path("uscc").asText().equals(uscc)) {
                return team;
            }
        }
        throw new AssertionError("no team for " + uscc + " in " + assignment);
    }
}

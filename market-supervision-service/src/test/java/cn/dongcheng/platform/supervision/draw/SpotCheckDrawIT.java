package cn.dongcheng.platform.supervision.draw;

import cn.dongcheng.platform.supervision.support.Neighbours;
import cn.dongcheng.platform.supervision.support.SpotCheckFixture;
import cn.dongcheng.platform.supervision.support.SteppingClock;
import cn.dongcheng.platform.supervision.support.TestClock;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static cn.dongcheng.platform.supervision.support.SpotCheckFixture.FOOD;
import static cn.dongcheng.platform.supervision.support.SpotCheckFixture.HEALTH;
import static cn.dongcheng.platform.supervision.support.SpotCheckFixture.HEALTH_ITEM;
import static cn.dongcheng.platform.supervision.support.SpotCheckFixture.SAMR;
import static cn.dongcheng.platform.supervision.support.SpotCheckFixture.SOURCES;
import static cn.dongcheng.platform.testing.ApiClient.json;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A joint task from plan to verified draw against the real industry-service and credit-service (real HTTP, real
 * tokens, real Elasticsearch): the pool frozen and published before the sources, stratified by risk class with
 * n = ⌈ratio × N⌉ within the bounds, drawn exactly once under concurrent attempts, every attempt logged, the published
 * draw checked by the offline script, and its targets kept out of the next pool for the item's frequency window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpotCheckDrawIT extends ElasticsearchIntegrationTest {

    static final SteppingClock CLOCK = TestClock.CLOCK;
    static final String PLAN = LocalDate.now(CLOCK).getYear() + "-SCJG";
    static final List<String> LOW_RISK = codes("91", "DRAWA", 50);
    static final List<String> HIGH_RISK = codes("91", "DRAWD", 10);
    static final List<String> INDIVIDUAL = codes("92", "DRAWG", 5);
    static final List<String> REVOKED = codes("91", "DRAWR", 3);
    private static Neighbours neighbours;

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    private JsonNode published;

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

    static List<String> codes(String kind, String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> Neighbours.code(kind, prefix + String.format("%03d", i))).toList();
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    SpotCheckFixture fixture() {
        return new SpotCheckFixture(api(), CLOCK);
    }

    @BeforeAll
    void setUp() {
        List<String> active = new ArrayList<>(LOW_RISK);
        active.addAll(HIGH_RISK);
        active.addAll(INDIVIDUAL);
        neighbours.directory(active, "ACTIVE");
        neighbours.directory(REVOKED, "REVOKED");
        neighbours.seriousList(HIGH_RISK);
        fixture().itemsAndPlan(PLAN.substring(0, 4));
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    @Order(1)
    void aJointTaskIsDrawnOnceFromAPoolFrozenBeforeItsSourcesAndEveryAttemptIsLogged() throws Exception {
        SpotCheckFixture fixture = fixture();
        JsonNode task = fixture.createTask(PLAN, fixture.taskBody(1, "《中华人民共和国食品安全法》第一百一十条",
                "[\"" + FOOD + "\",\"" + HEALTH_ITEM + "\"]", Duration.ofMinutes(10)));
        String taskId = task.path("taskId").asText();
        assertThat(task.path("joint").asBoolean()).isTrue();
        assertThat(texts(task.path("departments"))).containsExactly(SAMR, HEALTH);
        assertThat(task.path("items").findValuesAsText("version")).containsExactly("1", "1");

        assertProblem(fixture.enterSources(taskId, SOURCES), 409); // before the announced time
        assertProblem(fixture.draw(taskId), 409);                  // nothing to draw from
        assertThat(api().get("/v1/spot-check-tasks/" + taskId + "/pool").statusCode()).isEqualTo(404);

        long started = System.nanoTime();
        JsonNode pool = fixture.freeze(taskId);
        long freezeMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(pool.path("directoryEntries").asInt()).as("active entities of the street; revoked ones not streamed").isEqualTo(65);
        assertThat(pool.path("outsideEntityType").asInt()).as("individual businesses: the food item is for enterprises").isEqualTo(5);
        assertThat(texts(pool.path("strata").path("A"))).containsExactlyElementsOf(LOW_RISK.stream().sorted().toList());
        assertThat(texts(pool.path("strata").path("D"))).containsExactlyElementsOf(HIGH_RISK.stream().sorted().toList());
        assertThat(pool.path("strata").path("B")).isEmpty();
        // A: ratio max(1 %, 3 %) → ⌈0.03 × 50⌉ = 2 (the minimum is 2 too); D: ⌈0.5 × 10⌉ = 5; B, C: empty
        assertThat(pool.path("sampleSizes").toString()).isEqualTo("{\"A\":2,\"B\":0,\"C\":0,\"D\":5}");
        assertThat(pool.path("poolDigest").asText()).hasSize(64);
        assertProblem(api().postJson("/v1/spot-check-tasks/" + taskId + "/pool", "", "REGULATOR"), 409);
        assertThat(assertProblem(fixture.enterSources(taskId, SOURCES), 409).path("detail").asText())
                .as("a frozen pool, but the sources cannot be known yet").contains("only after");

        CLOCK.advance(Duration.ofMinutes(15)); // the sources are public now
        assertInvalid(fixture.enterSources(taskId, "{\"sources\":[[9.5], [1]]}"), "sources[0]");
        assertInvalid(fixture.enterSources(taskId, "{\"sources\":[[9]]}"), "sources");
        assertThat(fixture.enterSources(taskId, SOURCES).statusCode()).isEqualTo(201);
        assertProblem(fixture.enterSources(taskId, "{\"sources\":[[1], [2]]}"), 409);

        int attempts = 6;
        ExecutorService pool6 = Executors.newFixedThreadPool(attempts);
        List<Callable<HttpResponse<String>>> calls = IntStream.range(0, attempts)
                .mapToObj(i -> (Callable<HttpResponse<String>>) () -> fixture.draw(taskId)).toList();
        started = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        JsonNode drawn = null;
        for (Future<HttpResponse<String>> f : pool6.invokeAll(calls)) {
            HttpResponse<String> r = f.get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 201) {
                drawn = json(r);
            }
        }
        long drawMillis = (System.nanoTime() - started) / 1_000_000;
        pool6.shutdown();
        assertThat(pool6.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(statuses).as("concurrent attempts make one draw").containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(assertProblem(fixture.draw(taskId), 409).path("detail").asText()).contains("drawn already");

        JsonNode log = json(api().get("/v1/spot-check-tasks/" + taskId + "/draw-attempts?size=100", "AUDITOR"));
        assertThat(log.path("items").findValuesAsText("outcome")).hasSize(1 + attempts + 1)
                .containsOnlyOnce(DrawAttempt.DRAWN);

        published = json(api().get("/v1/spot-check-tasks/" + taskId + "/draw"));
        assertThat(published).isEqualTo(drawn);
        assertThat(published.path("algorithmVersion").asText()).isEqualTo("rfc3797");
        assertThat(published.path("keyString").asText()).isEqualTo("1.3.9./2.5.6.9.12.17.21.27.31.36.39.44.48.54.58.63.66.70.75.80./");
        assertThat(published.path("poolDigest").asText()).isEqualTo(pool.path("poolDigest").asText());
        assertThat(published.path("strata").findValuesAsText("sampleSize")).containsExactly("2", "0", "0", "5");
        assertThat(published.path("strata").get(0).path("selected")).hasSize(2);
        assertThat(LOW_RISK).containsAll(texts(published.path("strata").get(0).path("selected")));
        assertThat(HIGH_RISK).containsAll(texts(published.path("strata").get(3).path("selected")));

        JsonNode verification = json(api().get("/v1/spot-check-tasks/" + taskId + "/draw/verification"));
        assertThat(verification.path("verified").asBoolean()).as(verification.toString()).isTrue();

        JsonNode targets = json(api().get("/v1/spot-check-tasks/" + taskId + "/targets", "INSPECTOR"));
        assertThat(targets.path("items")).hasSize(7);
        assertThat(texts(targets.path("items").get(0).path("items"))).containsExactly(FOOD, HEALTH_ITEM);
        System.out.printf("pool build (65 directory entries, 60 classified): %d ms; %d concurrent draw attempts: %d ms%n",
                freezeMillis, attempts, drawMillis);
    }

    @Test
    @Order(2)
    void theServedPublicationIsVerifiedOfflineFromItsPublishedDataAlone() throws Exception {
        assertThat(published).as("drawn by the test before").isNotNull();
        assumeTrue(python(), "python3 not available");
        assertThat(verify(published)).isZero();

        ObjectNode reordered = published.deepCopy();
        ArrayNode selected = (ArrayNode) reordered.path("strata").get(3).path("selected");
        JsonNode first = selected.remove(0);
        selected.add(first);
        assertThat(verify(reordered)).as("a selection that is not the algorithm's").isEqualTo(1);

        ObjectNode swapped = published.deepCopy();
        ((ArrayNode) swapped.path("pool").path("A")).set(0, swapped.path("pool").path("D").get(0));
        assertThat(verify(swapped)).as("a pool that is not the one published").isEqualTo(1);
    }

    @Test
    @Order(3)
    void entitiesDrawnForAnItemStayOutOfItsNextPoolsForTheFrequencyWindow() {
        assertThat(published).as("drawn by the test before").isNotNull();
        Set<String> drawnBefore = new HashSet<>();
        published.path("strata").forEach(s -> drawnBefore.addAll(texts(s.path("selected"))));
        SpotCheckFixture fixture = fixture();
        String taskId = fixture.createTask(PLAN, fixture.taskBody(2, "《中华人民共和国食品安全法》第一百一十条",
                "[\"" + FOOD + "\"]", Duration.ofMinutes(10))).path("taskId").asText();
        JsonNode pool = fixture.freeze(taskId);
        assertThat(pool.path("keptOut").findValuesAsText("uscc")).containsExactlyInAnyOrderElementsOf(drawnBefore);
        assertThat(pool.path("keptOut").get(0).path("reason").asText()).contains(FOOD).contains(PLAN + "-B01");
        assertThat(pool.path("strata").path("A")).hasSize(48);
        assertThat(pool.path("strata").path("D")).hasSize(5);
        Set<String> pooled = new HashSet<>(texts(pool.path("strata").path("A")));
        pooled.addAll(texts(pool.path("strata").path("D")));
        assertThat(pooled).doesNotContainAnyElementsOf(drawnBefore);
        // the health item has no window: a task of it alone keeps nobody out (the next plan's department draws it)
    }

    @Test
    @Order(4)
    void badTasksAndPlansAreRefusedNamingTheFieldAndNothingIsStored() {
        SpotCheckFixture fixture = fixture();
        assertInvalid(api().postJson("/v1/inspection-plans/" + PLAN + "/tasks",
                fixture.taskBody(9, null, "[\"" + FOOD + "\"]", Duration.ofMinutes(10)), "REGULATOR"), "legalBasis");
        assertInvalid(api().postJson("/v1/inspection-plans/" + PLAN + "/tasks",
                fixture.taskBody(9, "依据", "[\"" + FOOD + "\"]", Duration.ofMinutes(10))
                        .replace("\"items\"", "\"ratioByRiskClass\":{\"D\":1.5},\"items\""), "REGULATOR"), "ratioByRiskClass.D");
        assertInvalid(api().postJson("/v1/inspection-plans/" + PLAN + "/tasks",
                fixture.taskBody(9, "依据", "[\"" + FOOD + "\"]", Duration.ofMinutes(-1)), "REGULATOR"), "sourcesEnterableAfter");
        assertThat(api().get("/v1/spot-check-tasks/" + PLAN + "-B09").statusCode()).isEqualTo(404);
        assertProblem(api().postJson("/v1/inspection-plans", SpotCheckFixture.planBody(PLAN.substring(0, 4), "SCJG", SAMR),
                "REGULATOR"), 409);
        assertInvalid(api().postJson("/v1/inspection-plans", SpotCheckFixture.planBody("1999", "SCJG", SAMR), "REGULATOR"), "year");
        assertProblem(api().postJson("/v1/inspection-plans/" + PLAN + "/tasks",
                fixture.taskBody(1, "依据", "[\"" + FOOD + "\"]", Duration.ofMinutes(10)), "REGULATOR"), 409);

        // a pool not frozen before the sources' time is never frozen
        String late = fixture.createTask(PLAN, fixture.taskBody(3, "依据", "[\"" + FOOD + "\"]", Duration.ofMinutes(1)))
                .path("taskId").asText();
        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(assertProblem(api().postJson("/v1/spot-check-tasks/" + late + "/pool", "", "REGULATOR"), 409)
                .path("detail").asText()).contains("too late");
        assertProblem(fixture.enterSources(late, SOURCES), 409);
        assertThat(api().get("/v1/spot-check-tasks/" + late + "/pool").statusCode()).isEqualTo(404);
    }

    private static boolean python() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private int verify(JsonNode publication) throws Exception {
        Path file = dir.resolve("published-draw.json");
        Files.writeString(file, publication.toString(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("python3", "verify/verify_draw.py", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println(out);
        return p.exitValue();
    }
}

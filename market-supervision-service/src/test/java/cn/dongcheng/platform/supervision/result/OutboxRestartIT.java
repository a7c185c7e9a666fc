package cn.dongcheng.platform.supervision.result;

import cn.dongcheng.platform.credit.CreditServiceApplication;
import cn.dongcheng.platform.industry.IndustryServiceApplication;
import cn.dongcheng.platform.supervision.MarketSupervisionServiceApplication;
import cn.dongcheng.platform.supervision.support.Neighbours;
import cn.dongcheng.platform.supervision.support.ResultFixture;
import cn.dongcheng.platform.supervision.support.SpotCheckFixture;
import cn.dongcheng.platform.supervision.support.SteppingClock;
import cn.dongcheng.platform.supervision.support.TestClock;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.FaultyProxy;
import cn.dongcheng.platform.testing.NeighbourService;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static cn.dongcheng.platform.supervision.support.ResultFixture.LICENSING;
import static cn.dongcheng.platform.supervision.support.ResultFixture.QUALIFICATION;
import static cn.dongcheng.platform.supervision.support.ResultFixture.inspector;
import static cn.dongcheng.platform.supervision.support.ResultFixture.result;
import static cn.dongcheng.platform.supervision.support.SpotCheckFixture.SOURCES;
import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A result published while credit-service cannot be reached, market-supervision-service restarted on the same indices
 * while it still cannot, then credit-service reachable again: the outbox entry survives the restart (never lost), the
 * relay delivers it, and credit-service holds exactly one spot-check record for it (never doubled), read through its API.
 * "Unreachable" is a closed proxy in front of the real credit-service: no listener on the address this service calls.
 */
class OutboxRestartIT {

    static final String INSTANCES = "spring.cloud.discovery.client.simple.instances.";
    static final SteppingClock CLOCK = TestClock.CLOCK;
    static final String PLAN = LocalDate.now(CLOCK).getYear() + "-SCJG";
    static final String TASK = PLAN + "-B01";
    static final List<String> ENTITIES = IntStream.rangeClosed(1, 4).mapToObj(i -> Neighbours.code("91", "BXRT000" + i)).toList();

    private final String namespace = TestIndices.uniqueNamespace();

    private NeighbourService supervision(NeighbourService industry, URI credit) {
        return NeighbourService.start(MarketSupervisionServiceApplication.class, namespace,
                Map.of(INSTANCES + "industry-service[0].uri", industry.baseUrl(), INSTANCES + "credit-service[0].uri", credit.toString(),
                        "supervision.outbox.relay-interval", "PT1S"),
                Map.of("clock", CLOCK));
    }

    @Test
    void aResultPublishedWhileCreditIsDownReachesItExactlyOnceAfterARestart() throws Exception {
        try (NeighbourService industry = NeighbourService.start(IndustryServiceApplication.class, Map.of());
             NeighbourService credit = NeighbourService.start(CreditServiceApplication.class,
                     Map.of(INSTANCES + "industry-service[0].uri", industry.baseUrl()));
             FaultyProxy toCredit = new FaultyProxy(URI.create(credit.baseUrl()))) {
            String ndjson = ENTITIES.stream().map(c -> "{\"uscc\":\"" + c + "\",\"name\":\"北京外发测试有限公司\",\"status\":\"ACTIVE\","
                    + "\"streetCode\":\"110101006\",\"industrySection\":\"I\",\"industryClass\":\"6421\"}").collect(Collectors.joining("\n", "", "\n"));
            assertThat(json(new ApiClient(industry.port()).postNdjson("/v1/enterprises:bulk?refresh=true", ndjson, "DATA_STEWARD"))
                    .path("accepted").asInt()).isEqualTo(4);
            String uscc;
            try (NeighbourService first = supervision(industry, toCredit.uri())) {
                ApiClient api = new ApiClient(first.port());
                SpotCheckFixture fixture = new SpotCheckFixture(api, CLOCK);
                ResultFixture results = new ResultFixture(api);
                fixture.itemsAndPlan(PLAN.substring(0, 4));
                results.licensingItem();
                fixture.createTask(PLAN, fixture.taskBody(1, "《中华人民共和国食品安全法》第三十五条", "[\"" + LICENSING + "\"]", Duration.ofMinutes(10)));
                fixture.freeze(TASK); // risk classes come from credit-service, reachable now
                CLOCK.advance(Duration.ofMinutes(15));
                assertThat(fixture.enterSources(TASK, SOURCES).statusCode()).isEqualTo(201);
                assertThat(fixture.draw(TASK).statusCode()).isEqualTo(201);
                results.inspectors(inspector("DC-0001", "ACTIVE", List.of(QUALIFICATION), List.of(), 5),
                        inspector("DC-1002", "ACTIVE", List.of(), List.of(), 5));
                assertThat(results.assign(TASK).statusCode()).isEqualTo(201);
                uscc = results.targets(TASK).get(0);

                toCredit.mode(FaultyProxy.Mode.CLOSED);
                HttpResponse<String> entered = results.enter(TASK, uscc, result("PROBLEMS_FOUND", "未按规定公示年度报告", "2026-09-18"));
                assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
                JsonNode pending = awaitOverdue(api, e -> e.path("delivery").path("attempts").asInt() >= 1);
                assertThat(pending.path("delivery").path("state").asText()).isEqualTo("PENDING");
            }

            try (NeighbourService second = supervision(industry, toCredit.uri())) {
                ApiClient api = new ApiClient(second.port());
                JsonNode kept = awaitOverdue(api, e -> true);
                assertThat(kept.path("resultId").asText()).as("the outbox entry survived the restart").isEqualTo(TASK + ":" + uscc);

                toCredit.mode(FaultyProxy.Mode.FORWARD);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (json(api.get("/v1/spot-check-results/overdue", "REGULATOR")).path("items").size() > 0) {
                    assertThat(System.nanoTime()).as("delivered within 30 s of credit-service coming back").isLessThan(deadline);
                    Thread.sleep(200);
                }
                assertThat(second.bean(ResultOutbox.class).relay()).as("nothing pending any more").isZero();

                JsonNode subject = json(new ApiClient(credit.port()).get("/v1/subjects/" + uscc, "CREDIT_OFFICER"));
                List<String> sources = subject.path("records").path("items").findValuesAsText("sourceId");
                assertThat(sources).as(subject.toString()).containsExactly(TASK + ":" + uscc);
            }
        }
    }

    /** Waits (up to 15 s) for the one overdue entry to satisfy {@code condition}; answers it. */
    private static JsonNode awaitOverdue(ApiClient api, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            JsonNode items = json(api.get("/v1/spot-check-results/overdue", "REGULATOR")).path("items");
            if (items.size() == 1 && condition.test(items.get(0))) {
                return items.get(0);
            }
            assertThat(System.nanoTime()).as("overdue list: " + items).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}

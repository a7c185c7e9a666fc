package cn.dongcheng.platform.population.security;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.testing.AccessMatrixContract;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.get;
import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.postJson;
import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.postNdjson;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * population-service's access matrix, row by row, with real tokens. industry-service is pointed at a closed port, so
 * whatever runs on its default port on this machine cannot answer for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.discovery.client.simple.instances.industry-service[0].uri=http://127.0.0.1:9")
class AccessMatrixIT extends AccessMatrixContract {

    private static final String SOMEONE_ELSE = id("11010119800101001");
    /** A supplied base population (5-year groups, 50+): the projection needs nothing from the register. */
    private static final String PROJECTION = "{\"baseYear\":2020,\"horizonYears\":10,\"ageGroupWidth\":5,\"openAge\":50,"
            + "\"basePopulation\":{\"male\":[50,50,50,50,50,50,50,50,50,50,200],\"female\":[50,50,50,50,50,50,50,50,50,50,250]}}";


    static String id(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static String person(String id, String name) {
        return "{\"idNumber\":\"" + id + "\",\"name\":\"" + name + "\",\"streetCode\":\"110101006\","
                + "\"residenceType\":\"REGISTERED_RESIDENT\",\"phone\":\"13812345678\",\"address\":\"东城区东四街道某胡同1号\"}";
    }

    @BeforeAll
    void load() {
        ApiClient api = api();
        HttpResponse<String> r = api.postNdjson("/v1/persons:bulk?refresh=true",
                person(TestIdentityProvider.citizenIdNumber(), "王秀英") + "\n" + person(SOMEONE_ELSE, "李强") + "\n", "DATA_STEWARD");
        assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(2);
    }

    @Override
    protected Map<String, Example> serviceExamples() {
        return Map.ofEntries(
                entry("POST /v1/persons:bulk", Example.of(postNdjson("/v1/persons:bulk", person(id("11010119900101002"), "赵敏")))),
                entry("POST /v1/persons:lookup", Example.about(
                        postJson("/v1/persons:lookup", "{\"idNumber\":\"" + TestIdentityProvider.citizenIdNumber() + "\"}"),
                        postJson("/v1/persons:lookup", "{\"idNumber\":\"" + SOMEONE_ELSE + "\"}"), "/name")),
                // the token names the person: there is no one else to ask for
                entry("GET /v1/persons/me", new Example(s -> s == Subject.OWN ? get("/v1/persons/me") : null, Set.of(200), "/name")),
                // persons uploaded whole before sources existed read as linked persons too (no provenance yet)
                entry("POST /v1/linked-persons:lookup", Example.about(
                        postJson("/v1/linked-persons:lookup", "{\"idNumber\":\"" + TestIdentityProvider.citizenIdNumber() + "\"}"),
                        postJson("/v1/linked-persons:lookup", "{\"idNumber\":\"" + SOMEONE_ELSE + "\"}"), "/fields/name/value")),
                entry("POST /v1/person-sources:bulk", Example.of(postNdjson("/v1/person-sources:bulk",
                        "{\"source\":\"CENSUS\",\"sourceId\":\"C-1\",\"sourceDate\":\"2020-11-01\",\"idNumber\":\""
                                + id("11010119900101010") + "\",\"residenceStreetCode\":\"110101006\"}"))),
                entry("GET /v1/migration-flows", Example.of(get("/v1/migration-flows?from=2020-01-01&to=2020-12-31"))),
                entry("GET /v1/population-summaries", Example.of(get("/v1/population-summaries?asOf=2020-11-01"))),
                entry("POST /v1/projections", Example.of(postJson("/v1/projections", PROJECTION))),
                entry("POST /v1/projections:seek-target", Example.of(postJson("/v1/projections:seek-target",
                        "{\"projection\":" + PROJECTION + ",\"target\":{\"year\":2030,\"total\":1000}}"))),
                // published tables are for everyone; only the unsuppressed form is the statistician's (PopulationTableApiIT)
                entry("GET /v1/population-tables", Example.of(get("/v1/population-tables?date=2020-11-01&dimensions=street,sex"))),
                entry("GET /v1/population-tables:series", Example.of(get("/v1/population-tables:series?from=2020-10&to=2020-11&dimensions=sex"))),
                // industry-service is not running here: an allowed caller gets the degraded answer (JobsHousingApiIT has both)
                entry("GET /v1/jobs-housing-balance", Example.of(get("/v1/jobs-housing-balance?month=2024-12"))),
                entry("POST /v1/presence-counts:bulk", Example.of(postNdjson("/v1/presence-counts:bulk",
                        "{\"operator\":\"CHINA_MOBILE\",\"streetCode\":\"110101006\",\"hour\":\"2025-03-03T10:00\","
                                + "\"count\":16800,\"sourceBatch\":\"matrix\"}"))),
                entry("GET /v1/presence-estimates", Example.of(get("/v1/presence-estimates?streetCode=110101006&from=2025-03-03&to=2025-03-09"))),
                entry("GET /v1/day-night-populations", Example.of(get("/v1/day-night-populations?from=2025-03-03&to=2025-03-09"))));
    }
}

package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.population.support.SourceLines;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The community dimension, households and the period's events, from source deliveries linked by the service. The
 * register on 2024-12-31 (period: the 12 months ending then, 2024-01-01 … 2024-12-31):
 * <pre>
 * 东四 (110101006)
 *   东四一 (A): household H1 4 + a child born 2024-03-10 (registered in H1) = 5; H2 3, one died 2024-05-05 = 2;
 *               census household C-9 of two floating residents = 2; H6 one registered person who lived OUTSIDE and
 *               moved in on 2024-08-01 = 1                                                              A: 10
 *   东四二 (B): H3 2, one died 2023-12-30 (before the period) = 1; a collective hukou J1 of 2 (no private household);
 *               one member of H5 who moved here from 朝阳门 on 2023-12-31 (before) = 1; a child born 2023-12-31 (before)
 *               and one born 2024-11-20, neither with a household number = 2; one floating resident (no household)
 *               left for 朝阳门 on 2024-07-01 = 0                                                          B: 6
 *   a child born 2025-01-01 (after the date): neither counted nor a birth of the period                  东四: 16
 * 朝阳门 (110101007)
 *   朝阳门 (C): H4 5, one died 2024-12-31 (last day, in), one moved OUTSIDE 2024-09-01 = 3; H5 2; the floating resident
 *               from 东四 = 1; a child born 2024-06-01 without a household = 1                             朝阳门: 7
 * </pre>
 * Events of the period — 东四: births 2, deaths 1, in 1 (from OUTSIDE), out 1 (to 朝阳门); 朝阳门: births 1, deaths 1,
 * in 1, out 1 (OUTSIDE); district (23 residents): births 3, deaths 2, in 1, out 1.
 * Private households — 东四: H1 5, H2 2, H3 1, C-9 2, H6 1, H5 1 = 12 persons in 6; 朝阳门: H4 3, H5 2 = 5 in 2;
 * district 17 in 7 (H5 once).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdsAndEventsApiIT extends ElasticsearchIntegrationTest {

    static final String DONGSI = "110101006";
    static final String CHAOYANGMEN = "110101007";
    static final String A = "东四一社区";
    static final String B = "东四二社区";
    static final String C = "朝阳门社区";

    @LocalServerPort
    int port;
    private ApiClient api;
    private final Map<String, Integer> sequence = new HashMap<>();
    private final SourceLines lines = new SourceLines("T-");

    private String id(String region, String born) {
        int seq = sequence.merge(region + born, 1, Integer::sum);
        String first17 = region + born + String.format("%03d", seq);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private String record(String source, String date, String id, String... fieldsAndValues) {
        return lines.add(source, date, id, fieldsAndValues);
    }

    /** A household-register entry of 2023-01-01 for one new person living in their hukou street. */
    private String registered(String street, String community, String household, String hukouType) {
        return record("HOUSEHOLD_REGISTRATION", "2023-01-01", id("110101", "19800101"), "hukouType", hukouType,
                "hukouPlace", "110101", "registrationStreetCode", street, "residenceStreetCode", street,
                "residenceCommunity", community, "householdId", household);
    }

    private List<String> household(int n, String street, String community, String household) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(registered(street, community, household, "FAMILY"));
        }
        return ids;
    }

    private String birth(String date, String street, String community) {
        return record("BIRTH", date, id("110101", date.replace("-", "")), "hukouPlace", "110101",
                "residenceStreetCode", street, "residenceCommunity", community, "residenceSince", date);
    }

    private void death(String date, String id) {
        record("DEATH", date, id);
    }

    @BeforeAll
    void load() {
        api = new ApiClient(port);
        List<String> h1 = household(4, DONGSI, A, "H1");
        String child = birth("2024-03-10", DONGSI, A);
        record("HOUSEHOLD_REGISTRATION", "2024-04-10", child, "hukouType", "FAMILY", "hukouPlace", "110101",
                "registrationStreetCode", DONGSI, "householdId", "H1");
        death("2024-05-05", household(3, DONGSI, A, "H2").get(0));
        for (int i = 0; i < 2; i++) {
            record("CENSUS", "2020-11-01", id("410102", "19850101"), "hukouPlace", "410102", "residenceStreetCode", DONGSI,
                    "residenceCommunity", A, "householdId", "C-9");
        }
        String arriving = record("HOUSEHOLD_REGISTRATION", "2023-01-01", id("110101", "19800101"), "hukouType", "FAMILY",
                "hukouPlace", "110101", "registrationStreetCode", DONGSI, "residenceStreetCode", "OUTSIDE", "householdId", "H6");
        record("MOVE", "2024-08-01", arriving, "residenceStreetCode", DONGSI, "residenceCommunity", A);

        death("2023-12-30", household(2, DONGSI, B, "H3").get(0));
        registered(DONGSI, B, "J1", "COLLECTIVE");
        registered(DONGSI, B, "J1", "COLLECTIVE");
        List<String> h5 = household(3, CHAOYANGMEN, C, "H5");
        record("MOVE", "2023-12-31", h5.get(0), "residenceStreetCode", DONGSI, "residenceCommunity", B);
        birth("2023-12-31", DONGSI, B);
        birth("2024-11-20", DONGSI, B);
        String floating = record("FLOATING_RESIDENCE", "2023-01-01", id("410102", "19900101"), "hukouPlace", "410102",
                "residenceStreetCode", DONGSI, "residenceCommunity", B);
        record("MOVE", "2024-07-01", floating, "residenceStreetCode", CHAOYANGMEN, "residenceCommunity", C);
        birth("2025-01-01", DONGSI, A);

        List<String> h4 = household(5, CHAOYANGMEN, C, "H4");
        death("2024-12-31", h4.get(0));
        record("MOVE", "2024-09-01", h4.get(1), "residenceStreetCode", "OUTSIDE", "status", "MOVED_OUT");
        birth("2024-06-01", CHAOYANGMEN, C);
        assertThat(h1).hasSize(4);

        HttpResponse<String> r = api.postNdjson("/v1/person-sources:bulk?refresh=true", lines.ndjson(), "DATA_STEWARD");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("rejectedCount").asInt()).as(r.body()).isZero();
    }

    private JsonNode table(String query, String role) {
        HttpResponse<String> r = api.get("/v1/population-tables?date=2024-12-31&" + query, role);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private JsonNode statistician(String query) {
        return table(query + "&unsuppressed=true", "STATISTICIAN");
    }

    private static JsonNode group(JsonNode table, String dimension, String category) {
        for (JsonNode g : table.path("groups")) {
            if (g.path("key").path(dimension).asText().equals(category)) {
                return g.path("indicators");
            }
        }
        throw new AssertionError("no group " + category + " in " + table);
    }

    private static JsonNode cell(JsonNode table, String dimension, String category) {
        for (JsonNode c : table.path("cells")) {
            if (c.path("key").path(dimension).asText().equals(category)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + category + " in " + table);
    }

    private static double value(JsonNode indicators, String name) {
        assertThat(indicators.path(name).path("status").asText()).as(name + " in " + indicators).isEqualTo("PUBLISHED");
        return indicators.path(name).path("value").asDouble();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theCommunitiesPresentAreTheCategoriesAndUnknownCollectsTheRest() {
        JsonNode t = statistician("dimensions=community");
        assertThat(t.path("dimensions").get(0).path("categories")).extracting(c -> c.path("code").asText())
                .containsExactly(A, B, C, TableLayout.UNKNOWN_COMMUNITY); // in name (code point) order
        assertThat(cell(t, "community", A).path("count").asLong()).isEqualTo(10);
        assertThat(cell(t, "community", B).path("count").asLong()).isEqualTo(6);
        assertThat(cell(t, "community", C).path("count").asLong()).isEqualTo(7);
        assertThat(cell(t, "community", TableLayout.UNKNOWN_COMMUNITY).path("count").asLong()).isZero();
        assertThat(cell(t, "community", TableLayout.TOTAL).path("count").asLong()).isEqualTo(23);

        // a street's communities only, and a community filter
        JsonNode chaoyangmen = statistician("dimensions=community&street=" + CHAOYANGMEN);
        assertThat(chaoyangmen.path("dimensions").get(0).path("categories")).extracting(c -> c.path("code").asText())
                .containsExactly(C, TableLayout.UNKNOWN_COMMUNITY);
        JsonNode onlyB = statistician("dimensions=street&community=" + encoded(B));
        assertThat(cell(onlyB, "street", DONGSI).path("count").asLong()).isEqualTo(6);
        assertThat(cell(onlyB, "street", TableLayout.TOTAL).path("count").asLong()).isEqualTo(6);

        // published: suppression applies as to every table; the true counts of what is shown
        JsonNode truth = statistician("dimensions=community,sex");
        JsonNode published = table("dimensions=community,sex", null);
        assertThat(published.path("disclosureControl").path("applied").asBoolean()).isTrue();
        for (int i = 0; i < truth.path("cells").size(); i++) {
            JsonNode p = published.path("cells").get(i);
            long count = truth.path("cells").get(i).path("count").asLong();
            if (count > 0 && count < 5) {
                assertThat(p.path("status").asText()).as(p.toString()).isEqualTo("SUPPRESSED");
            }
            if (p.path("status").asText().equals("SUPPRESSED")) {
                assertThat(p.has("count")).isFalse();
            } else {
                assertThat(p.path("count").asLong()).isEqualTo(count);
            }
        }
    }

    @Test
    void averageHouseholdSizeCountsEachPrivateHouseholdOnceInEveryGroupItLivesIn() {
        JsonNode t = statistician("dimensions=street&indicators=averageHouseholdSize");
        assertThat(value(group(t, "street", DONGSI), "averageHouseholdSize")).isEqualTo(2.0);      // 12 / 6
        assertThat(value(group(t, "street", CHAOYANGMEN), "averageHouseholdSize")).isEqualTo(2.5); // 5 / 2
        assertThat(value(group(t, "street", TableLayout.TOTAL), "averageHouseholdSize")).isEqualTo(2.43); // 17 / 7
        assertThat(group(t, "street", "110101001").path("averageHouseholdSize").has("value")).isFalse();
        assertThat(t.path("conventions").path("averageHouseholdSize").asText()).contains("householdId").contains("集体户");

        JsonNode byCommunity = statistician("dimensions=community,age&indicators=averageHouseholdSize");
        assertThat(value(group(byCommunity, "community", A), "averageHouseholdSize")).isEqualTo(2.5);  // 10 / 4
        assertThat(value(group(byCommunity, "community", B), "averageHouseholdSize")).isEqualTo(1.0);  // H3 1, H5 1
        assertThat(value(group(byCommunity, "community", C), "averageHouseholdSize")).isEqualTo(2.5);  // H4 3, H5 2

        // published: 朝阳门's 2 households are below 5, so its size is withheld, and the district's with it
        JsonNode published = table("dimensions=street&indicators=averageHouseholdSize", null);
        assertThat(value(group(published, "street", DONGSI), "averageHouseholdSize")).isEqualTo(2.0);
        assertThat(group(published, "street", CHAOYANGMEN).path("averageHouseholdSize").path("status").asText())
                .isEqualTo("SUPPRESSED");
        assertThat(group(published, "street", TableLayout.TOTAL).path("averageHouseholdSize").has("value")).isFalse();
    }

    @Test
    void ratesAndFlowsOfTheTwelveMonthsEndingOnTheDate() {
        JsonNode t = statistician("dimensions=street&indicators=crudeBirthRate,crudeDeathRate,naturalIncreaseRate,inflow,outflow");
        assertThat(t.path("period").path("from").asText()).isEqualTo("2024-01-01");
        assertThat(t.path("period").path("to").asText()).isEqualTo("2024-12-31");
        // 东四: end 16, births 2, deaths 1, in 1, out 1: start 16 − 2 + 1 − 1 + 1 = 15, mid-period 15.5
        JsonNode dongsi = group(t, "street", DONGSI);
        assertThat(value(dongsi, "crudeBirthRate")).isEqualTo(129.03);      // 2 / 15.5 × 1000
        assertThat(value(dongsi, "crudeDeathRate")).isEqualTo(64.52);       // 1 / 15.5 × 1000
        assertThat(value(dongsi, "naturalIncreaseRate")).isEqualTo(64.52);
        assertThat(value(dongsi, "inflow")).isEqualTo(1.0);
        assertThat(value(dongsi, "outflow")).isEqualTo(1.0);
        // 朝阳门: end 7, births 1, deaths 1 (on the period's last day), in 1, out 1: mid-period 7
        JsonNode chaoyangmen = group(t, "street", CHAOYANGMEN);
        assertThat(value(chaoyangmen, "crudeBirthRate")).isEqualTo(142.86);
        assertThat(value(chaoyangmen, "crudeDeathRate")).isEqualTo(142.86);
        assertThat(value(chaoyangmen, "naturalIncreaseRate")).isEqualTo(0.0);
        // the district: end 23, births 3, deaths 2, in 1 (from OUTSIDE), out 1 (to OUTSIDE; 东四 → 朝阳门 is inside)
        JsonNode district = group(t, "street", TableLayout.TOTAL);
        assertThat(value(district, "crudeBirthRate")).isEqualTo(133.33);     // 3 / 22.5
        assertThat(value(district, "crudeDeathRate")).isEqualTo(88.89);      // 2 / 22.5
        assertThat(value(district, "naturalIncreaseRate")).isEqualTo(44.44); // 1 / 22.5
        assertThat(value(district, "inflow")).isEqualTo(1.0);
        assertThat(value(district, "outflow")).isEqualTo(1.0);
        assertThat(t.path("conventions").path("midPeriodPopulation").asText()).contains("end − births + deaths − inflow + outflow");
        // an empty street has no population to relate its (no) events to
        assertThat(group(t, "street", "110101001").path("crudeBirthRate").has("value")).isFalse();
        assertThat(value(group(t, "street", "110101001"), "inflow")).isZero();

        // 2024-07-01 … 2024-12-31, the district: birth 1 (11-20), death 1 (12-31), in 1, out 1: start 23, mid 23
        JsonNode half = statistician("indicators=crudeBirthRate,crudeDeathRate,naturalIncreaseRate,inflow,outflow&from=2024-07-01");
        JsonNode whole = half.path("groups").get(0).path("indicators");
        assertThat(value(whole, "crudeBirthRate")).isEqualTo(43.48);        // district: 1 / 23
        assertThat(value(whole, "crudeDeathRate")).isEqualTo(43.48);        // the death of 12-31
        assertThat(value(whole, "naturalIncreaseRate")).isEqualTo(0.0);
        // from 2024-07-02, the move of 07-01 out of 东四 is before the period: birth 1, deaths 0, in 1, out 0, so
        // start 16 − 1 + 0 − 1 + 0 = 14, mid-period 15
        JsonNode dongsiLater = group(statistician("dimensions=street&street=" + DONGSI
                + "&indicators=crudeBirthRate,crudeDeathRate,inflow,outflow&from=2024-07-02"), "street", DONGSI);
        assertThat(value(dongsiLater, "inflow")).isEqualTo(1.0);
        assertThat(value(dongsiLater, "outflow")).isZero();
        assertThat(value(dongsiLater, "crudeBirthRate")).isEqualTo(66.67);
        assertThat(value(dongsiLater, "crudeDeathRate")).isEqualTo(0.0);
    }

    @Test
    void publishedRatesAndFlowsAreWithheldWhereAnEventCountIsBelowTheThreshold() {
        JsonNode t = table("dimensions=street&indicators=crudeBirthRate,inflow", null);
        for (String street : List.of(DONGSI, CHAOYANGMEN, TableLayout.TOTAL)) {
            JsonNode g = group(t, "street", street);
            assertThat(g.path("crudeBirthRate").path("status").asText()).isEqualTo("SUPPRESSED");
            assertThat(g.path("crudeBirthRate").has("value")).isFalse();
            assertThat(g.path("inflow").path("status").asText()).isEqualTo("SUPPRESSED");
        }
        // a street without events or people: nothing to hide
        assertThat(group(t, "street", "110101001").path("inflow").path("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void badInputNamesTheField() {
        assertInvalid(api.get("/v1/population-tables?dimensions=community&community=" + encoded("不存在社区"), null), "community");
        // a community that exists, but not in the street asked for
        assertInvalid(api.get("/v1/population-tables?street=" + CHAOYANGMEN + "&community=" + encoded(A), null), "community");
        assertInvalid(api.get("/v1/population-tables?indicators=crudeBirthRate&date=2024-12-31&from=2025-01-01", null), "from");
        assertInvalid(api.get("/v1/population-tables?indicators=inflow&dimensions=community", null), "indicators");
        assertInvalid(api.get("/v1/population-tables?indicators=crudeDeathRate&population=REGISTERED", null), "indicators");
        assertInvalid(api.get("/v1/population-tables?indicators=outflow&sex=MALE", null), "indicators");
    }
}

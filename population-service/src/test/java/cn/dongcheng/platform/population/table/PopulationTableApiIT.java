package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.population.disclosure.FeasibleIntervals;
import cn.dongcheng.platform.population.disclosure.LinkedTable;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Population tables against the real node with a hand-made register. On the census date 2020-11-01:
 * <pre>
 *                 东四 (110101006)      朝阳门 (110101007)
 *                 male  female          male  female
 *   0–14 (b.2010)    6      5              5      6
 *   15–59 (b.1980)  10     12              8      9
 *   60–64 (b.1958)   0      2              5      5
 *   65+  (b.1945)    5      7              1      6
 *   total           21     26             19     26      residents 92: males 40, females 52
 * </pre>
 * Of them floating residents: 4 of 东四's men aged 15–59 (ID region 410102, Henan), 5 of 朝阳门's women aged 15–59
 * (130102, Hebei) and one more of them from 110105 (Chaoyang, Beijing). Not residents: two men of 东四 born 1980
 * registered here but living elsewhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PopulationTableApiIT extends ElasticsearchIntegrationTest {

    static final String DONGSI = "110101006";
    static final String CHAOYANGMEN = "110101007";
    static final String BANDS = "&ageGroups=0-14,15-59,60-64,65%2B";

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;
    private ApiClient api;
    private final Map<String, Integer> sequence = new HashMap<>();
    private final List<String> lines = new ArrayList<>();

    private void persons(String street, String type, String region, String born, String sex, int n) {
        for (int i = 0; i < n; i++) {
            int seq = sequence.merge(region + born, 1, Integer::sum) * 2 - (sex.equals("M") ? 1 : 0);
            String first17 = region + born + String.format("%03d", seq);
            String id = first17 + ResidentIdNumber.checkCharacter(first17);
            lines.add("{\"idNumber\":\"" + id + "\",\"name\":\"测试\",\"streetCode\":\"" + street + "\",\"residenceType\":\"" + type + "\"}");
        }
    }

    private void residents(String street, String born, int male, int female) {
        persons(street, "REGISTERED_RESIDENT", "110101", born, "M", male);
        persons(street, "REGISTERED_RESIDENT", "110101", born, "F", female);
    }

    @BeforeEach
    void load() {
        api = new ApiClient(port);
        residents(DONGSI, "20100315", 6, 5);
        residents(DONGSI, "19800101", 6, 12);
        persons(DONGSI, "FLOATING_RESIDENT", "410102", "19800101", "M", 4);
        residents(DONGSI, "19580505", 0, 2);
        residents(DONGSI, "19450101", 5, 7);
        persons(DONGSI, "REGISTERED_AWAY", "110101", "19800101", "M", 2);
        residents(CHAOYANGMEN, "20100315", 5, 6);
        residents(CHAOYANGMEN, "19800101", 8, 3);
        persons(CHAOYANGMEN, "FLOATING_RESIDENT", "130102", "19800101", "F", 5);
        persons(CHAOYANGMEN, "FLOATING_RESIDENT", "110105", "19800101", "F", 1);
        residents(CHAOYANGMEN, "19580505", 5, 5);
        residents(CHAOYANGMEN, "19450101", 1, 6);
        HttpResponse<String> r = api.postNdjson("/v1/persons:bulk?refresh=true", String.join("\n", lines), "DATA_STEWARD");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("rejectedCount").asInt()).as(r.body()).isZero();
    }

    private JsonNode table(String query, String role) {
        HttpResponse<String> r = api.get("/v1/population-tables?date=2020-11-01&" + query, role);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private static JsonNode cell(JsonNode table, String... keyValues) {
        for (JsonNode c : table.path("cells")) {
            boolean match = true;
            for (int i = 0; i < keyValues.length; i += 2) {
                match &= c.path("key").path(keyValues[i]).asText().equals(keyValues[i + 1]);
            }
            if (match && c.path("key").size() == keyValues.length / 2) {
                return c;
            }
        }
        throw new AssertionError("no cell " + String.join(",", keyValues) + " in " + table);
    }

    private static JsonNode group(JsonNode table, String street) {
        for (JsonNode g : table.path("groups")) {
            if (g.path("key").path("street").asText().equals(street)) {
                return g.path("indicators");
            }
        }
        throw new AssertionError("no group " + street);
    }

    @Test
    void theDistrictsRatiosEqualTheHandComputedValues() {
        JsonNode t = table("indicators=sexRatio,dependencyRatios,ageingIndex", null);
        assertThat(cell(t).path("count").asLong()).isEqualTo(92);
        JsonNode v = t.path("groups").get(0).path("indicators");
        // 0–14 22, 15–59 39, 60–64 12, 65+ 19: 15–64 = 51, 60+ = 31; males 40, females 52
        assertThat(v.path("sexRatio").path("value").asDouble()).isEqualTo(76.92);              // 40/52
        assertThat(v.path("childDependencyRatio").path("value").asDouble()).isEqualTo(43.14);  // 22/51
        assertThat(v.path("oldAgeDependencyRatio").path("value").asDouble()).isEqualTo(37.25); // 19/51
        assertThat(v.path("totalDependencyRatio").path("value").asDouble()).isEqualTo(80.39);  // 41/51
        assertThat(v.path("childDependencyRatio60").path("value").asDouble()).isEqualTo(56.41);   // 22/39
        assertThat(v.path("oldAgeDependencyRatio60").path("value").asDouble()).isEqualTo(79.49);  // 31/39
        assertThat(v.path("totalDependencyRatio60").path("value").asDouble()).isEqualTo(135.9);   // 53/39
        assertThat(v.path("ageingIndex").path("value").asDouble()).isEqualTo(86.36);           // 19/22
        assertThat(v.path("ageingIndex60").path("value").asDouble()).isEqualTo(140.91);        // 31/22
        assertThat(v.path("sexRatio").path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(t.path("conventions").path("ageingIndex").asText()).contains("65+ / 0–14");
    }

    @Test
    void streetRatiosAndCountsByStreet() {
        JsonNode t = table("dimensions=street&indicators=sexRatio,dependencyRatios,ageingIndex", null);
        assertThat(t.path("cells")).hasSize(18); // 17 streets, empty ones included, and the total
        assertThat(cell(t, "street", DONGSI).path("count").asLong()).isEqualTo(47);
        assertThat(cell(t, "street", CHAOYANGMEN).path("count").asLong()).isEqualTo(45);
        assertThat(cell(t, "street", "110101001").path("count").asLong()).isZero(); // zeros are published
        assertThat(cell(t, "street", "TOTAL").path("count").asLong()).isEqualTo(92);
        // 东四: males 21, females 26, 0–14 11, 15–59 22, 15–64 24, 60+ 14, 65+ 12
        JsonNode dongsi = group(t, DONGSI);
        assertThat(dongsi.path("sexRatio").path("value").asDouble()).isEqualTo(80.77);
        assertThat(dongsi.path("childDependencyRatio").path("value").asDouble()).isEqualTo(45.83);
        assertThat(dongsi.path("oldAgeDependencyRatio").path("value").asDouble()).isEqualTo(50.0);
        assertThat(dongsi.path("totalDependencyRatio60").path("value").asDouble()).isEqualTo(113.64);
        assertThat(dongsi.path("ageingIndex").path("value").asDouble()).isEqualTo(109.09);
        assertThat(dongsi.path("ageingIndex60").path("value").asDouble()).isEqualTo(127.27);
        // 朝阳门: males 19, females 26, 0–14 11, 15–64 27, 65+ 7
        JsonNode chaoyangmen = group(t, CHAOYANGMEN);
        assertThat(chaoyangmen.path("sexRatio").path("value").asDouble()).isEqualTo(73.08);
        assertThat(chaoyangmen.path("childDependencyRatio").path("value").asDouble()).isEqualTo(40.74);
        assertThat(chaoyangmen.path("oldAgeDependencyRatio").path("value").asDouble()).isEqualTo(25.93);
        assertThat(chaoyangmen.path("ageingIndex").path("value").asDouble()).isEqualTo(63.64);
        // an empty street has no ratio (no denominator), and that is not a suppression
        assertThat(group(t, "110101001").path("sexRatio").path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(group(t, "110101001").path("sexRatio").has("value")).isFalse();

        JsonNode women = table("dimensions=street&sex=FEMALE", null);
        assertThat(cell(women, "street", DONGSI).path("count").asLong()).isEqualTo(26);
        assertThat(cell(women, "street", "TOTAL").path("count").asLong()).isEqualTo(52);
        // before the children were born
        assertThat(json(api.get("/v1/population-tables?date=2009-01-01", null)).path("cells").get(0).path("count").asLong())
                .isEqualTo(70);
    }

    @Test
    void thePyramidSharesAddUpTo100() {
        JsonNode t = table("dimensions=age,sex&indicators=pyramid,shares" + BANDS, null);
        // 0–14 11+11, 15–59 18+21, 60–64 5+7, 65+ 6+13 of 92; tenths 119.6 119.6 195.7 228.3 54.3 76.1 65.2 141.3:
        // floors give 99.7 %, the remainders .65 (15–59 M) and .57, .57 (0–14, first M then F) get the three tenths
        List<Double> shares = new ArrayList<>();
        t.path("groups").get(0).path("pyramid").forEach(b -> shares.add(b.path("share").asDouble()));
        assertThat(shares).containsExactly(12.0, 12.0, 19.6, 22.8, 5.4, 7.6, 6.5, 14.1);
        assertThat(cell(t, "age", "60-64", "sex", "MALE").path("share").asDouble()).isEqualTo(5.4);
        assertThat(cell(t, "age", "TOTAL", "sex", "FEMALE").path("count").asLong()).isEqualTo(52);
    }

    @Test
    void categoriesAndHukouPlaces() {
        JsonNode all = table("dimensions=category&population=ALL&unsuppressed=true", "STATISTICIAN");
        assertThat(cell(all, "category", "REGISTERED_RESIDENT").path("count").asLong()).isEqualTo(82);
        assertThat(cell(all, "category", "FLOATING_RESIDENT").path("count").asLong()).isEqualTo(10);
        assertThat(cell(all, "category", "REGISTERED_AWAY").path("count").asLong()).isEqualTo(2);
        // the registered population: those living here and the two living elsewhere
        JsonNode registered = table("dimensions=category&population=REGISTERED&unsuppressed=true", "STATISTICIAN");
        assertThat(registered.path("cells")).extracting(c -> c.path("count").asLong()).containsExactly(82L, 2L, 84L);

        // residents by hukou place: 82 Dongcheng, 1 elsewhere in Beijing (< 5), 9 other provinces
        JsonNode open = table("dimensions=hukouPlace&unsuppressed=true", "STATISTICIAN");
        assertThat(cell(open, "hukouPlace", "DONGCHENG").path("count").asLong()).isEqualTo(82);
        assertThat(cell(open, "hukouPlace", "OTHER_BEIJING").path("count").asLong()).isEqualTo(1);
        assertThat(cell(open, "hukouPlace", "OTHER_PROVINCE").path("count").asLong()).isEqualTo(9);
        assertThat(open.path("disclosureControl").path("applied").asBoolean()).isFalse();

        // published: the 1 is hidden, and so is the 9 beside it (else 92 − 82 − 9 gives it away)
        JsonNode published = table("dimensions=hukouPlace", null);
        assertThat(cell(published, "hukouPlace", "OTHER_BEIJING").path("status").asText()).isEqualTo("SUPPRESSED");
        assertThat(cell(published, "hukouPlace", "OTHER_BEIJING").has("count")).isFalse();
        assertThat(cell(published, "hukouPlace", "OTHER_PROVINCE").path("status").asText()).isEqualTo("SUPPRESSED");
        assertThat(cell(published, "hukouPlace", "DONGCHENG").path("count").asLong()).isEqualTo(82);
        assertThat(cell(published, "hukouPlace", "TOTAL").path("count").asLong()).isEqualTo(92);
        JsonNode control = published.path("disclosureControl");
        assertThat(control.path("applied").asBoolean()).isTrue();
        assertThat(control.path("ruleVersion").asText()).isEqualTo("disclosure-control-v1");
        assertThat(control.path("threshold").asInt()).isEqualTo(5);
        assertThat(control.path("primarySuppressed").asInt()).isEqualTo(1);
        assertThat(control.path("complementarySuppressed").asInt()).isEqualTo(1);
    }

    /**
     * The street × age × sex table: the statistician's unsuppressed table gives the true counts, the published one
     * the hidden cells; from the published cells and margins alone, every hidden cell keeps a feasible interval of
     * positive width (solved by linear programming over the table's equations).
     */
    @Test
    void noSuppressedCellOfAStreetByAgeBySexTableCanBeDerivedFromItsMargins() {
        String query = "dimensions=street,age,sex&street=" + DONGSI + "," + CHAOYANGMEN + BANDS;
        JsonNode truth = table(query + "&unsuppressed=true", "STATISTICIAN");
        JsonNode published = table(query, null);
        assertThat(cell(truth, "street", DONGSI, "age", "15-59", "sex", "MALE").path("count").asLong()).isEqualTo(10);
        assertThat(cell(truth, "street", DONGSI, "age", "TOTAL", "sex", "TOTAL").path("count").asLong()).isEqualTo(47);

        int cells = truth.path("cells").size();
        assertThat(cells).isEqualTo(3 * 5 * 3);
        long[] interior = new long[2 * 4 * 2];
        int n = 0;
        BitSet hidden = new BitSet();
        for (int i = 0; i < cells; i++) {
            JsonNode t = truth.path("cells").get(i);
            JsonNode p = published.path("cells").get(i);
            assertThat(p.path("key")).isEqualTo(t.path("key"));
            if (p.path("status").asText().equals("SUPPRESSED")) {
                hidden.set(i);
                assertThat(p.has("count")).isFalse();
            } else {
                assertThat(p.path("count").asLong()).isEqualTo(t.path("count").asLong());
            }
            if (!t.path("key").toString().contains("TOTAL")) {
                interior[n++] = t.path("count").asLong();
            }
        }
        // primary: 东四 60–64 women (2) and that age group's total (2), 朝阳门 65+ men (1); 东四 60–64 men (0) is shown
        assertThat(cell(published, "street", DONGSI, "age", "60-64", "sex", "FEMALE").path("status").asText()).isEqualTo("SUPPRESSED");
        assertThat(cell(published, "street", DONGSI, "age", "60-64", "sex", "TOTAL").path("status").asText()).isEqualTo("SUPPRESSED");
        assertThat(cell(published, "street", CHAOYANGMEN, "age", "65+", "sex", "MALE").path("status").asText()).isEqualTo("SUPPRESSED");
        assertThat(cell(published, "street", DONGSI, "age", "60-64", "sex", "MALE").path("count").asLong()).isZero();
        assertThat(published.path("disclosureControl").path("primarySuppressed").asInt()).isEqualTo(3);

        LinkedTable table = LinkedTable.of(new int[]{2, 4, 2}, interior);
        Map<Integer, FeasibleIntervals.Interval> intervals = FeasibleIntervals.of(table, hidden);
        assertThat(intervals).hasSize(hidden.cardinality());
        intervals.forEach((cell, interval) -> assertThat(interval.width())
                .as("hidden cell %s: %s", truth.path("cells").get(cell).path("key"), interval).isGreaterThan(0.5));
    }

    @Test
    void onlyTheStatisticianMayAskForUnsuppressedTablesAndThatIsAudited() {
        String id = UUID.randomUUID().toString();
        for (String role : new String[]{null, "REGULATOR", "DATA_STEWARD", "CITIZEN"}) {
            HttpResponse<String> refused = api.get("/v1/population-tables?dimensions=hukouPlace&unsuppressed=true", role,
                    id + "-" + role);
            JsonNode problem = assertProblem(refused, 403);
            assertThat(problem.path("detail").asText()).contains("STATISTICIAN");
            assertThat(refused.body()).doesNotContain("\"count\"");
        }
        HttpResponse<String> granted = api.get("/v1/population-tables?dimensions=hukouPlace&unsuppressed=true", "STATISTICIAN", id);
        assertThat(granted.statusCode()).isEqualTo(200);
        audit.verify();
        assertThat(TestIndices.auditEntries(audit.alias(), "requestId", id)).singleElement().satisfies(e -> {
            assertThat(e.path("action").asText()).isEqualTo("READ_UNSUPPRESSED_TABLE");
            assertThat(e.path("role").asText()).isEqualTo("STATISTICIAN");
            assertThat(e.path("detail").asText()).contains("dimensions=hukouPlace");
        });
        assertThat(TestIndices.auditEntries(audit.alias(), "requestId", id + "-REGULATOR")).singleElement()
                .satisfies(e -> assertThat(e.path("action").asText()).isEqualTo("ACCESS_DENIED"));
        // a statistician's ordinary table is protected like everyone's, and leaves no entry
        String plain = UUID.randomUUID().toString();
        assertThat(json(api.get("/v1/population-tables?dimensions=hukouPlace&date=2020-11-01", "STATISTICIAN", plain))
                .path("disclosureControl").path("applied").asBoolean()).isTrue();
        audit.verify();
        assertThat(TestIndices.auditEntries(audit.alias(), "requestId", plain)).isEmpty();
    }

    @Test
    void aMonthlySeriesCountsEachMonthOnItsLastDay() {
        HttpResponse<String> r = api.get("/v1/population-tables:series?from=2009-12&to=2010-04&dimensions=street&street="
                + DONGSI + "," + CHAOYANGMEN, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode months = json(r).path("months");
        assertThat(months).extracting(m -> m.path("month").asText())
                .containsExactly("2009-12", "2010-01", "2010-02", "2010-03", "2010-04");
        assertThat(months.get(2).path("table").path("date").asText()).isEqualTo("2010-02-28");
        // the 22 children born on 2010-03-15 count from March on
        assertThat(months).extracting(m -> cell(m.path("table"), "street", "TOTAL").path("count").asLong())
                .containsExactly(70L, 70L, 70L, 92L, 92L);
        assertThat(months.get(3).path("table").path("disclosureControl").path("applied").asBoolean()).isTrue();

        assertProblem(api.get("/v1/population-tables:series?from=2010-01&to=2010-02&unsuppressed=true", "REGULATOR"), 403);
        assertInvalid(api.get("/v1/population-tables:series?from=2010-05&to=2010-04", null), "to");
        assertInvalid(api.get("/v1/population-tables:series?from=2000-01&to=2010-04", null), "to");
        assertInvalid(api.get("/v1/population-tables:series?to=2010-04", null), "from");
        assertInvalid(api.get("/v1/population-tables:series?from=2010-01&to=2010-04&date=2010-01-01", null), "date");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        assertInvalid(api.get("/v1/population-tables?street=110101099", null), "street");
        JsonNode overlap = assertInvalid(api.get("/v1/population-tables?dimensions=age&ageGroups=0-14,10-64,65%2B", null), "ageGroups");
        assertThat(overlap.path("errors").get(0).path("reason").asText()).contains("overlaps");
        assertInvalid(api.get("/v1/population-tables?dimensions=age&ageGroups=0-14,x,65%2B", null), "ageGroups");
        assertInvalid(api.get("/v1/population-tables?dimensions=community&indicators=crudeDeathRate", null), "indicators");
        assertInvalid(api.get("/v1/population-tables?indicators=crudeDeathRate&date=2020-11-01&from=2020-11-02", null), "from");
        assertInvalid(api.get("/v1/population-tables?date=2020-13-01", null), "date");
        assertInvalid(api.get("/v1/population-tables?unsuppressed=maybe", "STATISTICIAN"), "unsuppressed");
        assertInvalid(api.get("/v1/population-tables?dimension=street", null), "dimension");
        // past what one aggregation may hold: refused before Elasticsearch would answer with an error of its own
        StringBuilder ages = new StringBuilder();
        for (int age = 0; age < 150; age++) {
            ages.append(age).append('-').append(age).append(',');
        }
        String everyAge = ages.append("150%2B").toString();
        assertInvalid(api.get("/v1/population-tables?indicators=sexRatio&dimensions=street,age,category&ageGroups=" + everyAge, null),
                "dimensions");
        // the largest three-way table of the usual kind fits: 17 streets × 101 single years × 2 sexes with the ratios
        assertThat(api.get("/v1/population-tables?indicators=sexRatio&dimensions=street,age,sex&ageGroups=single", null)
                .statusCode()).isEqualTo(200);
    }
}

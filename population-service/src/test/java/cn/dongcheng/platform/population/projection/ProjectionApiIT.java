package cn.dongcheng.platform.population.projection;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Projections through real HTTP with a statistician's real token, against the real node (base population from the
 * register), checked against a projection the test computes itself from the textbook formulas.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectionApiIT extends ElasticsearchIntegrationTest {

    static final String STATISTICIAN = "STATISTICIAN";
    // 5-year groups 0–4 … 45–49, 50+ (11 groups), radix 1
    static final double[] BASE_MALE = {300, 280, 260, 250, 270, 290, 310, 300, 280, 260, 900};
    static final double[] BASE_FEMALE = {290, 270, 255, 260, 280, 300, 320, 310, 290, 270, 1100};
    static final double[] L_MALE = {4.97, 4.985, 4.98, 4.97, 4.96, 4.95, 4.93, 4.9, 4.86, 4.8, 30};
    static final double[] L_FEMALE = {4.975, 4.99, 4.985, 4.98, 4.975, 4.97, 4.96, 4.94, 4.92, 4.88, 34};
    static final double[] ASFR_FROM_15 = {0.01, 0.05, 0.09, 0.06, 0.02, 0.005};
    static final double SRB = 106;
    static final double[] MIGRATION_MALE = {5, 2, 0, 10, 30, 20, 5, -5, -10, -5, -20};
    static final double[] MIGRATION_FEMALE = {4, 2, 1, 12, 25, 15, 3, -4, -8, -6, -25};

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    private ApiClient api;

    static String id(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static String person(String first17, String street, String type) {
        return "{\"idNumber\":\"" + id(first17) + "\",\"name\":\"某人\",\"streetCode\":\"" + street + "\",\"residenceType\":\""
                + type + "\",\"phone\":\"13812345678\",\"address\":\"东城区某胡同1号\"}";
    }

    @BeforeEach
    void load() {
        api = new ApiClient(port);
        // ages on 2020-11-01 (sex: odd sequence digit = male)
        String ndjson = String.join("\n",
                person("11010120180315002", "110101006", "REGISTERED_RESIDENT"), // F 2 → 0–4
                person("11010120101101001", "110101006", "REGISTERED_RESIDENT"), // M exactly 10 → 10–14
                person("11010120101102004", "110101006", "REGISTERED_RESIDENT"), // F 9 → 5–9
                person("11010119850601006", "110101006", "REGISTERED_RESIDENT"), // F 35 → 35–39
                person("11010119600101003", "110101006", "REGISTERED_RESIDENT"), // M 60 → 50+
                person("11010119300505008", "110101006", "REGISTERED_RESIDENT"), // F 90 → 50+
                person("41010219900601007", "110101006", "FLOATING_RESIDENT"),   // M 30 → 30–34
                person("11010119750101005", "110101006", "REGISTERED_AWAY"),     // lives elsewhere: not counted
                person("11010119800101011", "110101001", "REGISTERED_RESIDENT"), // M 40 → 40–44, another street
                person("11010120210101002", "110101006", "REGISTERED_RESIDENT")); // F born after the base date
        HttpResponse<String> r = api.postNdjson("/v1/persons:bulk?refresh=true", ndjson, "DATA_STEWARD");
        assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(10);
    }

    private Map<String, Object> supplied(boolean withMigration) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("baseYear", 2020);
        body.put("horizonYears", 10);
        body.put("ageGroupWidth", 5);
        body.put("openAge", 50);
        body.put("basePopulation", Map.of("male", BASE_MALE, "female", BASE_FEMALE));
        body.put("mortality", Map.of("male", Map.of("personYearsLived", L_MALE, "radix", 1),
                "female", Map.of("personYearsLived", L_FEMALE, "radix", 1)));
        body.put("fertility", Map.of("firstAge", 15, "rates", ASFR_FROM_15));
        body.put("sexRatioAtBirth", SRB);
        if (withMigration) {
            body.put("netMigration", Map.of("male", MIGRATION_MALE, "female", MIGRATION_FEMALE));
        }
        return body;
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return api.postJson(path, json.writeValueAsString(body), STATISTICIAN);
    }

    /** One 5-year step from the formulas (PHG ch. 6), written out for this test: {male, female, {births, deaths}}. */
    static double[][] step(double[] men, double[] women, double[] annualMigrationMale, double[] annualMigrationFemale) {
        int k = men.length;
        double[] asfr = new double[k];
        System.arraycopy(ASFR_FROM_15, 0, asfr, 3, ASFR_FROM_15.length);
        double[] startM = new double[k];
        double[] startF = new double[k];
        for (int i = 0; i < k; i++) {
            startM[i] = men[i] + 2.5 * annualMigrationMale[i];
            startF[i] = women[i] + 2.5 * annualMigrationFemale[i];
        }
        double[] endM = new double[k];
        double[] endF = new double[k];
        for (int i = 1; i < k - 1; i++) {
            endM[i] = startM[i - 1] * L_MALE[i] / L_MALE[i - 1] + 2.5 * annualMigrationMale[i];
            endF[i] = startF[i - 1] * L_FEMALE[i] / L_FEMALE[i - 1] + 2.5 * annualMigrationFemale[i];
        }
        double openM = L_MALE[k - 1] / (L_MALE[k - 2] + L_MALE[k - 1]);     // T(50)/T(45)
        double openF = L_FEMALE[k - 1] / (L_FEMALE[k - 2] + L_FEMALE[k - 1]);
        endM[k - 1] = (startM[k - 2] + startM[k - 1]) * openM + 2.5 * annualMigrationMale[k - 1];
        endF[k - 1] = (startF[k - 2] + startF[k - 1]) * openF + 2.5 * annualMigrationFemale[k - 1];
        double births = 0;
        for (int i = 0; i < k; i++) {
            births += 5 * asfr[i] * (startF[i] + endF[i]) / 2;
        }
        double girls = births * 100 / (100 + SRB);
        endF[0] = girls * L_FEMALE[0] / 5 + 2.5 * annualMigrationFemale[0];
        endM[0] = (births - girls) * L_MALE[0] / 5 + 2.5 * annualMigrationMale[0];
        double deaths = sum(men) + sum(women) + births + 5 * (sum(annualMigrationMale) + sum(annualMigrationFemale))
                - sum(endM) - sum(endF);
        return new double[][]{endM, endF, {births, deaths}};
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private void assertSteps(JsonNode steps, double[] migrationMale, double[] migrationFemale) {
        double[] m = BASE_MALE;
        double[] f = BASE_FEMALE;
        for (int s = 1; s <= 2; s++) {
            double[][] expected = step(m, f, migrationMale, migrationFemale);
            JsonNode got = steps.get(s);
            assertThat(got.path("year").asInt()).isEqualTo(2020 + 5 * s);
            for (int i = 0; i < 11; i++) {
                assertThat(got.path("male").get(i).asDouble()).as("male " + i + " step " + s).isCloseTo(expected[0][i], within(0.006));
                assertThat(got.path("female").get(i).asDouble()).as("female " + i + " step " + s).isCloseTo(expected[1][i], within(0.006));
            }
            assertThat(got.path("births").asDouble()).isCloseTo(expected[2][0], within(0.006));
            assertThat(got.path("deaths").asDouble()).isCloseTo(expected[2][1], within(0.006));
            double before = sum(m) + sum(f);
            double after = sum(expected[0]) + sum(expected[1]);
            assertThat(got.path("total").asDouble()).isCloseTo(after, within(0.006));
            assertThat(got.path("growthRate").asDouble()).isCloseTo(Math.log(after / before) / 5, within(1e-6));
            m = expected[0];
            f = expected[1];
        }
    }

    @Test
    void closedPopulationBothSexesWithTheOpenGroupAsComputedHere() throws Exception {
        HttpResponse<String> r = post("/v1/projections", supplied(false));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = ApiClient.json(r);
        assertThat(body.path("ageGroups").get(10).asText()).isEqualTo("50+");
        assertThat(body.path("ageGroups").get(1).asText()).isEqualTo("5-9");
        JsonNode area = body.path("areas").get(0);
        assertThat(area.path("areaCode").asText()).isEqualTo("110101");
        assertSteps(area.path("steps"), new double[11], new double[11]);
        assertThat(area.path("steps").get(0).path("births").isNull()).isTrue();

        JsonNode ind = body.path("indicators");
        double tfr = 5 * sum(ASFR_FROM_15);
        assertThat(ind.path("totalFertilityRate").asDouble()).isCloseTo(tfr, within(1e-4));
        assertThat(ind.path("grossReproductionRate").asDouble()).isCloseTo(tfr * 100 / 206, within(1e-4));
        double nrr = 0;
        for (int j = 0; j < ASFR_FROM_15.length; j++) {
            nrr += ASFR_FROM_15[j] * L_FEMALE[3 + j];
        }
        assertThat(ind.path("netReproductionRate").asDouble()).isCloseTo(nrr * 100 / 206, within(1e-4));
        assertThat(ind.path("lifeExpectancyFemale").asDouble()).isCloseTo(sum(L_FEMALE), within(0.01));
        assertThat(ind.path("lifeExpectancyMale").asDouble()).isCloseTo(sum(L_MALE), within(0.01));
        JsonNode assumptions = body.path("assumptions");
        assertThat(assumptions.path("basePopulation").asText()).isEqualTo("SUPPLIED");
        assertThat(assumptions.path("mortality").asText()).isEqualTo("SUPPLIED_PERSON_YEARS");
        assertThat(assumptions.path("netMigration").asText()).isEqualTo("NONE");
    }

    @Test
    void withMigrationHalfAtTheStartHalfAtTheEnd() throws Exception {
        HttpResponse<String> r = post("/v1/projections", supplied(true));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode steps = ApiClient.json(r).path("areas").get(0).path("steps");
        assertSteps(steps, MIGRATION_MALE, MIGRATION_FEMALE);
        assertThat(steps.get(1).path("netMigration").asDouble())
                .isCloseTo(5 * (sum(MIGRATION_MALE) + sum(MIGRATION_FEMALE)), within(1e-9));
    }

    @Test
    void basePopulationFromTheRegisterWithTheReferenceSchedules() throws Exception {
        Map<String, Object> body = Map.of("baseYear", 2020, "horizonYears", 15, "ageGroupWidth", 5, "openAge", 50,
                "streetCode", "110101006");
        HttpResponse<String> r = post("/v1/projections", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode view = ApiClient.json(r);
        JsonNode base = view.path("areas").get(0).path("steps").get(0);
        assertThat(json.convertValue(base.path("male"), double[].class))
                .containsExactly(0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(json.convertValue(base.path("female"), double[].class))
                .containsExactly(1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1);
        assertThat(view.path("areas").get(0).path("areaName").asText()).isEqualTo("东四街道");
        assertThat(view.path("areas").get(0).path("steps")).hasSize(4);
        JsonNode assumptions = view.path("assumptions");
        assertThat(assumptions.path("basePopulation").asText()).isEqualTo("REGISTER");
        assertThat(assumptions.path("registerDate").asText()).isEqualTo("2020-11-01");
        assertThat(assumptions.path("mortality").asText()).isEqualTo("MODEL");
        assertThat(assumptions.path("fertility").asText()).isEqualTo("MODEL");
        assertThat(assumptions.path("notes").toString()).contains("Mortality: model table of");
        assertThat(view.path("indicators").path("totalFertilityRate").asDouble()).isEqualTo(0.87);
        assertThat(view.path("indicators").path("lifeExpectancyFemale").asDouble()).isCloseTo(85.0, within(0.05));
    }

    @Test
    void eachStreetAndTheDistrictWhichIsTheirSum() throws Exception {
        Map<String, Object> body = Map.of("baseYear", 2020, "horizonYears", 30, "eachStreet", true);
        HttpResponse<String> r = post("/v1/projections", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode areas = ApiClient.json(r).path("areas");
        assertThat(areas).hasSize(18);
        assertThat(areas.get(17).path("areaCode").asText()).isEqualTo("110101");
        assertThat(areas.get(17).path("steps").get(0).path("total").asDouble()).isEqualTo(8);
        double streets = 0;
        for (int i = 0; i < 17; i++) {
            streets += areas.get(i).path("steps").get(30).path("total").asDouble();
        }
        // same rates for every area and a projection linear in the population: the parts add up to the whole
        assertThat(areas.get(17).path("steps").get(30).path("total").asDouble()).isCloseTo(streets, within(0.1));
        assertThat(areas.get(17).path("steps")).hasSize(31);
    }

    @Test
    void targetSeekingReachesTheTargetAndReportsTheGapYearByYear() throws Exception {
        double target = 0.95 * (sum(BASE_MALE) + sum(BASE_FEMALE));
        Map<String, Object> body = Map.of("projection", supplied(false), "target", Map.of("year", 2030, "total", target));
        HttpResponse<String> r = post("/v1/projections:seek-target", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode view = ApiClient.json(r);
        assertThat(view.path("scenarioAtTargetYear").asDouble()).isCloseTo(target, within(0.01));
        double m = view.path("additionalAnnualNetMigration").asDouble();
        // computed here: the default profile is the base population's structure
        double total = sum(BASE_MALE) + sum(BASE_FEMALE);
        double[] pm = new double[11];
        double[] pf = new double[11];
        for (int i = 0; i < 11; i++) {
            pm[i] = m * BASE_MALE[i] / total;
            pf[i] = m * BASE_FEMALE[i] / total;
        }
        double[][] first = step(BASE_MALE, BASE_FEMALE, pm, pf);
        double[][] second = step(first[0], first[1], pm, pf);
        assertThat(sum(second[0]) + sum(second[1])).isCloseTo(target, within(0.05)); // m is rounded to 0.01
        double[][] baseFirst = step(BASE_MALE, BASE_FEMALE, new double[11], new double[11]);
        double[][] baseSecond = step(baseFirst[0], baseFirst[1], new double[11], new double[11]);
        double baseline = sum(baseSecond[0]) + sum(baseSecond[1]);
        assertThat(view.path("baselineAtTargetYear").asDouble()).isCloseTo(baseline, within(0.01));
        assertThat(view.path("baselineGap").asDouble()).isCloseTo(baseline - target, within(0.01));
        JsonNode years = view.path("years");
        assertThat(years).hasSize(3);
        for (JsonNode y : years) {
            assertThat(y.path("difference").asDouble()).isCloseTo(
                    y.path("scenarioTotal").asDouble() - y.path("baselineTotal").asDouble(), within(0.011));
            assertThat(y.path("baselineGapToTarget").asDouble()).isCloseTo(
                    y.path("baselineTotal").asDouble() - target, within(0.011));
        }
        assertThat(years.get(1).path("baselineTotal").asDouble()).isCloseTo(sum(baseFirst[0]) + sum(baseFirst[1]), within(0.01));
        assertThat(years.get(2).path("cumulativeAdditionalNetMigration").asDouble()).isCloseTo(10 * m, within(0.1));
        assertThat(view.path("target").path("basis").asText()).isEqualTo("given");
        assertThat(view.path("scenario").path("steps")).hasSize(3);
    }

    @Test
    void coreAreaPresetScalesTheBasePopulationByThePlanRatio() throws Exception {
        Map<String, Object> projection = Map.of("baseYear", 2020, "horizonYears", 15, "ageGroupWidth", 5,
                "basePopulation", Map.of("male", stretched(BASE_MALE), "female", stretched(BASE_FEMALE)));
        Map<String, Object> body = Map.of("projection", projection, "target", Map.of("year", 2035, "preset", "CORE_AREA"));
        HttpResponse<String> r = post("/v1/projections:seek-target", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode view = ApiClient.json(r);
        double expected = (sum(stretched(BASE_MALE)) + sum(stretched(BASE_FEMALE))) * 1_700_000 / 1_815_043.0;
        assertThat(view.path("target").path("total").asDouble()).isCloseTo(expected, within(0.01));
        assertThat(view.path("target").path("basis").asText()).contains("1700000").contains("1815043");
        assertThat(view.path("scenarioAtTargetYear").asDouble()).isCloseTo(expected, within(0.05));
    }

    /** The 11 groups' values on the default 21 groups (0–4 … 95–99, 100+): 45–49's value from 50 on. */
    private static double[] stretched(double[] elevenGroups) {
        double[] out = new double[21];
        for (int i = 0; i < 21; i++) {
            out[i] = elevenGroups[Math.min(i, 9)];
        }
        return out;
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        Map<String, Object> wrongLength = supplied(false);
        wrongLength.put("basePopulation", Map.of("male", new double[]{1, 2}, "female", BASE_FEMALE));
        assertInvalid(post("/v1/projections", wrongLength), "basePopulation.male");

        Map<String, Object> negativeRate = supplied(false);
        double[] rates = new double[11];
        Arrays.fill(rates, 0.01);
        rates[3] = -0.01;
        negativeRate.put("mortality", Map.of("male", Map.of("deathRates", rates), "female", Map.of("deathRates", rates)));
        JsonNode problem = assertInvalid(post("/v1/projections", negativeRate), "mortality.male.deathRates[3]");
        assertThat(problem.path("errors").findValuesAsText("field")).contains("mortality.female.deathRates[3]");

        Map<String, Object> negativeFertility = supplied(false);
        negativeFertility.put("fertility", Map.of("firstAge", 15, "rates", new double[]{0.01, -0.02}));
        assertInvalid(post("/v1/projections", negativeFertility), "fertility.rates[1]");

        Map<String, Object> intoOpenGroup = supplied(false);
        intoOpenGroup.put("fertility", Map.of("firstAge", 40, "rates", new double[]{0.01, 0.01, 0.01}));
        assertInvalid(post("/v1/projections", intoOpenGroup), "fertility.rates");

        Map<String, Object> tooLong = supplied(false);
        tooLong.put("horizonYears", 55);
        assertInvalid(post("/v1/projections", tooLong), "horizonYears");
        Map<String, Object> notAStep = supplied(false);
        notAStep.put("horizonYears", 12);
        assertInvalid(post("/v1/projections", notAStep), "horizonYears");
        Map<String, Object> width = supplied(false);
        width.put("ageGroupWidth", 3);
        assertInvalid(post("/v1/projections", width), "ageGroupWidth");
        assertInvalid(post("/v1/projections", Map.of("streetCode", "110102001")), "streetCode");
        assertInvalid(post("/v1/projections", Map.of("sexRatioAtBirth", "many")), "sexRatioAtBirth");
        // a street with no one in the register on that day
        assertInvalid(post("/v1/projections", Map.of("baseYear", 2020, "streetCode", "110101017")), "basePopulation");

        assertInvalid(post("/v1/projections:seek-target", Map.of("projection", supplied(false),
                "target", Map.of("year", 2027, "total", 1000))), "target.year");
        assertInvalid(post("/v1/projections:seek-target", Map.of("projection", supplied(false),
                "target", Map.of("year", 2030))), "target.total");
        assertInvalid(post("/v1/projections:seek-target", Map.of("projection", supplied(false),
                "target", Map.of("year", 2030, "preset", "CORE_AREA"))), "target.year");
        double[] profile = new double[11];
        profile[0] = -1;
        assertInvalid(post("/v1/projections:seek-target", Map.of("projection", supplied(false),
                "target", Map.of("year", 2030, "total", 1000), "migrationProfile", Map.of("male", profile, "female", profile))),
                "migrationProfile.male[0]");
        Map<String, Object> badInner = supplied(false);
        badInner.put("horizonYears", 60);
        assertInvalid(post("/v1/projections:seek-target", Map.of("projection", badInner,
                "target", Map.of("year", 2030, "total", 1000))), "projection.horizonYears");
    }
}

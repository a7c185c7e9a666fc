package cn.dongcheng.platform.population.projection;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.population.support.SourceLines;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Rates estimated from the register ({@code ratesFrom: RECORDS}) against a year of registrations worked out by hand.
 * Counting day 2024-11-01 (base year 2024), so the year is 2023-11-02 … 2024-11-01; 5-year groups, 50+ open.
 * <pre>
 * living in 东四 on the counting day   M: 0–4 two (born 2024-02-01 and 2023-10-01), 30–34 one, 50+ one
 *                                      F: 0–4 one (born 2024-09-01), 30–34 three
 * deaths in the year, district         M: 25–29 one (born 1994-05-01, died 2024-03-01: 29 then, 30 on the
 *                                         counting day), 50+ one (died 2023-12-01)
 *                                      F: 40–44 one (died 2024-10-31)
 * not counted                          a death of 2023-06-01 (before the year); a death of someone living outside
 *                                      the district; a birth outside the district; a birth of 2023-10-01
 * births in the year                   2 (2024-02-01, 2024-09-01)
 * exposure P + D/2                     M: 0–4 2, 25–29 0.5, 30–34 1, 50+ 1.5;  F: 0–4 1, 30–34 3, 40–44 0.5
 * death rates D / (P + D/2)            M: 25–29 2, 50+ ⅔, 0–4 and 30–34 0;  F: 40–44 2, 0–4 and 30–34 0;
 *                                      every group without exposure, and F 50+, take the model's rate
 * fertility                            the three women of 30–34 would have had the 2 births: Σ f(x)·W(x) = 2
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatesFromRecordsApiIT extends ElasticsearchIntegrationTest {

    static final String DONGSI = "110101006";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper mapper;
    private ApiClient api;
    private final Map<String, Integer> sequence = new HashMap<>();
    private final SourceLines lines = new SourceLines("R-");

    /** An ID number born on {@code born} (yyyyMMdd) of that sex: the sequence's last digit odd for a man. */
    private String id(String born, boolean male) {
        int seq = sequence.merge(born + male, 1, Integer::sum) * 2 + (male ? 1 : 0);
        String first17 = "110101" + born + String.format("%03d", seq);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private String record(String source, String date, String id, String... fieldsAndValues) {
        return lines.add(source, date, id, fieldsAndValues);
    }

    private String living(String born, boolean male, String street) {
        return record("HOUSEHOLD_REGISTRATION", "2023-01-01", id(born, male), "hukouType", "FAMILY", "hukouPlace", "110101",
                "registrationStreetCode", DONGSI, "residenceStreetCode", street);
    }

    private void birth(String date, boolean male, String street) {
        record("BIRTH", date, id(date.replace("-", ""), male), "hukouPlace", "110101", "residenceStreetCode", street,
                "residenceSince", date);
    }

    @BeforeAll
    void load() {
        api = new ApiClient(port);
        living("19940501", true, DONGSI);
        record("DEATH", "2024-03-01", living("19940501", true, DONGSI));
        for (int i = 0; i < 3; i++) {
            living("19900101", false, DONGSI);
        }
        record("DEATH", "2024-10-31", living("19800601", false, DONGSI));
        living("19500101", true, DONGSI);
        record("DEATH", "2023-12-01", living("19500101", true, DONGSI));
        record("DEATH", "2023-06-01", living("19600101", true, DONGSI));
        record("DEATH", "2024-05-01", living("19850101", false, "OUTSIDE"));
        birth("2024-02-01", true, DONGSI);
        birth("2024-09-01", false, DONGSI);
        birth("2024-03-01", true, "OUTSIDE");
        birth("2023-10-01", true, DONGSI);

        HttpResponse<String> r = api.postNdjson("/v1/person-sources:bulk?refresh=true", lines.ndjson(), "DATA_STEWARD");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("rejectedCount").asInt()).as(r.body()).isZero();
    }

    private JsonNode project(String ratesFrom) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("baseYear", 2024, "horizonYears", 10, "ageGroupWidth", 5, "openAge", 50));
        if (ratesFrom != null) {
            body.put("ratesFrom", ratesFrom);
        }
        HttpResponse<String> r = api.postJson("/v1/projections", mapper.writeValueAsString(body), "STATISTICIAN");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private double[] vector(JsonNode node) {
        return mapper.convertValue(node, double[].class);
    }

    @Test
    void deathRatesAndFertilityComeFromTheYearOfRegistrations() throws Exception {
        JsonNode view = project("RECORDS");
        JsonNode base = view.path("areas").get(0).path("steps").get(0);
        assertThat(vector(base.path("male"))).containsExactly(2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(vector(base.path("female"))).containsExactly(1, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0);

        JsonNode assumptions = view.path("assumptions");
        assertThat(assumptions.path("mortality").asText()).isEqualTo("REGISTER");
        assertThat(assumptions.path("fertility").asText()).isEqualTo("REGISTER");
        JsonNode estimated = assumptions.path("estimatedFromRecords");
        assertThat(estimated.path("from").asText()).isEqualTo("2023-11-02");
        assertThat(estimated.path("to").asText()).isEqualTo("2024-11-01");
        assertThat(vector(estimated.path("deaths").path("male"))).containsExactly(0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        assertThat(vector(estimated.path("deaths").path("female"))).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0);
        assertThat(vector(estimated.path("exposure").path("male"))).containsExactly(2, 0, 0, 0, 0, 0.5, 1, 0, 0, 0, 1.5);
        assertThat(vector(estimated.path("exposure").path("female"))).containsExactly(1, 0, 0, 0, 0, 0, 3, 0, 0.5, 0, 0);

        double[] male = vector(estimated.path("deathRates").path("male"));
        double[] female = vector(estimated.path("deathRates").path("female"));
        assertThat(male[0]).isZero();
        assertThat(male[5]).isEqualTo(2.0);
        assertThat(male[6]).isZero();
        assertThat(male[10]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(female[0]).isZero();
        assertThat(female[6]).isZero();
        assertThat(female[8]).isEqualTo(2.0);
        assertThat(mapper.convertValue(estimated.path("substitutedAges").path("male"), int[].class))
                .containsExactly(5, 10, 15, 20, 35, 40, 45);
        assertThat(mapper.convertValue(estimated.path("substitutedAges").path("female"), int[].class))
                .containsExactly(5, 10, 15, 20, 25, 35, 45, 50);
        for (int age : new int[] {5, 35, 45}) {
            assertThat(male[age / 5]).as("model rate at %d", age).isPositive().isLessThan(0.05);
        }
        assertThat(female[10]).as("F 50+: no one, the model's rate").isPositive();

        assertThat(estimated.path("births").asLong()).isEqualTo(2);
        double[] fertility = vector(estimated.path("fertilityRates"));
        assertThat(fertility[6] * 3).as("the counted women would have had the year's births").isCloseTo(2.0, within(1e-9));
        assertThat(fertility[0]).isZero();

        // the shape is the model's, scaled: the reproduction indicators move by the same factor
        JsonNode model = project(null);
        assertThat(model.path("assumptions").path("estimatedFromRecords").isMissingNode()).isTrue();
        double factor = estimated.path("fertilityFactor").asDouble();
        assertThat(view.path("indicators").path("totalFertilityRate").asDouble())
                .isCloseTo(model.path("indicators").path("totalFertilityRate").asDouble() * factor, within(1e-3));
        assertThat(view.path("indicators").path("lifeExpectancyMale").asDouble())
                .isLessThan(model.path("indicators").path("lifeExpectancyMale").asDouble());
    }

    @Test
    void anUnknownRateSourceIsAProblemNamingTheField() throws Exception {
        HttpResponse<String> r = api.postJson("/v1/projections", "{\"ratesFrom\":\"GUESS\"}", "STATISTICIAN");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("ratesFrom");
    }
}

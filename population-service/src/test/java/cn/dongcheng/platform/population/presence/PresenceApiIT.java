package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A week of hourly presence counts (Mon 2025-03-03 … Sun 2025-03-09, no holiday) for two streets through real HTTP
 * with real tokens, and the figures checked against values computed by hand. Counts are split exactly by the bundled
 * shares (56 / 24 / 20 %), so each hour's scaled estimate is the round number the street was given:
 * <ul>
 *   <li>东四 110101006: 10,000 at 00–06, 30,000 at 10–16 on weekdays, 15,000 then at weekends, 20,000 otherwise;
 *   census 33,670 → k = 33,670 / 10,000 = 3.367, day 30,000 × 3.367 = 101,010, ratio 3.0</li>
 *   <li>朝阳门 110101007: 5,000 at night, 20,000 at 10–16 on weekdays, 8,000 otherwise; China Telecom misses
 *   Wednesday 03:00 (the pooled estimate stays 5,000); census 30,473 → k = 6.0946, day 121,892, ratio 4.0</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresenceApiIT extends ElasticsearchIntegrationTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
    private static final String DONGSI = "110101006";
    private static final String CHAOYANGMEN = "110101007";
    private static final String WEEK = "from=2025-03-03&to=2025-03-09";

    @LocalServerPort
    int port;
    private ApiClient api;
    private String week;

    static String line(String operator, String street, String hour, long count, String batch) {
        return "{\"operator\":\"" + operator + "\",\"streetCode\":\"" + street + "\",\"hour\":\"" + hour
                + "\",\"count\":" + count + ",\"sourceBatch\":\"" + batch + "\"}";
    }

    private static long dongsi(LocalDate d, int h) {
        boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        return h < 6 ? 10_000 : h >= 10 && h < 16 ? (weekday ? 30_000 : 15_000) : 20_000;
    }

    private static long chaoyangmen(LocalDate d, int h) {
        boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        return h < 6 ? 5_000 : h >= 10 && h < 16 && weekday ? 20_000 : 8_000;
    }

    private static String weekOfCounts() {
        List<String> lines = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            LocalDate d = MONDAY.plusDays(day);
            for (int h = 0; h < 24; h++) {
                String hour = d.atTime(h, 0).toString();
                for (String street : List.of(DONGSI, CHAOYANGMEN)) {
                    long people = street.equals(DONGSI) ? dongsi(d, h) : chaoyangmen(d, h);
                    lines.add(line("CHINA_MOBILE", street, hour, people * 56 / 100, "week-10"));
                    if (!(street.equals(CHAOYANGMEN) && day == 2 && h == 3)) {
                        lines.add(line("CHINA_TELECOM", street, hour, people * 24 / 100, "week-10"));
                    }
                    lines.add(line("CHINA_UNICOM", street, hour, people * 20 / 100, "week-10"));
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String id(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static String resident(String first17, String name) {
        return "{\"idNumber\":\"" + id(first17) + "\",\"name\":\"" + name + "\",\"streetCode\":\"" + DONGSI
                + "\",\"residenceType\":\"REGISTERED_RESIDENT\",\"phone\":\"13812345678\",\"address\":\"东城区东四街道某胡同1号\"}";
    }

    @BeforeAll
    void load() {
        api = new ApiClient(port);
        week = weekOfCounts();
        HttpResponse<String> r = api.postNdjson("/v1/presence-counts:bulk?refresh=true", week, "DATA_STEWARD");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = ApiClient.json(r);
        assertThat(report.path("accepted").asInt()).as(r.body()).isEqualTo(7 * 24 * 2 * 3 - 1);
        assertThat(report.path("rejectedCount").asInt()).isZero();
        // two residents of 东四 in the person register, for calibrateTo=REGISTER
        HttpResponse<String> persons = api.postNdjson("/v1/persons:bulk?refresh=true",
                resident("11010119800101001", "李强") + "\n" + resident("11010119750606002", "王芳") + "\n", "DATA_STEWARD");
        assertThat(ApiClient.json(persons).path("accepted").asInt()).as(persons.body()).isEqualTo(2);
    }

    private JsonNode get(String path) {
        HttpResponse<String> r = api.get(path, "STATISTICIAN");
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return ApiClient.json(r);
    }

    private static JsonNode street(JsonNode figures, String code) {
        for (JsonNode s : figures.path("streets")) {
            if (s.path("streetCode").asText().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no street " + code + " in " + figures);
    }

    @Test
    void theHourlySeriesOfADayIsScaledAndCalibratedToTheCensus() {
        JsonNode series = get("/v1/presence-estimates?streetCode=" + DONGSI + "&from=2025-03-03&to=2025-03-03&calibrateTo=CENSUS_2020");
        assertThat(series.path("streetName").asText()).isEqualTo("东四街道");
        assertThat(series.path("nightWindow").asText()).isEqualTo("02:00–05:00");
        assertThat(series.path("marketShares").asText()).isEqualTo("operator-market-shares-v1");
        assertThat(series.path("calibration").path("residents").asLong()).isEqualTo(33_670);
        assertThat(series.path("calibration").path("nightHours").asInt()).isEqualTo(3);
        assertThat(series.path("calibration").path("factor").asDouble()).isEqualTo(3.367);
        JsonNode hours = series.path("hours");
        assertThat(hours).hasSize(24);
        assertThat(hours.get(3).path("hour").asText()).isEqualTo("2025-03-03T03:00:00");
        assertThat(hours.get(3).path("devices").asLong()).isEqualTo(10_000);
        assertThat(hours.get(3).path("population").asLong()).isEqualTo(33_670);
        assertThat(hours.get(14).path("scaled").asDouble()).isEqualTo(30_000.0);
        assertThat(hours.get(14).path("population").asLong()).isEqualTo(101_010);
        assertThat(hours.get(20).path("population").asLong()).isEqualTo(67_340);
    }

    @Test
    void aMissingOperatorIsScaledByTheSharesOfThoseThatReported() {
        JsonNode series = get("/v1/presence-estimates?streetCode=" + CHAOYANGMEN + "&from=2025-03-05&to=2025-03-05&calibrateTo=CENSUS_2020");
        JsonNode three = series.path("hours").get(3);
        assertThat(three.path("operators")).extracting(JsonNode::asText).containsExactly("CHINA_MOBILE", "CHINA_UNICOM");
        assertThat(three.path("devices").asLong()).isEqualTo(3_800); // 2,800 + 1,000
        assertThat(three.path("scaled").asDouble()).isEqualTo(5_000.0); // 3,800 / 0.76
        assertThat(series.path("calibration").path("factor").asDouble()).isEqualTo(6.0946);
    }

    @Test
    void dayAndNightPopulationPerStreetAndForTheDistrict() {
        JsonNode figures = get("/v1/day-night-populations?" + WEEK + "&calibrateTo=CENSUS_2020");
        assertThat(figures.path("dayWindow").asText()).isEqualTo("10:00–16:00");
        assertThat(figures.path("streets")).hasSize(17);
        JsonNode dongsi = street(figures, DONGSI);
        assertThat(dongsi.path("dayHours").asInt()).isEqualTo(5 * 6); // working days only
        assertThat(dongsi.path("calibration").path("nightHours").asInt()).isEqualTo(7 * 3);
        assertThat(dongsi.path("calibration").path("factor").asDouble()).isEqualTo(3.367);
        assertThat(dongsi.path("dayPopulation").asLong()).isEqualTo(101_010);
        assertThat(dongsi.path("nightPopulation").asLong()).isEqualTo(33_670);
        assertThat(dongsi.path("dayNightRatio").asDouble()).isEqualTo(3.0);
        JsonNode chaoyangmen = street(figures, CHAOYANGMEN);
        assertThat(chaoyangmen.path("calibration").path("factor").asDouble()).isEqualTo(6.0946);
        assertThat(chaoyangmen.path("dayPopulation").asLong()).isEqualTo(121_892);
        assertThat(chaoyangmen.path("nightPopulation").asLong()).isEqualTo(30_473);
        assertThat(chaoyangmen.path("dayNightRatio").asDouble()).isEqualTo(4.0);
        JsonNode district = figures.path("district");
        assertThat(district.path("streetsIncluded").asInt()).isEqualTo(2);
        assertThat(district.path("dayPopulation").asLong()).isEqualTo(222_902);
        assertThat(district.path("nightPopulation").asLong()).isEqualTo(64_143);
        assertThat(district.path("dayNightRatio").asDouble()).isEqualTo(3.475); // 222,902 / 64,143 = 3.4751…
        assertThat(district.path("streetsLeftOut")).hasSize(15);
    }

    @Test
    void theWindowsAreParameters() {
        // day 16–20 on weekdays: 20,000 at 东四 → ratio 2; night 00–06 is still 10,000
        JsonNode figures = get("/v1/day-night-populations?streetCode=" + DONGSI + "&" + WEEK
                + "&dayFrom=16&dayTo=20&nightFrom=0&nightTo=6&calibrateTo=CENSUS_2020");
        assertThat(figures.path("streets")).hasSize(1);
        JsonNode dongsi = street(figures, DONGSI);
        assertThat(dongsi.path("dayHours").asInt()).isEqualTo(5 * 4);
        assertThat(dongsi.path("calibration").path("nightHours").asInt()).isEqualTo(7 * 6);
        assertThat(dongsi.path("dayPopulation").asLong()).isEqualTo(67_340);
        assertThat(dongsi.path("dayNightRatio").asDouble()).isEqualTo(2.0);
    }

    @Test
    void byDefaultTheFiguresAreCalibratedToThePersonRegister() {
        JsonNode figures = get("/v1/day-night-populations?" + WEEK);
        assertThat(figures.path("calibrateTo").asText()).isEqualTo("REGISTER");
        JsonNode dongsi = street(figures, DONGSI);
        assertThat(dongsi.path("calibration").path("residents").asLong()).isEqualTo(2);
        assertThat(dongsi.path("calibration").path("factor").asDouble()).isEqualTo(0.0002); // 2 / 10,000
        assertThat(dongsi.path("dayPopulation").asLong()).isEqualTo(6); // 30,000 × 0.0002
        JsonNode chaoyangmen = street(figures, CHAOYANGMEN);
        assertThat(chaoyangmen.path("calibration").path("factor").isNull()).isTrue(); // nobody registered there
        assertThat(chaoyangmen.path("dayPopulation").isNull()).isTrue();
        assertThat(chaoyangmen.path("dayNightRatio").asDouble()).isEqualTo(4.0);
        assertThat(figures.path("district").path("streetsLeftOut")).extracting(JsonNode::asText).contains(CHAOYANGMEN);
    }

    @Test
    void aRedeliveredWeekChangesNothingAndACorrectionReplacesOneHour() {
        JsonNode again = ApiClient.json(api.postNdjson("/v1/presence-counts:bulk?refresh=true", week, "SERVICE"));
        assertThat(again.path("accepted").asInt()).isEqualTo(7 * 24 * 2 * 3 - 1);
        assertThat(again.path("unchanged").asInt()).isEqualTo(7 * 24 * 2 * 3 - 1);
        String corrected = line("CHINA_MOBILE", DONGSI, "2025-03-09T23:00", 11_760, "week-10-fix"); // 20,000 × 0.56 → 11,760
        JsonNode fix = ApiClient.json(api.postNdjson("/v1/presence-counts:bulk?refresh=true", corrected, "DATA_STEWARD"));
        assertThat(fix.path("accepted").asInt()).isEqualTo(1);
        assertThat(fix.path("unchanged").asInt()).isZero();
        JsonNode sunday = get("/v1/presence-estimates?streetCode=" + DONGSI + "&from=2025-03-09&to=2025-03-09&calibrateTo=CENSUS_2020");
        assertThat(sunday.path("hours")).hasSize(24);
        assertThat(sunday.path("hours").get(23).path("devices").asLong()).isEqualTo(11_760 + 4_800 + 4_000);
        // the figures the other tests check are unchanged: the 23:00 hour is in neither window
        assertThat(street(get("/v1/day-night-populations?" + WEEK + "&calibrateTo=CENSUS_2020"), DONGSI).path("dayPopulation").asLong())
                .isEqualTo(101_010);
    }

    @Test
    void badLinesAreRejectedOneByOneWithTheirKeyAndReason() {
        String lines = String.join("\n",
                line("CHINA_MOBILE", "110101001", "2025-03-03T10:00", 100, "b"),
                line("CHINA_BROADNET", "110101001", "2025-03-03T10:00", 100, "b"),
                line("CHINA_MOBILE", "110102001", "2025-03-03T10:00", 100, "b"),
                line("CHINA_MOBILE", "110101001", "2025-03-03T10:30", 100, "b"),
                line("CHINA_MOBILE", "110101001", "2099-01-01T10:00", 100, "b"),
                line("CHINA_MOBILE", "110101001", "2025-03-03T11:00", -5, "b"),
                "{\"operator\":\"CHINA_MOBILE\",\"streetCode\":\"110101001\",\"hour\":\"2025-03-03T12:00\",\"count\":\"many\",\"sourceBatch\":\"b\"}",
                "not json");
        HttpResponse<String> r = api.postNdjson("/v1/presence-counts:bulk?refresh=true", lines, "DATA_STEWARD");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = ApiClient.json(r);
        assertThat(report.path("accepted").asInt()).isEqualTo(1); // the good line is stored, as with every bulk upload
        assertThat(report.path("rejectedCount").asInt()).isEqualTo(7);
        JsonNode rejected = report.path("rejected");
        assertThat(rejected.get(0).path("line").asInt()).isEqualTo(2);
        assertThat(rejected.get(0).path("reason").asText()).contains("operator");
        assertThat(rejected.get(1).path("reason").asText()).contains("streetCode");
        assertThat(rejected.get(1).path("id").asText()).isEqualTo("CHINA_MOBILE:110102001:2025-03-03T10:00");
        assertThat(rejected.get(2).path("reason").asText()).contains("hour").contains("on the hour");
        assertThat(rejected.get(3).path("reason").asText()).contains("has not ended");
        assertThat(rejected.get(4).path("reason").asText()).contains("count").contains("negative");
        assertThat(rejected.get(5).path("reason").asText()).contains("count");
        assertThat(rejected.get(6).path("line").asInt()).isEqualTo(8);
        JsonNode donghuamen = get("/v1/presence-estimates?streetCode=110101001&from=2025-03-03&to=2025-03-03");
        assertThat(donghuamen.path("hours")).hasSize(1);
    }

    @Test
    void onlyStewardsAndServicesWrite() {
        String one = line("CHINA_MOBILE", DONGSI, "2025-03-03T10:00", 16_800, "week-10");
        assertProblem(api.postNdjson("/v1/presence-counts:bulk", one, null), 401);
        assertProblem(api.postNdjson("/v1/presence-counts:bulk", one, "STATISTICIAN"), 403);
        assertProblem(api.get("/v1/day-night-populations?" + WEEK, "CITIZEN"), 403);
    }

    @Test
    void badQueriesAreProblemsNamingTheParameter() {
        assertInvalid(api.get("/v1/presence-estimates?" + WEEK, "STATISTICIAN"), "streetCode");
        assertInvalid(api.get("/v1/presence-estimates?streetCode=110102001&" + WEEK, "STATISTICIAN"), "streetCode");
        assertInvalid(api.get("/v1/day-night-populations?" + WEEK + "&nightFrom=5&nightTo=2", "STATISTICIAN"), "nightTo");
        assertInvalid(api.get("/v1/day-night-populations?" + WEEK + "&dayFrom=25", "STATISTICIAN"), "dayFrom");
        assertInvalid(api.get("/v1/day-night-populations?from=2025-03-09&to=2025-03-03", "STATISTICIAN"), "from");
        assertInvalid(api.get("/v1/day-night-populations?from=2025-01-01&to=2025-03-03", "STATISTICIAN"), "to");
        assertInvalid(api.get("/v1/day-night-populations?" + WEEK + "&calibrateTo=GUESS", "STATISTICIAN"), "calibrateTo");
        assertInvalid(api.get("/v1/day-night-populations?from=2019-03-04&to=2019-03-10", "STATISTICIAN"), "from");
        assertProblem(api.get("/v1/day-night-populations?" + WEEK + "&window=night", "STATISTICIAN"), 400);
    }
}

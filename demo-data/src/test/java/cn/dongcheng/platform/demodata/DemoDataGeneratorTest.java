package cn.dongcheng.platform.demodata;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataGeneratorTest {

    private final Calibration calibration = Calibration.load();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void streetTotalsKeepThePublishedFiguresAndAddUpToTheCensus() {
        Map<String, Integer> streets = calibration.residentsByStreet();
        assertThat(streets).hasSize(17);
        assertThat(streets.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(708_829);
        assertThat(streets.get("110101007")).isEqualTo(30_473); // 朝阳门, published
        assertThat(streets.get("110101011")).isEqualTo(9_081);  // 前门, published
        assertThat(calibration.residentsByStreet(Scale.SMALL).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(7_088);
    }

    @Test
    void largestRemainderNeverLosesAPerson() {
        Map<String, Integer> split = Calibration.largestRemainder(10, Map.of("a", 1.0, "b", 1.0, "c", 1.0));
        assertThat(split.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
        assertThat(split.values()).allSatisfy(v -> assertThat(v).isBetween(3, 4));
    }

    @Test
    void personsAreValidUniqueDeterministicAndCalibrated() throws Exception {
        List<String> first = new ArrayList<>();
        new PersonGenerator(calibration).generate(Scale.SMALL, 7, first::add);
        List<String> again = new ArrayList<>();
        new PersonGenerator(calibration).generate(Scale.SMALL, 7, again::add);
        assertThat(again).isEqualTo(first);

        HashSet<String> ids = new HashSet<>();
        Map<String, Integer> byType = new HashMap<>();
        int residents = 0;
        int male = 0;
        int old = 0;
        for (String line : first) {
            JsonNode p = mapper.readTree(line);
            String id = p.path("idNumber").asText();
            assertThat(ResidentIdNumber.problem(id)).as(id).isEmpty();
            assertThat(ids.add(id)).as("duplicate " + id).isTrue();
            String type = p.path("residenceType").asText();
            byType.merge(type, 1, Integer::sum);
            if (!"REGISTERED_AWAY".equals(type)) {
                residents++;
                ResidentIdNumber parsed = new ResidentIdNumber(id);
                male += parsed.male() ? 1 : 0;
                old += Period.between(parsed.birthDate(), LocalDate.of(2020, 11, 1)).getYears() >= 60 ? 1 : 0;
            }
        }
        assertThat(residents).isEqualTo(7_088);
        // calibration targets with sampling tolerance for 7,088 people
        assertThat(100.0 * male / (residents - male)).isBetween(98.0, 112.0);      // sex ratio 104.7
        assertThat((double) old / residents).isBetween(0.18, 0.215);               // 60+ 19.6 %
        assertThat((double) byType.get("FLOATING_RESIDENT") / residents).isBetween(0.36, 0.41); // 38.5 %
        assertThat(byType.get("REGISTERED_AWAY")).isPositive();
    }

    @Test
    void enterprisesHaveValidUniqueCodesAndFitTheirSections() throws Exception {
        EnterpriseGenerator generator = new EnterpriseGenerator(calibration);
        List<String> lines = new ArrayList<>();
        long n = generator.generate(Scale.SMALL, 11, lines::add);
        assertThat(n).isEqualTo(2_250);
        assertThat(new HashSet<>(generator.codes())).hasSize(2_250);
        int outside = 0;
        for (String line : lines) {
            JsonNode e = mapper.readTree(line);
            assertThat(UnifiedSocialCreditCode.problem(e.path("uscc").asText())).isEmpty();
            String section = e.path("industrySection").asText();
            assertThat(calibration.enterprises().path("classes").path(section).toString()).contains(e.path("industryClass").asText());
            if ("MOVED_OUT".equals(e.path("status").asText())) {
                assertThat(e.path("streetCode").asText()).isEqualTo("OUTSIDE");
                outside++;
            }
        }
        assertThat(outside).isPositive();
    }

    @Test
    void monthlyReportsCoverTwoYearsOfEveryActiveEntityWithYearToDateFiguresThatNeverFall() throws Exception {
        List<String> enterprises = new ArrayList<>();
        new EnterpriseGenerator(calibration).generate(Scale.SMALL, 11, enterprises::add);
        long active = enterprises.stream().filter(l -> l.contains("\"status\":\"ACTIVE\"")).count();
        List<String> reports = new ArrayList<>();
        long n = new IndicatorGenerator().generate(enterprises, 5, reports::add);
        assertThat(n).isEqualTo(active * 24);
        Map<String, Double> lastYtd = new HashMap<>();
        int collapses = 0;
        Map<String, Double> dec2023 = new HashMap<>();
        for (String line : reports) {
            JsonNode r = mapper.readTree(line);
            String uscc = r.path("uscc").asText();
            String period = r.path("period").asText();
            double ytd = r.path("revenueYtd").asDouble();
            if (!period.endsWith("-01")) {
                assertThat(ytd).as(uscc + " " + period).isGreaterThanOrEqualTo(lastYtd.get(uscc));
            }
            lastYtd.put(uscc, ytd);
            assertThat(r.path("employeesAtPeriodEnd").asInt()).isPositive();
            if (period.equals("2023-12")) {
                dec2023.put(uscc, ytd);
            }
            if (period.equals("2024-12") && ytd < 0.7 * dec2023.get(uscc)) {
                collapses++;
            }
        }
        assertThat(collapses).as("planted revenue collapses").isPositive();
    }

    @Test
    void presenceCountsAreTheSameForTheSameSeedAndFollowTheDayCurve() {
        List<String> first = new ArrayList<>();
        List<String> again = new ArrayList<>();
        PresenceGenerator generator = new PresenceGenerator(calibration);
        generator.generate(7, first::add);
        generator.generate(7, again::add);
        assertThat(first).isEqualTo(again);
        // 建国门 (the most firms) on Monday: 03:00 about its residents' devices, 11:00 about 4.3 times that
        Map<String, Long> jianguomen = new HashMap<>();
        for (String line : first) {
            JsonNode n = read(line);
            if (n.path("streetCode").asText().equals("110101008") && n.path("operator").asText().equals("CHINA_MOBILE")) {
                jianguomen.put(n.path("hour").asText(), n.path("count").asLong());
            }
        }
        double night = 33_094 * PresenceGenerator.DEVICES_PER_PERSON * 0.56;
        assertThat((double) jianguomen.get("2025-03-03T03:00")).isBetween(night * 0.85, night * 1.15);
        assertThat((double) jianguomen.get("2025-03-03T11:00")).isBetween(night * 4.3 * 0.85, night * 4.3 * 1.15);
        assertThat(jianguomen).hasSizeGreaterThan(28 * 24 - 10);
    }

    private JsonNode read(String line) {
        try {
            return mapper.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The estimation's formulas against values computed by hand. */
class PresenceEstimationTest {

    static final MarketShares SHARES = new MarketShares("test-shares", false,
            Map.of("CHINA_MOBILE", 0.56, "CHINA_TELECOM", 0.24, "CHINA_UNICOM", 0.20));
    private final PresenceEstimation estimation = new PresenceEstimation(SHARES);
    private static final Predicate<LocalDate> WEEKDAYS =
            d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
    private static final LocalDate SATURDAY = LocalDate.of(2025, 3, 8);

    static HourlyPresence hour(LocalDate day, int h, long mobile, long telecom, long unicom) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("CHINA_MOBILE", mobile);
        counts.put("CHINA_TELECOM", telecom);
        counts.put("CHINA_UNICOM", unicom);
        return new HourlyPresence(day.atTime(h, 0), counts);
    }

    /** All three operators, split exactly by share, so the scaled estimate is {@code people}. */
    static HourlyPresence people(LocalDate day, int h, long people) {
        return hour(day, h, Math.round(people * 0.56), Math.round(people * 0.24), Math.round(people * 0.20));
    }

    @Test
    void allOperatorsScaleToTheirSumWhenTheSharesCoverTheMarket() {
        assertThat(estimation.scaled(hour(MONDAY, 3, 560, 240, 200))).isCloseTo(1000.0, within(1e-9));
    }

    @Test
    void aMissingOperatorLeavesTheDenominatorNotTheSum() {
        HourlyPresence noTelecom = new HourlyPresence(MONDAY.atTime(3, 0), Map.of("CHINA_MOBILE", 700L, "CHINA_UNICOM", 150L));
        // (700 + 150) / (0.56 + 0.20) = 850 / 0.76 = 1118.4210526…; adding 700/0.56 + 150/0.20 would say 2000
        assertThat(estimation.scaled(noTelecom)).isCloseTo(1118.4210526315, within(1e-6));
        HourlyPresence onlyUnicom = new HourlyPresence(MONDAY.atTime(3, 0), Map.of("CHINA_UNICOM", 150L));
        assertThat(estimation.scaled(onlyUnicom)).isCloseTo(750.0, within(1e-9));
    }

    @Test
    void theCalibrationFactorTiesTheNightMeanToTheResidents() {
        List<HourlyPresence> hours = List.of(
                people(MONDAY, 1, 5000), people(MONDAY, 2, 1000), people(MONDAY, 3, 900), people(MONDAY, 4, 1100),
                people(MONDAY, 5, 5000), people(SATURDAY, 2, 1000), people(SATURDAY, 3, 950), people(SATURDAY, 4, 1050));
        // night 02–05: (1000 + 900 + 1100 + 1000 + 950 + 1050) / 6 = 1000; 3000 residents → k = 3
        StreetCalibration k = estimation.calibrate(hours, 3000L, HourWindow.NIGHT);
        assertThat(k.nightHours()).isEqualTo(6);
        assertThat(k.nightMeanScaled()).isCloseTo(1000.0, within(1e-9));
        assertThat(k.factor()).isCloseTo(3.0, within(1e-12));
        assertThat(estimation.series(hours, k).get(0).population()).isEqualTo(15_000L); // 01:00: 5000 × 3
        // a wider night (00–06) takes 01:00 and 05:00 in: (6000 + 10000) / 8 = 2000 → k = 1.5
        assertThat(estimation.calibrate(hours, 3000L, new HourWindow(0, 6)).factor()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void dayIsTheWorkingDaysDayWindowNightEveryDaysNightWindow() {
        List<HourlyPresence> hours = new ArrayList<>();
        for (LocalDate d : List.of(MONDAY, SATURDAY)) {
            for (int h = 2; h < 5; h++) {
                hours.add(people(d, h, 1000));
            }
            for (int h = 10; h < 16; h++) {
                hours.add(people(d, h, d.equals(MONDAY) ? 2000 : 9000)); // Saturday is no working day
            }
            hours.add(people(d, 16, 9000)); // outside the day window
        }
        StreetDayNight figures = estimation.dayNight(DongchengStreet.DONGSI, hours, 3000L, HourWindow.DAY, HourWindow.NIGHT, WEEKDAYS);
        assertThat(figures.dayHours()).isEqualTo(6);
        assertThat(figures.dayScaled()).isCloseTo(2000.0, within(1e-9));
        assertThat(figures.calibration().factor()).isCloseTo(3.0, within(1e-12));
        assertThat(figures.dayPopulation()).isEqualTo(6000L);
        assertThat(figures.nightPopulation()).isEqualTo(3000L);
        assertThat(figures.dayNightRatio()).isEqualTo(2.0);
        // the window is a parameter: 10–17 takes Monday's 16:00 in, (6 × 2000 + 9000) / 7 = 3000 → ratio 3
        StreetDayNight longer = estimation.dayNight(DongchengStreet.DONGSI, hours, 3000L, new HourWindow(10, 17), HourWindow.NIGHT, WEEKDAYS);
        assertThat(longer.dayPopulation()).isEqualTo(9000L);
        assertThat(longer.dayNightRatio()).isEqualTo(3.0);
    }

    @Test
    void withoutResidentsOrNightHoursTheFiguresStayUncalibrated() {
        List<HourlyPresence> days = List.of(people(MONDAY, 11, 2000));
        StreetDayNight noNight = estimation.dayNight(DongchengStreet.QIANMEN, days, 9081L, HourWindow.DAY, HourWindow.NIGHT, WEEKDAYS);
        assertThat(noNight.calibration().factor()).isNull();
        assertThat(noNight.dayPopulation()).isNull();
        assertThat(noNight.dayScaled()).isCloseTo(2000.0, within(1e-9));
        assertThat(noNight.dayNightRatio()).isNull();
        StreetCalibration noResidents = estimation.calibrate(List.of(people(MONDAY, 3, 1000)), null, HourWindow.NIGHT);
        assertThat(noResidents.calibrated()).isFalse();
        assertThat(estimation.series(List.of(people(MONDAY, 3, 1000)), noResidents).get(0).population()).isNull();
    }

    @Test
    void districtTotalsAddTheCalibratedStreetsAndNameTheOthers() {
        StreetCalibration three = new StreetCalibration(3000L, 3, 1000.0, 3.0);
        StreetCalibration none = new StreetCalibration(null, 3, 1000.0, null);
        DistrictDayNight district = PresenceEstimation.district(List.of(
                new StreetDayNight("110101006", "东四街道", three, 6, 2000.0, 6000L, 3000L, 2.0),
                new StreetDayNight("110101007", "朝阳门街道", three, 6, 333.3, 1000L, 2000L, 0.5),
                new StreetDayNight("110101011", "前门街道", none, 6, 2000.0, null, null, 2.0)));
        assertThat(district.streetsIncluded()).isEqualTo(2);
        assertThat(district.dayPopulation()).isEqualTo(7000L);
        assertThat(district.nightPopulation()).isEqualTo(5000L);
        assertThat(district.dayNightRatio()).isEqualTo(1.4);
        assertThat(district.streetsLeftOut()).containsExactly("110101011");
    }

    @Test
    void windowsNameTheParameterThatIsWrong() {
        assertThat(HourWindow.of("nightFrom", null, "nightTo", null, HourWindow.NIGHT)).isEqualTo(new HourWindow(2, 5));
        assertThat(HourWindow.NIGHT.contains(LocalDateTime.of(2025, 3, 3, 4, 0))).isTrue();
        assertThat(HourWindow.NIGHT.contains(LocalDateTime.of(2025, 3, 3, 5, 0))).isFalse();
        assertThatThrownBy(() -> HourWindow.of("nightFrom", 5, "nightTo", 2, HourWindow.NIGHT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("nightTo"));
        assertThatThrownBy(() -> HourWindow.of("dayFrom", 24, "dayTo", null, HourWindow.DAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("dayFrom"));
    }

    @Test
    void theBundledFilesLoad() throws Exception {
        MarketShares shares = MarketShares.load(getClass().getResourceAsStream("/presence/operator-market-shares-v1.json"));
        assertThat(shares.operators()).containsExactlyInAnyOrder("CHINA_MOBILE", "CHINA_TELECOM", "CHINA_UNICOM");
        assertThat(shares.shareOf(shares.operators())).isCloseTo(1.0, within(1e-9));
        assertThat(shares.verified()).isFalse();
        Map<String, Long> census = StreetResidents.loadCensus(getClass().getResourceAsStream("/presence/street-residents-2020.json"));
        assertThat(census).hasSize(17).containsEntry("110101006", 33_670L).containsEntry("110101007", 30_473L);
        assertThat(census.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(708_829L);
    }
}

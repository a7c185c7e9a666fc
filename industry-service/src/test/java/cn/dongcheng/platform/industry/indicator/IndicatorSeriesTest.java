package cn.dongcheng.platform.industry.indicator;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorSeriesTest {

    static OperatingIndicatorDocument report(String period, long revenueYuan, long costYuan, long profitYuan, long vatYuan, int employees) {
        YearMonth m = YearMonth.parse(period);
        return new OperatingIndicatorDocument("91110101MA0000000X", period, m.atDay(1), m.getYear(), m.getMonthValue(),
                null, null, null, null, null, null, revenueYuan * 100, costYuan * 100, profitYuan * 100, vatYuan * 100, null, null,
                employees, null, null, null, null, null);
    }

    @Test
    void derivesMonthsYearOnYearAndRatiosFromYearToDateFigures() {
        List<OperatingIndicatorDocument> reports = List.of(
                report("2023-02", 200_000, 150_000, 20_000, 10_000, 40),
                report("2024-01", 120_000, 90_000, 12_000, 5_000, 50),
                report("2024-02", 250_000, 190_000, 30_000, 11_000, 50));
        List<IndicatorPoint> points = IndicatorSeries.derive(reports, YearMonth.of(2024, 1), YearMonth.of(2024, 2));
        assertThat(points).hasSize(2);
        IndicatorPoint jan = points.get(0);
        assertThat(jan.revenueMonth()).isEqualByComparingTo("120000.00"); // January is its own year-to-date
        assertThat(jan.revenueYtdYoYPercent()).isNull();                     // no January 2023 report
        IndicatorPoint feb = points.get(1);
        assertThat(feb.revenueMonth()).isEqualByComparingTo("130000.00");   // 250,000 − 120,000
        assertThat(feb.totalProfitMonth()).isEqualByComparingTo("18000.00");
        assertThat(feb.revenueYtdYoYPercent()).isEqualByComparingTo("25.00"); // 250,000 vs 200,000
        assertThat(feb.vatPayableYtdYoYPercent()).isEqualByComparingTo("10.00");
        assertThat(feb.employeesYoYPercent()).isEqualByComparingTo("25.00");  // 50 vs 40
        assertThat(feb.profitMarginPercent()).isEqualByComparingTo("12.00");  // 30,000 / 250,000
        assertThat(feb.revenuePerEmployee()).isEqualByComparingTo("5000.00");
        assertThat(feb.costPer100Revenue()).isEqualByComparingTo("76.00");
    }

    @Test
    void aMissingPreviousMonthLeavesTheMonthlyValueUnknownRatherThanWrong() {
        List<IndicatorPoint> points = IndicatorSeries.derive(List.of(report("2024-03", 300_000, 0, 0, 0, 10)),
                YearMonth.of(2024, 3), YearMonth.of(2024, 3));
        assertThat(points.get(0).revenueMonth()).isNull();
        assertThat(points.get(0).revenueYtd()).isEqualByComparingTo("300000.00");
    }

    @Test
    void yearOnYearOfALossUsesTheAbsoluteBase() {
        assertThat(IndicatorSeries.yoy(-50L, -100L)).isEqualByComparingTo("50.00"); // a loss halved is an improvement
        assertThat(IndicatorSeries.yoy(10L, 0L)).isNull();
    }
}

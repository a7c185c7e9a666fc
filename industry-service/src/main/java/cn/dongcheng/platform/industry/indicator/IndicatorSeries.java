package cn.dongcheng.platform.industry.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Derives monthly values, year-on-year changes and ratios from stored year-to-date reports (pure computation). */
public final class IndicatorSeries {

    private IndicatorSeries() {
    }

    /**
     * @param reports every report of one enterprise that the window needs, including the year before {@code from}
     * @return one point per report month in [from, to], oldest first
     */
    public static List<IndicatorPoint> derive(List<OperatingIndicatorDocument> reports, YearMonth from, YearMonth to) {
        Map<YearMonth, OperatingIndicatorDocument> byMonth = reports.stream()
                .collect(Collectors.toMap(r -> YearMonth.parse(r.period()), r -> r, (a, b) -> b));
        List<IndicatorPoint> points = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            OperatingIndicatorDocument r = byMonth.get(m);
            if (r == null) {
                continue;
            }
            OperatingIndicatorDocument previousMonth = m.getMonthValue() == 1 ? null : byMonth.get(m.minusMonths(1));
            OperatingIndicatorDocument lastYear = byMonth.get(m.minusYears(1));
            points.add(new IndicatorPoint(m.toString(), yuan(r.revenueYtd()), yuan(r.operatingCostYtd()), yuan(r.totalProfitYtd()),
                    yuan(r.vatPayableYtd()), yuan(r.rdExpenseYtd()), yuan(r.payrollYtd()), r.employees(),
                    month(r, previousMonth, m, OperatingIndicatorDocument::revenueYtd),
                    month(r, previousMonth, m, OperatingIndicatorDocument::totalProfitYtd),
                    month(r, previousMonth, m, OperatingIndicatorDocument::vatPayableYtd),
                    yoy(r.revenueYtd(), lastYear == null ? null : lastYear.revenueYtd()),
                    yoy(r.vatPayableYtd(), lastYear == null ? null : lastYear.vatPayableYtd()),
                    yoy(r.employees() == null ? null : r.employees().longValue(),
                            lastYear == null || lastYear.employees() == null ? null : lastYear.employees().longValue()),
                    percent(r.totalProfitYtd(), r.revenueYtd()),
                    r.revenueYtd() == null || r.employees() == null || r.employees() == 0 ? null
                            : BigDecimal.valueOf(r.revenueYtd(), 2).divide(BigDecimal.valueOf(r.employees()), 2, RoundingMode.HALF_UP),
                    percent(r.operatingCostYtd(), r.revenueYtd()),
                    r.flags() == null ? List.of() : r.flags()));
        }
        return points;
    }

    /** This month's own value: YTD minus last month's YTD; January stands alone. */
    static BigDecimal month(OperatingIndicatorDocument r, OperatingIndicatorDocument previous, YearMonth m,
                            Function<OperatingIndicatorDocument, Long> field) {
        Long now = field.apply(r);
        if (now == null) {
            return null;
        }
        if (m.getMonthValue() == 1) {
            return yuan(now);
        }
        Long before = previous == null ? null : field.apply(previous);
        return before == null ? null : yuan(now - before);
    }

    /** Change against the same period a year earlier, in percent; null without a base or with a zero base. */
    static BigDecimal yoy(Long now, Long base) {
        if (now == null || base == null || base == 0) {
            return null;
        }
        return BigDecimal.valueOf(now - base).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(Math.abs(base)), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(Long part, Long whole) {
        if (part == null || whole == null || whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal yuan(Long fen) {
        return fen == null ? null : BigDecimal.valueOf(fen, 2);
    }
}

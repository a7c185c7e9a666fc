package cn.dongcheng.platform.industry.indicator;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * A monthly report as stored in {@code industry-operating-indicators} under {@code <uscc>:<yyyy-MM>}: the year-to-date
 * figures in fen, plus the entity's street, industry and key flag copied from the directory when the report arrived
 * (so structure analytics need no join). {@code flags} name anything suspicious that did not justify rejection.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperatingIndicatorDocument(String uscc, String period, LocalDate periodStart, int year, int month,
                                         String streetCode, String industrySection, String industryDivision,
                                         String industryClass, String highEndCategory, Boolean keyEnterprise,
                                         Long revenueYtd, Long operatingCostYtd, Long totalProfitYtd, Long vatPayableYtd,
                                         Long rdExpenseYtd, Long payrollYtd, Integer employees, List<String> flags,
                                         Long revenueKSquared, Long vatKSquared, Long employeesSquared, String updatedAt) {

    /**
     * Squares of the measures, kept so concentration (HHI = Σ share²) is one sum aggregation instead of a scan:
     * money in thousands of yuan (千元, rounded) so one enterprise's square stays within a long up to 3 trillion yuan.
     */
    static Long thousandYuanSquared(Long fen) {
        if (fen == null) {
            return null;
        }
        long k = Math.round(fen / 100_000.0);
        return Math.multiplyExact(k, k);
    }

    public String id() {
        return uscc + ":" + period;
    }

    OperatingIndicatorDocument with(String street, String section, String division, String cls, String highEnd, Boolean key,
                                    List<String> newFlags) {
        return new OperatingIndicatorDocument(uscc, period, periodStart, year, month, street, section, division, cls, highEnd, key,
                revenueYtd, operatingCostYtd, totalProfitYtd, vatPayableYtd, rdExpenseYtd, payrollYtd, employees,
                newFlags.isEmpty() ? null : List.copyOf(newFlags), revenueKSquared, vatKSquared, employeesSquared, updatedAt);
    }
}

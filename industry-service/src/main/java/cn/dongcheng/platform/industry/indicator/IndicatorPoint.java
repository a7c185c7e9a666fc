package cn.dongcheng.platform.industry.indicator;

import java.math.BigDecimal;
import java.util.List;

/**
 * One month of an enterprise's series as the API shows it: the reported year-to-date figures, the month's own values
 * derived from them (this month's YTD minus last month's; January is its own YTD), year-on-year change of the YTD
 * figures in percent, and ratios. A derived value is null when the report it needs is missing.
 */
public record IndicatorPoint(String period, BigDecimal revenueYtd, BigDecimal operatingCostYtd, BigDecimal totalProfitYtd,
                             BigDecimal vatPayableYtd, BigDecimal rdExpenseYtd, BigDecimal payrollYtd, Integer employees,
                             BigDecimal revenueMonth, BigDecimal totalProfitMonth, BigDecimal vatPayableMonth,
                             BigDecimal revenueYtdYoYPercent, BigDecimal vatPayableYtdYoYPercent, BigDecimal employeesYoYPercent,
                             BigDecimal profitMarginPercent, BigDecimal revenuePerEmployee, BigDecimal costPer100Revenue,
                             List<String> flags) {
}

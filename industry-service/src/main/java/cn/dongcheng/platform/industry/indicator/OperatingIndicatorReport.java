package cn.dongcheng.platform.industry.indicator;

import cn.dongcheng.platform.common.ingest.LineKey;

import java.math.BigDecimal;

/**
 * One enterprise's monthly report as the statistics bureau collects it (联网直报): year-to-date totals (1–n月累计)
 * in yuan, and employees at the end of the period. {@code period} is the report month, {@code 2024-03}.
 */
@LineKey({"uscc", "period"})
public record OperatingIndicatorReport(String uscc, String period, BigDecimal revenueYtd, BigDecimal operatingCostYtd,
                                       BigDecimal totalProfitYtd, BigDecimal vatPayableYtd, BigDecimal rdExpenseYtd,
                                       BigDecimal payrollYtd, Integer employeesAtPeriodEnd) {
}

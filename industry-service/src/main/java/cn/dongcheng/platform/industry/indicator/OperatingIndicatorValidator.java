package cn.dongcheng.platform.industry.indicator;

import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.industry.money.Yuan;
import cn.dongcheng.platform.common.time.CalendarInputs;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rules a single report must pass on its own: a valid code, a month that has ended, no negative headcount or
 * negative flows (profit may be negative), amounts in yuan with at most two decimals.
 */
public final class OperatingIndicatorValidator {

    /** The largest amount whose square (in thousands of yuan) the concentration measures can hold in a long. */
    static final BigDecimal MAX_FLOW_YUAN = new BigDecimal("3000000000000");

    private OperatingIndicatorValidator() {
    }

    public static OperatingIndicatorDocument validate(OperatingIndicatorReport in, LocalDate today, String updatedAt) {
        List<FieldProblem> problems = new ArrayList<>();
        String uscc = in.uscc() == null ? null : in.uscc().trim().toUpperCase(Locale.ROOT);
        UnifiedSocialCreditCode.problem(uscc).ifPresent(r -> problems.add(new FieldProblem("uscc", r)));
        YearMonth period = null;
        try {
            period = CalendarInputs.month("period", in.period());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (in.period() == null || in.period().isBlank()) {
            problems.add(new FieldProblem("period", "is required"));
        } else if (period != null && !period.isBefore(YearMonth.from(today))) {
            problems.add(new FieldProblem("period", period + " has not ended yet (today is " + today + ")"));
        }
        Long revenue = flow("revenueYtd", in.revenueYtd(), problems, true);
        Long cost = flow("operatingCostYtd", in.operatingCostYtd(), problems, true);
        Long profit = flow("totalProfitYtd", in.totalProfitYtd(), problems, false);
        Long vat = flow("vatPayableYtd", in.vatPayableYtd(), problems, false);
        Long rd = flow("rdExpenseYtd", in.rdExpenseYtd(), problems, true);
        Long payroll = flow("payrollYtd", in.payrollYtd(), problems, true);
        if (in.employeesAtPeriodEnd() != null && in.employeesAtPeriodEnd() < 0) {
            problems.add(new FieldProblem("employeesAtPeriodEnd", "must not be negative, got " + in.employeesAtPeriodEnd()));
        }
        if (revenue == null && in.employeesAtPeriodEnd() == null) {
            problems.add(new FieldProblem("revenueYtd", "a report needs at least revenue or employees"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new OperatingIndicatorDocument(uscc, period.toString(), period.atDay(1), period.getYear(), period.getMonthValue(),
                null, null, null, null, null, null, revenue, cost, profit, vat, rd, payroll, in.employeesAtPeriodEnd(), null,
                OperatingIndicatorDocument.thousandYuanSquared(revenue), OperatingIndicatorDocument.thousandYuanSquared(vat),
                in.employeesAtPeriodEnd() == null ? null : (long) in.employeesAtPeriodEnd() * in.employeesAtPeriodEnd(), updatedAt);
    }

    /** Yuan → fen; {@code nonNegative} for flows that cannot be below zero (VAT payable can: 留抵). */
    private static Long flow(String field, BigDecimal yuan, List<FieldProblem> problems, boolean nonNegative) {
        return Yuan.toFen(field, yuan, nonNegative, MAX_FLOW_YUAN, problems);
    }
}

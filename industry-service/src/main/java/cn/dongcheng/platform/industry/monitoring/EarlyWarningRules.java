package cn.dongcheng.platform.industry.monitoring;

import cn.dongcheng.platform.industry.classification.DesignatedSize;
import cn.dongcheng.platform.industry.enterprise.EnterpriseDocument;
import cn.dongcheng.platform.industry.enterprise.EnterpriseStatus;
import cn.dongcheng.platform.industry.indicator.OperatingIndicatorDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The versioned early-warning rule set (plain logic, no I/O once loaded): given an enterprise, its report for the
 * period, the same period a year earlier and its last three quarter-end reports, which rules fire and on what evidence.
 */
public final class EarlyWarningRules {

    private final String version;
    private final JsonNode config;

    public EarlyWarningRules(JsonNode config) {
        this.config = config;
        this.version = config.path("version").asText();
    }

    public static EarlyWarningRules bundled() {
        try (InputStream in = EarlyWarningRules.class.getResourceAsStream("/monitoring/early-warning-rules.json")) {
            return new EarlyWarningRules(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return version;
    }

    /** What one evaluation found: the rule and the values that made it fire. */
    public record Finding(AlertRule rule, Map<String, Object> evidence) {
    }

    /**
     * @param now          the report of the evaluated period (may be null: only the registration rules then)
     * @param yearBefore   the report of the same month a year earlier, or null
     * @param quarterEnds  reports of the last three quarter ends, oldest first (nulls where missing)
     */
    public List<Finding> evaluate(EnterpriseDocument enterprise, OperatingIndicatorDocument now,
                                  OperatingIndicatorDocument yearBefore, List<OperatingIndicatorDocument> quarterEnds) {
        List<Finding> findings = new ArrayList<>();
        if (enterprise.status() == EnterpriseStatus.MOVED_OUT || "OUTSIDE".equals(enterprise.streetCode())) {
            findings.add(new Finding(AlertRule.RELOCATION_RISK, evidence("status", enterprise.status(),
                    "streetCode", enterprise.streetCode(), "address", enterprise.address())));
        }
        if (now == null) {
            return findings;
        }
        boolean key = Boolean.TRUE.equals(enterprise.keyEnterprise());
        String section = enterprise.industrySection();
        if (yearBefore != null) {
            fall(findings, AlertRule.REVENUE_FALL, "revenueYtd", money(now.revenueYtd()), money(yearBefore.revenueYtd()),
                    threshold("revenueYoYDropPercent", section, key), now, yearBefore);
            fall(findings, AlertRule.TAX_FALL, "vatPayableYtd", money(now.vatPayableYtd()), money(yearBefore.vatPayableYtd()),
                    threshold("taxYoYDropPercent", section, key), now, yearBefore);
            fall(findings, AlertRule.HEADCOUNT_FALL, "employees", count(now.employees()), count(yearBefore.employees()),
                    threshold("headcountYoYDropPercent", section, key), now, yearBefore);
            sizeThreshold(findings, enterprise, now, yearBefore);
        }
        if (quarterEnds.size() == 3 && quarterEnds.stream().allMatch(q -> q != null && q.employees() != null)) {
            int a = quarterEnds.get(0).employees();
            int b = quarterEnds.get(1).employees();
            int c = quarterEnds.get(2).employees();
            if (b < a && c < b) {
                findings.add(new Finding(AlertRule.HEADCOUNT_FALLING_TWO_QUARTERS, evidence(
                        quarterEnds.get(0).period(), a, quarterEnds.get(1).period(), b, quarterEnds.get(2).period(), c)));
            }
        }
        return findings;
    }

    private void fall(List<Finding> findings, AlertRule rule, String field, BigDecimal now, BigDecimal before, double thresholdPercent,
                      OperatingIndicatorDocument current, OperatingIndicatorDocument previous) {
        if (now == null || before == null || before.signum() <= 0) {
            return;
        }
        BigDecimal change = now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 2, RoundingMode.HALF_UP);
        if (change.doubleValue() <= -thresholdPercent) {
            findings.add(new Finding(rule, evidence(field + "@" + current.period(), now, field + "@" + previous.period(), before,
                    "changePercent", change, "thresholdPercent", thresholdPercent)));
        }
    }

    private void sizeThreshold(List<Finding> findings, EnterpriseDocument e, OperatingIndicatorDocument now, OperatingIndicatorDocument before) {
        BigDecimal revenueNow = money(now.revenueYtd());
        BigDecimal revenueBefore = money(before.revenueYtd());
        if (revenueNow == null || revenueBefore == null) {
            return;
        }
        DesignatedSize.SizeClass classNow = DesignatedSize.classify(revenueNow, now.year(), now.month(), e.industrySection(), e.industryDivision());
        DesignatedSize.SizeClass classBefore = DesignatedSize.classify(revenueBefore, before.year(), before.month(), e.industrySection(), e.industryDivision());
        if (classBefore == DesignatedSize.SizeClass.ABOVE && classNow == DesignatedSize.SizeClass.BELOW) {
            DesignatedSize.Threshold threshold = DesignatedSize.threshold(now.year(), e.industrySection(), e.industryDivision());
            Map<String, Object> evidence = evidence(
                    "annualisedRevenue@" + now.period(), DesignatedSize.annualised(revenueNow, now.month()),
                    "annualisedRevenue@" + before.period(), DesignatedSize.annualised(revenueBefore, before.month()),
                    "threshold" + now.year(), threshold.yuan());
            if (threshold.carriedOver()) {
                evidence.put("thresholdRulesYear", threshold.rulesYear());
                evidence.put("thresholdNote", threshold.note());
            }
            findings.add(new Finding(AlertRule.BELOW_SIZE_THRESHOLD, evidence));
        }
    }

    /** Key-enterprise tier first, then the section's own value, then the default. */
    double threshold(String name, String section, boolean keyEnterprise) {
        if (keyEnterprise && config.path("keyEnterprise").has(name)) {
            return config.path("keyEnterprise").path(name).asDouble();
        }
        JsonNode s = config.path("sections").path(section == null ? "" : section);
        if (s.has(name)) {
            return s.path(name).asDouble();
        }
        return config.path("defaults").path(name).asDouble();
    }

    public static YearMonth[] lastQuarterEnds(YearMonth period) {
        YearMonth q = period;
        while (q.getMonthValue() % 3 != 0) {
            q = q.minusMonths(1);
        }
        return new YearMonth[]{q.minusMonths(6), q.minusMonths(3), q};
    }

    private static BigDecimal money(Long fen) {
        return fen == null ? null : BigDecimal.valueOf(fen, 2);
    }

    private static BigDecimal count(Integer n) {
        return n == null ? null : BigDecimal.valueOf(n);
    }

    private static Map<String, Object> evidence(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(String.valueOf(keyValues[i]), keyValues[i + 1] instanceof Enum<?> en ? en.name() : keyValues[i + 1]);
        }
        return map;
    }
}

package cn.dongcheng.platform.industry.monitoring;

import cn.dongcheng.platform.industry.classification.DesignatedSize;
import cn.dongcheng.platform.industry.enterprise.EnterpriseDocument;
import cn.dongcheng.platform.industry.enterprise.EnterpriseStatus;
import cn.dongcheng.platform.industry.indicator.OperatingIndicatorDocument;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EarlyWarningRulesTest {

    private final EarlyWarningRules rules = EarlyWarningRules.bundled();

    static EnterpriseDocument enterprise(String section, boolean key, EnterpriseStatus status, String street) {
        return new EnterpriseDocument("91110101MA0000000X", "测试", List.of(), null, status, null, null, null, "地址", street, null,
                section, "division", "0000", null, key, null, null, null, null, null, null, null, null);
    }

    static OperatingIndicatorDocument report(String period, long revenueYuan, long vatYuan, Integer employees) {
        YearMonth m = YearMonth.parse(period);
        return new OperatingIndicatorDocument("91110101MA0000000X", period, m.atDay(1), m.getYear(), m.getMonthValue(), null,
                null, null, null, null, null, revenueYuan * 100, null, null, vatYuan * 100, null, null, employees, null, null, null, null, null);
    }

    private List<AlertRule> fired(EnterpriseDocument e, OperatingIndicatorDocument now, OperatingIndicatorDocument before,
                                  OperatingIndicatorDocument... quarters) {
        return rules.evaluate(e, now, before, Arrays.asList(quarters)).stream().map(EarlyWarningRules.Finding::rule).toList();
    }

    @Test
    void cleanDataFiresNothing() {
        EnterpriseDocument e = enterprise("L", false, EnterpriseStatus.ACTIVE, "110101006");
        assertThat(fired(e, report("2024-12", 30_000_000, 1_000_000, 100), report("2023-12", 29_000_000, 1_000_000, 98),
                report("2024-06", 0, 0, 99), report("2024-09", 0, 0, 100), report("2024-12", 0, 0, 100))).isEmpty();
    }

    @Test
    void revenueTaxAndHeadcountFallsFireAtTheirThresholds() {
        EnterpriseDocument e = enterprise("L", false, EnterpriseStatus.ACTIVE, "110101006");
        // −20 % revenue (default threshold 20) fires; −19.99 % does not
        assertThat(fired(e, report("2024-12", 80_000_000, 1_000_000, 100), report("2023-12", 100_000_000, 1_000_000, 100)))
                .containsExactly(AlertRule.REVENUE_FALL);
        assertThat(fired(e, report("2024-12", 80_010_000, 1_000_000, 100), report("2023-12", 100_000_000, 1_000_000, 100))).isEmpty();
        assertThat(fired(e, report("2024-12", 50_000_000, 700_000, 80), report("2023-12", 50_000_000, 1_000_000, 100)))
                .containsExactly(AlertRule.TAX_FALL, AlertRule.HEADCOUNT_FALL);
    }

    @Test
    void keyEnterprisesAndSectionsHaveTheirOwnThresholds() {
        OperatingIndicatorDocument now = report("2024-12", 88_000_000, 1_000_000, 100);
        OperatingIndicatorDocument before = report("2023-12", 100_000_000, 1_000_000, 100);
        assertThat(fired(enterprise("L", false, EnterpriseStatus.ACTIVE, "110101006"), now, before)).isEmpty();     // −12 % < 20
        assertThat(fired(enterprise("L", true, EnterpriseStatus.ACTIVE, "110101006"), now, before)).containsExactly(AlertRule.REVENUE_FALL); // key: 10
        OperatingIndicatorDocument minus22 = report("2024-12", 78_000_000, 1_000_000, 100);
        assertThat(fired(enterprise("J", false, EnterpriseStatus.ACTIVE, "110101008"), minus22, before)).isEmpty();  // finance: 25
    }

    @Test
    void headcountFallingTwoQuartersInARow() {
        EnterpriseDocument e = enterprise("M", false, EnterpriseStatus.ACTIVE, "110101006");
        OperatingIndicatorDocument now = report("2024-12", 1, 1, 90);
        assertThat(fired(e, now, null, report("2024-06", 1, 1, 100), report("2024-09", 1, 1, 95), now))
                .containsExactly(AlertRule.HEADCOUNT_FALLING_TWO_QUARTERS);
        assertThat(fired(e, now, null, report("2024-06", 1, 1, 100), report("2024-09", 1, 1, 88), now)).isEmpty(); // rose again
        assertThat(EarlyWarningRules.lastQuarterEnds(YearMonth.of(2024, 11)))
                .containsExactly(YearMonth.of(2024, 3), YearMonth.of(2024, 6), YearMonth.of(2024, 9));
    }

    @Test
    void droppingBelowTheDesignatedSize() {
        EnterpriseDocument retail = new EnterpriseDocument("91110101MA0000000X", "零售", List.of(), null, EnterpriseStatus.ACTIVE, null,
                null, null, null, "110101006", null, "F", "52", "5211", null, false, null, null, null, null, null, null, null, null);
        // retail threshold 5 M: 6 M last year, 4.8 M annualised this year (2.4 M by June)
        assertThat(fired(retail, report("2024-06", 2_400_000, 0, 10), report("2023-06", 3_000_000, 0, 10)))
                .contains(AlertRule.BELOW_SIZE_THRESHOLD);
        assertThat(fired(retail, report("2024-06", 2_600_000, 0, 10), report("2023-06", 3_000_000, 0, 10)))
                .doesNotContain(AlertRule.BELOW_SIZE_THRESHOLD);
        assertThat(DesignatedSize.threshold(2024, "F", "51").yuan()).isEqualTo(20_000_000L);
        assertThat(DesignatedSize.threshold(2024, "L", "72").yuan()).isEqualTo(10_000_000L);
    }

    @Test
    void aYearPastTheThresholdTableUsesTheLatestOneAndSaysSo() {
        DesignatedSize.Threshold threshold = DesignatedSize.threshold(2031, "F", "52");
        assertThat(threshold.yuan()).isEqualTo(DesignatedSize.threshold(2025, "F", "52").yuan());
        assertThat(threshold.rulesYear()).isEqualTo(2025);
        assertThat(threshold.carriedOver()).isTrue();
        assertThat(threshold.note()).contains("2031").contains("2025");
        assertThat(DesignatedSize.threshold(2024, "F", "52").carriedOver()).isFalse();

        EnterpriseDocument retail = new EnterpriseDocument("91110101MA0000000X", "零售", List.of(), null, EnterpriseStatus.ACTIVE, null,
                null, null, null, "110101006", null, "F", "52", "5211", null, false, null, null, null, null, null, null, null, null);
        List<EarlyWarningRules.Finding> findings = rules.evaluate(retail, report("2031-06", 2_400_000, 0, 10),
                report("2030-06", 3_000_000, 0, 10), List.of());
        assertThat(findings).extracting(EarlyWarningRules.Finding::rule).contains(AlertRule.BELOW_SIZE_THRESHOLD);
        Map<String, Object> evidence = findings.stream().filter(f -> f.rule() == AlertRule.BELOW_SIZE_THRESHOLD).findFirst().orElseThrow().evidence();
        assertThat(evidence).containsEntry("thresholdRulesYear", 2025);
        assertThat(evidence.get("thresholdNote").toString()).contains("2031");
    }

    @Test
    void movingOutIsARelocationRisk() {
        assertThat(fired(enterprise("L", false, EnterpriseStatus.MOVED_OUT, "OUTSIDE"), null, null))
                .containsExactly(AlertRule.RELOCATION_RISK);
    }
}

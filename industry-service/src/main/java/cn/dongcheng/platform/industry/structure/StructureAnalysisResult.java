package cn.dongcheng.platform.industry.structure;

import java.math.BigDecimal;
import java.util.List;

/**
 * The industrial structure of the district in one period, side by side with a comparison period: totals, groups
 * with shares, change and location quotient, concentration of the measure, and the top key enterprises.
 * {@code locationQuotientReference} (when sections are grouped) says what the quotients compare with and whether
 * that reference is approximate.
 */
public record StructureAnalysisResult(String period, String comparedWith, Measure measure, List<Dimension> groupBy,
                                      Totals totals, Totals comparedTotals, Double changePercent,
                                      Concentration concentration, Concentration comparedConcentration,
                                      List<Group> groups, List<TopEnterprise> topKeyEnterprises,
                                      LocationQuotients.Reference locationQuotientReference) {

    /** Reporting entities and the three measures summed (money in yuan). */
    public record Totals(long entities, BigDecimal revenue, BigDecimal tax, long employees) {
    }

    /**
     * @param sharePercent       the group's share of the measure in the period
     * @param changePercent      change of the group's measure against the comparison period
     * @param locationQuotient   for sections: share in the district ÷ share in Beijing (bundled reference)
     * @param hhi                concentration of the measure among the group's own enterprises
     */
    public record Group(String key, String name, Totals totals, Double sharePercent, Double comparedSharePercent,
                        Double changePercent, Double locationQuotient, Double hhi, List<Group> subgroups) {
    }

    public record TopEnterprise(String uscc, String name, String industrySection, String streetCode, BigDecimal value) {
    }
}

package cn.dongcheng.platform.population.statistics;

/**
 * Counts by broad age group and the indicators derived from them (formulas from the district reference:
 * dependency ratios per 100 of working age, ageing index per 100 children, sex ratio per 100 females).
 * Both cut-offs are kept: 15–64/65+ (international) and 15–59/60+ (Beijing bulletins).
 */
public record AgeStructure(long total, long male, long female, long age0to14, long age15to59, long age15to64,
                           long age60plus, long age65plus) {

    public Double sexRatio() {
        return per100(male, female);
    }

    public Double childDependencyRatio() {
        return per100(age0to14, age15to64);
    }

    public Double oldAgeDependencyRatio() {
        return per100(age65plus, age15to64);
    }

    public Double totalDependencyRatio() {
        return per100(age0to14 + age65plus, age15to64);
    }

    /** Old-age dependency with Beijing's cut-offs: 60+ per 100 aged 15–59. */
    public Double oldAgeDependencyRatio60() {
        return per100(age60plus, age15to59);
    }

    /** Child dependency with Beijing's cut-offs: 0–14 per 100 aged 15–59. */
    public Double childDependencyRatio60() {
        return per100(age0to14, age15to59);
    }

    /** Total dependency with Beijing's cut-offs: (0–14 + 60+) per 100 aged 15–59. */
    public Double totalDependencyRatio60() {
        return per100(age0to14 + age60plus, age15to59);
    }

    /** Ageing index (老龄化指数), international convention: 65+ per 100 aged 0–14. */
    public Double ageingIndex() {
        return per100(age65plus, age0to14);
    }

    /** Ageing index with Beijing's cut-off: 60+ per 100 aged 0–14. */
    public Double ageingIndex60() {
        return per100(age60plus, age0to14);
    }

    public Double share60plus() {
        return per100(age60plus, total);
    }

    static Double per100(long numerator, long denominator) {
        return denominator == 0 ? null : Math.round(numerator * 10000.0 / denominator) / 100.0;
    }
}

package cn.dongcheng.platform.population.table;

/**
 * What a table can answer besides its counts. Those the register cannot support yet are named, so that a request for
 * them is told why instead of getting a wrong number; the answer's shape already has room for them.
 */
public enum TableIndicator implements TableOption {
    /** 人数: the counts of every cell and margin (always part of a table). */
    COUNT("count", null),
    /** 构成: each cell's share of the whole table, rounded so the shares add up to 100.0. */
    SHARES("shares", null),
    /** 人口金字塔: shares by age × sex within each group, adding up to 100.0. */
    PYRAMID("pyramid", null),
    /** 抚养比: child, old-age and total, both 15–64/65+ and 15–59/60+. */
    DEPENDENCY_RATIOS("dependencyRatios", null),
    /** 老龄化指数: 65+ (and 60+) per 100 aged 0–14. */
    AGEING_INDEX("ageingIndex", null),
    /** 性别比: males per 100 females. */
    SEX_RATIO("sexRatio", null),
    /** 平均家庭户规模. */
    AVERAGE_HOUSEHOLD_SIZE("averageHouseholdSize", "needs households, which the person register does not hold yet"),
    /** 出生率 per 1,000 of the average population. */
    CRUDE_BIRTH_RATE("crudeBirthRate", "needs the births of the period, which the person register does not record yet"),
    /** 死亡率 per 1,000 of the average population. */
    CRUDE_DEATH_RATE("crudeDeathRate", "needs the deaths of the period, which the person register does not record yet"),
    /** 自然增长率 = birth rate − death rate. */
    NATURAL_INCREASE_RATE("naturalIncreaseRate", "needs births and deaths of the period, which the person register does not record yet"),
    /** 迁入. */
    INFLOW("inflow", "needs moves into the district, which the person register does not record yet"),
    /** 迁出. */
    OUTFLOW("outflow", "needs moves out of the district, which the person register does not record yet");

    private final String parameter;
    private final String unavailable;

    TableIndicator(String parameter, String unavailable) {
        this.parameter = parameter;
        this.unavailable = unavailable;
    }

    @Override
    public String parameter() {
        return parameter;
    }

    @Override
    public String unavailable() {
        return unavailable;
    }

    /** Computed per group from the broad age bands and sex, whatever the table's own dimensions. */
    public boolean needsBands() {
        return this == DEPENDENCY_RATIOS || this == AGEING_INDEX || this == SEX_RATIO;
    }

}

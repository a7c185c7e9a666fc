package cn.dongcheng.platform.population.table;

/** What a table can answer besides its counts; all but the counts and shares are computed per group. */
public enum TableIndicator implements TableOption {
    /** 人数: the counts of every cell and margin (always part of a table). */
    COUNT("count"),
    /** 构成: each cell's share of the whole table, rounded so the shares add up to 100.0. */
    SHARES("shares"),
    /** 人口金字塔: shares by age × sex within each group, adding up to 100.0. */
    PYRAMID("pyramid"),
    /** 抚养比: child, old-age and total, both 15–64/65+ and 15–59/60+. */
    DEPENDENCY_RATIOS("dependencyRatios"),
    /** 老龄化指数: 65+ (and 60+) per 100 aged 0–14. */
    AGEING_INDEX("ageingIndex"),
    /** 性别比: males per 100 females. */
    SEX_RATIO("sexRatio"),
    /** 平均家庭户规模: persons in private households per household ({@link HouseholdSizes}). */
    AVERAGE_HOUSEHOLD_SIZE("averageHouseholdSize"),
    /** 出生率: births per 1,000 of the mid-period population. */
    CRUDE_BIRTH_RATE("crudeBirthRate"),
    /** 死亡率: deaths per 1,000 of the mid-period population. */
    CRUDE_DEATH_RATE("crudeDeathRate"),
    /** 自然增长率: births minus deaths per 1,000 of the mid-period population. */
    NATURAL_INCREASE_RATE("naturalIncreaseRate"),
    /** 迁入: moves into the street (or the district) in the period. */
    INFLOW("inflow"),
    /** 迁出: moves out of the street (or the district) in the period. */
    OUTFLOW("outflow");

    private final String parameter;

    TableIndicator(String parameter) {
        this.parameter = parameter;
    }

    @Override
    public String parameter() {
        return parameter;
    }

    /** Computed per group from the broad age bands and sex, whatever the table's own dimensions. */
    public boolean needsBands() {
        return this == DEPENDENCY_RATIOS || this == AGEING_INDEX || this == SEX_RATIO;
    }

    /** Computed from the births, deaths and moves of the period ({@link PeriodEvents}). */
    public boolean isEvent() {
        return this == CRUDE_BIRTH_RATE || this == CRUDE_DEATH_RATE || this == NATURAL_INCREASE_RATE || this == INFLOW
                || this == OUTFLOW;
    }

    /** Shown per group rather than per cell. */
    public boolean perGroup() {
        return this != COUNT && this != SHARES;
    }
}

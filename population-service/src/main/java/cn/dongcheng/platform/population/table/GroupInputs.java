package cn.dongcheng.platform.population.table;

import java.util.Map;

/**
 * What a table's groups need beyond its cells, when asked for.
 *
 * @param households per group (cell index): {members in private households, households} ({@link HouseholdSizes}), or null
 * @param events     the period's births, deaths and moves by street ({@link VitalEvents}), or null
 */
public record GroupInputs(Map<Integer, long[]> households, PeriodEvents events) {

    public static final GroupInputs NONE = new GroupInputs(null, null);
}

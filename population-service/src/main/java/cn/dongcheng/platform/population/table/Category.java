package cn.dongcheng.platform.population.table;

/** One category of a dimension as answers show it: its code (used in cell keys) and its name. */
public record Category(String code, String label) {
}

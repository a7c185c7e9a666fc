package cn.dongcheng.platform.population.client;

import java.util.List;

/**
 * The part of industry-service's structure analysis (employees grouped by street) that the jobs–housing balance
 * reads: employees at the end of the report month, per street code, from the enterprises' monthly reports.
 */
public record StreetEmployment(String period, Totals totals, List<Group> groups) {

    public record Totals(long entities, long employees) {
    }

    /** {@code key} is the street code (or an out-of-district marker for entities registered elsewhere). */
    public record Group(String key, Totals totals) {
    }
}

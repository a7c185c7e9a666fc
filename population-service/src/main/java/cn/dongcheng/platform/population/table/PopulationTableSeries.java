package cn.dongcheng.platform.population.table;

import java.time.YearMonth;
import java.util.List;

/**
 * One table per month, each counted on the month's last day and protected on its own (see the README for what that
 * does not cover: differences between months).
 */
public record PopulationTableSeries(YearMonth from, YearMonth to, List<Month> months) {

    public record Month(YearMonth month, PopulationTable table) {
    }
}

package cn.dongcheng.platform.population.table;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A published population table: the cells of the requested cross-classification with every margin (keys name the
 * category of each dimension, {@value TableLayout#TOTAL} for a margin), and per group the requested indicators.
 *
 * @param period the period whose births, deaths and moves the rates and flows count; absent when none was asked for
 * @param groups per combination of the dimensions other than age and sex (margins included): ratios, indices and the
 *               pyramid; absent when none of those was asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PopulationTable(LocalDate date, Period period, PopulationBase population, String ageGroups, Filters filters,
                              List<String> indicators, List<Dimension> dimensions, Disclosure disclosureControl,
                              List<Cell> cells, List<Group> groups, Map<String, String> conventions) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filters(List<String> street, List<String> community, String sex) {
    }

    /** Both days included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    public record Dimension(String name, List<Category> categories) {
    }

    /**
     * How the table was protected.
     *
     * @param applied     false only for a statistician's unsuppressed table
     * @param ruleVersion the rule file applied, e.g. {@code disclosure-control-v1}; this and the rest absent when not applied
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Disclosure(boolean applied, String ruleVersion, Integer threshold, Integer primarySuppressed,
                             Integer complementarySuppressed) {
    }

    /** One cell; a suppressed cell has no count and no share, only its status. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(Map<String, String> key, Long count, Double share, CellStatus status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(Map<String, String> key, Long total, CellStatus status, Map<String, Value> indicators,
                        List<Bar> pyramid) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(Double value, CellStatus status) {
        static final Value SUPPRESSED = new Value(null, CellStatus.SUPPRESSED);

        static Value of(Double value) {
            return new Value(value, CellStatus.PUBLISHED);
        }
    }

    /** One bar of a population pyramid: the share of an age group and sex in the group's population. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bar(String age, String sex, Double share, CellStatus status) {
    }
}

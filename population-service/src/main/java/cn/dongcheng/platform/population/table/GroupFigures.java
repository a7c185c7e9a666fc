package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.population.disclosure.LinkedTable;
import cn.dongcheng.platform.population.statistics.VitalRates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-group figures that come from beyond the table's cells: the average household size and the rates and flows
 * of the period's events. A group's events are those of its street, or, in the street margin, of the table's streets
 * together (all 17 unless filtered); its population at the period's end is the group's count.
 */
final class GroupFigures {

    private final TableRequest request;
    private final TableLayout layout;
    private final LinkedTable table;
    private final GroupInputs inputs;

    GroupFigures(TableRequest request, TableLayout layout, LinkedTable table, GroupInputs inputs) {
        this.request = request;
        this.layout = layout;
        this.table = table;
        this.inputs = inputs;
    }

    /** The figures withheld together: all of a kind share their inputs (the rates share the mid-period population). */
    enum Kind { HOUSEHOLDS, EVENTS }

    /** The kinds of figure asked for. */
    List<Kind> kinds() {
        List<Kind> out = new ArrayList<>();
        if (inputs.households() != null) {
            out.add(Kind.HOUSEHOLDS);
        }
        if (inputs.events() != null) {
            out.add(Kind.EVENTS);
        }
        return out;
    }

    /** The counts the figures of a kind are computed from, each of which disclosure control looks at. */
    List<Long> inputs(Kind kind, int cell) {
        if (kind == Kind.HOUSEHOLDS) {
            long[] h = household(cell);
            return List.of(h[0], h[1]);
        }
        VitalRates v = rates(cell);
        return List.of(v.births(), v.deaths(), v.inflow(), v.outflow());
    }

    /** The requested figures of a kind for a group, in a fixed order; a null value where there is no denominator. */
    Map<String, Double> values(Kind kind, int cell) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (kind == Kind.HOUSEHOLDS) {
            long[] h = household(cell);
            out.put(TableIndicator.AVERAGE_HOUSEHOLD_SIZE.parameter(),
                    h[1] == 0 ? null : Math.round(h[0] * 100.0 / h[1]) / 100.0);
        } else {
            VitalRates v = rates(cell);
            put(out, TableIndicator.CRUDE_BIRTH_RATE, v.crudeBirthRate());
            put(out, TableIndicator.CRUDE_DEATH_RATE, v.crudeDeathRate());
            put(out, TableIndicator.NATURAL_INCREASE_RATE, v.naturalIncreaseRate());
            put(out, TableIndicator.INFLOW, (double) v.inflow());
            put(out, TableIndicator.OUTFLOW, (double) v.outflow());
        }
        return out;
    }

    private void put(Map<String, Double> out, TableIndicator indicator, Double value) {
        if (request.indicators().contains(indicator)) {
            out.put(indicator.parameter(), value);
        }
    }

    private long[] household(int cell) {
        return inputs.households().getOrDefault(cell, new long[2]);
    }

    private VitalRates rates(int cell) {
        return inputs.events().rates(table.value(cell), area(cell));
    }

    /** The streets a group covers: its own, or in the street margin (or without a street dimension) the table's. */
    private Collection<DongchengStreet> area(int cell) {
        int street = layout.indexOf(TableDimension.STREET);
        int at = street < 0 ? -1 : table.coordinates(cell)[street];
        if (street >= 0 && at < table.size(street)) {
            return List.of(DongchengStreet.byCode(layout.categories().get(street).get(at).code()).orElseThrow());
        }
        return request.streets().isEmpty() ? Arrays.asList(DongchengStreet.values()) : request.streets();
    }
}

package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.population.disclosure.CellSuppression;
import cn.dongcheng.platform.population.disclosure.DisclosureRules;
import cn.dongcheng.platform.population.disclosure.LinkedTable;
import cn.dongcheng.platform.population.statistics.AgeStructure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the counts of a table into what is published: margins, disclosure control, shares and the indicators of each
 * group. Plain code: everything here is tested with hand-made counts.
 */
public final class TableAssembler {

    static final Map<String, String> CONVENTIONS = Map.ofEntries(Map.entry(
            "dependencyRatios", "childDependencyRatio = 0–14 / 15–64 × 100, oldAgeDependencyRatio = 65+ / 15–64 × 100, "
                    + "totalDependencyRatio = their sum; the ones ending in 60 use Beijing's bulletin cut-offs: "
                    + "0–14 / 15–59, 60+ / 15–59, (0–14 + 60+) / 15–59"),
            Map.entry("ageingIndex", "ageingIndex = 65+ / 0–14 × 100 (international); ageingIndex60 = 60+ / 0–14 × 100 (Beijing)"),
            Map.entry("sexRatio", "males per 100 females"),
            Map.entry("shares", "percent with one decimal, rounded by largest remainder so that they add up to 100.0"),
            Map.entry("age", "completed years on the table's date"),
            Map.entry("community", "the community of residence the register holds; UNKNOWN: persons without one"),
            Map.entry("averageHouseholdSize", "persons counted who live in a private household (家庭户) / the distinct "
                    + "households among them; a household is the persons sharing a householdId (the household register's "
                    + "户号, else the census household); collective hukou (集体户) and persons without a household number are "
                    + "left out; a household counts once in each group where one of its members is counted"),
            Map.entry("crudeBirthRate", "births in the period / mid-period population × 1000 (‰); births are the BIRTH "
                    + "registrations dated in the period, at the street of residence they state"),
            Map.entry("crudeDeathRate", "deaths in the period / mid-period population × 1000 (‰); deaths are the DEATH "
                    + "registrations dated in the period, at the deceased's last street of residence"),
            Map.entry("naturalIncreaseRate", "(births − deaths) / mid-period population × 1000 (‰)"),
            Map.entry("midPeriodPopulation", "(population at the start + population on the table's date) / 2, the start "
                    + "worked back as end − births + deaths − inflow + outflow; rates are for the period, not annualised "
                    + "(the default period is the 12 months ending on the table's date); resident population only"),
            Map.entry("inflow", "moves into the street (the margin: into the table's streets from anywhere else) dated in "
                    + "the period, as the migration-flow matrix counts them; a person moving in twice counts twice"),
            Map.entry("outflow", "moves out of the street (the margin: out of the table's streets), as for inflow"));

    private final DisclosureRules rules;

    /** @param rules the rules to apply, or null for an unsuppressed table */
    public TableAssembler(DisclosureRules rules) {
        this.rules = rules;
    }

    public PopulationTable assemble(TableRequest r, TableCounts counts) {
        return assemble(r, counts, GroupInputs.NONE);
    }

    public PopulationTable assemble(TableRequest r, TableCounts counts, GroupInputs inputs) {
        TableLayout layout = counts.layout();
        LinkedTable table = LinkedTable.of(layout.sizes(), counts.interior());
        CellSuppression.Suppression suppression = rules == null ? null : rules.suppression().protect(table);
        BitSet hidden = suppression == null ? new BitSet() : suppression.hidden();

        List<PopulationTable.Cell> cells = cells(r, layout, table, hidden);
        List<PopulationTable.Group> groups = r.indicators().stream().anyMatch(TableIndicator::perGroup)
                ? groups(r, counts, inputs, table, hidden) : null;

        PopulationTable.Disclosure disclosure = rules == null
                ? new PopulationTable.Disclosure(false, null, null, null, null)
                : new PopulationTable.Disclosure(true, rules.version(), rules.threshold(), suppression.primaryCount(),
                suppression.complementaryCount());
        return new PopulationTable(r.date(), inputs.events() == null ? null
                : new PopulationTable.Period(inputs.events().from(), inputs.events().to()), r.population(), r.ageGroups().scheme(),
                new PopulationTable.Filters(r.streets().isEmpty() ? null : r.streets().stream().map(DongchengStreet::code).toList(),
                        r.communities().isEmpty() ? null : r.communities(), r.sex() == null ? null : r.sex().name()),
                r.indicators().stream().map(TableIndicator::parameter).toList(),
                dimensions(layout), disclosure, cells, groups, CONVENTIONS);
    }

    private static List<PopulationTable.Dimension> dimensions(TableLayout layout) {
        List<PopulationTable.Dimension> out = new ArrayList<>();
        for (int d = 0; d < layout.dimensions().size(); d++) {
            out.add(new PopulationTable.Dimension(layout.dimensions().get(d).parameter(), layout.categories().get(d)));
        }
        return out;
    }

    private static List<PopulationTable.Cell> cells(TableRequest r, TableLayout layout, LinkedTable table, BitSet hidden) {
        double[] shares = null;
        if (r.indicators().contains(TableIndicator.SHARES)) {
            shares = LargestRemainder.percentages(interiorValues(table));
        }
        boolean totalHidden = hidden.get(table.cells() - 1);
        List<PopulationTable.Cell> out = new ArrayList<>(table.cells());
        int interior = 0;
        for (int cell = 0; cell < table.cells(); cell++) {
            boolean isInterior = table.marginLevel(cell) == 0;
            Double share = null;
            if (isInterior && shares != null && !hidden.get(cell) && !totalHidden) {
                share = shares[interior];
            }
            if (isInterior) {
                interior++;
            }
            out.add(hidden.get(cell)
                    ? new PopulationTable.Cell(key(layout, table, cell), null, null, CellStatus.SUPPRESSED)
                    : new PopulationTable.Cell(key(layout, table, cell), table.value(cell), share, CellStatus.PUBLISHED));
        }
        return out;
    }

    private static long[] interiorValues(LinkedTable table) {
        long[] values = new long[table.cells()];
        int n = 0;
        for (int cell = 0; cell < table.cells(); cell++) {
            if (table.marginLevel(cell) == 0) {
                values[n++] = table.value(cell);
            }
        }
        return Arrays.copyOf(values, n);
    }

    private static Map<String, String> key(TableLayout layout, LinkedTable table, int cell) {
        int[] at = table.coordinates(cell);
        Map<String, String> key = new LinkedHashMap<>();
        for (int d = 0; d < at.length; d++) {
            key.put(layout.dimensions().get(d).parameter(),
                    at[d] == table.size(d) ? TableLayout.TOTAL : layout.categories().get(d).get(at[d]).code());
        }
        return key;
    }

    /**
     * One group per cell of the table with age and sex at their margins: for each, the broad age structure summed
     * from the interior cells it covers, and the pyramid from its age × sex cells.
     */
    private List<PopulationTable.Group> groups(TableRequest r, TableCounts counts, GroupInputs inputs, LinkedTable table,
                                               BitSet hidden) {
        TableLayout layout = counts.layout();
        int age = layout.indexOf(TableDimension.AGE);
        int sex = layout.indexOf(TableDimension.SEX);
        Function<int[], int[]> toGroup = at -> {
            int[] g = at.clone();
            if (age >= 0) {
                g[age] = table.size(age);
            }
            if (sex >= 0) {
                g[sex] = table.size(sex);
            }
            return g;
        };
        // which groups hold a hidden cell anywhere in their slice
        BitSet touched = new BitSet();
        hidden.stream().forEach(cell -> touched.set(table.index(toGroup.apply(table.coordinates(cell)))));
        // broad bands per group: every interior cell adds to each group it belongs to
        Map<Integer, long[]> bands = new LinkedHashMap<>();
        if (counts.bands() != null) {
            int interior = 0;
            for (int cell = 0; cell < table.cells(); cell++) {
                if (table.marginLevel(cell) != 0) {
                    continue;
                }
                int[] g = toGroup.apply(table.coordinates(cell));
                for (int group : covering(table, g, age, sex)) {
                    long[] sum = bands.computeIfAbsent(group, k -> new long[TableCounts.PER_CELL]);
                    for (int k = 0; k < TableCounts.PER_CELL; k++) {
                        sum[k] += counts.bands()[interior * TableCounts.PER_CELL + k];
                    }
                }
                interior++;
            }
        }
        // a group's ratios are withheld when its slice hides a cell or an input count is below the threshold, and
        // then in every margin group covering it too, so that a margin minus the other groups cannot give them away
        BitSet withheld = new BitSet();
        if (rules != null && counts.bands() != null) {
            for (Map.Entry<Integer, long[]> e : bands.entrySet()) {
                if (touched.get(e.getKey()) || sensitiveInput(r, structure(e.getValue()))) {
                    covering(table, table.coordinates(e.getKey()), age, sex).forEach(withheld::set);
                }
            }
        }
        GroupFigures figures = new GroupFigures(r, counts.layout(), table, inputs);
        Map<GroupFigures.Kind, BitSet> figuresWithheld = new EnumMap<>(GroupFigures.Kind.class);
        figures.kinds().forEach(k -> figuresWithheld.put(k, new BitSet()));
        List<Integer> groupCells = new ArrayList<>();
        for (int cell = 0; cell < table.cells(); cell++) {
            int[] at = table.coordinates(cell);
            if (age >= 0 && at[age] != table.size(age) || sex >= 0 && at[sex] != table.size(sex)) {
                continue;
            }
            groupCells.add(cell);
            // the household and event figures are withheld where the group's count is hidden or one of their
            // inputs is below the threshold, and then in the margins covering the group, as the ratios are
            for (GroupFigures.Kind kind : figures.kinds()) {
                if (rules != null && (hidden.get(cell) || figures.inputs(kind, cell).stream().anyMatch(rules::sensitive))) {
                    covering(table, at, age, sex).forEach(figuresWithheld.get(kind)::set);
                }
            }
        }
        List<PopulationTable.Group> out = new ArrayList<>();
        for (int cell : groupCells) {
            int[] at = table.coordinates(cell);
            boolean groupHidden = hidden.get(cell);
            Map<String, PopulationTable.Value> values = new LinkedHashMap<>();
            if (counts.bands() != null) {
                values.putAll(indicators(r, structure(bands.getOrDefault(cell, new long[TableCounts.PER_CELL])), withheld.get(cell)));
            }
            for (GroupFigures.Kind kind : figures.kinds()) {
                boolean kindWithheld = figuresWithheld.get(kind).get(cell);
                figures.values(kind, cell).forEach((name, value) -> values.put(name,
                        kindWithheld ? PopulationTable.Value.SUPPRESSED : PopulationTable.Value.of(value)));
            }
            List<PopulationTable.Bar> pyramid = r.indicators().contains(TableIndicator.PYRAMID)
                    ? pyramid(layout, table, hidden, at, age, sex, groupHidden) : null;
            Map<String, String> key = key(layout, table, cell);
            key.keySet().removeIf(k -> k.equals(TableDimension.AGE.parameter()) || k.equals(TableDimension.SEX.parameter()));
            out.add(new PopulationTable.Group(key, groupHidden ? null : table.value(cell),
                    groupHidden ? CellStatus.SUPPRESSED : CellStatus.PUBLISHED, values.isEmpty() ? null : values, pyramid));
        }
        return out;
    }

    /** The groups an interior cell's group coordinates fall in: itself and each margin of the grouping dimensions. */
    static List<Integer> covering(LinkedTable table, int[] g, int age, int sex) {
        List<Integer> dims = new ArrayList<>();
        for (int d = 0; d < g.length; d++) {
            if (d != age && d != sex) {
                dims.add(d);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << dims.size(); mask++) {
            int[] at = g.clone();
            for (int i = 0; i < dims.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    at[dims.get(i)] = table.size(dims.get(i));
                }
            }
            out.add(table.index(at));
        }
        return out;
    }

    /** Counts by sex × band (male 0–14, 15–59, 60–64, 65+, then female) as the broad age structure. */
    static AgeStructure structure(long[] b) {
        long male = b[0] + b[1] + b[2] + b[3];
        long female = b[4] + b[5] + b[6] + b[7];
        long a15to59 = b[1] + b[5];
        long a60to64 = b[2] + b[6];
        long a65plus = b[3] + b[7];
        return new AgeStructure(male + female, male, female, b[0] + b[4], a15to59, a15to59 + a60to64,
                a60to64 + a65plus, a65plus);
    }

    /** Whether a count some requested indicator is computed from lies between 0 and the threshold. */
    private boolean sensitiveInput(TableRequest r, AgeStructure s) {
        List<Long> inputs = new ArrayList<>();
        if (r.indicators().contains(TableIndicator.DEPENDENCY_RATIOS) || r.indicators().contains(TableIndicator.AGEING_INDEX)) {
            inputs.addAll(List.of(s.age0to14(), s.age15to59(), s.age15to64(), s.age60plus(), s.age65plus()));
        }
        if (r.indicators().contains(TableIndicator.SEX_RATIO)) {
            inputs.addAll(List.of(s.male(), s.female()));
        }
        return inputs.stream().anyMatch(rules::sensitive);
    }

    private static Map<String, PopulationTable.Value> indicators(TableRequest r, AgeStructure s, boolean withheld) {
        Map<String, Function<AgeStructure, Double>> wanted = new LinkedHashMap<>();
        if (r.indicators().contains(TableIndicator.DEPENDENCY_RATIOS)) {
            wanted.put("childDependencyRatio", AgeStructure::childDependencyRatio);
            wanted.put("oldAgeDependencyRatio", AgeStructure::oldAgeDependencyRatio);
            wanted.put("totalDependencyRatio", AgeStructure::totalDependencyRatio);
            wanted.put("childDependencyRatio60", AgeStructure::childDependencyRatio60);
            wanted.put("oldAgeDependencyRatio60", AgeStructure::oldAgeDependencyRatio60);
            wanted.put("totalDependencyRatio60", AgeStructure::totalDependencyRatio60);
        }
        if (r.indicators().contains(TableIndicator.AGEING_INDEX)) {
            wanted.put("ageingIndex", AgeStructure::ageingIndex);
            wanted.put("ageingIndex60", AgeStructure::ageingIndex60);
        }
        if (r.indicators().contains(TableIndicator.SEX_RATIO)) {
            wanted.put("sexRatio", AgeStructure::sexRatio);
        }
        Map<String, PopulationTable.Value> out = new LinkedHashMap<>();
        wanted.forEach((name, f) -> out.put(name, withheld ? PopulationTable.Value.SUPPRESSED : PopulationTable.Value.of(f.apply(s))));
        return out;
    }

    private static List<PopulationTable.Bar> pyramid(TableLayout layout, LinkedTable table, BitSet hidden, int[] group,
                                                     int age, int sex, boolean groupHidden) {
        int ages = table.size(age);
        int sexes = table.size(sex);
        long[] counts = new long[ages * sexes];
        int[] cells = new int[ages * sexes];
        for (int a = 0; a < ages; a++) {
            for (int s = 0; s < sexes; s++) {
                int[] at = group.clone();
                at[age] = a;
                at[sex] = s;
                cells[a * sexes + s] = table.index(at);
                counts[a * sexes + s] = table.value(cells[a * sexes + s]);
            }
        }
        double[] shares = LargestRemainder.percentages(counts);
        List<PopulationTable.Bar> bars = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            String ageLabel = layout.categories().get(age).get(i / sexes).code();
            String sexLabel = layout.categories().get(sex).get(i % sexes).code();
            boolean withheld = groupHidden || hidden.get(cells[i]);
            bars.add(withheld ? new PopulationTable.Bar(ageLabel, sexLabel, null, CellStatus.SUPPRESSED)
                    : new PopulationTable.Bar(ageLabel, sexLabel, shares == null ? null : shares[i], CellStatus.PUBLISHED));
        }
        return bars;
    }
}

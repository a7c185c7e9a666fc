package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.problem.Echo;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.time.CalendarInputs;
import cn.dongcheng.platform.population.person.Sex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One statistics request in the manner of a census data API: indicators × dimensions × filters × date.
 *
 * @param indicators   what to compute besides the counts ({@link TableIndicator#COUNT} always included)
 * @param dimensions   up to three, in the order they nest
 * @param ageGroups    how the age dimension is cut (also used by the pyramid)
 * @param date         the day the population is counted on (ages are completed years on it); the period of the
 *                     events (births, deaths, moves) ends on it
 * @param from         the first day of the events' period: by default the 12 months ending on {@code date}
 * @param population   whom to count
 * @param streets      only these streets (all 17 when empty)
 * @param communities  only these communities of residence (all when empty); whether they exist is checked against
 *                     the register, not here
 * @param sex          only this sex, or null
 * @param unsuppressed the statistician's table without disclosure control
 */
public record TableRequest(List<TableIndicator> indicators, List<TableDimension> dimensions, AgeGroups ageGroups,
                           LocalDate date, LocalDate from, PopulationBase population, List<DongchengStreet> streets,
                           List<String> communities, Sex sex, boolean unsuppressed) {

    static final int MAX_DIMENSIONS = 3;
    /** The longest period of events, as for the migration flows. */
    static final int MAX_PERIOD_YEARS = 20;
    static final int MAX_COMMUNITY_LENGTH = 50;

    public TableRequest {
        indicators = List.copyOf(indicators);
        dimensions = List.copyOf(dimensions);
        streets = List.copyOf(streets);
        communities = List.copyOf(communities);
    }

    /** The raw query parameters of a table request, as the controller receives them. */
    public record Parameters(String indicators, String dimensions, String ageGroups, String date, String from,
                             String population, String street, String community, String sex, Boolean unsuppressed) {
    }

    /** Reads and checks the raw parameters; every problem is reported at once, each naming its parameter. */
    public static TableRequest parse(Parameters raw, LocalDate today) {
        String indicators = raw.indicators();
        String dimensions = raw.dimensions();
        String population = raw.population();
        String street = raw.street();
        String sex = raw.sex();
        List<FieldProblem> problems = new ArrayList<>();
        List<TableIndicator> wanted = names("indicators", indicators == null || indicators.isBlank() ? "count" : indicators,
                TableIndicator.values(), problems);
        List<TableDimension> dims = names("dimensions", dimensions == null ? "" : dimensions, TableDimension.values(), problems);
        if (dims.size() > MAX_DIMENSIONS) {
            problems.add(new FieldProblem("dimensions", "takes at most " + MAX_DIMENSIONS + " dimensions, e.g. street,age,sex"));
        }
        if (wanted.contains(TableIndicator.PYRAMID) && !(dims.contains(TableDimension.AGE) && dims.contains(TableDimension.SEX))) {
            problems.add(new FieldProblem("indicators", "pyramid needs the dimensions age and sex"));
        }
        AgeGroups groups = null;
        try {
            groups = AgeGroups.parse(raw.ageGroups());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        LocalDate on = today;
        try {
            LocalDate asked = CalendarInputs.date("date", raw.date());
            if (asked != null && asked.isAfter(today)) {
                problems.add(new FieldProblem("date", "must not be after today (" + today + "), got " + asked));
            } else if (asked != null) {
                on = asked;
            }
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        LocalDate from = on.minusYears(1).plusDays(1);
        try {
            LocalDate asked = CalendarInputs.date("from", raw.from());
            if (asked != null && asked.isAfter(on)) {
                problems.add(new FieldProblem("from", "the period runs from 'from' to 'date' (" + on + "): from must not be after it, got " + asked));
            } else if (asked != null && asked.plusYears(MAX_PERIOD_YEARS).isBefore(on)) {
                problems.add(new FieldProblem("from", "the period is longer than " + MAX_PERIOD_YEARS + " years"));
            } else if (asked != null) {
                from = asked;
            }
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        PopulationBase base = PopulationBase.RESIDENT;
        if (population != null && !population.isBlank()) {
            base = Arrays.stream(PopulationBase.values()).filter(p -> p.name().equals(population.trim())).findFirst().orElse(null);
            if (base == null) {
                problems.add(new FieldProblem("population", "must be one of " + Arrays.toString(PopulationBase.values())
                        + ", got " + Echo.quote(population)));
            }
        }
        List<DongchengStreet> streets = new ArrayList<>();
        if (street != null && !street.isBlank()) {
            for (String code : street.split(",")) {
                DongchengStreet.byCode(code.trim()).ifPresentOrElse(s -> {
                    if (!streets.contains(s)) {
                        streets.add(s);
                    }
                }, () -> problems.add(new FieldProblem("street",
                        "must be street codes 110101001–110101017, got " + Echo.quote(code.trim()))));
            }
        }
        List<String> communities = new ArrayList<>();
        if (raw.community() != null && !raw.community().isBlank()) {
            for (String name : raw.community().split(",")) {
                String trimmed = name.trim();
                if (trimmed.isEmpty() || trimmed.length() > MAX_COMMUNITY_LENGTH) {
                    problems.add(new FieldProblem("community", "must be community names of 1–" + MAX_COMMUNITY_LENGTH
                            + " characters, comma-separated"));
                } else if (!communities.contains(trimmed)) {
                    communities.add(trimmed);
                }
            }
        }
        Sex only = null;
        if (sex != null && !sex.isBlank()) {
            only = Arrays.stream(Sex.values()).filter(s -> s.name().equals(sex.trim())).findFirst().orElse(null);
            if (only == null) {
                problems.add(new FieldProblem("sex", "must be MALE or FEMALE, got " + Echo.quote(sex)));
            }
        }
        if (wanted.stream().anyMatch(TableIndicator::isEvent)) {
            eventProblems(dims, base, only, communities, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<TableIndicator> all = new LinkedHashSet<>();
        all.add(TableIndicator.COUNT);
        all.addAll(wanted);
        return new TableRequest(List.copyOf(all), dims, groups, on, from, base, streets, communities, only,
                Boolean.TRUE.equals(raw.unsuppressed()));
    }

    /**
     * Births, deaths and moves are located by street of residence only, and counted for residents: a table of them
     * may be broken down by street (age and sex are margins of its groups), for the resident population, unfiltered
     * by sex or community.
     */
    private static void eventProblems(List<TableDimension> dims, PopulationBase base, Sex sex, List<String> communities,
                                      List<FieldProblem> problems) {
        String events = "birth, death and natural-increase rates, inflow and outflow";
        List<TableDimension> other = dims.stream()
                .filter(d -> d != TableDimension.STREET && d != TableDimension.AGE && d != TableDimension.SEX).toList();
        if (!other.isEmpty()) {
            problems.add(new FieldProblem("indicators", events + " are by street of residence only, not by "
                    + other.stream().map(TableDimension::parameter).collect(Collectors.joining(", "))));
        }
        if (base != PopulationBase.RESIDENT) {
            problems.add(new FieldProblem("indicators", events + " are for the resident population (population=RESIDENT) only"));
        }
        if (sex != null || !communities.isEmpty()) {
            problems.add(new FieldProblem("indicators", events + " cannot be filtered by sex or community"));
        }
    }

    /** A comma-separated list of known names, each once; unknown and not-yet-served names are problems. */
    private static <T extends TableOption> List<T> names(String field, String raw, T[] known, List<FieldProblem> problems) {
        List<T> out = new ArrayList<>();
        if (raw.isBlank()) {
            return out;
        }
        for (String part : raw.split(",")) {
            String token = part.trim();
            T value = Arrays.stream(known).filter(k -> k.parameter().equals(token)).findFirst().orElse(null);
            if (value == null) {
                problems.add(new FieldProblem(field, Echo.quote(token) + " is not one of "
                        + Arrays.stream(known).map(TableOption::parameter).collect(Collectors.joining(", "))));
            } else if (out.contains(value)) {
                problems.add(new FieldProblem(field, value.parameter() + " is named twice"));
            } else {
                out.add(value);
            }
        }
        return out;
    }

    /** The same request counted on another day (a month of a series), its events those of the 12 months ending then. */
    public TableRequest on(LocalDate day) {
        return new TableRequest(indicators, dimensions, ageGroups, day, day.minusYears(1).plusDays(1), population, streets,
                communities, sex, unsuppressed);
    }

    /** For the audit trail: what was asked, no person in it. */
    public String describe() {
        return "dimensions=" + dimensions.stream().map(TableDimension::parameter).collect(Collectors.joining(","))
                + " indicators=" + indicators.stream().map(TableIndicator::parameter).collect(Collectors.joining(","))
                + " ageGroups=" + ageGroups.scheme() + " date=" + date + " population=" + population
                + (streets.isEmpty() ? "" : " street=" + streets.stream().map(DongchengStreet::code).collect(Collectors.joining(",")))
                + (communities.isEmpty() ? "" : " community=" + String.join(",", communities))
                + (sex == null ? "" : " sex=" + sex)
                + (indicators.stream().anyMatch(TableIndicator::isEvent) ? " from=" + from : "");
    }
}

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
 * @param date         the day the population is counted on (ages are completed years on it)
 * @param population   whom to count
 * @param streets      only these streets (all 17 when empty)
 * @param sex          only this sex, or null
 * @param unsuppressed the statistician's table without disclosure control
 */
public record TableRequest(List<TableIndicator> indicators, List<TableDimension> dimensions, AgeGroups ageGroups,
                           LocalDate date, PopulationBase population, List<DongchengStreet> streets, Sex sex,
                           boolean unsuppressed) {

    static final int MAX_DIMENSIONS = 3;

    public TableRequest {
        indicators = List.copyOf(indicators);
        dimensions = List.copyOf(dimensions);
        streets = List.copyOf(streets);
    }

    /** Reads and checks the raw parameters; every problem is reported at once, each naming its parameter. */
    public static TableRequest parse(String indicators, String dimensions, String ageGroups, String date, String population,
                                     String street, String sex, Boolean unsuppressed, LocalDate today) {
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
            groups = AgeGroups.parse(ageGroups);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        LocalDate on = today;
        try {
            LocalDate asked = CalendarInputs.date("date", date);
            if (asked != null && asked.isAfter(today)) {
                problems.add(new FieldProblem("date", "must not be after today (" + today + "), got " + asked));
            } else if (asked != null) {
                on = asked;
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
        Sex only = null;
        if (sex != null && !sex.isBlank()) {
            only = Arrays.stream(Sex.values()).filter(s -> s.name().equals(sex.trim())).findFirst().orElse(null);
            if (only == null) {
                problems.add(new FieldProblem("sex", "must be MALE or FEMALE, got " + Echo.quote(sex)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<TableIndicator> all = new LinkedHashSet<>();
        all.add(TableIndicator.COUNT);
        all.addAll(wanted);
        return new TableRequest(List.copyOf(all), dims, groups, on, base, streets, only, Boolean.TRUE.equals(unsuppressed));
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
            } else if (value.unavailable() != null) {
                problems.add(new FieldProblem(field, value.parameter() + " " + value.unavailable()));
            } else if (out.contains(value)) {
                problems.add(new FieldProblem(field, value.parameter() + " is named twice"));
            } else {
                out.add(value);
            }
        }
        return out;
    }

    /** The same request counted on another day (a month of a series). */
    public TableRequest on(LocalDate day) {
        return new TableRequest(indicators, dimensions, ageGroups, day, population, streets, sex, unsuppressed);
    }

    /** For the audit trail: what was asked, no person in it. */
    public String describe() {
        return "dimensions=" + dimensions.stream().map(TableDimension::parameter).collect(Collectors.joining(","))
                + " indicators=" + indicators.stream().map(TableIndicator::parameter).collect(Collectors.joining(","))
                + " ageGroups=" + ageGroups.scheme() + " date=" + date + " population=" + population
                + (streets.isEmpty() ? "" : " street=" + streets.stream().map(DongchengStreet::code).collect(Collectors.joining(",")))
                + (sex == null ? "" : " sex=" + sex);
    }
}

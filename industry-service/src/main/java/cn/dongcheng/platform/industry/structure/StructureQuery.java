package cn.dongcheng.platform.industry.structure;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.time.CalendarInputs;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A structure analysis request: the period (a report month: year-to-date figures up to it), the comparison period
 * (default: a year earlier), the measure, one or two grouping dimensions and how many top key enterprises.
 */
public record StructureQuery(YearMonth period, YearMonth comparedWith, Measure measure, List<Dimension> groupBy, int top) {

    public static StructureQuery parse(String period, String compareTo, String measure, String groupBy, Integer top) {
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth p = month("period", period, problems);
        YearMonth c = compareTo == null || compareTo.isBlank() ? (p == null ? null : p.minusYears(1)) : month("compareTo", compareTo, problems);
        Measure m = null;
        try {
            m = Measure.parse(measure == null ? "revenue" : measure);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("measure", "must be revenue, tax or employees"));
        }
        List<Dimension> dims = new ArrayList<>();
        try {
            for (String d : (groupBy == null || groupBy.isBlank() ? "section" : groupBy).split(",")) {
                dims.add(Dimension.parse(d));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("groupBy", "must be one or two of " + Arrays.toString(Dimension.values()).toLowerCase()));
        }
        if (dims.isEmpty()) {
            problems.add(new FieldProblem("groupBy", "names no dimension; give one or two, e.g. section or division,street"));
        } else if (dims.size() > 2) {
            problems.add(new FieldProblem("groupBy", "takes at most two dimensions, e.g. division,street"));
        }
        int t = top == null ? 10 : top;
        if (t < 0 || t > 100) {
            problems.add(new FieldProblem("top", "must be between 0 and 100"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new StructureQuery(p, c, m, List.copyOf(dims), t);
    }

    private static YearMonth month(String field, String raw, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem(field, "is required, a month like 2024-12"));
            return null;
        }
        try {
            return CalendarInputs.month(field, raw);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}

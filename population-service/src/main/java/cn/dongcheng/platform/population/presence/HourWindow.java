package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Hours of the day {@code [fromHour, toHour)} by the hour a count starts: night 2–5 is the hours starting 02:00,
 * 03:00 and 04:00, i.e. 02:00–05:00. A window does not wrap past midnight.
 */
public record HourWindow(int fromHour, int toHour) {

    /** 02:00–05:00: the city centre's lowest and steadiest hours, when people are at home (运营商信令 practice). */
    public static final HourWindow NIGHT = new HourWindow(2, 5);
    /** 10:00–16:00: the daytime plateau after the morning rise and before the evening fall. */
    public static final HourWindow DAY = new HourWindow(10, 16);

    public HourWindow {
        if (fromHour < 0 || toHour > 24 || fromHour >= toHour) {
            throw new IllegalArgumentException("a window runs from an hour 0–23 to a later hour 1–24, got " + fromHour + "–" + toHour);
        }
    }

    /** The window a request names in two parameters, or a 400 naming the parameter that is wrong. */
    public static HourWindow of(String fromField, Integer from, String toField, Integer to, HourWindow fallback) {
        int f = from == null ? fallback.fromHour() : from;
        int t = to == null ? fallback.toHour() : to;
        List<FieldProblem> problems = new ArrayList<>();
        if (f < 0 || f > 23) {
            problems.add(new FieldProblem(fromField, "must be an hour from 0 to 23, got " + f));
        }
        if (t < 1 || t > 24) {
            problems.add(new FieldProblem(toField, "must be an hour from 1 to 24, got " + t));
        }
        if (problems.isEmpty() && t <= f) {
            problems.add(new FieldProblem(toField, "must be after " + fromField + " (" + f + "); a window does not wrap past midnight"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new HourWindow(f, t);
    }

    public boolean contains(LocalDateTime hour) {
        return hour.getHour() >= fromHour && hour.getHour() < toHour;
    }

    @Override
    public String toString() {
        return String.format("%02d:00–%02d:00", fromHour, toHour);
    }
}

package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.problem.Echo;
import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the age dimension is cut: single years (0 … 99, 100+), five-year groups (0-4 … 80-84, 85+), or custom groups
 * such as {@code 0-14,15-59,60+}. Custom groups must start at 0, follow each other without gap or overlap, and end
 * with an open group, so that every person falls in exactly one and the margins add up.
 */
public record AgeGroups(String scheme, List<AgeGroup> groups) {

    public static final String FIELD = "ageGroups";
    static final int OLDEST = 150;
    private static final Pattern GROUP = Pattern.compile("(\\d{1,3})(?:-(\\d{1,3})|(\\+))");

    public AgeGroups {
        groups = List.copyOf(groups);
    }

    public static AgeGroups singleYears() {
        return uniform("single", 1, 100);
    }

    public static AgeGroups fiveYear() {
        return uniform("five-year", 5, 85);
    }

    private static AgeGroups uniform(String scheme, int width, int open) {
        List<AgeGroup> groups = new ArrayList<>();
        for (int from = 0; from < open; from += width) {
            groups.add(new AgeGroup(from, from + width - 1));
        }
        groups.add(new AgeGroup(open, null));
        return new AgeGroups(scheme, groups);
    }

    /** {@code single}, {@code five-year} (the default) or a comma-separated list of groups {@code a-b} and a last {@code a+}. */
    public static AgeGroups parse(String raw) {
        if (raw == null || raw.isBlank() || raw.equals("five-year")) {
            return fiveYear();
        }
        if (raw.equals("single")) {
            return singleYears();
        }
        List<AgeGroup> groups = new ArrayList<>();
        String[] parts = raw.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            Matcher m = GROUP.matcher(parts[i].trim());
            if (!m.matches()) {
                throw invalid(Echo.quote(parts[i].trim()) + " is not an age group: use single, five-year, or groups like 0-14,15-64,65+");
            }
            int from = Integer.parseInt(m.group(1));
            Integer to = m.group(3) != null ? null : Integer.valueOf(m.group(2));
            if (from > OLDEST || to != null && to > OLDEST) {
                throw invalid("ages go up to " + OLDEST + ", got " + Echo.quote(parts[i].trim()));
            }
            if (to != null && to < from) {
                throw invalid(Echo.quote(parts[i].trim()) + " ends before it starts");
            }
            if (to == null && i < parts.length - 1) {
                throw invalid("only the last group may be open-ended, not " + Echo.quote(parts[i].trim()));
            }
            AgeGroup group = new AgeGroup(from, to);
            if (groups.isEmpty() && from != 0) {
                throw invalid("the first group must start at 0, got '" + group.label() + "'");
            }
            if (!groups.isEmpty()) {
                AgeGroup previous = groups.get(groups.size() - 1);
                if (from <= previous.to()) {
                    throw invalid("'" + group.label() + "' overlaps '" + previous.label() + "'");
                }
                if (from > previous.to() + 1) {
                    throw invalid("ages " + (previous.to() + 1) + "-" + (from - 1) + " fall in no group (between '"
                            + previous.label() + "' and '" + group.label() + "')");
                }
            }
            groups.add(group);
        }
        if (groups.get(groups.size() - 1).to() != null) {
            throw invalid("the last group must be open-ended, e.g. 65+");
        }
        return new AgeGroups("custom", groups);
    }

    private static InvalidInputException invalid(String reason) {
        return new InvalidInputException(FIELD, reason);
    }
}

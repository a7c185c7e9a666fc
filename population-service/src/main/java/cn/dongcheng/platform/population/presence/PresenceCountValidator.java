package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.problem.Echo;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules one presence count must pass on its own: an operator the market-share file knows, one of the 17 streets, an
 * hour on the hour that has already ended (Beijing time), a count from zero to {@link #MAX_COUNT}, a delivery id.
 */
public final class PresenceCountValidator {

    /** Ten times the district's residents in one street and hour is no count but a broken line. */
    static final long MAX_COUNT = 10_000_000;
    static final int MAX_BATCH_LENGTH = 100;
    private static final Pattern HOUR = Pattern.compile("[1-9]\\d{3}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private PresenceCountValidator() {
    }

    /**
     * @param now Beijing wall time now: an hour that has not ended yet cannot have been counted
     */
    public static PresenceCountDocument validate(PresenceCountLine in, MarketShares shares, LocalDateTime now, String updatedAt) {
        List<FieldProblem> problems = new ArrayList<>();
        String operator = in.operator() == null ? null : in.operator().trim().toUpperCase(Locale.ROOT);
        if (operator == null || operator.isEmpty()) {
            problems.add(new FieldProblem("operator", "is required"));
        } else if (!shares.knows(operator)) {
            problems.add(new FieldProblem("operator", "must be one of " + shares.operators().stream().sorted().toList()
                    + " (the operators of " + shares.version() + "), got " + Echo.quote(in.operator())));
        }
        String street = in.streetCode() == null ? null : in.streetCode().trim();
        if (street == null || street.isEmpty()) {
            problems.add(new FieldProblem("streetCode", "is required"));
        } else if (DongchengStreet.byCode(street).isEmpty()) {
            problems.add(new FieldProblem("streetCode", "must be one of the 17 street codes 110101001–110101017, got " + Echo.quote(street)));
        }
        LocalDateTime hour = hour(in.hour(), now, problems);
        if (in.count() == null) {
            problems.add(new FieldProblem("count", "is required"));
        } else if (in.count() < 0) {
            problems.add(new FieldProblem("count", "must not be negative, got " + in.count()));
        } else if (in.count() > MAX_COUNT) {
            problems.add(new FieldProblem("count", "must be at most " + MAX_COUNT + " devices in one street and hour, got " + in.count()));
        }
        String batch = in.sourceBatch() == null ? null : in.sourceBatch().trim();
        if (batch == null || batch.isEmpty()) {
            problems.add(new FieldProblem("sourceBatch", "is required: the operator's delivery the count comes from"));
        } else if (batch.length() > MAX_BATCH_LENGTH) {
            problems.add(new FieldProblem("sourceBatch", "must be at most " + MAX_BATCH_LENGTH + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PresenceCountDocument(operator, street, hour.format(STORED), in.count(), batch, null, updatedAt);
    }

    private static LocalDateTime hour(String raw, LocalDateTime now, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem("hour", "is required"));
            return null;
        }
        LocalDateTime hour = null;
        try {
            if (HOUR.matcher(raw.trim()).matches()) {
                hour = LocalDateTime.parse(raw.trim());
            }
        } catch (DateTimeException e) {
            // e.g. 2025-02-30T10:00: same answer as any other malformed hour
        }
        if (hour == null) {
            problems.add(new FieldProblem("hour", "must be a local date-time like 2025-03-03T14:00 (Beijing time, years 1000–9999), got " + Echo.quote(raw)));
            return null;
        }
        if (hour.getMinute() != 0 || hour.getSecond() != 0) {
            problems.add(new FieldProblem("hour", "must be on the hour (minutes and seconds 00), got " + Echo.quote(raw)));
            return null;
        }
        if (hour.plusHours(1).isAfter(now)) {
            problems.add(new FieldProblem("hour", hour.format(STORED) + " has not ended yet (now " + now.format(STORED) + " Beijing time)"));
            return null;
        }
        return hour;
    }
}

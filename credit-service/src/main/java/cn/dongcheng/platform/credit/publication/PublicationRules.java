package cn.dongcheng.platform.credit.publication;

import cn.dongcheng.platform.common.time.WorkingDayCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;

/**
 * Publication periods from a versioned rule file ({@code credit/publication-rules-v1.json}): penalties by regime
 * (SAMR Order 45 for market regulation, NDRC Order 36 otherwise) and severity; every other kind of record is public
 * until its exit. The deadline to publish counts working days on the {@link WorkingDayCalendar}. The version is
 * stored on every record, so a later rule file does not silently change what an old record was told.
 */
public final class PublicationRules {

    /** One regime and severity: the period a repair may end it after, and the period it ends after by itself. */
    record Periods(Period min, Period max, String basis) {
    }

    private final String version;
    private final int publishWithinWorkingDays;
    private final Map<PenaltyRegime, Map<Severity, Periods>> penalties;
    private final WorkingDayCalendar calendar;

    PublicationRules(String version, int publishWithinWorkingDays, Map<PenaltyRegime, Map<Severity, Periods>> penalties,
                     WorkingDayCalendar calendar) {
        this.version = version;
        this.publishWithinWorkingDays = publishWithinWorkingDays;
        this.penalties = penalties;
        this.calendar = calendar;
    }

    /** Reads a rule file; a file that misses a regime or severity does not load (the service does not start). */
    public static PublicationRules load(InputStream in, WorkingDayCalendar calendar) throws IOException {
        JsonNode file = new ObjectMapper().readTree(in);
        String version = file.path("version").asText("");
        if (version.isBlank()) {
            throw new IllegalStateException("publication rules must name their version");
        }
        Map<PenaltyRegime, Map<Severity, Periods>> penalties = new EnumMap<>(PenaltyRegime.class);
        for (PenaltyRegime regime : PenaltyRegime.values()) {
            JsonNode node = file.path("penalties").path(regime.name());
            String source = node.path("source").asText("");
            if (source.isBlank() || !file.path("sources").has(source)) {
                throw new IllegalStateException(version + ": penalties." + regime + " must cite one of the sources");
            }
            Map<Severity, Periods> bySeverity = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                JsonNode period = node.path(severity.name());
                if (!period.has("min") || !period.has("max")) {
                    throw new IllegalStateException(version + ": penalties." + regime + "." + severity + " needs min and max");
                }
                Period min = Period.parse(period.path("min").asText());
                Period max = Period.parse(period.path("max").asText());
                LocalDate probe = LocalDate.of(2000, 1, 1);
                if (probe.plus(max).isBefore(probe.plus(min))) {
                    throw new IllegalStateException(version + ": penalties." + regime + "." + severity + ": max below min");
                }
                bySeverity.put(severity, new Periods(min, max, source + " " + severity));
            }
            penalties.put(regime, bySeverity);
        }
        int within = file.path("publishWithinWorkingDays").asInt(-1);
        if (within < 0) {
            throw new IllegalStateException(version + ": publishWithinWorkingDays is required");
        }
        return new PublicationRules(version, within, penalties, calendar);
    }

    public String version() {
        return version;
    }

    /**
     * The window of a penalty: periods from the decision date; an explicit {@code publicationEnd} (a longer
     * restriction the decision itself imposes) replaces the maximum.
     */
    public PublicationWindow penalty(LocalDate decisionDate, PenaltyRegime regime, Severity severity, LocalDate publicationEnd) {
        Periods period = penalties.get(regime).get(severity);
        LocalDate latest = publicationEnd != null ? publicationEnd : decisionDate.plus(period.max());
        LocalDate earliest = decisionDate.plus(period.min());
        return new PublicationWindow(decisionDate, publishBy(decisionDate), earliest.isAfter(latest) ? latest : earliest,
                latest, version, period.basis() + (publicationEnd != null ? ", end set by the decision" : ""));
    }

    /** Any other record: public from the decision until its exit (or an explicit end); no minimum period. */
    public PublicationWindow untilExit(LocalDate decisionDate, LocalDate exitDate, LocalDate publicationEnd) {
        LocalDate end = publicationEnd != null ? publicationEnd : exitDate;
        return new PublicationWindow(decisionDate, publishBy(decisionDate), decisionDate, end, version,
                publicationEnd != null ? "end set by the decision" : "until exit");
    }

    /**
     * The last day to publish; null when the working-day calendar does not cover the days counted (an old decision
     * loaded late, or one beyond the newest holiday notice): absent, never guessed from weekdays.
     */
    private LocalDate publishBy(LocalDate decisionDate) {
        try {
            return calendar.plusWorkingDays(decisionDate, publishWithinWorkingDays);
        } catch (WorkingDayCalendar.YearNotCoveredException e) {
            return null;
        }
    }
}

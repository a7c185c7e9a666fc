package cn.dongcheng.platform.credit.workflow;

import cn.dongcheng.platform.common.time.WorkingDayCalendar;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Deadlines and text limits of repair and objection from a versioned rule file ({@code credit/workflow-rules-v1.json}):
 * a decision is due on the n-th working day after the application (NDRC Order 36: 10 for a repair), counted on the
 * {@link WorkingDayCalendar}. The version is stored on every application.
 */
public final class WorkflowRules {

    private final String version;
    private final Map<ApplicationKind, Integer> decisionWithin;
    private final Set<CreditRecordCategory> repairable;
    private final int statementMaxChars;
    private final int reasonMaxChars;
    private final WorkingDayCalendar calendar;

    WorkflowRules(String version, Map<ApplicationKind, Integer> decisionWithin, Set<CreditRecordCategory> repairable,
                  int statementMaxChars, int reasonMaxChars, WorkingDayCalendar calendar) {
        this.version = version;
        this.decisionWithin = decisionWithin;
        this.repairable = Set.copyOf(repairable);
        this.statementMaxChars = statementMaxChars;
        this.reasonMaxChars = reasonMaxChars;
        this.calendar = calendar;
    }

    /** Reads a rule file; one that misses a kind, cites no source or has no limits does not load (the service does not start). */
    public static WorkflowRules load(InputStream in, WorkingDayCalendar calendar) throws IOException {
        JsonNode file = new ObjectMapper().readTree(in);
        String version = file.path("version").asText("");
        if (version.isBlank()) {
            throw new IllegalStateException("workflow rules must name their version");
        }
        Map<ApplicationKind, Integer> within = new EnumMap<>(ApplicationKind.class);
        for (ApplicationKind kind : ApplicationKind.values()) {
            JsonNode node = file.path(kind.name().toLowerCase(Locale.ROOT));
            if (!file.path("sources").has(node.path("source").asText(""))) {
                throw new IllegalStateException(version + ": " + kind + " must cite one of the sources");
            }
            int days = node.path("decisionWithinWorkingDays").asInt(0);
            if (days <= 0) {
                throw new IllegalStateException(version + ": " + kind + ".decisionWithinWorkingDays must be positive");
            }
            within.put(kind, days);
        }
        Set<CreditRecordCategory> repairable = EnumSet.noneOf(CreditRecordCategory.class);
        file.path("repair").path("categories").forEach(c -> repairable.add(CreditRecordCategory.valueOf(c.asText())));
        if (repairable.isEmpty()) {
            throw new IllegalStateException(version + ": repair.categories must name the categories a repair applies to");
        }
        int statement = file.path("limits").path("statementMaxChars").asInt(0);
        int reason = file.path("limits").path("reasonMaxChars").asInt(0);
        if (statement <= 0 || reason <= 0) {
            throw new IllegalStateException(version + ": limits.statementMaxChars and limits.reasonMaxChars are required");
        }
        return new WorkflowRules(version, within, repairable, statement, reason, calendar);
    }

    public String version() {
        return version;
    }

    /** Whether records of this category can be repaired at all (dishonesty information, not licences or honours). */
    public boolean repairable(CreditRecordCategory category) {
        return repairable.contains(category);
    }

    public int statementMaxChars() {
        return statementMaxChars;
    }

    public int reasonMaxChars() {
        return reasonMaxChars;
    }

    /**
     * The last day to decide an application filed on {@code appliedOn}; null when the calendar does not cover the days
     * counted (the next year's holiday notice not yet loaded): absent, never guessed from weekdays.
     */
    public LocalDate dueBy(ApplicationKind kind, LocalDate appliedOn) {
        try {
            return calendar.plusWorkingDays(appliedOn, decisionWithin.get(kind));
        } catch (WorkingDayCalendar.YearNotCoveredException e) {
            return null;
        }
    }
}

package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.problem.Echo;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.ForbiddenException;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.population.disclosure.DisclosureRules;
import cn.dongcheng.platform.population.person.PersonRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Population tables (人口统计表) for anyone, protected by disclosure control; a statistician may ask for a table
 * without it, and every such request is in the audit trail.
 */
@Service
public class PopulationTables {

    private final TableAggregation aggregation;
    private final HouseholdSizes households;
    private final VitalEvents events;
    private final AuditTrail audit;
    private final Clock clock;
    private final DisclosureRules rules;
    private final String alias;

    /** @param threshold {@code population.disclosure.threshold}: overrides the rule file's k when set */
    public PopulationTables(TableAggregation aggregation, HouseholdSizes households, VitalEvents events, AuditTrail audit,
                            Clock clock, PersonRegistry registry,
                            @Value("${population.disclosure.threshold:#{null}}") Integer threshold) {
        this.aggregation = aggregation;
        this.households = households;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.rules = DisclosureRules.bundled(threshold);
        this.alias = registry.alias();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public PopulationTable table(TableRequest r, CallerContext caller) {
        requireRole(r, caller);
        PopulationTable table = count(r);
        audited(r, caller, r.describe());
        return table;
    }

    /** A table per month from {@code months.from()} to {@code months.to()}, one aggregation each. */
    public PopulationTableSeries series(TableRequest r, MonthRange months, CallerContext caller) {
        requireRole(r, caller);
        List<PopulationTableSeries.Month> tables = new ArrayList<>();
        for (LocalDate day : months.countingDays(today())) {
            tables.add(new PopulationTableSeries.Month(YearMonth.from(day), count(r.on(day))));
        }
        audited(r, caller, r.describe() + " months=" + months.from() + ".." + months.to());
        return new PopulationTableSeries(months.from(), months.to(), tables);
    }

    private static void requireRole(TableRequest r, CallerContext caller) {
        if (r.unsuppressed() && !caller.roles().contains(CallerRole.STATISTICIAN)) {
            throw new ForbiddenException("only the STATISTICIAN role may request tables without disclosure control (unsuppressed=true)");
        }
    }

    /** Checks the requested communities against the register before anything is counted. */
    private List<String> communities(TableRequest r) {
        if (!r.dimensions().contains(TableDimension.COMMUNITY) && r.communities().isEmpty()) {
            return List.of();
        }
        List<String> known = aggregation.communities(r);
        List<FieldProblem> problems = r.communities().stream().filter(c -> !known.contains(c))
                .map(c -> new FieldProblem("community", "nobody in the register lives in " + Echo.quote(c)
                        + (r.streets().isEmpty() ? "" : " in the streets asked for"))).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return known;
    }

    private PopulationTable count(TableRequest r) {
        TableLayout layout = TableLayout.of(r, communities(r));
        TableCounts counts = aggregation.count(r, layout, r.indicators().stream().anyMatch(TableIndicator::needsBands));
        GroupInputs inputs = new GroupInputs(
                r.indicators().contains(TableIndicator.AVERAGE_HOUSEHOLD_SIZE) ? households.count(r, layout, aggregation.counted(r)) : null,
                r.indicators().stream().anyMatch(TableIndicator::isEvent) ? events.between(r.from(), r.date()) : null);
        return new TableAssembler(r.unsuppressed() ? null : rules).assemble(r, counts, inputs);
    }

    private void audited(TableRequest r, CallerContext caller, String what) {
        if (r.unsuppressed()) {
            // durable before the answer leaves: nobody reads small counts without a trace
            audit.record(caller, "READ_UNSUPPRESSED_TABLE", alias, "ok", what);
        }
    }
}

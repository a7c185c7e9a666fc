package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.problem.ForbiddenException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.population.disclosure.DisclosureRules;
import cn.dongcheng.platform.population.person.PersonRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Population tables (人口统计表) for anyone, protected by disclosure control; a statistician may ask for a table
 * without it, and every such request is in the audit trail.
 */
@Service
public class PopulationTables {

    private final TableAggregation aggregation;
    private final AuditTrail audit;
    private final Clock clock;
    private final DisclosureRules rules;
    private final String alias;

    /** @param threshold {@code population.disclosure.threshold}: overrides the rule file's k when set */
    public PopulationTables(TableAggregation aggregation, AuditTrail audit, Clock clock, PersonRegistry registry,
                            @Value("${population.disclosure.threshold:#{null}}") Integer threshold) {
        this.aggregation = aggregation;
        this.audit = audit;
        this.clock = clock;
        this.rules = DisclosureRules.bundled(threshold);
        this.alias = registry.alias();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public PopulationTable table(TableRequest r, CallerContext caller) {
        if (r.unsuppressed() && !caller.roles().contains(CallerRole.STATISTICIAN)) {
            throw new ForbiddenException("only the STATISTICIAN role may request tables without disclosure control (unsuppressed=true)");
        }
        TableLayout layout = TableLayout.of(r);
        TableCounts counts = aggregation.count(r, layout, r.indicators().stream().anyMatch(TableIndicator::needsBands));
        PopulationTable table = new TableAssembler(r.unsuppressed() ? null : rules).assemble(r, counts);
        if (r.unsuppressed()) {
            // durable before the answer leaves: nobody reads small counts without a trace
            audit.record(caller, "READ_UNSUPPRESSED_TABLE", alias, "ok", r.describe());
        }
        return table;
    }
}

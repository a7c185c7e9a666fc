package cn.dongcheng.platform.industry.monitoring;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.ForbiddenException;
import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.time.CalendarInputs;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.industry.enterprise.EnterpriseDirectory;
import cn.dongcheng.platform.industry.enterprise.EnterpriseDocument;
import cn.dongcheng.platform.industry.indicator.OperatingIndicatorDocument;
import cn.dongcheng.platform.industry.indicator.OperatingIndicators;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.desc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * Runs the early-warning rules over a period's reports (and over entities registered as moved out) and keeps the
 * alerts: raised once, then acknowledged and closed by officials, every step audited.
 */
@Service
public class AlertMonitor {

    public static final IndexDefinition INDEX = IndexDefinition.of("alerts");
    private static final Logger log = LoggerFactory.getLogger(AlertMonitor.class);
    private static final int BATCH = 1000;

    private final ElasticsearchClient client;
    private final DocumentPages pages;
    private final AuditTrail audit;
    private final Clock clock;
    private final EarlyWarningRules rules = EarlyWarningRules.bundled();
    private final String alerts;
    private final String indicators;
    private final String directory;

    public AlertMonitor(ElasticsearchClient client, DocumentPages pages, AuditTrail audit, Clock clock, IndexNames names) {
        this.client = client;
        this.pages = pages;
        this.audit = audit;
        this.clock = clock;
        this.alerts = names.alias(INDEX.resource());
        this.indicators = names.alias(OperatingIndicators.INDEX.resource());
        this.directory = names.alias(EnterpriseDirectory.INDEX.resource());
    }

    public EvaluationReport evaluate(String rawPeriod, CallerContext caller) {
        YearMonth period = CalendarInputs.month("period", rawPeriod);
        if (period == null) {
            throw new InvalidInputException("period", "is required, a month like 2024-12");
        }
        YearMonth[] quarters = EarlyWarningRules.lastQuarterEnds(period);
        Counter counter = new Counter();
        pages.scan(indicators, term("period", period.toString()), null, BATCH, OperatingIndicatorDocument.class, reports -> {
            List<String> codes = reports.stream().map(OperatingIndicatorDocument::uscc).toList();
            Map<String, EnterpriseDocument> entities = pages.getAll(directory, codes, EnterpriseDocument.class);
            List<String> earlier = new ArrayList<>();
            for (String c : codes) {
                earlier.add(c + ":" + period.minusYears(1));
                for (YearMonth q : quarters) {
                    earlier.add(c + ":" + q);
                }
            }
            Map<String, OperatingIndicatorDocument> known = pages.getAll(indicators, earlier, OperatingIndicatorDocument.class);
            List<Alert> raised = new ArrayList<>();
            for (OperatingIndicatorDocument r : reports) {
                EnterpriseDocument e = entities.get(r.uscc());
                if (e == null) {
                    continue;
                }
                List<OperatingIndicatorDocument> quarterEnds = new ArrayList<>();
                for (YearMonth q : quarters) {
                    quarterEnds.add(q.equals(period) ? r : known.get(r.uscc() + ":" + q));
                }
                rules.evaluate(e, r, known.get(r.uscc() + ":" + period.minusYears(1)), quarterEnds)
                        .forEach(f -> raised.add(alert(f, e, period)));
                counter.evaluated++;
            }
            store(raised, counter);
            log.info("early warning {}: {} enterprises checked, {} alerts raised so far", period, counter.evaluated, counter.raised);
        });
        Query movedOut = Query.of(q -> q.bool(b -> b.should(term("status", "MOVED_OUT"), term("streetCode", "OUTSIDE"))));
        pages.scan(directory, movedOut, null, BATCH, EnterpriseDocument.class, entities -> {
            List<Alert> raised = new ArrayList<>();
            entities.forEach(e -> rules.evaluate(e, null, null, List.of()).forEach(f -> raised.add(alert(f, e, period))));
            store(raised, counter);
        });
        call(() -> client.indices().refresh(r -> r.index(alerts)));
        EvaluationReport report = new EvaluationReport(period.toString(), rules.version(), counter.evaluated, counter.raised,
                counter.existing, counter.byRule);
        audit.record(caller, "EVALUATE_ALERT_RULES", alerts + "?period=" + period, "ok",
                "rules " + rules.version() + ": " + counter.raised + " raised, " + counter.existing + " already raised");
        return report;
    }

    private Alert alert(EarlyWarningRules.Finding f, EnterpriseDocument e, YearMonth period) {
        String id = f.rule() == AlertRule.RELOCATION_RISK ? f.rule() + ":" + e.uscc() : f.rule() + ":" + e.uscc() + ":" + period;
        return new Alert(id, f.rule(), e.uscc(), e.name(), f.rule() == AlertRule.RELOCATION_RISK ? null : period.toString(),
                e.streetCode(), e.industrySection(), e.keyEnterprise(), e.responsibleOfficial(), rules.version(), f.evidence(),
                AlertState.NEW, OffsetDateTime.now(clock).toString(), List.of());
    }

    /** Bulk "create": an alert that already exists (whatever its state) is left alone and counted. */
    private void store(List<Alert> raised, Counter counter) {
        if (raised.isEmpty()) {
            return;
        }
        List<BulkResponseItem> items = call(() -> client.bulk(b -> {
            raised.forEach(a -> b.operations(op -> op.create(c -> c.index(alerts).id(a.id()).document(a))));
            return b;
        })).items();
        for (int i = 0; i < raised.size(); i++) {
            int status = items.get(i).status();
            if (status == 201) {
                counter.raised++;
                counter.byRule.merge(raised.get(i).rule(), 1L, Long::sum);
            } else if (status == 409) {
                counter.existing++;
            } else {
                throw new IllegalStateException("storing alert " + raised.get(i).id() + " failed: " + items.get(i).error());
            }
        }
    }

    /** Alerts matching the filters; the responsible official's name is masked unless the caller's cell is allow. */
    public Page<Alert> list(Map<String, String> filters, PageRequest request, CallerContext caller) {
        if (!caller.mayReadUnmasked() && filters.get("responsibleOfficial") != null) {
            // filtering by a name one may only see masked would confirm a guessed name
            throw new ForbiddenException("responsibleOfficial may be filtered on only by roles that see it in full");
        }
        List<Query> filter = new ArrayList<>();
        for (String field : List.of("state", "rule", "period", "streetCode", "industrySection", "uscc", "responsibleOfficial")) {
            String value = filters.get(field);
            if (value != null && !value.isBlank()) {
                filter.add(term(field, field.equals("state") || field.equals("rule") ? value.toUpperCase() : value));
            }
        }
        Page<Alert> page = pages.page(alerts, allOf(filter), List.of(desc("raisedAt"), asc("id")), request, Alert.class);
        return caller.mayReadUnmasked() ? page : page.map(Alert::withResponsibleOfficialMasked);
    }

    public Alert acknowledge(String id, String note, CallerContext caller) {
        return transition(id, AlertState.ACKNOWLEDGED, List.of(AlertState.NEW), note, caller);
    }

    public Alert close(String id, String note, CallerContext caller) {
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "closing an alert needs a note saying how it was dealt with");
        }
        return transition(id, AlertState.CLOSED, List.of(AlertState.NEW, AlertState.ACKNOWLEDGED), note, caller);
    }

    /** Optimistic concurrency: the update names the version it read; a concurrent change makes it a 409. */
    private Alert transition(String id, AlertState next, List<AlertState> from, String note, CallerContext caller) {
        GetResponse<Alert> doc = stored(id);
        Alert current = doc.source();
        if (!from.contains(current.state())) {
            throw new ConflictException("alert " + id + " is " + current.state() + "; it can become " + next + " only from " + from);
        }
        Alert updated = current.moveTo(next, new Alert.Event(OffsetDateTime.now(clock).toString(), caller.actor(), next, note));
        try {
            call(() -> client.index(i -> i.index(alerts).id(id).document(updated)
                    .ifSeqNo(doc.seqNo()).ifPrimaryTerm(doc.primaryTerm()).refresh(Refresh.WaitFor)));
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                throw new ConflictException("alert " + id + " was changed by someone else meanwhile; read it again");
            }
            throw e;
        }
        audit.record(caller, "ALERT_" + next, alerts + "/" + id, "ok", note);
        return updated;
    }

    /** The alert with its version (seq_no, primary term) for the conditional write; 404 when there is none. */
    private GetResponse<Alert> stored(String id) {
        GetResponse<Alert> doc;
        try {
            doc = call(() -> client.get(g -> g.index(alerts).id(id), Alert.class));
        } catch (ElasticsearchException e) {
            if (e.status() != 404) { // no index yet
                throw e;
            }
            doc = null;
        }
        if (doc == null || !doc.found() || doc.source() == null) {
            throw new NotFoundException("no alert " + id);
        }
        return doc;
    }

    private static final class Counter {
        long evaluated;
        long raised;
        long existing;
        final Map<AlertRule, Long> byRule = new EnumMap<>(AlertRule.class);
    }
}

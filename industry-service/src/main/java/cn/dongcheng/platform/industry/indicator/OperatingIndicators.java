package cn.dongcheng.platform.industry.indicator;

import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.ingest.AuditedIngestion;
import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.industry.enterprise.EnterpriseDirectory;
import cn.dongcheng.platform.industry.enterprise.EnterpriseDocument;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import cn.dongcheng.platform.common.time.CalendarInputs;
import java.util.List;
import java.util.Optional;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/** Monthly operating indicators of enterprises (企业经营指标, 联网直报): ingestion and per-enterprise series. */
@Service
public class OperatingIndicators {

    public static final IndexDefinition INDEX = IndexDefinition.of("operating-indicators");

    private final DocumentPages pages;
    private final AuditedIngestion ingestion;
    private final String directoryAlias;
    private final Clock clock;
    private final String alias;
    private final IndicatorEnrichment enrichment;

    public OperatingIndicators(DocumentPages pages, AuditedIngestion ingestion, Clock clock,
                               IndexNames names) {
        this.pages = pages;
        this.ingestion = ingestion;
        this.directoryAlias = names.alias(EnterpriseDirectory.INDEX.resource());
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
        this.enrichment = new IndicatorEnrichment(pages, directoryAlias, alias);
    }

    public String alias() {
        return alias;
    }

    public BulkIngestionReport ingest(InputStream ndjson, boolean refresh, CallerContext caller) {
        LocalDate today = LocalDate.now(clock);
        String now = OffsetDateTime.now(clock).toString();
        return ingestion.ingest(ndjson, alias, OperatingIndicatorReport.class, in -> {
            OperatingIndicatorDocument valid = OperatingIndicatorValidator.validate(in, today, now);
            return new IndexedDocument(valid.id(), valid);
        }, enrichment, refresh, caller);
    }

    /** The enterprise's months in [from, to] with monthly values, year-on-year changes and ratios. */
    public List<IndicatorPoint> series(String rawCode, String fromRaw, String toRaw, CallerContext caller) {
        String uscc = InvalidInputException.parsing("uscc", () -> UnifiedSocialCreditCode.parse(rawCode)).value();
        caller.requireAllowedFor(uscc); // an enterprise reads its own reports only
        if (pages.get(directoryAlias, uscc, EnterpriseDocument.class).isEmpty()) {
            throw new NotFoundException("no market entity with code " + uscc);
        }
        YearMonth to = Optional.ofNullable(CalendarInputs.month("to", toRaw)).orElse(YearMonth.now(clock).minusMonths(1));
        YearMonth from = Optional.ofNullable(CalendarInputs.month("from", fromRaw)).orElse(to.minusMonths(11));
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "is after to");
        }
        if (from.plusYears(10).isBefore(to)) {
            throw new InvalidInputException("from", "a series covers at most ten years");
        }
        Query months = Query.of(q -> q.range(r -> r.date(d -> d.field("periodStart")
                .gte(from.minusYears(1).atDay(1).toString()).lte(to.atDay(1).toString()))));
        List<OperatingIndicatorDocument> reports = pages.page(alias, allOf(List.of(term("uscc", uscc), months)),
                List.of(asc("periodStart")), PageRequest.of(PageRequest.MAX_SIZE, null), OperatingIndicatorDocument.class).items();
        return IndicatorSeries.derive(reports, from, to);
    }
}

package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.ingest.AuditedIngestion;
import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.ingest.VersionHistory;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.security.CallerContext;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * Hourly device counts per operator and street (运营商信令 presence aggregates): ingestion, idempotent by operator,
 * street and hour, and the hours of a period read back as one aggregation.
 */
@Service
public class PresenceCounts {

    public static final IndexDefinition INDEX = IndexDefinition.of("presence-counts");
    public static final IndexDefinition HISTORY = IndexDefinition.of("presence-count-history");
    /** Keeps street × hour × operator buckets of one request under Elasticsearch's 65,536 (17 × 744 × 4 ≈ 50,600). */
    public static final int MAX_DAYS = 31;
    private static final String HOUR_FORMAT = "yyyy-MM-dd'T'HH:mm";

    private final ElasticsearchClient client;
    private final AuditedIngestion ingestion;
    private final VersionHistory<PresenceCountDocument> history;
    private final MarketShares shares;
    private final Clock clock;
    private final String alias;

    public PresenceCounts(ElasticsearchClient client, DocumentPages pages, AuditedIngestion ingestion, ObjectMapper json,
                          MarketShares shares, Clock clock, IndexNames names) {
        this.client = client;
        this.ingestion = ingestion;
        this.shares = shares;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
        this.history = new VersionHistory<>(pages, json, PresenceCountDocument.class, alias, names.alias(HISTORY.resource()));
    }

    public String alias() {
        return alias;
    }

    /** One count per line; a line that says what is stored is {@code unchanged}, a corrected one keeps the old as history. */
    public BulkIngestionReport ingest(InputStream ndjson, boolean refresh, CallerContext caller) {
        LocalDateTime now = LocalDateTime.now(clock);
        String updatedAt = OffsetDateTime.now(clock).toString();
        return ingestion.ingest(ndjson, alias, PresenceCountLine.class, in -> {
            PresenceCountDocument valid = PresenceCountValidator.validate(in, shares, now, updatedAt);
            return new IndexedDocument(valid.id(), valid);
        }, history, refresh, caller);
    }

    /**
     * Every street's hours with counts from {@code from} 00:00 to the end of {@code to} (at most {@link #MAX_DAYS}
     * days; the caller checks), per street code; {@code streetCode} null for all streets. One search: street →
     * hour → operator → summed count (one document per operator, street and hour, so the sum is that count).
     */
    public Map<String, List<HourlyPresence>> hours(String streetCode, LocalDate from, LocalDate to) {
        List<Query> filter = new ArrayList<>();
        filter.add(Query.of(q -> q.range(r -> r.date(d -> d.field("hour")
                .gte(from.atStartOfDay().toString()).lt(to.plusDays(1).atStartOfDay().toString())))));
        if (streetCode != null) {
            filter.add(term("streetCode", streetCode));
        }
        Aggregation byOperator = Aggregation.of(a -> a.terms(t -> t.field("operator").size(shares.operators().size()))
                .aggregations("devices", s -> s.sum(m -> m.field("count"))));
        Aggregation byHour = Aggregation.of(a -> a.dateHistogram(h -> h.field("hour").fixedInterval(i -> i.time("1h"))
                        .minDocCount(1).format(HOUR_FORMAT))
                .aggregations("operator", byOperator));
        Aggregation byStreet = Aggregation.of(a -> a.terms(t -> t.field("streetCode").size(20)).aggregations("hour", byHour));
        SearchResponse<Void> result = call(() -> client.search(s -> s.index(alias).size(0).query(allOf(filter))
                .aggregations("street", byStreet), Void.class));
        Map<String, List<HourlyPresence>> out = new LinkedHashMap<>();
        for (StringTermsBucket street : result.aggregations().get("street").sterms().buckets().array()) {
            List<HourlyPresence> hours = new ArrayList<>();
            for (DateHistogramBucket hour : street.aggregations().get("hour").dateHistogram().buckets().array()) {
                Map<String, Long> devices = new HashMap<>();
                for (StringTermsBucket operator : hour.aggregations().get("operator").sterms().buckets().array()) {
                    devices.put(operator.key().stringValue(), Math.round(operator.aggregations().get("devices").sum().value()));
                }
                hours.add(new HourlyPresence(LocalDateTime.parse(hour.keyAsString()), devices));
            }
            out.put(street.key().stringValue(), hours);
        }
        return out;
    }
}

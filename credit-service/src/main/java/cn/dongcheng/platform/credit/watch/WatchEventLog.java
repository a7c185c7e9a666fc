package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.paging.DocumentPages;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * The event feed in {@code credit-watch-events}: written create-only, read in (recordedAt, eventId) order.
 *
 * <p><b>Why a settle margin.</b> A reader who has passed position p must never later find an event sorted before p.
 * Two writers take their times t1 &lt; t2 and the second may become searchable first; a reader then passes t2 and
 * would skip t1. A counter document handing out sequence numbers does not help — the holder of number n can still
 * become visible after n+1 — unless every writer holds a lock until its event is visible. Instead each write is made
 * searchable before it answers ({@code refresh=true}: one refresh per upload or decision, not per event) and the
 * feed hands out only events recorded at least
 * {@code settle-margin} (default 5 s) ago: by then every write stamped earlier has become visible, as long as no write
 * takes longer than the margin from its time stamp to its answer. A write that did is logged; its event is kept and
 * readers still at an earlier position get it. A re-derived event (after a crash, see {@link WatchEventRecorder})
 * gets a fresh time, so it lands ahead of every reader instead of behind them. The cost is that events reach
 * readers a few seconds late, which a watch feed can afford. The platform clock must not step backwards by more than
 * the margin (NTP slews).
 */
final class WatchEventLog {

    static final IndexDefinition INDEX = IndexDefinition.of("watch-events");
    private static final Logger log = LoggerFactory.getLogger(WatchEventLog.class);

    private final ElasticsearchClient client;
    private final DocumentPages pages;
    private final String alias;
    private final Clock clock;
    private final Duration settleMargin;

    WatchEventLog(ElasticsearchClient client, DocumentPages pages, String alias, Clock clock, Duration settleMargin) {
        this.client = client;
        this.pages = pages;
        this.alias = alias;
        this.clock = clock;
        this.settleMargin = settleMargin;
    }

    String alias() {
        return alias;
    }

    /**
     * Stores the events that are not stored yet (create-only: an id already there keeps its first version and time)
     * and returns how many were new. Answers once they are searchable.
     */
    int append(List<WatchEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        OffsetDateTime stamped = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<WatchEvent> recorded = events.stream().map(e -> e.recordedAt(stamped.toString())).toList();
        List<BulkResponseItem> items = call(() -> client.bulk(b -> {
            recorded.forEach(e -> b.operations(op -> op.create(c -> c.index(alias).id(e.eventId()).document(e))));
            return b.refresh(Refresh.True);
        })).items();
        Duration took = Duration.between(stamped.toInstant(), clock.instant());
        if (took.compareTo(settleMargin) > 0) {
            log.warn("watch events stamped {} became searchable only after {}: longer than the settle margin {}, a reader "
                    + "past them may have skipped them", stamped, took, settleMargin);
        }
        int created = 0;
        for (int i = 0; i < items.size(); i++) {
            int status = items.get(i).status();
            if (status == 201) {
                created++;
            } else if (status != 409) { // 409: derived before, the first one stays
                throw new IllegalStateException("storing watch event " + recorded.get(i).eventId() + " failed: " + items.get(i).error());
            }
        }
        return created;
    }

    /** The first point in time not yet handed out: now minus the settle margin. */
    Instant settledBefore() {
        return clock.instant().minus(settleMargin).truncatedTo(ChronoUnit.MILLIS);
    }

    Optional<WatchEvent> find(String eventId) {
        return pages.get(alias, eventId, WatchEvent.class);
    }

    /**
     * Up to {@code size} settled events about {@code subjectKeys} after {@code cursor} (null: from the start), oldest
     * first; {@code publicOnly}: only events whose content was public.
     */
    List<Positioned> after(Collection<String> subjectKeys, boolean publicOnly, WatchCursor cursor, Instant settledBefore, int size) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.terms(t -> t.field("subjectKey")
                .terms(v -> v.value(subjectKeys.stream().map(FieldValue::of).toList())))));
        filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("recordedAt").lte(settledBefore.toString())))));
        if (publicOnly) {
            filters.add(term("publicInfo", true));
        }
        SearchResponse<WatchEvent> found = call(() -> client.search(s -> {
            s.index(alias).size(size).query(allOf(filters)).sort(asc("recordedAt"), asc("eventId")).trackTotalHits(t -> t.enabled(false));
            return cursor == null ? s : s.searchAfter(FieldValue.of(cursor.recordedAtMillis()), FieldValue.of(cursor.eventId()));
        }, WatchEvent.class));
        List<Positioned> events = new ArrayList<>();
        for (Hit<WatchEvent> hit : found.hits().hits()) {
            events.add(new Positioned(hit.source(), new WatchCursor(hit.sort().get(0).longValue(), hit.sort().get(1).stringValue())));
        }
        return events;
    }

    /** An event with the cursor that points just past it. */
    record Positioned(WatchEvent event, WatchCursor position) {
    }
}

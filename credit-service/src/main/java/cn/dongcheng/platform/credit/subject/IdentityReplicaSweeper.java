package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import cn.dongcheng.platform.credit.BackgroundWork;
import cn.dongcheng.platform.credit.client.EnterpriseBatch;
import cn.dongcheng.platform.credit.client.IndustryClient;
import cn.dongcheng.platform.credit.record.CreditRecordsChanged;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;

/**
 * Keeps {@link IdentityReplica} current for every legal person that has credit records: every
 * {@code credit.directory.replica-sweep-every} (default 1 h; the first run {@code replica-sweep-first-after}, default
 * 30 s, after start-up) it walks the
 * records' codes 1,000 at a time, and asks industry-service's batch look-up for those whose kept entry is missing or
 * older than {@code replica-refresh-after} (default 12 h, half the replica's fresh period, so users seldom meet an
 * entry past it). Records written (an upload, a decision) bring a sweep forward to {@code replica-sweep-after-write} (default
 * 30 s) after the write, one for any number of writes in that time, so new subjects do not wait for the hour. The walk
 * reads codes, not records, with a composite aggregation; every replica of the service runs it, harmlessly (the last
 * fetch wins). While industry-service is down a sweep stops and the next one resumes.
 */
final class IdentityReplicaSweeper extends BackgroundWork {

    /** industry-service's batch look-up limit */
    static final int BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(IdentityReplicaSweeper.class);

    private final ElasticsearchClient client;
    private final String recordsAlias;
    private final SubjectIdentityReplica replica;
    private final IndustryClient industry;
    private final Clock clock;
    private final Duration refreshAfter;
    private final Duration every;
    private final Duration firstAfter;
    private final Duration afterWrite;
    /** whether a sweep brought forward by written records is already waiting */
    private final AtomicBoolean soon = new AtomicBoolean();

    IdentityReplicaSweeper(ElasticsearchClient client, String recordsAlias, SubjectIdentityReplica replica, IndustryClient industry,
                           Clock clock, Duration refreshAfter, Duration every, Duration firstAfter, Duration afterWrite) {
        super("directory-replica-sweeper");
        this.client = client;
        this.recordsAlias = recordsAlias;
        this.replica = replica;
        this.industry = industry;
        this.clock = clock;
        this.refreshAfter = refreshAfter;
        this.every = every;
        this.firstAfter = firstAfter;
        this.afterWrite = afterWrite;
    }

    /** One pass over entries fetched before {@code due} (and the missing ones); returns how many were fetched and kept. */
    synchronized int sweep(Instant due) {
        int kept = 0;
        Map<String, FieldValue> after = null;
        do {
            Map<String, FieldValue> from = after;
            CompositeAggregate page = call(() -> client.search(s -> s.index(recordsAlias).size(0)
                    .query(q -> q.exists(e -> e.field("uscc")))
                    .aggregations("codes", a -> a.composite(c -> {
                        c.size(BATCH).sources(List.of(Map.of("uscc", CompositeAggregationSource.of(src -> src.terms(t -> t.field("uscc"))))));
                        return from == null ? c : c.after(from);
                    })), Void.class)).aggregations().get("codes").composite();
            List<String> codes = page.buckets().array().stream().map(CompositeBucket::key).map(k -> k.get("uscc").stringValue()).toList();
            Map<String, IdentityReplica.Kept> known = replica.readAll(codes);
            List<String> dueCodes = codes.stream().filter(c -> !known.containsKey(c) || known.get(c).fetchedAt().isBefore(due)).toList();
            if (!dueCodes.isEmpty()) {
                Instant at = clock.instant();
                EnterpriseBatch answer = industry.enterprises(new EnterpriseBatch.Request(dueCodes));
                replica.keep(answer.found(), at);
                kept += answer.found().size();
            }
            after = codes.isEmpty() ? null : page.afterKey();
        } while (after != null && !after.isEmpty());
        return kept;
    }

    private void run() {
        try {
            int kept = sweep(clock.instant().minus(refreshAfter));
            if (kept > 0) {
                log.info("kept {} directory entries of credit subjects", kept);
            }
        } catch (DependencyUnavailableException e) {
            log.info("directory replica sweep stopped: {}; the next one resumes", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("directory replica sweep failed; the next one resumes", e);
        }
    }

    /** Runs in the writer's thread: only schedules, so the write is not held up nor failed by it. */
    @EventListener
    public void onRecordsChanged(CreditRecordsChanged changed) {
        if (isRunning() && soon.compareAndSet(false, true)) {
            timer().schedule(() -> {
                soon.set(false);
                run();
            }, afterWrite.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    protected void started() {
        // not at once: start-up is busy enough, and industry-service may be starting too
        timer().scheduleWithFixedDelay(this::run, firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
}

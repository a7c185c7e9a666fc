package cn.dongcheng.platform.supervision.draw;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchStatusException;
import cn.dongcheng.platform.common.elasticsearch.GuardedDocuments;
import cn.dongcheng.platform.common.elasticsearch.Versioned;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.web.RequestIds;
import cn.dongcheng.platform.supervision.pool.EntityProfile;
import cn.dongcheng.platform.supervision.pool.FrozenPoolRecord;
import cn.dongcheng.platform.supervision.pool.TaskPools;
import cn.dongcheng.platform.supervision.task.AnnouncedSource;
import cn.dongcheng.platform.supervision.task.DrawnTarget;
import cn.dongcheng.platform.supervision.task.DrawnTargets;
import cn.dongcheng.platform.supervision.task.SpotCheckTask;
import cn.dongcheng.platform.supervision.task.SpotCheckTasks;
import cn.dongcheng.platform.supervision.task.TaskItem;
import cn.dongcheng.platform.supervision.timing.SpotCheckSteps;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * The random sources and the draw of a task, each exactly once. Sources are entered after their announced time and
 * only onto a frozen pool; the draw runs only once both are there. Every draw attempt is logged; the draw document is
 * created only where none is ({@code op_type=create}), so of concurrent attempts exactly one draws and a later one is
 * refused — a draw is never re-rolled. The draw is a pure function of the published pool, sources and algorithm
 * version, so anyone can recompute it ({@link #verify}, {@code verify/verify_draw.py}).
 */
@Service
public class TaskDraws {

    public static final IndexDefinition SOURCES = IndexDefinition.of("spot-check-random-sources");
    public static final IndexDefinition DRAWS = IndexDefinition.of("spot-check-draws");
    public static final IndexDefinition ATTEMPTS = IndexDefinition.of("spot-check-draw-attempts");
    private static final Logger log = LoggerFactory.getLogger(TaskDraws.class);
    /** A pool frozen before profiles were kept: its targets count under no street or section. */
    private static final EntityProfile UNKNOWN_PROFILE = new EntityProfile(null, null);

    private final SpotCheckTasks tasks;
    private final ElasticsearchJson es;
    /**
     * Reads a frozen pool without canonicalising field names: its profiles are keyed by entity code, and interning
     * tens of thousands of names seen once was most of the parse (a 45,456-entity pool, 4 MB: 85–115 ms CPU, 13–17 ms
     * without).
     */
    private final ObjectReader poolReader;
    private final DrawnTargets targets;
    private final GuardedDocuments documents;
    private final DocumentPages pages;
    private final AuditTrail audit;
    private final Clock clock;
    private final SpotCheckSteps steps;
    private final String sourcesAlias;
    private final String drawsAlias;
    private final String attemptsAlias;
    private final String poolsAlias;

    public TaskDraws(SpotCheckTasks tasks, ElasticsearchJson es, DrawnTargets targets, GuardedDocuments documents, DocumentPages pages,
                     AuditTrail audit, Clock clock, SpotCheckSteps steps, IndexNames names) {
        this.tasks = tasks;
        this.es = es;
        this.poolReader = es.mapper().readerFor(FrozenPoolRecord.class)
                .with(es.mapper().getFactory().rebuild().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build());
        this.targets = targets;
        this.documents = documents;
        this.pages = pages;
        this.audit = audit;
        this.clock = clock;
        this.steps = steps;
        this.sourcesAlias = names.alias(SOURCES.resource());
        this.drawsAlias = names.alias(DRAWS.resource());
        this.attemptsAlias = names.alias(ATTEMPTS.resource());
        this.poolsAlias = names.alias(TaskPools.INDEX.resource());
    }

    public RandomSourcesRecord enterSources(String taskId, RandomSourcesInput input, CallerContext caller) {
        SpotCheckTask task = tasks.get(taskId);
        PublicRandomSources sources = RandomSourcesValidator.validate(input, task.randomSources().size());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (now.isBefore(OffsetDateTime.parse(task.sourcesEnterableAfter()))) {
            throw new ConflictException("the random sources of " + task.taskId() + " may be entered only after "
                    + task.sourcesEnterableAfter() + ", when their values are public");
        }
        if (!es.exists("/" + poolsAlias + "/_doc/" + urlSegment(task.taskId()))) { // asked, not read: a pool can be megabytes
            throw new ConflictException("the pool of " + task.taskId() + " was not frozen before its sources became known: no draw");
        }
        RandomSourcesRecord record = new RandomSourcesRecord(task.taskId(), sources.sources(), now.toString(), caller.actor());
        if (!documents.createVisibleNow(sourcesAlias, task.taskId(), record)) {
            throw new ConflictException("the random sources of " + task.taskId() + " were entered already; they are never replaced");
        }
        audit.record(caller, "ENTER_RANDOM_SOURCES", sourcesAlias + "/" + task.taskId(), "ok", sources.keyString());
        return record;
    }

    /** Draws the task once; answers the publication. Every other attempt is logged and refused with a 409. */
    public Map<String, Object> draw(String taskId, CallerContext caller) {
        SpotCheckSteps.Laps laps = steps.start("draw");
        SpotCheckTask task = tasks.get(taskId);
        String attemptId = UUID.randomUUID().toString();
        Optional<DrawRecord> earlier = findDraw(task.taskId());
        Optional<FrozenPoolRecord> pool = frozenPool(task.taskId());
        if (earlier.isPresent()) {
            targets.saveAll(drawnTargets(task, pool.orElseThrow(), earlier.get())); // completes one cut short; adds nothing else
            throw refused(task, attemptId, caller, "drawn already at " + earlier.get().drawnAt() + "; a draw is never repeated");
        }
        if (pool.isEmpty()) {
            throw refused(task, attemptId, caller, "no frozen pool yet");
        }
        Optional<RandomSourcesRecord> sources = findSources(task.taskId());
        if (sources.isEmpty()) {
            throw refused(task, attemptId, caller, "the random sources are not entered yet (after " + task.sourcesEnterableAfter() + ")");
        }
        laps.lap("read");
        long started = System.nanoTime();
        List<StratumRule> rules = pool.get().rules();
        long largest = pool.get().sampleSizes().values().stream().mapToLong(Integer::longValue).max().orElse(0);
        FrozenPool frozen = pool.get().pool();
        StratifiedDraw.Result result = StratifiedDraw.draw(frozen, new PublicRandomSources(sources.get().sources()), rules,
                AlgorithmVersion.forLargestSample(largest));
        long millis = (System.nanoTime() - started) / 1_000_000;
        laps.lap("select");
        DrawRecord record = new DrawRecord(task.taskId(), attemptId, result, OffsetDateTime.now(clock).toString(), caller.actor(), millis);
        if (!documents.createVisibleNow(drawsAlias, task.taskId(), record)) {
            throw refused(task, attemptId, caller, "another attempt drew first");
        }
        laps.lap("store-draw");
        targets.saveAll(drawnTargets(task, pool.get(), record));
        laps.lap("store-targets");
        logAttempt(task, attemptId, caller, DrawAttempt.DRAWN, null);
        audit.record(caller, "DRAW", drawsAlias + "/" + task.taskId(), "ok", result.algorithmVersion() + " " + result.keyString());
        laps.lap("log");
        log.info("draw of {} in {} ms ({} for the selection): {} targets from a pool of {}", task.taskId(),
                (System.nanoTime() - started) / 1_000_000, millis, result.strata().stream().mapToInt(StratifiedDraw.StratumSelection::sampleSize).sum(),
                result.strata().stream().mapToInt(StratifiedDraw.StratumSelection::poolSize).sum());
        return publication(task, frozen, pool.get().frozenAt(), sources.get(), record);
    }

    private ConflictException refused(SpotCheckTask task, String attemptId, CallerContext caller, String reason) {
        logAttempt(task, attemptId, caller, DrawAttempt.REFUSED, reason);
        audit.record(caller, "DRAW", drawsAlias + "/" + task.taskId(), "refused", reason);
        return new ConflictException("no draw of " + task.taskId() + ": " + reason);
    }

    private void logAttempt(SpotCheckTask task, String attemptId, CallerContext caller, String outcome, String reason) {
        documents.createVisibleNow(attemptsAlias, attemptId, new DrawAttempt(attemptId, task.taskId(), OffsetDateTime.now(clock).toString(),
                caller.actor(), caller.roleNames(), RequestIds.current(), outcome, reason));
    }

    /** One target per selected entity, with the task's items and departments, ready for inspectors to be attached. */
    private static List<DrawnTarget> drawnTargets(SpotCheckTask task, FrozenPoolRecord pool, DrawRecord draw) {
        List<String> items = task.items().stream().map(TaskItem::code).toList();
        String drawnOn = OffsetDateTime.parse(draw.drawnAt()).toLocalDate().toString();
        List<DrawnTarget> out = new ArrayList<>();
        Map<String, EntityProfile> profiles = pool.profiles() == null ? Map.of() : pool.profiles();
        for (StratifiedDraw.StratumSelection stratum : draw.result().strata()) {
            List<String> selected = stratum.selectedCodes();
            for (int i = 0; i < selected.size(); i++) {
                EntityProfile profile = profiles.getOrDefault(selected.get(i), UNKNOWN_PROFILE);
                out.add(new DrawnTarget(DrawnTarget.id(task.taskId(), selected.get(i)), task.taskId(), selected.get(i), stratum.stratum(),
                        profile.streetCode(), profile.industrySection(), items, task.departments(), i, drawnOn, draw.drawnAt(), null));
            }
        }
        return out;
    }

    /** The published draw (一公开): what {@code verify/verify_draw.py} reads, with the task and the sources' names. */
    public Map<String, Object> publication(String taskId) {
        SpotCheckTask task = tasks.get(taskId);
        DrawRecord draw = findDraw(task.taskId()).orElseThrow(() -> new NotFoundException("task " + task.taskId() + " is not drawn yet"));
        FrozenPoolRecord pool = frozenPool(task.taskId()).orElseThrow();
        return publication(task, pool.pool(), pool.frozenAt(), findSources(task.taskId()).orElseThrow(), draw);
    }

    /** The codes are checked and put in draw order once per request ({@link FrozenPool}), not once per use. */
    private static Map<String, Object> publication(SpotCheckTask task, FrozenPool pool, String poolFrozenAt, RandomSourcesRecord sources,
                                                   DrawRecord draw) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("taskId", task.taskId());
        doc.put("sourceNames", task.randomSources().stream().map(AnnouncedSource::name).toList());
        doc.put("sourcesEnteredAt", sources.enteredAt());
        doc.put("poolFrozenAt", poolFrozenAt);
        doc.put("drawnAt", draw.drawnAt());
        doc.putAll(DrawPublication.toMap(pool, new PublicRandomSources(sources.sources()), draw.result()));
        return doc;
    }

    /** Recomputes the draw from the published pool, sources and algorithm version alone. */
    public DrawVerification verify(String taskId) {
        SpotCheckTask task = tasks.get(taskId);
        DrawRecord draw = findDraw(task.taskId()).orElseThrow(() -> new NotFoundException("task " + task.taskId() + " is not drawn yet"));
        FrozenPoolRecord pool = frozenPool(task.taskId()).orElseThrow();
        PublicRandomSources sources = new PublicRandomSources(findSources(task.taskId()).orElseThrow().sources());
        FrozenPool frozen = pool.pool();
        StratifiedDraw.Result again = StratifiedDraw.draw(frozen, sources, pool.rules(), AlgorithmVersion.ofId(draw.result().algorithmVersion()));
        Map<String, StratifiedDraw.StratumSelection> recomputed = new LinkedHashMap<>();
        again.strata().forEach(s -> recomputed.put(s.stratum(), s));
        List<DrawVerification.StratumCheck> checks = new ArrayList<>();
        boolean verified = again.poolDigest().equals(pool.poolDigest()) && again.keyString().equals(draw.result().keyString())
                && draw.result().strata().size() == recomputed.size();
        for (StratifiedDraw.StratumSelection published : draw.result().strata()) {
            StratifiedDraw.StratumSelection mine = recomputed.get(published.stratum());
            boolean matches = mine != null && mine.selectedCodes().equals(published.selectedCodes())
                    && mine.sampleSize() == published.sampleSize();
            verified &= matches;
            checks.add(new DrawVerification.StratumCheck(published.stratum(), published.poolSize(), published.sampleSize(), matches,
                    published.selectedCodes(), mine == null ? List.of() : mine.selectedCodes()));
        }
        return new DrawVerification(task.taskId(), verified, draw.result().algorithmVersion(), pool.poolDigest(), again.poolDigest(),
                again.keyString(), checks);
    }

    public Page<DrawAttempt> attempts(String taskId, PageRequest request) {
        SpotCheckTask task = tasks.get(taskId);
        return pages.page(attemptsAlias, allOf(List.of(term("taskId", task.taskId()))), List.of(asc("at"), asc("attemptId")), request,
                DrawAttempt.class);
    }

    /** The task's frozen pool, read once per request (see {@link #poolReader}); empty while none is frozen. */
    private Optional<FrozenPoolRecord> frozenPool(String taskId) {
        try {
            return Optional.ofNullable(es.exchange("GET", "/" + poolsAlias + "/_source/" + urlSegment(taskId), null, Map.of(),
                    in -> in == null ? null : poolReader.<FrozenPoolRecord>readValue(in)));
        } catch (ElasticsearchStatusException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String urlSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** The task's draw, once made: its key string seeds the assignment of inspectors. */
    public Optional<DrawRecord> findDraw(String taskId) {
        return documents.get(drawsAlias, taskId, DrawRecord.class).map(Versioned::document);
    }

    private Optional<RandomSourcesRecord> findSources(String taskId) {
        return documents.get(sourcesAlias, taskId, RandomSourcesRecord.class).map(Versioned::document);
    }
}

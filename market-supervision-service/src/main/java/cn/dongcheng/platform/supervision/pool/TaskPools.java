package cn.dongcheng.platform.supervision.pool;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.GuardedDocuments;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.supervision.client.CreditRiskClassClient;
import cn.dongcheng.platform.supervision.client.DirectoryStream;
import cn.dongcheng.platform.supervision.draw.FrozenPool;
import cn.dongcheng.platform.supervision.draw.PoolDigest;
import cn.dongcheng.platform.supervision.draw.StratumRule;
import cn.dongcheng.platform.supervision.task.DrawnTargets;
import cn.dongcheng.platform.supervision.task.FrequencyWindow;
import cn.dongcheng.platform.supervision.task.SamplingRules;
import cn.dongcheng.platform.supervision.task.SpotCheckTask;
import cn.dongcheng.platform.supervision.task.SpotCheckTasks;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import cn.dongcheng.platform.supervision.timing.SpotCheckSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Builds and freezes a task's pool: the directory stream with the task's filters, the entity type read from each code,
 * the entities inside an item's frequency window left out, risk classes from credit-service in batches while the
 * stream is still read ({@link PoolClassification}), one stratum per class. Frozen once (create-only), and only while the announced random sources cannot be known yet: a pool built
 * after them could be shaped to steer the draw.
 */
@Service
public class TaskPools {

    public static final IndexDefinition INDEX = IndexDefinition.of("spot-check-pools");
    private static final Logger log = LoggerFactory.getLogger(TaskPools.class);
    private static final int PROGRESS_EVERY = 10_000;
    /** Pools per scan batch: a pool of 100,000 codes is a few megabytes. */
    private static final int STRATA_BATCH = 20;

    private final SpotCheckTasks tasks;
    private final DrawnTargets targets;
    private final DirectoryStream directory;
    private final CreditRiskClassClient credit;
    private final ExecutorService riskClassCalls;
    private final GuardedDocuments documents;
    private final DocumentPages pages;
    private final AuditTrail audit;
    private final Clock clock;
    private final SpotCheckSteps steps;
    private final String alias;

    public TaskPools(SpotCheckTasks tasks, DrawnTargets targets, DirectoryStream directory, CreditRiskClassClient credit,
                     @Qualifier(PoolConfiguration.RISK_CLASS_CALLS) ExecutorService riskClassCalls, GuardedDocuments documents, DocumentPages pages, AuditTrail audit, Clock clock, SpotCheckSteps steps,
                     IndexNames names) {
        this.tasks = tasks;
        this.targets = targets;
        this.directory = directory;
        this.credit = credit;
        this.riskClassCalls = riskClassCalls;
        this.documents = documents;
        this.pages = pages;
        this.audit = audit;
        this.clock = clock;
        this.steps = steps;
        this.alias = names.alias(INDEX.resource());
    }

    public FrozenPoolRecord freeze(String taskId, CallerContext caller) {
        long started = System.nanoTime();
        SpotCheckSteps.Laps laps = steps.start("pool");
        SpotCheckTask task = tasks.get(taskId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!now.isBefore(OffsetDateTime.parse(task.sourcesEnterableAfter()))) {
            throw new ConflictException("too late to freeze the pool of " + task.taskId() + ": its random sources may be known since "
                    + task.sourcesEnterableAfter() + "; a pool must be published before them");
        }
        if (find(task.taskId()).isPresent()) {
            throw new ConflictException("the pool of " + task.taskId() + " is frozen already");
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, String> windows = targets.keptOut(FrequencyWindow.of(task, today));
        laps.lap("frequency-window");
        long[] candidates = {0};
        Map<String, EntityProfile> profiles = new HashMap<>();
        List<KeptOut> keptOut = new ArrayList<>();
        long[] outsideType = {0};
        PoolStratification strata = new PoolStratification();
        PoolClassification.Classification classes;
        long directoryEntries;
        try (PoolClassification classification = new PoolClassification(credit, riskClassCalls, task.taskId(), strata)) {
            long entries = directory.each(task.targets().directoryQuery(), entry -> {
                String uscc = entry.uscc();
                if (!EntityTypes.matches(task.targets().entityType(), uscc)) {
                    outsideType[0]++;
                } else if (windows.containsKey(uscc)) {
                    keptOut.add(new KeptOut(uscc, "frequency window: " + windows.get(uscc)));
                } else {
                    candidates[0]++;
                    profiles.put(uscc, new EntityProfile(entry.streetCode(), entry.industrySection()));
                    classification.add(uscc);
                }
                if ((candidates[0] + keptOut.size() + outsideType[0]) % PROGRESS_EVERY == 0) {
                    log.info("pool of {}: {} directory entries read", task.taskId(), candidates[0] + keptOut.size() + outsideType[0]);
                }
            });
            laps.lap("directory");
            classes = classification.finish();
            directoryEntries = entries;
        }
        laps.lap("risk-classes");
        FrozenPool pool = strata.freeze();
        List<StratumRule> rules = SamplingRules.of(task);
        Map<String, Integer> sampleSizes = new LinkedHashMap<>();
        rules.forEach(r -> sampleSizes.put(r.stratum(), r.sampleSize(pool.codes(r.stratum()).size())));
        keptOut.sort(Comparator.comparing(KeptOut::uscc));
        long millis = (System.nanoTime() - started) / 1_000_000;
        FrozenPoolRecord frozen = new FrozenPoolRecord(task.taskId(), PoolDigest.sha256Hex(pool), pool.strata(), rules, sampleSizes,
                directoryEntries, outsideType[0], keptOut, classes.ruleVersion(), classes.asOf(), now.toString(), caller.actor(), millis, profiles);
        laps.lap("freeze");
        if (!documents.createVisibleNow(alias, task.taskId(), frozen)) {
            throw new ConflictException("the pool of " + task.taskId() + " is frozen already");
        }
        audit.record(caller, "FREEZE_POOL", alias + "/" + task.taskId(), "ok", "digest " + frozen.poolDigest() + ", "
                + candidates[0] + " entities " + sampleSizes);
        laps.lap("store");
        log.info("pool of {} frozen in {} ms: {} directory entries, {} in the pool {}, {} kept out by the frequency window, "
                        + "{} of another entity type, digest {}", task.taskId(), millis, directoryEntries, candidates[0], sampleSizes,
                keptOut.size(), outsideType[0], frozen.poolDigest());
        return frozen;
    }

    /**
     * The frozen pools of these tasks with only what the oversight figures need (codes per stratum, planned sizes):
     * the profiles and exclusions, larger than the codes, stay in Elasticsearch.
     */
    public Map<String, FrozenPoolRecord> strataOf(Collection<String> taskIds) {
        Map<String, FrozenPoolRecord> found = new HashMap<>();
        if (taskIds.isEmpty()) {
            return found;
        }
        Query ofTasks = Query.of(q -> q.terms(t -> t.field("taskId").terms(v -> v.value(taskIds.stream().map(FieldValue::of).toList()))));
        pages.scan(alias, ofTasks, List.of("taskId", "strata", "sampleSizes"), STRATA_BATCH, FrozenPoolRecord.class,
                batch -> batch.forEach(p -> found.put(p.taskId(), p)));
        return found;
    }

    public Optional<FrozenPoolRecord> find(String taskId) {
        return pages.get(alias, taskId, FrozenPoolRecord.class);
    }

    /** The published pool of a task; 404 while none is frozen. */
    public FrozenPoolRecord get(String taskId) {
        SpotCheckTask task = tasks.get(taskId);
        return find(task.taskId()).orElseThrow(() -> new NotFoundException("the pool of " + task.taskId() + " is not frozen yet"));
    }
}

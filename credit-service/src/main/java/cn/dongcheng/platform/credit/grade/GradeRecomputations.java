package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.credit.grade.GradeRecomputationView.State;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Full recomputation of every legal person's stored grade (e.g. after a new scorecard version, or to repair the
 * snapshots a failed write left behind), one at a time in the background; its progress is read by id. The recent
 * runs are kept in memory: a restart forgets them (the snapshots they wrote stay).
 */
@Service
public class GradeRecomputations {

    private static final Logger log = LoggerFactory.getLogger(GradeRecomputations.class);
    private static final int KEPT = 20;

    private final GradeSnapshots snapshots;
    private final Scorecard scorecard;
    private final AuditTrail audit;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "grade-recomputation");
        t.setDaemon(true);
        return t;
    });
    /** the recent runs, oldest first */
    private final Map<String, Run> runs = new LinkedHashMap<>();

    public GradeRecomputations(GradeSnapshots snapshots, Scorecard scorecard, AuditTrail audit, Clock clock) {
        this.snapshots = snapshots;
        this.scorecard = scorecard;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts a recomputation for today; one runs at a time (409 while another does). */
    public GradeRecomputationView start(CallerContext caller) {
        Run run;
        synchronized (runs) {
            Run running = runs.values().stream().filter(r -> r.state == State.RUNNING).findFirst().orElse(null);
            if (running != null) {
                audit.record(caller, "GRADE_RECOMPUTATION_START", snapshots.alias(), "409", "running: " + running.id);
                throw new ConflictException("grade recomputation " + running.id + " is still running; follow "
                        + "GET /v1/grade-recomputations/" + running.id);
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            run = new Run("grades-" + now.toInstant().toEpochMilli(), LocalDate.now(clock), caller.actor(), now);
            runs.put(run.id, run);
            if (runs.size() > KEPT) {
                runs.remove(runs.keySet().iterator().next());
            }
        }
        audit.record(caller, "GRADE_RECOMPUTATION_START", snapshots.alias(), "ok", "recomputation=" + run.id + " asOf=" + run.asOf);
        runner.submit(() -> execute(run));
        return run.view();
    }

    public GradeRecomputationView get(String id) {
        synchronized (runs) {
            Run run = runs.get(id);
            if (run == null) {
                throw new NotFoundException("grade recomputation " + id);
            }
            return run.view();
        }
    }

    private void execute(Run run) {
        try {
            snapshots.recomputeAll(run.asOf, run.subjects::set);
            run.finish(State.DONE, null);
            log.info("grade recomputation {}: {} subjects", run.id, run.subjects.get());
        } catch (RuntimeException e) {
            run.finish(State.FAILED, e.getMessage());
            log.error("grade recomputation {} failed after {} subjects", run.id, run.subjects.get(), e);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private final class Run {
        final String id;
        final LocalDate asOf;
        final String requestedBy;
        final OffsetDateTime startedAt;
        final AtomicLong subjects = new AtomicLong();
        volatile State state = State.RUNNING;
        volatile OffsetDateTime finishedAt;
        volatile String error;

        Run(String id, LocalDate asOf, String requestedBy, OffsetDateTime startedAt) {
            this.id = id;
            this.asOf = asOf;
            this.requestedBy = requestedBy;
            this.startedAt = startedAt;
        }

        void finish(State outcome, String why) {
            finishedAt = OffsetDateTime.now(clock);
            error = why;
            state = outcome;
        }

        GradeRecomputationView view() {
            OffsetDateTime end = finishedAt;
            Instant until = end == null ? clock.instant() : end.toInstant();
            long millis = Math.max(1, Duration.between(startedAt.toInstant(), until).toMillis());
            long done = subjects.get();
            return new GradeRecomputationView(id, state, asOf, scorecard.version(), requestedBy, startedAt.toString(),
                    end == null ? null : end.toString(), done, done * 1000 / millis, error);
        }
    }
}

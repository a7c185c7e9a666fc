package cn.dongcheng.platform.supervision.pool;

import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.supervision.client.CreditRiskClassClient;
import cn.dongcheng.platform.supervision.client.RiskClasses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Classifies a pool's entities by credit-service's risk classes while the directory stream is still being read: each
 * {@value #BATCH} codes go to credit-service at once, at most {@value #IN_FLIGHT} calls in flight, so the directory
 * (industry-service) and the classes (credit-service) are worked on side by side instead of one after the other.
 * The calls carry the caller's identity and request id, as a call on the request thread would.
 */
final class PoolClassification implements AutoCloseable {

    static final int BATCH = 5_000;
    static final int IN_FLIGHT = 2;
    private static final Logger log = LoggerFactory.getLogger(PoolClassification.class);

    private final CreditRiskClassClient credit;
    private final ExecutorService calls;
    private final String taskId;
    private final PoolStratification strata;
    private final Deque<Future<Classified>> inFlight = new ArrayDeque<>();
    private List<String> pending = new ArrayList<>(BATCH);
    private long classified;
    private String ruleVersion;
    private LocalDate asOf;

    PoolClassification(CreditRiskClassClient credit, ExecutorService calls, String taskId, PoolStratification strata) {
        this.credit = credit;
        this.calls = calls;
        this.taskId = taskId;
        this.strata = strata;
    }

    void add(String uscc) {
        pending.add(uscc);
        if (pending.size() == BATCH) {
            send();
        }
    }

    /** Waits for every call; the classes in force on credit-service's day, under one scorecard version. */
    Classification finish() {
        if (!pending.isEmpty()) {
            send();
        }
        while (!inFlight.isEmpty()) {
            take(inFlight.removeFirst());
        }
        return new Classification(ruleVersion, asOf == null ? null : asOf.toString());
    }

    private void send() {
        if (inFlight.size() >= IN_FLIGHT) {
            take(inFlight.removeFirst());
        }
        List<String> batch = pending;
        pending = new ArrayList<>(BATCH);
        inFlight.addLast(calls.submit(carryingCaller(() -> new Classified(batch, credit.riskClasses(RiskClasses.Request.classesOf(batch))))));
    }

    private void take(Future<Classified> call) {
        Classified done = outcome(call);
        String classes = done.answer().classes();
        if (classes == null || classes.length() != done.codes().size()) {
            throw new IllegalStateException("credit-service classified " + (classes == null ? 0 : classes.length()) + " of "
                    + done.codes().size() + " codes");
        }
        if (ruleVersion != null && !(Objects.equals(ruleVersion, done.answer().ruleVersion())
                && Objects.equals(asOf, done.answer().asOf()))) {
            // classes of two days or two scorecards in one pool would stratify it by no rule at all
            throw new ConflictException("credit-service's risk classes changed while the pool of " + taskId + " was built ("
                    + ruleVersion + " of " + asOf + ", then " + done.answer().ruleVersion() + " of " + done.answer().asOf()
                    + "); build it again");
        }
        ruleVersion = done.answer().ruleVersion();
        asOf = done.answer().asOf();
        for (int i = 0; i < classes.length(); i++) {
            strata.add(done.codes().get(i), String.valueOf(classes.charAt(i)));
        }
        classified += classes.length();
        log.info("pool of {}: {} entities classified", taskId, classified);
    }

    private static Classified outcome(Future<Classified> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while classifying the pool", e);
        }
    }

    /** The work as the request thread would do it: the caller's verified token and the request id go along. */
    private static <T> Callable<T> carryingCaller(Callable<T> work) {
        SecurityContext caller = SecurityContextHolder.getContext();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        return () -> {
            SecurityContextHolder.setContext(caller);
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                return work.call();
            } finally {
                SecurityContextHolder.clearContext();
                MDC.clear();
            }
        };
    }

    /** A failed build leaves no call running on its behalf. */
    @Override
    public void close() {
        inFlight.forEach(call -> call.cancel(true));
    }

    record Classification(String ruleVersion, String asOf) {
    }

    private record Classified(List<String> codes, RiskClasses answer) {
    }
}

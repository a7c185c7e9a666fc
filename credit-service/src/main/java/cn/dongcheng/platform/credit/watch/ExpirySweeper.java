package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.credit.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;

/**
 * The time-triggered half of the feed: nobody writes a record when its publication ends, so once a day, a few
 * minutes after Beijing midnight ({@code credit.watch.sweep-after-midnight}, default 5 min), the sweeper derives the
 * day's expiries and grade changes, and re-derives the events of records written since its previous run (see
 * {@link WatchEventRecorder}). At start-up it first catches up every day missed while the service was down, from the
 * last day stored in {@link SweepState} to today (at most {@value #MAX_CATCH_UP_DAYS}); a first start sweeps today
 * only. Every replica runs it: the events are create-only, so two sweeps of one day store them once.
 */
final class ExpirySweeper extends BackgroundWork {

    static final int MAX_CATCH_UP_DAYS = 400;
    /** how far back of the previous run's start a re-derivation looks: writes stamped before it but stored after */
    static final Duration RECONCILE_OVERLAP = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

    private final WatchEventRecorder recorder;
    private final SweepState state;
    private final Clock clock;
    private final Duration afterMidnight;

    ExpirySweeper(WatchEventRecorder recorder, SweepState state, Clock clock, Duration afterMidnight) {
        super("watch-sweeper");
        this.recorder = recorder;
        this.state = state;
        this.clock = clock;
        this.afterMidnight = afterMidnight;
    }

    /**
     * Brings the feed up to today: re-derives record writes since the last run, then sweeps every day not swept yet,
     * storing the position after each day, so a run that dies half-way continues with the day it did not finish.
     */
    synchronized void catchUp() {
        OffsetDateTime started = OffsetDateTime.now(clock);
        LocalDate today = started.toLocalDate();
        SweepState.Position position = state.read().orElse(new SweepState.Position(today.minusDays(1), null));
        if (position.reconciledFrom() != null) {
            int missing = recorder.reconcile(OffsetDateTime.parse(position.reconciledFrom()).minus(RECONCILE_OVERLAP).toString());
            if (missing > 0) {
                log.info("re-derived {} watch events of records written since the previous sweep", missing);
            }
        }
        LocalDate day = position.lastSweptDay() == null ? today : position.lastSweptDay().plusDays(1);
        if (day.isBefore(today.minusDays(MAX_CATCH_UP_DAYS))) {
            log.warn("watch sweeper last ran for {}: catching up from {} only", position.lastSweptDay(), today.minusDays(MAX_CATCH_UP_DAYS));
            day = today.minusDays(MAX_CATCH_UP_DAYS);
        }
        LocalDate swept = position.lastSweptDay();
        for (; !day.isAfter(today); day = day.plusDays(1)) {
            int created = recorder.sweep(day);
            log.info("watch sweep of {}: {} new events", day, created);
            swept = day;
            state.save(new SweepState.Position(swept, position.reconciledFrom()));
        }
        state.save(new SweepState.Position(swept, started.toString()));
    }

    @Override
    protected void started() {
        try {
            catchUp();
        } catch (RuntimeException e) { // the service serves anyway; the next run catches up
            log.warn("watch sweeper could not catch up at start-up", e);
        }
        scheduleNext();
    }

    private void scheduleNext() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = now.toLocalDate().plusDays(1).atStartOfDay(clock.getZone()).plus(afterMidnight);
        timer().schedule(() -> {
            try {
                catchUp();
            } catch (RuntimeException e) {
                log.warn("watch sweep failed; the next run catches up", e);
            } finally {
                scheduleNext();
            }
        }, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** After the index manager and the other beans, before the web server takes requests. */
    @Override
    public int getPhase() {
        return 0;
    }
}

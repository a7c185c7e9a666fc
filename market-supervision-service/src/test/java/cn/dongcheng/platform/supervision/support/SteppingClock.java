package cn.dongcheng.platform.supervision.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in a test: real time plus an offset the test moves forward, so "after the announced time" can
 * come without waiting for it.
 */
public final class SteppingClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> ahead;

    public SteppingClock(ZoneId zone) {
        this(zone, new AtomicReference<>(Duration.ZERO));
    }

    private SteppingClock(ZoneId zone, AtomicReference<Duration> ahead) {
        this.zone = zone;
        this.ahead = ahead;
    }

    public void advance(Duration by) {
        ahead.updateAndGet(d -> d.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SteppingClock(other, ahead);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }
}

package cn.dongcheng.platform.credit.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The district's clock for a test: runs like the real one from wherever the test sets it (Beijing time). Shared with grade tests. */
public final class MovableClock extends Clock {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private volatile Duration offset = Duration.ZERO;

    public void setTo(LocalDateTime beijing) {
        offset = Duration.between(Instant.now(), beijing.atZone(BEIJING).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return BEIJING;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}

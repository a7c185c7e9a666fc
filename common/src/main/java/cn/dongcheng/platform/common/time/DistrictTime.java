package cn.dongcheng.platform.common.time;

import java.time.ZoneId;

/**
 * The district's clock runs on Beijing time wherever the service runs: "today", month ends, audit times and log lines
 * are in {@code platform.time-zone} (default {@link #DEFAULT_ZONE}), never the host's zone (a container is often UTC,
 * which put everything between midnight and 08:00 Beijing time on the previous day).
 */
public final class DistrictTime {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private DistrictTime() {
    }
}

package cn.dongcheng.platform.supervision.support;

import cn.dongcheng.platform.common.time.DistrictTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The service under test reads its time from {@link #CLOCK}, which the test moves forward (e.g. past a sources' time). */
@TestConfiguration
public class TestClock {

    public static final SteppingClock CLOCK = new SteppingClock(DistrictTime.DEFAULT_ZONE);

    @Bean
    Clock clock() {
        return CLOCK;
    }
}

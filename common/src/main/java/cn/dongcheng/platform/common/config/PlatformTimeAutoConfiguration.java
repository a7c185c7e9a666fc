package cn.dongcheng.platform.common.config;

import cn.dongcheng.platform.common.time.WorkingDayCalendar;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The one clock every service reads "now" and "today" from: the district's zone ({@code platform.time-zone}). */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformTimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(PlatformProperties properties) {
        return Clock.system(properties.timeZone());
    }

    /** Working days of mainland China (工作日历), for deadlines counted in working days. */
    @Bean
    @ConditionalOnMissingBean
    WorkingDayCalendar workingDayCalendar() {
        return WorkingDayCalendar.mainlandChina();
    }
}

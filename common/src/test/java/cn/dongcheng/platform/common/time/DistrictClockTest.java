package cn.dongcheng.platform.common.time;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import cn.dongcheng.platform.common.config.PlatformTimeAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** On a host whose zone is not Beijing's, "today", month ends, audit times and log lines are still the district's. */
class DistrictClockTest {

    /** 00:30 on New Year's Day in Beijing; still 31 December in UTC and in New York. */
    static final Instant JUST_AFTER_MIDNIGHT_IN_BEIJING = Instant.parse("2024-12-31T16:30:00Z");

    private final TimeZone hostZone = TimeZone.getDefault();
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformTimeAutoConfiguration.class));

    @BeforeEach
    void hostInNewYork() {
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    }

    @AfterEach
    void restoreHostZone() {
        TimeZone.setDefault(hostZone);
    }

    @Test
    void todayAndMonthEndsAreBeijingsNotTheHosts() {
        context.run(c -> {
            Clock clock = Clock.fixed(JUST_AFTER_MIDNIGHT_IN_BEIJING, c.getBean(Clock.class).getZone());
            assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(YearMonth.now(clock).minusMonths(1)).as("the last month that has ended").isEqualTo(YearMonth.of(2024, 12));
            assertThat(OffsetDateTime.now(clock).toString()).as("an audit entry's time").isEqualTo("2025-01-01T00:30+08:00");
        });
    }

    @Test
    void theZoneIsConfigurable() {
        context.withPropertyValues("platform.time-zone=Europe/Berlin")
                .run(c -> assertThat(c.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Europe/Berlin")));
    }

    @Test
    void logLinesCarryTheDistrictsTimeWithItsOffset() throws IOException {
        String dateFormat = PropertiesLoaderUtils.loadProperties(new ClassPathResource("platform-defaults.properties"))
                .getProperty("logging.pattern.dateformat").replace("${platform.time-zone}", "Asia/Shanghai");
        PatternLayout layout = new PatternLayout();
        layout.setContext(new LoggerContext());
        layout.setPattern("%d{" + dateFormat + "}");
        layout.start();
        LoggingEvent event = new LoggingEvent();
        event.setLevel(Level.INFO);
        event.setMessage("x");
        event.setTimeStamp(JUST_AFTER_MIDNIGHT_IN_BEIJING.toEpochMilli());
        assertThat(layout.doLayout(event)).isEqualTo("2025-01-01T00:30:00.000+08:00");
    }
}

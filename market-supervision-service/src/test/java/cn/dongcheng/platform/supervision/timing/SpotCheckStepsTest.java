package cn.dongcheng.platform.supervision.timing;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SpotCheckStepsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong now = new AtomicLong();
    private final SpotCheckSteps steps = new SpotCheckSteps(registry, now::get);

    @Test
    void eachLapIsTheTimeSinceThePreviousOneUnderItsOperationAndStep() {
        SpotCheckSteps.Laps laps = steps.start("pool");
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(30));
        laps.lap("directory");
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(700));
        laps.lap("risk-classes");

        assertThat(timer("pool", "directory").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30);
        assertThat(timer("pool", "risk-classes").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(700);
    }

    @Test
    void operationsAddUpPerStepAcrossRuns() {
        for (int run = 1; run <= 2; run++) {
            SpotCheckSteps.Laps laps = steps.start("draw");
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(5 * run));
            laps.lap("select");
        }

        Timer select = timer("draw", "select");
        assertThat(select.count()).isEqualTo(2);
        assertThat(select.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(15);
        assertThat(registry.find(SpotCheckSteps.METRIC).tag("operation", "pool").timer()).as("no other operation timed").isNull();
    }

    private Timer timer(String operation, String step) {
        return registry.get(SpotCheckSteps.METRIC).tag("operation", operation).tag("step", step).timer();
    }
}

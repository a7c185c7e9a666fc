package cn.dongcheng.platform.supervision.timing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Time spent in each step of building a pool, drawing and assigning (抽查各环节耗时), as the Micrometer timer
 * {@value #METRIC} tagged {@code operation} and {@code step}: a pool build of 100,000 entities is one request, and
 * only its steps say whether the directory stream, credit-service's risk classes or the freezing took the time
 * ({@code /actuator/metrics/supervision.spot-check.steps?tag=operation:pool&tag=step:risk-classes}).
 */
@Component
public class SpotCheckSteps {

    public static final String METRIC = "supervision.spot-check.steps";

    private final MeterRegistry registry;
    private final LongSupplier nanoTime;

    @Autowired
    public SpotCheckSteps(MeterRegistry registry) {
        this(registry, System::nanoTime);
    }

    /** With another clock than {@link System#nanoTime}: tests. */
    SpotCheckSteps(MeterRegistry registry, LongSupplier nanoTime) {
        this.registry = registry;
        this.nanoTime = nanoTime;
    }

    /** Starts timing one operation ({@code pool}, {@code draw}, {@code assignment}); its first step begins now. */
    public Laps start(String operation) {
        return new Laps(operation, nanoTime.getAsLong());
    }

    /** The steps of one operation, each ending where the next begins. */
    public final class Laps {

        private final String operation;
        private long since;

        private Laps(String operation, long since) {
            this.operation = operation;
            this.since = since;
        }

        /** Ends the step running since the previous lap (or the start) under {@code step}; the next one begins now. */
        public void lap(String step) {
            long now = nanoTime.getAsLong();
            Timer.builder(METRIC).description("time spent in each step of a spot check's pool build, draw and assignment")
                    .tag("operation", operation).tag("step", step).register(registry).record(Duration.ofNanos(now - since));
            since = now;
        }
    }
}

package cn.dongcheng.platform.supervision.pool;

import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.supervision.client.CreditRiskClassClient;
import cn.dongcheng.platform.supervision.client.RiskClasses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pool's classification while the stream is read, against a credit-service played in memory. */
class PoolClassificationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private final ExecutorService calls = Executors.newFixedThreadPool(PoolClassification.IN_FLIGHT);

    @AfterEach
    void stop() {
        calls.shutdownNow();
        SecurityContextHolder.clearContext();
    }

    /** A code's class as the played credit-service gives it: from the code itself, so any mix-up shows. */
    private static char classOf(String code) {
        return "ABCD".charAt(Math.floorMod(code.hashCode(), 4));
    }

    private static List<String> codes(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("91110101MA%08d", i)).toList();
    }

    @Test
    void everyCodeLandsInItsOwnClassAcrossBatchesInFlightTogether() {
        Authentication regulator = new TestingAuthenticationToken("regulator", "token");
        SecurityContextHolder.getContext().setAuthentication(regulator);
        List<Authentication> callers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        CreditRiskClassClient credit = request -> {
            callers.add(SecurityContextHolder.getContext().getAuthentication());
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20); // long enough for the stream to send the next batch meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StringBuilder classes = new StringBuilder();
            request.codes().forEach(c -> classes.append(classOf(c)));
            inFlight.decrementAndGet();
            return new RiskClasses(TODAY, "scorecard-v1", classes.toString());
        };
        PoolStratification strata = new PoolStratification();
        List<String> codes = codes(3 * PoolClassification.BATCH + 123);
        PoolClassification.Classification classification;
        try (PoolClassification pipeline = new PoolClassification(credit, calls, "T-1", strata)) {
            codes.forEach(pipeline::add);
            classification = pipeline.finish();
        }
        assertThat(classification).isEqualTo(new PoolClassification.Classification("scorecard-v1", "2026-11-30"));
        Map<String, List<String>> frozen = strata.freeze().strata();
        assertThat(frozen.values().stream().mapToInt(List::size).sum()).isEqualTo(codes.size());
        frozen.forEach((riskClass, members) -> assertThat(members).allMatch(c -> String.valueOf(classOf(c)).equals(riskClass)));
        assertThat(callers).as("four batches, each asked as the regulator").hasSize(4).containsOnly(regulator);
        assertThat(mostInFlight.get()).as("batches overlap, but never more than allowed").isEqualTo(PoolClassification.IN_FLIGHT);
    }

    @Test
    void classesOfTwoDaysInOnePoolAreRefused() {
        AtomicInteger call = new AtomicInteger();
        CreditRiskClassClient credit = request -> new RiskClasses(TODAY.plusDays(call.getAndIncrement() == 0 ? 0 : 1), "scorecard-v1",
                "B".repeat(request.codes().size()));
        try (PoolClassification pipeline = new PoolClassification(credit, calls, "T-2", new PoolStratification())) {
            codes(PoolClassification.BATCH + 1).forEach(pipeline::add);
            assertThatThrownBy(pipeline::finish).isInstanceOf(ConflictException.class).hasMessageContaining("build it again");
        }
    }

    @Test
    void aFailedCallFailsTheBuildWithItsOwnProblem() {
        CreditRiskClassClient credit = request -> {
            throw new IllegalStateException("credit-service is unavailable");
        };
        try (PoolClassification pipeline = new PoolClassification(credit, calls, "T-3", new PoolStratification())) {
            codes(10).forEach(pipeline::add);
            assertThatThrownBy(pipeline::finish).isInstanceOf(IllegalStateException.class).hasMessage("credit-service is unavailable");
        }
    }

    @Test
    void anAnswerShortOfTheCodesAskedIsNeverFrozen() {
        CreditRiskClassClient credit = request -> new RiskClasses(TODAY, "scorecard-v1", "B".repeat(request.codes().size() - 1));
        try (PoolClassification pipeline = new PoolClassification(credit, calls, "T-4", new PoolStratification())) {
            codes(10).forEach(pipeline::add);
            assertThatThrownBy(pipeline::finish).hasMessageContaining("classified 9 of 10");
        }
    }
}

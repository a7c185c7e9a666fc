package cn.dongcheng.platform.supervision.pool;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

@Configuration
class PoolConfiguration {

    static final String RISK_CLASS_CALLS = "riskClassCalls";

    /**
     * The threads that ask credit-service for risk classes while a pool's directory stream is read: as many as one
     * build keeps in flight, shared by concurrent builds (pools are built a few times a day, not per request).
     */
    @Bean(name = RISK_CLASS_CALLS, destroyMethod = "shutdownNow")
    ExecutorService riskClassCalls() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(PoolClassification.IN_FLIGHT, work -> {
            Thread thread = new Thread(work, "risk-class-calls-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}

package cn.dongcheng.platform.gateway.timeout;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fails a request body whose client sends nothing for {@code timeout} while the gateway is ready to take more. Only
 * time with demand outstanding counts: while the service reads slowly (backpressure, no demand) the client is not to
 * blame and the clock stands still. One timer per body, re-armed for what is left of the wait, not one per buffer.
 */
final class ClientReadWatch implements Runnable {

    private static final long NOT_WAITING = Long.MIN_VALUE;

    private final long timeoutNanos;
    private final Scheduler scheduler;
    private final AtomicLong outstanding = new AtomicLong();
    private final Sinks.One<Boolean> expired = Sinks.one();
    private volatile long waitingSince = NOT_WAITING;
    private volatile boolean timedOut;
    private volatile boolean stopped;
    private volatile Disposable timer;

    private ClientReadWatch(Duration timeout, Scheduler scheduler) {
        this.timeoutNanos = timeout.toNanos();
        this.scheduler = scheduler;
    }

    /** {@code body} as it comes, failing with 408 when its client stalls for {@code timeout} with demand outstanding. */
    static Flux<DataBuffer> watch(Flux<DataBuffer> body, Duration timeout) {
        return watch(body, timeout, Schedulers.parallel());
    }

    static Flux<DataBuffer> watch(Flux<DataBuffer> body, Duration timeout, Scheduler scheduler) {
        return Flux.defer(() -> {
            ClientReadWatch watch = new ClientReadWatch(timeout, scheduler);
            return body
                    .doOnNext(buffer -> watch.received())
                    .takeUntilOther(watch.expired.asMono())
                    .concatWith(Mono.defer(() -> watch.timedOut ? Mono.error(new ClientReadTimeoutException(timeout)) : Mono.empty()))
                    .doOnRequest(watch::requested)
                    .doOnSubscribe(s -> watch.arm(watch.timeoutNanos))
                    .doFinally(signal -> watch.stop());
        });
    }

    private void requested(long n) {
        if (outstanding.getAndAccumulate(n, Operators::addCap) == 0) {
            waitingSince = scheduler.now(TimeUnit.NANOSECONDS);
        }
    }

    private void received() {
        long left = outstanding.get() == Long.MAX_VALUE ? Long.MAX_VALUE : outstanding.decrementAndGet();
        waitingSince = left > 0 ? scheduler.now(TimeUnit.NANOSECONDS) : NOT_WAITING;
    }

    /** The timer: fires once the client has been waited for long enough, else sleeps for what is left. */
    @Override
    public void run() {
        if (stopped) {
            return;
        }
        long since = waitingSince;
        long left = since == NOT_WAITING ? timeoutNanos : since + timeoutNanos - scheduler.now(TimeUnit.NANOSECONDS);
        if (left <= 0) {
            timedOut = true;
            expired.tryEmitValue(true);
        } else {
            arm(left);
        }
    }

    private void arm(long nanos) {
        timer = scheduler.schedule(this, nanos, TimeUnit.NANOSECONDS);
    }

    private void stop() {
        stopped = true;
        Disposable t = timer;
        if (t != null) {
            t.dispose();
        }
    }
}

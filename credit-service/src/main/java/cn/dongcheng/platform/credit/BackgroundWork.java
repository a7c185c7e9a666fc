package cn.dongcheng.platform.credit;

import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Work the service does on its own clock (the watch's daily sweep, the directory replica's hourly one) on one named
 * daemon thread, started and stopped with the application context.
 */
public abstract class BackgroundWork implements SmartLifecycle {

    private final String threadName;
    private ScheduledExecutorService timer;

    protected BackgroundWork(String threadName) {
        this.threadName = threadName;
    }

    /** Does what must happen at start-up, then schedules the work on {@link #timer()}. */
    protected abstract void started();

    protected final ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public final void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        started();
    }

    @Override
    public final void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public final boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }
}

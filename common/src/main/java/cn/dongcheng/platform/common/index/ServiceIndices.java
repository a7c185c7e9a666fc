package cn.dongcheng.platform.common.index;

import cn.dongcheng.platform.common.index.VersionedIndexManager.Action;
import cn.dongcheng.platform.common.index.VersionedIndexManager.Outcome;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A service's indices at start-up. Creating a missing index or confirming an unchanged one is quick and happens before
 * the service takes traffic; a migration (a copy of every document) runs in the background, so the HTTP port opens
 * and probes answer while the old alias keeps serving reads. When another instance holds the migration lease this one
 * waits, serving the old alias, and takes over if that instance dies.
 */
public class ServiceIndices implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ServiceIndices.class);

    private final VersionedIndexManager manager;
    private final IndexNames names;
    private final Duration pollInterval;
    private final ExecutorService migrations = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "index-migration");
        thread.setDaemon(true);
        return thread;
    });

    /** @param pollInterval how often an instance waiting for another one's migration looks again */
    public ServiceIndices(VersionedIndexManager manager, IndexNames names, Duration pollInterval) {
        this.manager = manager;
        this.names = names;
        this.pollInterval = pollInterval;
    }

    public void ensure(IndexDefinition index) {
        String alias = names.alias(index.resource());
        ObjectNode definition = manager.read(index.definitionPath());
        Outcome outcome = manager.ensureUnlessCopyDue(alias, definition);
        log.debug("index {}: {}", alias, outcome);
        if (outcome.action() == Action.COPY_DUE) {
            log.info("index definition of {} changed: migrating in the background while the old index serves", alias);
            migrations.submit(() -> migrate(alias, definition));
        }
    }

    private void migrate(String alias, ObjectNode definition) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (manager.ensure(alias, definition).action() != Action.DEFERRED) {
                    return;
                }
            } catch (RuntimeException e) {
                log.error("migration of {} failed; the old index keeps serving; trying again in {}", alias, pollInterval, e);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** On shutdown a copy under way is interrupted: its failure path lifts the write block and releases the lease. */
    @Override
    public void destroy() throws InterruptedException {
        migrations.shutdownNow();
        migrations.awaitTermination(30, TimeUnit.SECONDS);
    }
}

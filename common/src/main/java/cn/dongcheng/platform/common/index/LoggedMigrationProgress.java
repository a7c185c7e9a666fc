package cn.dongcheng.platform.common.index;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a migration's progress at most every ten seconds, and its last batch. */
public class LoggedMigrationProgress implements MigrationProgress {

    private static final Logger log = LoggerFactory.getLogger(LoggedMigrationProgress.class);
    private static final long EVERY_NANOS = 10_000_000_000L;

    private long lastLogged = System.nanoTime();

    @Override
    public synchronized void copied(String alias, String from, String to, long copied, long total) {
        long now = System.nanoTime();
        if (now - lastLogged >= EVERY_NANOS || copied >= total) {
            lastLogged = now;
            log.info("migrating {}: {} of {} documents copied from {} to {} ({}%)", alias, copied, total, from, to,
                    total == 0 ? 100 : Math.min(100, copied * 100 / total));
        }
    }
}

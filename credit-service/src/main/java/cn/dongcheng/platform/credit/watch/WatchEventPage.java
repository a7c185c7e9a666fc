package cn.dongcheng.platform.credit.watch;

import java.time.Instant;
import java.util.List;

/**
 * One page of the caller's feed. {@code nextCursor} is always given once anything was read (at the end it is the
 * position reached, to poll with later); {@code caughtUp}: nothing more has settled yet; {@code settledBefore}: events
 * recorded after this instant are not handed out yet (see {@link WatchEventLog}).
 */
public record WatchEventPage(List<WatchEventView> items, String nextCursor, boolean caughtUp, Instant settledBefore) {
}

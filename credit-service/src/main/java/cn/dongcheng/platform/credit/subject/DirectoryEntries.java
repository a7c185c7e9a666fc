package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import cn.dongcheng.platform.credit.client.EnterpriseSummary;
import cn.dongcheng.platform.credit.client.IndustryClient;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A subject's identity from industry-service's directory, kept for a while: an entity's name and street change
 * rarely, and credit look-ups of the same subject come in bursts. Within {@code fresh-for} the cached entry answers
 * without a call; after that industry-service is asked again, and while it is down the last known entry (up to
 * {@code stale-for} old) is shown, marked as such; with none, the credit view is served without the identity section.
 * Entries are kept apart by whether the legal representative came unmasked, so a masked caller never gets another
 * caller's unmasked answer.
 * <p>
 * A caller who sees the legal representative masked (the public, and most roles) is answered, when memory has no
 * fresh entry, from credit's own {@link IdentityReplica} while its entry is younger than {@code replica-fresh-for}
 * (default 1 day; {@link IdentityReplicaSweeper} keeps it younger than that for every subject with records): a
 * public look-up then never waits for, nor costs, a call to industry-service. While industry-service is down an older
 * replica entry is shown as stale, up to {@code replica-stale-for} (default 30 days) old.
 */
public class DirectoryEntries {

    private static final Logger log = LoggerFactory.getLogger(DirectoryEntries.class);

    /** Where the identity section of an answer came from. */
    public enum Source {
        /** asked from industry-service for this answer */
        LIVE,
        /** fetched within the fresh period: not asked again */
        CACHED,
        /** industry-service is unavailable: the last known entry, older than the fresh period */
        STALE,
        /** industry-service is unavailable and nothing is known: no identity section */
        UNAVAILABLE
    }

    /** The identity section, where it came from and when it was fetched (null when unavailable). */
    public record Entry(EnterpriseSummary summary, Source source, OffsetDateTime fetchedAt) {
    }

    private record Key(String uscc, boolean unmasked) {
    }

    private record Fetched(EnterpriseSummary summary, Instant at) {
    }

    /** How long entries are trusted: in memory, and in the replica (masked callers only). */
    public record Freshness(Duration freshFor, Duration staleFor, Duration replicaFreshFor, Duration replicaStaleFor) {
    }

    private final IndustryClient industry;
    private final IdentityReplica replica;
    private final Clock clock;
    private final Freshness freshness;
    private final Cache<Key, Fetched> entries;

    public DirectoryEntries(IndustryClient industry, IdentityReplica replica, Clock clock, Freshness freshness, long maxEntries) {
        this.industry = industry;
        this.replica = replica;
        this.clock = clock;
        this.freshness = freshness;
        this.entries = Caffeine.newBuilder().expireAfterWrite(freshness.staleFor()).maximumSize(maxEntries).build();
    }

    /**
     * @param unmasked whether the caller may see the legal representative (the relayed token decides what
     *                 industry-service answers; the key keeps the two kinds of answer apart)
     */
    public Entry of(String uscc, boolean unmasked) {
        Key key = new Key(uscc, unmasked);
        Fetched known = entries.getIfPresent(key);
        Instant now = clock.instant();
        if (known != null && younger(known.at(), now, freshness.freshFor())) {
            return new Entry(known.summary(), Source.CACHED, at(known.at()));
        }
        Optional<IdentityReplica.Kept> kept = unmasked ? Optional.empty() : replica.read(uscc);
        if (kept.isPresent() && younger(kept.get().fetchedAt(), now, freshness.replicaFreshFor())) {
            return new Entry(kept.get().summary(), Source.CACHED, at(kept.get().fetchedAt()));
        }
        try {
            EnterpriseSummary summary = industry.enterprise(uscc); // its 404 stays a 404: the code is not in the directory
            entries.put(key, new Fetched(summary, now));
            if (!unmasked) {
                keep(summary, now);
            }
            return new Entry(summary, Source.LIVE, at(now));
        } catch (DependencyUnavailableException down) {
            if (known != null) {
                return new Entry(known.summary(), Source.STALE, at(known.at()));
            }
            return kept.filter(k -> younger(k.fetchedAt(), now, freshness.replicaStaleFor()))
                    .map(k -> new Entry(k.summary(), Source.STALE, at(k.fetchedAt())))
                    .orElse(new Entry(null, Source.UNAVAILABLE, null));
        }
    }

    /** A copy not kept is fetched again next time: no reason to fail the answer that has its entry. */
    private void keep(EnterpriseSummary summary, Instant now) {
        try {
            replica.keep(List.of(summary), now);
        } catch (RuntimeException e) {
            log.warn("directory entry of {} not kept in the replica: {}", summary.uscc(), e.toString());
        }
    }

    private static boolean younger(Instant fetched, Instant now, Duration limit) {
        return Duration.between(fetched, now).compareTo(limit) < 0;
    }

    private OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, clock.getZone());
    }
}

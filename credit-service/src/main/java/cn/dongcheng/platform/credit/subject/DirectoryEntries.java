package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import cn.dongcheng.platform.credit.client.EnterpriseSummary;
import cn.dongcheng.platform.credit.client.IndustryClient;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A subject's identity from industry-service's directory, kept for a while: an entity's name and street change
 * rarely, and credit look-ups of the same subject come in bursts. Within {@code fresh-for} the cached entry answers
 * without a call; after that industry-service is asked again, and while it is down the last known entry (up to
 * {@code stale-for} old) is shown, marked as such; with none, the credit view is served without the identity section.
 * Entries are kept apart by whether the legal representative came unmasked, so a masked caller never gets another
 * caller's unmasked answer.
 */
@Component
public class DirectoryEntries {

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

    private final IndustryClient industry;
    private final Clock clock;
    private final Duration freshFor;
    private final Cache<Key, Fetched> entries;

    public DirectoryEntries(IndustryClient industry, Clock clock,
                            @Value("${credit.directory.fresh-for:PT10M}") Duration freshFor,
                            @Value("${credit.directory.stale-for:PT24H}") Duration staleFor,
                            @Value("${credit.directory.max-entries:100000}") long maxEntries) {
        this.industry = industry;
        this.clock = clock;
        this.freshFor = freshFor;
        this.entries = Caffeine.newBuilder().expireAfterWrite(staleFor).maximumSize(maxEntries).build();
    }

    /**
     * @param unmasked whether the caller may see the legal representative (the relayed token decides what
     *                 industry-service answers; the key keeps the two kinds of answer apart)
     */
    public Entry of(String uscc, boolean unmasked) {
        Key key = new Key(uscc, unmasked);
        Fetched known = entries.getIfPresent(key);
        Instant now = clock.instant();
        if (known != null && Duration.between(known.at(), now).compareTo(freshFor) < 0) {
            return new Entry(known.summary(), Source.CACHED, at(known.at()));
        }
        try {
            EnterpriseSummary summary = industry.enterprise(uscc); // its 404 stays a 404: the code is not in the directory
            entries.put(key, new Fetched(summary, now));
            return new Entry(summary, Source.LIVE, at(now));
        } catch (DependencyUnavailableException down) {
            return known != null ? new Entry(known.summary(), Source.STALE, at(known.at())) : new Entry(null, Source.UNAVAILABLE, null);
        }
    }

    private OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, clock.getZone());
    }
}

package cn.dongcheng.platform.common.index;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchStatusException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.CreateResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.IndexResponse;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;

/**
 * Create-only lease documents (迁移租约), one per alias, so that of several instances starting with a new index
 * definition exactly one copies the documents while the others keep serving the old alias.
 *
 * <p>A lease is taken with {@code _create} (a second taker gets 409), kept alive by its holder with
 * compare-and-set writes ({@code if_seq_no}/{@code if_primary_term}) and, once expired — its holder was killed —
 * taken over the same way. No script is needed, so this works on the bare test distribution as on a full cluster.
 */
public class MigrationLeases {

    private final ElasticsearchClient client;
    private final String index;
    private final String owner;
    private final Duration ttl;
    private final Clock clock;
    private volatile boolean indexReady;

    /**
     * @param index the lease index, one per service ({@code <domain>-index-leases})
     * @param owner this instance's name in the leases it holds (host, pid and a random part)
     * @param ttl   how long a lease outlives its last renewal; a holder renews at a third of it
     */
    public MigrationLeases(ElasticsearchClient client, String index, String owner, Duration ttl, Clock clock) {
        this.client = client;
        this.index = index;
        this.owner = owner;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** What a lease document holds; times are ISO-8601 with the district's offset, readable by an operator. */
    public record Lease(String owner, String from, String to, String acquiredAt, String expiresAt) {
        boolean expiredAt(Instant now) {
            return !OffsetDateTime.parse(expiresAt).toInstant().isAfter(now);
        }
    }

    /**
     * A lease this instance holds.
     *
     * @param takenOver the expired lease this one replaced (its holder died half-way), or null
     */
    public static final class Held {
        private final String alias;
        private volatile Lease lease;
        private volatile long seqNo;
        private volatile long primaryTerm;
        private volatile Instant renewedAt;
        private final Lease takenOver;

        private Held(String alias, Lease lease, long seqNo, long primaryTerm, Instant renewedAt, Lease takenOver) {
            this.alias = alias;
            this.lease = lease;
            this.seqNo = seqNo;
            this.primaryTerm = primaryTerm;
            this.renewedAt = renewedAt;
            this.takenOver = takenOver;
        }

        public String alias() {
            return alias;
        }

        public Lease lease() {
            return lease;
        }

        public Lease takenOver() {
            return takenOver;
        }
    }

    /** Another instance took the lease over: this one must stop touching the indices at once. */
    public static class LeaseLostException extends RuntimeException {
        LeaseLostException(String alias) {
            super("the migration lease on " + alias + " was taken over by another instance");
        }
    }

    public String owner() {
        return owner;
    }

    /** Takes the lease on {@code alias} for a migration {@code from → to}: empty when a live lease is held elsewhere. */
    public Optional<Held> acquire(String alias, String from, String to) {
        ensureIndex();
        Instant now = clock.instant();
        Lease lease = newLease(from, to, now);
        try {
            CreateResponse created = call(() -> client.create(c -> c.index(index).id(alias).document(lease).refresh(
                    Refresh.True)));
            return Optional.of(new Held(alias, lease, created.seqNo(), created.primaryTerm(), now, null));
        } catch (ElasticsearchStatusException e) {
            if (!e.isConflict()) {
                throw e;
            }
        }
        GetResponse<Lease> existing = call(() -> client.get(g -> g.index(index).id(alias), Lease.class));
        if (!existing.found()) {
            return acquire(alias, from, to); // released between our create and get
        }
        if (!existing.source().expiredAt(now)) {
            return Optional.empty();
        }
        try { // its holder died: take it over, unless another instance just did
            IndexResponse taken = call(() -> client.index(i -> i.index(index).id(alias).document(lease)
                    .ifSeqNo(existing.seqNo()).ifPrimaryTerm(existing.primaryTerm())
                    .refresh(Refresh.True)));
            return Optional.of(new Held(alias, lease, taken.seqNo(), taken.primaryTerm(), now, existing.source()));
        } catch (ElasticsearchStatusException e) {
            if (e.isConflict()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Extends the lease when a third of its time has passed; throws {@link LeaseLostException} when it was taken. */
    public void renewIfDue(Held held) {
        if (Duration.between(held.renewedAt, clock.instant()).compareTo(ttl.dividedBy(3)) >= 0) {
            renew(held);
        }
    }

    /** Extends the lease now: proof, before a step that cannot be undone, that no other instance took it over. */
    public void renew(Held held) {
        Instant now = clock.instant();
        Lease renewed = new Lease(owner, held.lease.from(), held.lease.to(), held.lease.acquiredAt(), expiry(now));
        try {
            IndexResponse r = call(() -> client.index(i -> i.index(index).id(held.alias).document(renewed)
                    .ifSeqNo(held.seqNo).ifPrimaryTerm(held.primaryTerm)));
            held.lease = renewed;
            held.seqNo = r.seqNo();
            held.primaryTerm = r.primaryTerm();
            held.renewedAt = now;
        } catch (ElasticsearchStatusException e) {
            if (e.isConflict()) {
                throw new LeaseLostException(held.alias);
            }
            throw e;
        }
    }

    /** Whether the lease is still this holder's: false once another instance took it over or it is gone. */
    public boolean stillHeld(Held held) {
        GetResponse<Lease> existing = call(() -> client.get(g -> g.index(index).id(held.alias), Lease.class));
        return existing.found() && existing.seqNo() == held.seqNo && existing.primaryTerm() == held.primaryTerm;
    }

    /** Gives the lease back (only if still ours); a lease another instance took over is left to it. */
    public void release(Held held) {
        try {
            call(() -> client.delete(d -> d.index(index).id(held.alias).ifSeqNo(held.seqNo).ifPrimaryTerm(held.primaryTerm)
                    .refresh(Refresh.True)));
        } catch (ElasticsearchStatusException e) {
            if (!e.isConflict()) {
                throw e;
            }
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** The lease on {@code alias}, live or expired, if there is one. */
    public Optional<Lease> current(String alias) {
        ensureIndex();
        GetResponse<Lease> existing = call(() -> client.get(g -> g.index(index).id(alias), Lease.class));
        return existing.found() ? Optional.of(existing.source()) : Optional.empty();
    }

    public boolean isExpired(Lease lease) {
        return lease.expiredAt(clock.instant());
    }

    private Lease newLease(String from, String to, Instant now) {
        return new Lease(owner, from, to, OffsetDateTime.ofInstant(now, clock.getZone()).toString(), expiry(now));
    }

    private String expiry(Instant now) {
        return OffsetDateTime.ofInstant(now.plus(ttl), clock.getZone()).toString();
    }

    private void ensureIndex() {
        if (indexReady) {
            return;
        }
        try (InputStream definition = getClass().getClassLoader().getResourceAsStream("elasticsearch/index-leases.json")) {
            call(() -> client.indices().create(c -> c.index(index).withJson(definition)));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        indexReady = true;
    }
}

package cn.dongcheng.platform.common.index;

import cn.dongcheng.platform.common.index.MigrationLeases.Held;
import cn.dongcheng.platform.common.index.MigrationLeases.Lease;
import cn.dongcheng.platform.common.paging.DocumentPages;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;

/**
 * Keeps every index behind an alias pointing at a versioned physical index ({@code <alias>-v<N>}).
 *
 * <p>The definition (settings + mappings JSON) is compared, by its {@link DefinitionDigest} kept in the mapping's
 * {@code _meta}, with the index the alias points at:
 * <ul>
 *   <li>none: {@code -v1} is created with the alias;</li>
 *   <li>same: nothing to copy; a changed replica count is applied as a setting;</li>
 *   <li>an older definition this index already replaced (a rollback): left as it is — {@code _meta.definitionHistory}
 *       lists every digest the index's line has had, so old and new versions running side by side never migrate back
 *       and forth;</li>
 *   <li>changed: the instance that gets the alias's {@link MigrationLeases lease} creates {@code -v<N+1>}, makes the old
 *       index read-only (a concurrent writer fails loudly instead of writing into an index about to be dropped), copies
 *       its documents with point-in-time + search_after and {@code _bulk} (the local distribution has no
 *       {@code _reindex}), and moves the alias in one atomic {@code _aliases} call — a reader always finds a complete
 *       index. Other instances answer {@link Action#DEFERRED} and keep serving the old alias.</li>
 * </ul>
 * Every failure path lifts the write block and drops the half-filled target; a holder killed outright leaves an
 * expired lease, and the next instance to look either finishes the migration or, if its definition is the old one,
 * lifts the block.
 */
public class VersionedIndexManager {

    private static final Logger log = LoggerFactory.getLogger(VersionedIndexManager.class);
    private static final int COPY_BATCH = 1000;

    private final ElasticsearchClient client;
    private final DocumentPages pages;
    private final ObjectMapper mapper;
    private final MigrationLeases leases;
    private final MigrationProgress progress;

    public VersionedIndexManager(ElasticsearchClient client, DocumentPages pages, ObjectMapper mapper, MigrationLeases leases,
                                 MigrationProgress progress) {
        this.client = client;
        this.pages = pages;
        this.mapper = mapper;
        this.leases = leases;
        this.progress = progress;
    }

    public enum Action {
        CREATED, UNCHANGED, MIGRATED,
        /** the index already has a newer definition than this one (a rollback): served as it is */
        KEPT_NEWER,
        /** another instance holds the migration lease: the old index is served until it moves the alias */
        DEFERRED,
        /** a copy is due and was not started ({@link #ensureUnlessCopyDue}): the old index is served meanwhile */
        COPY_DUE
    }

    public record Outcome(String alias, String index, int version, Action action, long documentsCopied) {
    }

    public Outcome ensure(String alias, String classpathDefinition) {
        return ensure(alias, read(classpathDefinition));
    }

    public ObjectNode read(String classpathDefinition) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(classpathDefinition)) {
            if (in == null) {
                throw new IllegalStateException("index definition not found on the class path: " + classpathDefinition);
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpathDefinition, e);
        }
    }

    public Outcome ensure(String alias, ObjectNode definition) {
        return ensure(alias, definition, true);
    }

    /**
     * Everything {@link #ensure} does that needs no copy — create, confirm, apply replicas, recover an abandoned
     * migration, keep a newer index — in one look at the index; when a copy is due it answers {@link Action#COPY_DUE}
     * instead of starting it, so a service can run the copy in the background.
     */
    public Outcome ensureUnlessCopyDue(String alias, ObjectNode definition) {
        return ensure(alias, definition, false);
    }

    private Outcome ensure(String alias, ObjectNode definition, boolean copy) {
        String digest = DefinitionDigest.of(definition, mapper);
        String current = currentIndex(alias);
        if (current == null) {
            return create(alias, definition, digest, copy);
        }
        int version = versionOf(alias, current);
        CurrentState state = state(current);
        if (state.matches(digest, DefinitionDigest.legacy(definition, mapper))) {
            recoverAbandoned(alias, current, state);
            if (!digest.equals(state.digest())) { // matched by the digest indices created before replicas were left out
                Map<String, JsonData> meta = meta(digest, version, state.history()).asJsonData();
                call(() -> client.indices().putMapping(p -> p.index(current).meta(meta)));
            }
            applyReplicas(current, state, definition);
            return new Outcome(alias, current, version, Action.UNCHANGED, 0);
        }
        if (state.history().contains(digest)) {
            recoverAbandoned(alias, current, state);
            log.warn("index {} behind alias {} has a newer definition than this instance's (a rollback?): served as it is",
                    current, alias);
            return new Outcome(alias, current, version, Action.KEPT_NEWER, 0);
        }
        if (!copy) {
            return new Outcome(alias, current, version, Action.COPY_DUE, 0);
        }
        String to = alias + "-v" + (version + 1);
        Held lease = leases.acquire(alias, current, to).orElse(null);
        if (lease == null) {
            log.info("another instance is migrating {}: serving {} until it moves the alias", alias, current);
            return new Outcome(alias, current, version, Action.DEFERRED, 0);
        }
        if (!current.equals(currentIndex(alias))) { // the alias moved while we took the lease: look again
            leases.release(lease);
            return ensure(alias, definition, true);
        }
        if (lease.takenOver() != null) {
            log.warn("taking over the migration of {} abandoned by {} (lease expired at {})", alias,
                    lease.takenOver().owner(), lease.takenOver().expiresAt());
        }
        return migrate(alias, current, version + 1, definition, digest, state.history(), lease);
    }

    private Outcome create(String alias, ObjectNode definition, String digest, boolean copy) {
        String index = alias + "-v1";
        ObjectNode body = withMeta(definition, meta(digest, 1, List.of()));
        body.putObject("aliases").putObject(alias);
        try {
            createIndex(index, body);
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            return ensure(alias, definition, copy); // another instance created it first: check it again
        }
        log.info("created index {} behind alias {}", index, alias);
        return new Outcome(alias, index, 1, Action.CREATED, 0);
    }

    private Outcome migrate(String alias, String from, int version, ObjectNode definition, String digest,
                            List<String> history, Held lease) {
        String to = alias + "-v" + version;
        boolean aliasMoved = false;
        try {
            deleteIfExists(to); // left by an interrupted migration; never had the alias
            createIndex(to, withMeta(definition, meta(digest, version, history)));
            setWriteBlock(from, true);
            long copied = copy(alias, from, to, lease);
            call(() -> client.indices().refresh(r -> r.index(to)));
            long source = call(() -> client.count(c -> c.index(from))).count();
            long target = call(() -> client.count(c -> c.index(to))).count();
            if (source != target) {
                throw new IllegalStateException("copy of " + from + " to " + to + " is incomplete: " + target + " of " + source);
            }
            leases.renew(lease); // last proof before the step that cannot be undone
            call(() -> client.indices().updateAliases(u -> u
                    .actions(a -> a.remove(r -> r.index(from).alias(alias)))
                    .actions(a -> a.add(r -> r.index(to).alias(alias)))));
            aliasMoved = true;
            call(() -> client.indices().delete(d -> d.index(from)));
            log.info("migrated alias {} from {} to {} ({} documents copied)", alias, from, to, copied);
            release(lease, null);
            return new Outcome(alias, to, version, Action.MIGRATED, copied);
        } catch (RuntimeException | Error e) {
            boolean interrupted = Thread.interrupted(); // a shutdown interrupted the copy: the clean-up must still run
            try {
                // the alias swap may have been applied although its answer never came (a shutdown interrupted the
                // wait): then the target is the live index and must not be dropped. Unreadable: touch nothing, the
                // lease expires and the next instance cleans up
                Optional<String> live = aliasTarget(alias, e);
                boolean moved = aliasMoved || live.map(to::equals).orElse(true);
                // once another instance has taken the lease over, both indices are its own: touch neither
                if (!moved && stillHeld(lease, e)) {
                    abandon(from, to, e);
                }
                release(lease, e);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            throw e;
        }
    }

    private void release(Held lease, Throwable cause) {
        try {
            leases.release(lease);
        } catch (RuntimeException e) { // it expires by itself
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                log.warn("could not release the migration lease on {}; it expires by itself", lease.alias(), e);
            }
        }
    }

    /** Where the alias points now; empty when that cannot be read. */
    private Optional<String> aliasTarget(String alias, Throwable cause) {
        try {
            return Optional.ofNullable(currentIndex(alias));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            return Optional.empty();
        }
    }

    private boolean stillHeld(Held lease, Throwable cause) {
        try {
            return leases.stillHeld(lease);
        } catch (RuntimeException e) { // Elasticsearch unreachable: the lease expires and the next instance cleans up
            cause.addSuppressed(e);
            return false;
        }
    }

    /** Undoes a migration that will not finish: the old index writable again, the half-filled target gone. */
    private void abandon(String from, String to, Throwable cause) {
        try {
            setWriteBlock(from, false);
            deleteIfExists(to);
            log.warn("migration of {} to {} abandoned; {} is writable again", from, to, from);
        } catch (RuntimeException cleanup) {
            cause.addSuppressed(cleanup);
        }
    }

    /**
     * An index left write-blocked by a migration whose holder died (its lease expired) and which nobody continues —
     * this instance's definition matches the old index: lifts the block and drops the half-filled target.
     */
    private void recoverAbandoned(String alias, String current, CurrentState state) {
        if (!state.writeBlocked()) {
            return;
        }
        Lease lease = leases.current(alias).orElse(null);
        if (lease == null || !current.equals(lease.from()) || !leases.isExpired(lease)) {
            return; // blocked by an operator, or a migration still under way
        }
        leases.acquire(alias, lease.from(), lease.to()).ifPresent(held -> {
            try {
                abandon(current, lease.to(), new IllegalStateException("abandoned by " + lease.owner()));
            } finally {
                leases.release(held);
            }
        });
    }

    private long copy(String alias, String from, String to, Held lease) {
        long total = call(() -> client.count(c -> c.index(from))).count();
        long[] copied = {0};
        pages.scanHits(from, Query.of(q -> q.matchAll(m -> m)), null, COPY_BATCH, ObjectNode.class, hits -> {
            leases.renewIfDue(lease); // before writing: a holder that stalled past its lease must not write on
            bulkCopy(to, hits);
            copied[0] += hits.size();
            progress.copied(alias, from, to, copied[0], total);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("migration of " + from + " interrupted after " + copied[0] + " documents");
            }
        });
        return copied[0];
    }

    private void bulkCopy(String to, List<Hit<ObjectNode>> hits) {
        List<BulkOperation> operations = new ArrayList<>(hits.size());
        for (Hit<ObjectNode> hit : hits) {
            operations.add(BulkOperation.of(o -> o.index(i -> i.index(to).id(hit.id()).document(hit.source()))));
        }
        BulkResponse response = call(() -> client.bulk(b -> b.operations(operations)));
        if (response.errors()) {
            BulkResponseItem failed = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
            throw new IllegalStateException("copy into " + to + " failed: " + failed.error().type() + ": " + failed.error().reason());
        }
    }

    private void applyReplicas(String index, CurrentState state, ObjectNode definition) {
        String wanted = DefinitionDigest.replicas(definition);
        if (wanted != null && !wanted.equals(state.replicas())) {
            call(() -> client.indices().putSettings(p -> p.index(index).settings(s -> s.numberOfReplicas(wanted))));
            log.info("replicas of {} set to {} (was {})", index, wanted, state.replicas());
        }
    }

    private void setWriteBlock(String index, boolean blocked) {
        call(() -> client.indices().putSettings(p -> p.index(index).settings(s -> s.blocks(b -> b.write(blocked)))));
    }

    private void createIndex(String index, ObjectNode body) {
        String json = body.toString();
        call(() -> client.indices().create(c -> c.index(index).withJson(new StringReader(json))));
    }

    private void deleteIfExists(String index) {
        if (call(() -> client.indices().exists(e -> e.index(index))).value()) {
            call(() -> client.indices().delete(d -> d.index(index)));
        }
    }

    /** The physical index behind the alias, or null when there is none. */
    public String currentIndex(String alias) {
        if (!call(() -> client.indices().existsAlias(e -> e.name(alias))).value()) {
            if (call(() -> client.indices().exists(e -> e.index(alias))).value()) {
                throw new IllegalStateException(alias + " is a concrete index, not an alias: move it behind an alias first");
            }
            return null;
        }
        var indices = call(() -> client.indices().getAlias(g -> g.name(alias))).result().keySet();
        if (indices.size() != 1) {
            throw new IllegalStateException("alias " + alias + " points at more than one index: " + indices);
        }
        return indices.iterator().next();
    }

    /** What the physical index says of itself: its definition digests, write block and replicas. */
    private record CurrentState(String digest, List<String> history, boolean writeBlocked, String replicas) {
        /** Same definition, by today's digest or by the one indices created before replicas were left out carry. */
        boolean matches(String current, String legacy) {
            return digest != null && (digest.equals(current) || digest.equals(legacy));
        }
    }

    private CurrentState state(String index) {
        Map<String, JsonData> meta = call(() -> client.indices().getMapping(g -> g.index(index))).result().get(index).mappings().meta();
        IndexSettings settings = call(() -> client.indices().getSettings(g -> g.index(index))).result().get(index).settings();
        IndexSettings indexLevel = settings.index() != null ? settings.index() : settings;
        boolean blocked = indexLevel.blocks() != null && Boolean.TRUE.equals(indexLevel.blocks().write());
        String digest = meta.containsKey("definitionSha256") ? meta.get("definitionSha256").to(String.class) : null;
        List<String> history = new ArrayList<>();
        if (meta.containsKey("definitionHistory")) {
            for (JsonValue value : meta.get("definitionHistory").toJson().asJsonArray()) {
                history.add(((JsonString) value).getString());
            }
        } else if (digest != null) {
            history.add(digest);
        }
        return new CurrentState(digest, history, blocked, indexLevel.numberOfReplicas());
    }

    private static int versionOf(String alias, String index) {
        String prefix = alias + "-v";
        if (!index.startsWith(prefix)) {
            throw new IllegalStateException("alias " + alias + " points at " + index + ", which is not a versioned index");
        }
        return Integer.parseInt(index.substring(prefix.length()));
    }

    /** The mapping's {@code _meta}: this definition's digest and version, and every digest the index line has had. */
    private record DefinitionMeta(String digest, int version, List<String> history) {
        Map<String, Object> asMap() {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("definitionSha256", digest);
            meta.put("definitionVersion", version);
            meta.put("definitionHistory", history);
            return meta;
        }

        Map<String, JsonData> asJsonData() {
            Map<String, JsonData> meta = new LinkedHashMap<>();
            asMap().forEach((name, value) -> meta.put(name, JsonData.of(value)));
            return meta;
        }
    }

    private static DefinitionMeta meta(String digest, int version, List<String> history) {
        List<String> lineage = new ArrayList<>(history);
        if (!lineage.contains(digest)) {
            lineage.add(digest);
        }
        return new DefinitionMeta(digest, version, List.copyOf(lineage));
    }

    private ObjectNode withMeta(ObjectNode definition, DefinitionMeta meta) {
        ObjectNode body = definition.deepCopy();
        ObjectNode mappings = body.has("mappings") ? (ObjectNode) body.get("mappings") : body.putObject("mappings");
        ObjectNode target = mappings.has("_meta") ? (ObjectNode) mappings.get("_meta") : mappings.putObject("_meta");
        meta.asMap().forEach((name, value) -> target.set(name, mapper.valueToTree(value)));
        return body;
    }
}

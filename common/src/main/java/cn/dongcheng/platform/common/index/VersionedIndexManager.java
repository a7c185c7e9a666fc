package cn.dongcheng.platform.common.index;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchStatusException;
import cn.dongcheng.platform.common.paging.DocumentPages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * Keeps every index behind an alias pointing at a versioned physical index ({@code <alias>-v<N>}).
 *
 * <p>At start-up the definition (settings + mappings JSON) is compared, by its SHA-256 kept in the mapping's
 * {@code _meta}, with the index the alias points at. Same: nothing to do. None: {@code -v1} is created with the alias.
 * Changed: {@code -v<N+1>} is created, the old index is made read-only (a concurrent writer fails loudly instead of
 * writing into an index about to be dropped), its documents are copied with point-in-time + search_after and
 * {@code _bulk} (the local distribution has no {@code _reindex}), and the alias moves in one atomic {@code _aliases}
 * call — a reader always finds a complete index.
 */
public class VersionedIndexManager {

    private static final Logger log = LoggerFactory.getLogger(VersionedIndexManager.class);
    private static final int COPY_BATCH = 1000;

    private final ElasticsearchJson es;

    public VersionedIndexManager(ElasticsearchJson es) {
        this.es = es;
    }

    public enum Action { CREATED, UNCHANGED, MIGRATED }

    public record Outcome(String alias, String index, int version, Action action, long documentsCopied) {
    }

    public Outcome ensure(String alias, String classpathDefinition) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(classpathDefinition)) {
            if (in == null) {
                throw new IllegalStateException("index definition not found on the class path: " + classpathDefinition);
            }
            return ensure(alias, (ObjectNode) es.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpathDefinition, e);
        }
    }

    public synchronized Outcome ensure(String alias, ObjectNode definition) {
        String digest = sha256(definition);
        String current = currentIndex(alias);
        if (current == null) {
            String index = alias + "-v1";
            ObjectNode body = withMeta(definition, digest, 1);
            body.putObject("aliases").putObject(alias);
            try {
                es.send("PUT", "/" + index, body);
            } catch (ElasticsearchStatusException e) {
                if (!e.body().contains("resource_already_exists_exception")) {
                    throw e;
                }
                return ensure(alias, definition); // another instance created it first: check it again
            }
            log.info("created index {} behind alias {}", index, alias);
            return new Outcome(alias, index, 1, Action.CREATED, 0);
        }
        int version = versionOf(alias, current);
        JsonNode meta = es.get("/" + current + "/_mapping").path(current).path("mappings").path("_meta");
        if (digest.equals(meta.path("definitionSha256").asText())) {
            return new Outcome(alias, current, version, Action.UNCHANGED, 0);
        }
        return migrate(alias, current, version + 1, definition, digest);
    }

    private Outcome migrate(String alias, String from, int version, ObjectNode definition, String digest) {
        String to = alias + "-v" + version;
        if (es.exists("/" + to)) {
            es.send("DELETE", "/" + to, null); // left by an interrupted migration; never had the alias
        }
        es.send("PUT", "/" + to, withMeta(definition, digest, version));
        setWriteBlock(from, true);
        try {
            long copied = copy(from, to);
            es.refresh(to);
            long source = es.get("/" + from + "/_count").path("count").asLong();
            long target = es.get("/" + to + "/_count").path("count").asLong();
            if (source != target) {
                throw new IllegalStateException("copy of " + from + " to " + to + " is incomplete: " + target + " of " + source);
            }
            ObjectNode actions = es.object();
            ArrayNode list = actions.putArray("actions");
            list.addObject().putObject("remove").put("index", from).put("alias", alias);
            list.addObject().putObject("add").put("index", to).put("alias", alias);
            es.send("POST", "/_aliases", actions);
            es.send("DELETE", "/" + from, null);
            log.info("migrated alias {} from {} to {} ({} documents copied)", alias, from, to, copied);
            return new Outcome(alias, to, version, Action.MIGRATED, copied);
        } catch (RuntimeException e) {
            setWriteBlock(from, false);
            es.send("DELETE", "/" + to, null);
            throw e;
        }
    }

    private long copy(String from, String to) {
        ObjectNode all = es.object();
        all.putObject("match_all");
        return new DocumentPages(es).scan(from, all, null, COPY_BATCH, hits -> {
            StringBuilder bulk = new StringBuilder();
            for (JsonNode hit : hits) {
                ObjectNode action = es.object();
                action.putObject("index").put("_index", to).put("_id", hit.path("_id").asText());
                bulk.append(action).append('\n').append(hit.path("_source")).append('\n');
            }
            JsonNode response = es.send("POST", "/_bulk", bulk.toString());
            if (response.path("errors").asBoolean()) {
                throw new IllegalStateException("copy into " + to + " failed: " + firstError(response));
            }
        });
    }

    private void setWriteBlock(String index, boolean blocked) {
        ObjectNode settings = es.object();
        if (blocked) {
            settings.put("index.blocks.write", true);
        } else {
            settings.putNull("index.blocks.write");
        }
        es.send("PUT", "/" + index + "/_settings", settings);
    }

    /** The physical index behind the alias, or null when there is none. */
    public String currentIndex(String alias) {
        JsonNode aliases = es.getOrNull("/_alias/" + alias);
        if (aliases == null || aliases.isEmpty()) {
            if (es.exists("/" + alias)) {
                throw new IllegalStateException(alias + " is a concrete index, not an alias: move it behind an alias first");
            }
            return null;
        }
        Iterator<String> names = aliases.fieldNames();
        String index = names.next();
        if (names.hasNext()) {
            throw new IllegalStateException("alias " + alias + " points at more than one index: " + aliases);
        }
        return index;
    }

    private static int versionOf(String alias, String index) {
        String prefix = alias + "-v";
        if (!index.startsWith(prefix)) {
            throw new IllegalStateException("alias " + alias + " points at " + index + ", which is not a versioned index");
        }
        return Integer.parseInt(index.substring(prefix.length()));
    }

    private ObjectNode withMeta(ObjectNode definition, String digest, int version) {
        ObjectNode body = definition.deepCopy();
        ObjectNode mappings = body.has("mappings") ? (ObjectNode) body.get("mappings") : body.putObject("mappings");
        ObjectNode meta = mappings.has("_meta") ? (ObjectNode) mappings.get("_meta") : mappings.putObject("_meta");
        meta.put("definitionSha256", digest).put("definitionVersion", version);
        return body;
    }

    private String sha256(JsonNode definition) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(es.mapper().writeValueAsString(definition).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstError(JsonNode bulkResponse) {
        for (JsonNode item : bulkResponse.path("items")) {
            JsonNode error = item.elements().next().path("error");
            if (!error.isMissingNode()) {
                return error.path("type").asText() + ": " + error.path("reason").asText();
            }
        }
        return "unknown";
    }
}

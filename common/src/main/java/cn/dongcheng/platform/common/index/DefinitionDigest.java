package cn.dongcheng.platform.common.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 that says whether an index still matches its definition (settings + mappings JSON), kept in the
 * mapping's {@code _meta.definitionSha256}.
 *
 * <p>Shard and replica counts are left out: changing replicas is a dynamic setting applied in place, not a reason to
 * copy every document, and a shard count only takes effect at the next migration a mapping change causes.
 */
public final class DefinitionDigest {

    /** Settings that never cause a migration, in both spellings Elasticsearch accepts. */
    private static final List<String> PLACEMENT_SETTINGS = List.of("number_of_shards", "number_of_replicas");

    private DefinitionDigest() {
    }

    public static String of(ObjectNode definition, ObjectMapper mapper) {
        ObjectNode hashed = definition.deepCopy();
        JsonNode settings = hashed.path("settings");
        if (settings instanceof ObjectNode s) {
            s.remove(PLACEMENT_SETTINGS);
            if (s.path("index") instanceof ObjectNode index) {
                index.remove(PLACEMENT_SETTINGS);
                if (index.isEmpty()) {
                    s.remove("index");
                }
            }
            PLACEMENT_SETTINGS.forEach(name -> s.remove("index." + name));
        }
        return sha256(hashed, mapper);
    }

    /**
     * The digest of the whole definition, replicas included, as indices created before placement settings were left
     * out carry it: such an index matches without a migration.
     */
    static String legacy(ObjectNode definition, ObjectMapper mapper) {
        return sha256(definition, mapper);
    }

    private static String sha256(JsonNode json, ObjectMapper mapper) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(mapper.writeValueAsString(json).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The replica count the definition asks for, or null when it leaves it to the cluster's default. */
    static String replicas(ObjectNode definition) {
        JsonNode settings = definition.path("settings");
        for (JsonNode value : List.of(settings.path("number_of_replicas"), settings.path("index").path("number_of_replicas"),
                settings.path("index.number_of_replicas"))) {
            if (!value.isMissingNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }
}

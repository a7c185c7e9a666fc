package cn.dongcheng.platform.common.ingest;

import cn.dongcheng.platform.common.paging.DocumentPages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps every replaced version of a document (变更历史, 全程留痕): before a changed line overwrites a document, the
 * stored version goes to the history index as {@code <id>:v<version>}, and the new one counts one version up. A line
 * that says what is stored is accepted without a write, so a re-delivered upload changes nothing.
 */
public class VersionHistory<T extends VersionedDocument<T>> implements BatchPreparation {

    /** A replaced version, as it was stored, and when it was replaced: {@code <id>:v<version>} in the history index. */
    public record Entry<T>(String id, int version, String replacedAt, T document) {
        public String key() {
            return id + ":v" + version;
        }
    }

    private final DocumentPages pages;
    private final ObjectMapper json;
    private final Class<T> type;
    private final String currentAlias;
    private final String historyAlias;

    public VersionHistory(DocumentPages pages, ObjectMapper json, Class<T> type, String currentAlias, String historyAlias) {
        this.pages = pages;
        this.json = json;
        this.type = type;
        this.currentAlias = currentAlias;
        this.historyAlias = historyAlias;
    }

    @Override
    public Prepared prepare(List<IndexedDocument> batch) {
        return prepare(batch, pages.getAll(currentAlias, batch.stream().map(IndexedDocument::id).distinct().toList(), type));
    }

    /**
     * As {@link #prepare(List)}, on the stored versions of the batch's ids read by the caller (in real time, by id):
     * for a preparation that reads them in one round trip with other documents it needs.
     */
    public Prepared prepare(List<IndexedDocument> batch, Map<String, T> stored) {
        Map<String, T> latest = new HashMap<>(stored);
        Map<String, Long> linesPerId = batch.stream().collect(Collectors.groupingBy(IndexedDocument::id, Collectors.counting()));
        List<SideDocument> history = new ArrayList<>();
        Map<String, Object> versioned = new HashMap<>();
        Set<String> unchanged = new HashSet<>();
        for (IndexedDocument doc : batch) {
            T incoming = type.cast(doc.source());
            T current = latest.get(doc.id());
            if (current == null) { // stored as validated: version 1
                latest.put(doc.id(), incoming);
                continue;
            }
            T sent = incoming;
            incoming = incoming.reconciledWith(current);
            if (incoming.sameContentAs(current)) {
                if (linesPerId.get(doc.id()) == 1) {
                    unchanged.add(doc.id());
                } else if (incoming != sent) {
                    versioned.put(doc.id(), current); // the line as sent would undo what the stored version keeps
                }
                continue;
            }
            int version = current.version() == null ? 1 : current.version();
            Entry<T> replaced = new Entry<>(doc.id(), version, incoming.updatedAt(), current);
            history.add(new SideDocument(historyAlias, replaced.key(), replaced, doc.id()));
            T next = incoming.withBookkeeping(version + 1, incoming.updatedAt());
            versioned.put(doc.id(), next);
            latest.put(doc.id(), next); // a later line of the same batch replaces this version in turn
        }
        return new Prepared(history, Map.of(), versioned, unchanged);
    }

    /** Version {@code version} of a document as it was replaced, if the history holds it. */
    public Optional<T> version(String id, int version) {
        return Optional.ofNullable(versions(Map.of(id, version)).get(id));
    }

    /**
     * The replaced versions asked for ({@code id → version}) in one multi-get, by document id; a version the history
     * does not hold is absent.
     */
    public Map<String, T> versions(Map<String, Integer> versionById) {
        Map<String, String> idByKey = new HashMap<>();
        versionById.forEach((id, version) -> idByKey.put(id + ":v" + version, id));
        Map<String, T> found = new HashMap<>();
        pages.getAll(historyAlias, idByKey.keySet(), ObjectNode.class).forEach((key, entry) -> {
            try {
                found.put(idByKey.get(key), json.treeToValue(entry.get("document"), type));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("history entry " + key + " does not read as " + type.getSimpleName(), e);
            }
        });
        return found;
    }
}

package cn.dongcheng.platform.supervision.task;

import cn.dongcheng.platform.supervision.item.TargetType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which market entities of the directory a task's pool is built from: street (街道), industry section (GB/T 4754
 * letter), registration status (default ACTIVE: only entities in business are visited) and entity type.
 *
 * @param entityType enterprises or individual businesses; when left out, the narrowest type all items apply to
 */
public record TargetFilters(String streetCode, String industrySection, String status, TargetType entityType) {

    /** The query parameters of industry-service's directory stream; the entity type is read from each code. */
    public Map<String, String> directoryQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        if (streetCode != null) {
            query.put("streetCode", streetCode);
        }
        if (industrySection != null) {
            query.put("section", industrySection);
        }
        query.put("status", status);
        return query;
    }
}

package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.common.ingest.VersionedDocument;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A presence count as stored in {@code population-presence-counts} under {@code <operator>:<streetCode>:<hour>}, so a
 * re-delivered hour replaces the earlier count (the replaced one is kept in {@code population-presence-count-history}).
 * {@code hour} is Beijing wall time without an offset ({@code 2025-03-03T14:00}): China keeps no summer time, so each
 * local hour is one hour, and figures are asked for by local dates.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PresenceCountDocument(String operator, String streetCode, String hour, long count, String sourceBatch,
                                    Integer version, String updatedAt) implements VersionedDocument<PresenceCountDocument> {

    public String id() {
        return operator + ":" + streetCode + ":" + hour;
    }

    @Override
    public PresenceCountDocument withBookkeeping(Integer version, String updatedAt) {
        return new PresenceCountDocument(operator, streetCode, hour, count, sourceBatch, version, updatedAt);
    }
}

package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.common.ingest.LineKey;

/**
 * One line of an operator's delivery (运营商信令 aggregate): the devices {@code operator} saw in a street during the
 * hour starting at {@code hour} (Beijing wall time, {@code 2025-03-03T14:00}), from delivery {@code sourceBatch}.
 * A count, never a device or a person.
 */
@LineKey({"operator", "streetCode", "hour"})
public record PresenceCountLine(String operator, String streetCode, String hour, Long count, String sourceBatch) {
}

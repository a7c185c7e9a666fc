package cn.dongcheng.platform.population.presence;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * The devices the operators counted in one street during one hour (Beijing wall time, the hour that starts at
 * {@code hour}), per operator that reported it. Aggregates only: no device or person is behind this.
 */
public record HourlyPresence(LocalDateTime hour, Map<String, Long> devicesByOperator) {

    public HourlyPresence {
        devicesByOperator = Map.copyOf(devicesByOperator);
    }

    public long devices() {
        return devicesByOperator.values().stream().mapToLong(Long::longValue).sum();
    }
}

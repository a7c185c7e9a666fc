package cn.dongcheng.platform.population.presence;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One hour of a street's series.
 *
 * @param operators  the operators whose counts the hour has
 * @param devices    their devices, summed
 * @param scaled     devices scaled to all operators by market share (uncalibrated)
 * @param population {@code scaled × factor}, rounded to persons; null when the street is not calibrated
 */
public record HourEstimate(LocalDateTime hour, List<String> operators, long devices, double scaled, Long population) {
}

package cn.dongcheng.platform.population.presence;

/**
 * A street's day and night population over a period (日间/夜间人口).
 *
 * @param dayHours        working-day hours in the day window that have counts
 * @param dayScaled       mean scaled estimate over them (uncalibrated), null without any
 * @param dayPopulation   {@code dayScaled × factor}, rounded; null when not calibrated or no day hour
 * @param nightPopulation {@code nightMeanScaled × factor}, rounded: equal to the residents by construction, up to rounding
 * @param dayNightRatio   {@code dayScaled / nightMeanScaled} (the factor cancels), three decimals; above 1 a street
 *                        draws people in by day (jobs, visitors), below 1 it empties
 */
public record StreetDayNight(String streetCode, String streetName, StreetCalibration calibration, int dayHours,
                             Double dayScaled, Long dayPopulation, Long nightPopulation, Double dayNightRatio) {
}

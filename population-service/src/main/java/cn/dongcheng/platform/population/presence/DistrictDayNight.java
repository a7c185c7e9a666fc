package cn.dongcheng.platform.population.presence;

import java.util.List;

/**
 * District day and night population: sums over {@code streetsIncluded} streets; {@code streetsLeftOut} had no
 * calibration factor or no day hours in the period.
 */
public record DistrictDayNight(int streetsIncluded, long dayPopulation, long nightPopulation, Double dayNightRatio,
                               List<String> streetsLeftOut) {
}

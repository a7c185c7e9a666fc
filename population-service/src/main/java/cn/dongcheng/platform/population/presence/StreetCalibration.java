package cn.dongcheng.platform.population.presence;

/**
 * How a street's scaled presence was tied to its residents (常住人口校准): {@code factor = residents / nightMean}, where
 * {@code nightMean} is the mean scaled estimate over the night hours of the period. {@code factor} is null when it
 * cannot be computed (no residents known, no night hour reported, or nobody present at night); the figures are then
 * left uncalibrated.
 *
 * @param residents       the calibration target, null when the source knows none for the street
 * @param nightHours      how many night hours with at least one operator's count the mean is over
 * @param nightMeanScaled the mean scaled (uncalibrated) estimate over those hours, null without any
 */
public record StreetCalibration(Long residents, int nightHours, Double nightMeanScaled, Double factor) {

    public boolean calibrated() {
        return factor != null;
    }

    /** A scaled figure in persons, or null when the street is not calibrated. */
    public Long apply(Double scaled) {
        return factor == null || scaled == null ? null : Math.round(scaled * factor);
    }
}

package cn.dongcheng.platform.population.presence;

import java.time.LocalDate;
import java.util.List;

/**
 * A street's hourly population over a period (逐时人口), with how it was scaled ({@code marketShares}, and whether
 * those shares are verified figures or an assumption) and calibrated (to {@code calibrateTo} over the night window).
 */
public record PresenceSeries(String streetCode, String streetName, LocalDate from, LocalDate to, String nightWindow,
                             CalibrationTarget calibrateTo, String marketShares, boolean marketSharesVerified,
                             StreetCalibration calibration, List<HourEstimate> hours) {
}

package cn.dongcheng.platform.population.presence;

import java.time.LocalDate;
import java.util.List;

/**
 * Day and night population per street and for the district over a period: day = mean over the day window of working
 * days, night = mean over the night window of every day, both calibrated to {@code calibrateTo}.
 */
public record DayNightFigures(LocalDate from, LocalDate to, String dayWindow, String nightWindow, boolean dayOnWorkingDaysOnly,
                              CalibrationTarget calibrateTo, String marketShares, boolean marketSharesVerified,
                              List<StreetDayNight> streets, DistrictDayNight district) {
}

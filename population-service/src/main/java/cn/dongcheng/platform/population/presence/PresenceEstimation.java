package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.common.district.DongchengStreet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Population present in a street from telecom presence aggregates (运营商信令人口), in two steps.
 *
 * <p><b>Scaling to all operators.</b> For street {@code s} and hour {@code h}, with {@code R(s,h)} the operators that
 * reported the hour, {@code c_o} an operator's device count and {@code m_o} its market share:
 * <pre>
 *   P̂(s,h) = Σ_{o∈R} c_o / Σ_{o∈R} m_o
 * </pre>
 * Each operator alone estimates all devices as {@code c_o / m_o}; pooling them weights each by its share. A missing
 * operator is thus taken to carry its market share of the devices actually present, like those that reported: its
 * share leaves the denominator, nothing is imputed from other hours. (Adding {@code c_o / m_o} over operators would
 * count the population once per operator.) With every operator reporting and shares adding up to 1, {@code P̂} is
 * the devices counted: the shares matter for an hour an operator missed, and calibration then turns devices into
 * people (phones per person, people without one, visitors' roaming SIMs).
 *
 * <p><b>Calibration to residents.</b> At night the people present in a residential street are, near enough, those who
 * live there. With {@code N} the night hours of the period that have counts (hour of day in the night window, every
 * day), {@code N̄(s) = mean_{h∈N} P̂(s,h)} and {@code Res(s)} the street's residents:
 * <pre>
 *   k(s) = Res(s) / N̄(s),      population(s,h) = k(s) · P̂(s,h)
 * </pre>
 * Day population = {@code k(s) · mean P̂(s,h)} over the day-window hours of working days (工作日, the State Council's
 * calendar); night population = {@code k(s) · N̄(s) = Res(s)}. The day/night ratio {@code D̄/N̄} does not depend on
 * {@code k}. An hour without any operator's count is absent, not zero: means are over the hours that have counts.
 */
public final class PresenceEstimation {

    private final MarketShares shares;

    public PresenceEstimation(MarketShares shares) {
        this.shares = shares;
    }

    /** {@code P̂(s,h)}: the hour's devices scaled to all operators; an hour needs at least one operator's count. */
    public double scaled(HourlyPresence hour) {
        if (hour.devicesByOperator().isEmpty()) {
            throw new IllegalArgumentException("hour " + hour.hour() + " has no operator's count");
        }
        return hour.devices() / shares.shareOf(hour.devicesByOperator().keySet());
    }

    /** {@code k(s)} over the night hours of {@code hours} (one street's, any order); see the class comment. */
    public StreetCalibration calibrate(List<HourlyPresence> hours, Long residents, HourWindow night) {
        List<HourlyPresence> nights = hours.stream().filter(h -> night.contains(h.hour())).toList();
        Double nightMean = meanScaled(nights);
        Double factor = residents == null || residents <= 0 || nightMean == null || nightMean <= 0 ? null : residents / nightMean;
        return new StreetCalibration(residents, nights.size(), nightMean, factor);
    }

    /** The street's hours in time order, scaled and (when calibrated) in persons. */
    public List<HourEstimate> series(List<HourlyPresence> hours, StreetCalibration calibration) {
        List<HourEstimate> out = new ArrayList<>(hours.size());
        hours.stream().sorted((a, b) -> a.hour().compareTo(b.hour())).forEach(h -> {
            double scaled = scaled(h);
            out.add(new HourEstimate(h.hour(), h.devicesByOperator().keySet().stream().sorted().toList(), h.devices(),
                    scaled, calibration.apply(scaled)));
        });
        return out;
    }

    /**
     * Day and night population of one street: day over the day-window hours of days {@code workingDay} accepts,
     * night over the night-window hours of every day, calibrated to {@code residents}.
     */
    public StreetDayNight dayNight(DongchengStreet street, List<HourlyPresence> hours, Long residents,
                                   HourWindow day, HourWindow night, Predicate<LocalDate> workingDay) {
        StreetCalibration calibration = calibrate(hours, residents, night);
        List<HourlyPresence> days = hours.stream()
                .filter(h -> day.contains(h.hour()) && workingDay.test(h.hour().toLocalDate())).toList();
        Double dayMean = meanScaled(days);
        Double nightMean = calibration.nightMeanScaled();
        Double ratio = dayMean == null || nightMean == null || nightMean <= 0 ? null : Math.round(dayMean / nightMean * 1000) / 1000.0;
        return new StreetDayNight(street.code(), street.chineseName(), calibration, days.size(), dayMean,
                calibration.apply(dayMean), calibration.apply(nightMean), ratio);
    }

    private Double meanScaled(List<HourlyPresence> hours) {
        if (hours.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (HourlyPresence h : hours) {
            sum += scaled(h);
        }
        return sum / hours.size();
    }

    /**
     * District totals (全区): the sums of the streets' day and of their night populations, over the streets that are
     * calibrated and have day hours; the others are named, so a total over fewer streets cannot pass for the district's.
     */
    public static DistrictDayNight district(List<StreetDayNight> streets) {
        long day = 0;
        long night = 0;
        List<String> included = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (StreetDayNight s : streets) {
            if (s.dayPopulation() != null && s.nightPopulation() != null) {
                day += s.dayPopulation();
                night += s.nightPopulation();
                included.add(s.streetCode());
            } else {
                left.add(s.streetCode());
            }
        }
        Double ratio = night == 0 ? null : Math.round((double) day / night * 1000) / 1000.0;
        return new DistrictDayNight(included.size(), day, night, ratio, left);
    }
}

package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.time.CalendarInputs;
import cn.dongcheng.platform.common.time.WorkingDayCalendar;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hourly, day and night population from presence counts ({@link PresenceEstimation} has the formulas): one
 * aggregation for the counts of the period, the residents from the calibration target, the maths in plain code.
 */
@Service
public class PresenceFigures {

    private final PresenceCounts counts;
    private final PresenceEstimation estimation;
    private final StreetResidents residents;
    private final MarketShares shares;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public PresenceFigures(PresenceCounts counts, PresenceEstimation estimation, StreetResidents residents,
                           MarketShares shares, WorkingDayCalendar calendar, Clock clock) {
        this.counts = counts;
        this.estimation = estimation;
        this.residents = residents;
        this.shares = shares;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** One street's hours of the period, calibrated over the period's night hours. */
    public PresenceSeries series(String streetCode, String fromRaw, String toRaw, Integer nightFrom, Integer nightTo,
                                 String calibrateToRaw) {
        if (streetCode == null || streetCode.isBlank()) {
            throw new InvalidInputException("streetCode", "is required: one of the 17 street codes 110101001–110101017");
        }
        DongchengStreet street = street(streetCode);
        Period period = period(fromRaw, toRaw);
        HourWindow night = HourWindow.of("nightFrom", nightFrom, "nightTo", nightTo, HourWindow.NIGHT);
        CalibrationTarget target = CalibrationTarget.parse("calibrateTo", calibrateToRaw);
        List<HourlyPresence> hours = counts.hours(street.code(), period.from(), period.to()).getOrDefault(street.code(), List.of());
        StreetCalibration calibration = estimation.calibrate(hours, residents.byStreet(target, period.to()).get(street.code()), night);
        return new PresenceSeries(street.code(), street.chineseName(), period.from(), period.to(), night.toString(), target,
                shares.version(), shares.verified(), calibration, estimation.series(hours, calibration));
    }

    /** Day and night population of one street or all 17, with district totals. */
    public DayNightFigures dayNight(String streetCode, String fromRaw, String toRaw, Integer dayFrom, Integer dayTo,
                                    Integer nightFrom, Integer nightTo, String calibrateToRaw) {
        List<DongchengStreet> streets = streetCode == null || streetCode.isBlank()
                ? List.of(DongchengStreet.values()) : List.of(street(streetCode));
        Period period = period(fromRaw, toRaw);
        HourWindow day = HourWindow.of("dayFrom", dayFrom, "dayTo", dayTo, HourWindow.DAY);
        HourWindow night = HourWindow.of("nightFrom", nightFrom, "nightTo", nightTo, HourWindow.NIGHT);
        CalibrationTarget target = CalibrationTarget.parse("calibrateTo", calibrateToRaw);
        requireCalendar(period);
        Map<String, List<HourlyPresence>> hours = counts.hours(streets.size() == 1 ? streets.get(0).code() : null, period.from(), period.to());
        Map<String, Long> targets = residents.byStreet(target, period.to());
        List<StreetDayNight> figures = new ArrayList<>();
        for (DongchengStreet s : streets) {
            figures.add(estimation.dayNight(s, hours.getOrDefault(s.code(), List.of()), targets.get(s.code()), day, night,
                    calendar::isWorkingDay));
        }
        return new DayNightFigures(period.from(), period.to(), day.toString(), night.toString(), true, target,
                shares.version(), shares.verified(), figures, PresenceEstimation.district(figures));
    }

    private static DongchengStreet street(String code) {
        return DongchengStreet.byCode(code.trim())
                .orElseThrow(() -> new InvalidInputException("streetCode", "must be one of the 17 street codes 110101001–110101017"));
    }

    private record Period(LocalDate from, LocalDate to) {
    }

    /** Default: the seven days up to yesterday (Beijing); at most {@link PresenceCounts#MAX_DAYS} days. */
    private Period period(String fromRaw, String toRaw) {
        LocalDate to = CalendarInputs.date("to", toRaw);
        LocalDate from = CalendarInputs.date("from", fromRaw);
        if (to == null) {
            to = from == null ? LocalDate.now(clock).minusDays(1) : from.plusDays(6);
        }
        if (from == null) {
            from = to.minusDays(6);
        }
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "is after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > PresenceCounts.MAX_DAYS) {
            throw new InvalidInputException("to", "a period covers at most " + PresenceCounts.MAX_DAYS + " days");
        }
        return new Period(from, to);
    }

    /** Day means need the working-day calendar: a year it has no notice for is the request's 400, not a 500. */
    private void requireCalendar(Period period) {
        for (LocalDate d : List.of(period.from(), period.to())) {
            try {
                calendar.isWorkingDay(d);
            } catch (WorkingDayCalendar.YearNotCoveredException e) {
                throw new InvalidInputException(d == period.from() ? "from" : "to", e.getMessage());
            }
        }
    }
}

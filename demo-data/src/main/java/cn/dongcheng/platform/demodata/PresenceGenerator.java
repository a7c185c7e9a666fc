package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Four weeks of hourly telecom presence counts (运营商信令) per operator and street, Monday 2025-03-03 to Sunday
 * 2025-03-30 (no public holiday), the same at every scale: counts are street aggregates, not people. Per street and
 * hour the people present are
 * <pre>
 *   residents × (1 + (r − 1) · f(hour)) × (1 ± 3 %)
 * </pre>
 * with {@code f} the city-centre day curve (0 at 00–04, fast rise 05–08, plateau 09–17, fast fall 18–23) and
 * {@code r} the street's day/night ratio: {@code 0.8 + 0.25 ×} its weight in the enterprise directory on working days
 * (the streets with most firms draw most people in by day: 建国门 4.3, 永定门外 1.3), two fifths of that surplus at
 * weekends. Devices are {@value #DEVICES_PER_PERSON} per person, split by {@link #SHARES} with 2 % noise per operator;
 * one operator-hour in 500 is missing, as in real deliveries. Residents are the
 * calibration's census figures, so the service's calibration to the census gives back about them by night.
 */
public final class PresenceGenerator {

    public static final LocalDate FIRST = LocalDate.of(2025, 3, 3);
    public static final int DAYS = 28;
    /** Phones and data SIMs per person present (people without a phone are in the 1, second SIMs above it). */
    static final double DEVICES_PER_PERSON = 1.15;
    /** The same as population-service's presence/operator-market-shares-v1.json (a test holds them equal). */
    static final Map<String, Double> SHARES = shares();
    static final int MISSING_PER_THOUSAND = 2;
    private static final double[] DAY_CURVE = {0, 0, 0, 0, 0, 0.1, 0.3, 0.6, 0.85, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            0.8, 0.6, 0.4, 0.25, 0.12, 0.05};
    private static final DateTimeFormatter BATCH_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Calibration calibration;
    private final ObjectMapper mapper = new ObjectMapper();

    public PresenceGenerator(Calibration calibration) {
        this.calibration = calibration;
    }

    private static Map<String, Double> shares() {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("CHINA_MOBILE", 0.56);
        shares.put("CHINA_TELECOM", 0.24);
        shares.put("CHINA_UNICOM", 0.20);
        return shares;
    }

    /** At most this many lines (every operator, street and hour; a few are missing). */
    public static long expected() {
        return 17L * DAYS * 24 * SHARES.size();
    }

    /** The street's day/night ratio on working days, from its weight in the enterprise directory. */
    double weekdayRatio(String streetCode) {
        JsonNode weight = calibration.enterprises().path("streetWeights").path(streetCode);
        return 0.8 + 0.25 * weight.asDouble(4);
    }

    public long generate(long seed, Consumer<String> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        long n = 0;
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = FIRST.plusDays(day);
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            for (int hour = 0; hour < 24; hour++) {
                for (Map.Entry<String, Integer> street : calibration.residentsByStreet().entrySet()) {
                    double ratio = weekdayRatio(street.getKey());
                    if (weekend) {
                        ratio = 1 + (ratio - 1) * 0.4;
                    }
                    double people = street.getValue() * (1 + (ratio - 1) * DAY_CURVE[hour]) * (1 + 0.03 * IndicatorGenerator.gaussian(random));
                    for (Map.Entry<String, Double> operator : SHARES.entrySet()) {
                        double noise = 1 + 0.02 * IndicatorGenerator.gaussian(random);
                        if (random.nextInt(1000) < MISSING_PER_THOUSAND) {
                            continue;
                        }
                        ObjectNode line = mapper.createObjectNode();
                        line.put("operator", operator.getKey());
                        line.put("streetCode", street.getKey());
                        line.put("hour", date.atTime(hour, 0).toString());
                        line.put("count", Math.max(0, Math.round(people * DEVICES_PER_PERSON * operator.getValue() * noise)));
                        // each operator delivers a day at a time; the batch id marks the data synthetic
                        line.put("sourceBatch", "synthetic-demo:" + operator.getKey().toLowerCase(Locale.ROOT) + "-" + date.format(BATCH_DAY));
                        sink.accept(line.toString());
                        n++;
                    }
                }
            }
        }
        return n;
    }
}

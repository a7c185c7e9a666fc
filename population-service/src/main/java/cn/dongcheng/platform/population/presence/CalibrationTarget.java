package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.common.problem.Echo;
import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;

/** Where a street's residents for calibration come from. */
public enum CalibrationTarget {
    /** The person register's residents (registered and floating residents) on the period's last day. */
    REGISTER,
    /** The 2020 census, {@code presence/street-residents-2020.json} (ten of the seventeen streets synthetic, marked there). */
    CENSUS_2020;

    public static CalibrationTarget parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return REGISTER;
        }
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be one of " + Arrays.toString(values()) + ", got " + Echo.quote(raw));
        }
    }
}

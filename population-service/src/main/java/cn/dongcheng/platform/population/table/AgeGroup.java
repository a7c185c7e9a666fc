package cn.dongcheng.platform.population.table;

import java.time.LocalDate;

/**
 * Completed years of age from {@code from} to {@code to}, both included; {@code to} null for the open last group
 * (85+). On a date, the group is the persons born after {@code date − (to + 1) years} and on or before
 * {@code date − from years}.
 */
public record AgeGroup(int from, Integer to) {

    public String label() {
        return to == null ? from + "+" : from == to ? String.valueOf(from) : from + "-" + to;
    }

    public boolean contains(int age) {
        return age >= from && (to == null || age <= to);
    }

    /** First birth date in the group on {@code date} (inclusive), null for the open group. */
    LocalDate bornFrom(LocalDate date) {
        return to == null ? null : date.minusYears(to + 1L).plusDays(1);
    }

    /** Day after the last birth date in the group on {@code date} (exclusive). */
    LocalDate bornBefore(LocalDate date) {
        return date.minusYears(from).plusDays(1);
    }
}

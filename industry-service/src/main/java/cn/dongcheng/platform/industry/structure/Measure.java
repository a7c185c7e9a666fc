package cn.dongcheng.platform.industry.structure;

import cn.dongcheng.platform.industry.indicator.OperatingIndicatorDocument;

import java.util.Locale;

/**
 * What a structure analysis measures: revenue or tax (VAT payable) year to date, or employees at the period end,
 * with the field of its stored square (for HHI) and how many stored units make one unit of that square's base.
 */
public enum Measure {
    REVENUE("revenueYtd", "revenueKSquared", 100_000.0),
    TAX("vatPayableYtd", "vatKSquared", 100_000.0),
    EMPLOYEES("employees", "employeesSquared", 1.0);

    final String field;
    final String squareField;
    /** stored units (fen, persons) per unit of the squared base (千元, persons) */
    final double unitsPerSquareBase;

    Measure(String field, String squareField, double unitsPerSquareBase) {
        this.field = field;
        this.squareField = squareField;
        this.unitsPerSquareBase = unitsPerSquareBase;
    }

    /** The stored value of this measure in a report (fen, persons); 0 when the report has none. */
    long raw(OperatingIndicatorDocument report) {
        Number value = switch (this) {
            case REVENUE -> report.revenueYtd();
            case TAX -> report.vatPayableYtd();
            case EMPLOYEES -> report.employees();
        };
        return value == null ? 0 : value.longValue();
    }

    public static Measure parse(String raw) {
        return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    }
}

package cn.dongcheng.platform.industry.structure;

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

    public static Measure parse(String raw) {
        return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    }
}

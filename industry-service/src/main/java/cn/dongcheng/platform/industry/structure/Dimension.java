package cn.dongcheng.platform.industry.structure;

import java.util.Locale;

/** What a structure analysis groups by: GB/T 4754 section or division, or street. */
public enum Dimension {
    SECTION("industrySection"),
    DIVISION("industryDivision"),
    STREET("streetCode");

    final String field;

    Dimension(String field) {
        this.field = field;
    }

    public static Dimension parse(String raw) {
        return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    }
}

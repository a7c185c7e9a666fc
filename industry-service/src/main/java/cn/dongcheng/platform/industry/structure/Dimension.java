package cn.dongcheng.platform.industry.structure;

import java.util.Locale;

/** What a structure analysis groups by: GB/T 4754 section or division, Beijing high-end category, or street. */
public enum Dimension {
    SECTION("industrySection"),
    DIVISION("industryDivision"),
    HIGH_END("highEndCategory"),
    STREET("streetCode");

    final String field;

    Dimension(String field) {
        this.field = field;
    }

    public static Dimension parse(String raw) {
        return valueOf(raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

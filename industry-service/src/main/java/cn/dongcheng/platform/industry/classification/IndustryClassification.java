package cn.dongcheng.platform.industry.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GB/T 4754-2017 国民经济行业分类: the 20 sections (门类), the range of 2-digit divisions (大类) each holds, and the
 * bundled table of the 97 divisions and 1,381 classes (小类, {@code reference/gbt4754-2017.tsv}). A class is valid
 * when the table holds it and its division lies in the given section.
 */
public final class IndustryClassification {

    private record Range(int from, int to) {
    }

    private static final Map<String, Range> SECTIONS = Map.ofEntries(
            Map.entry("A", new Range(1, 5)), Map.entry("B", new Range(6, 12)), Map.entry("C", new Range(13, 43)),
            Map.entry("D", new Range(44, 46)), Map.entry("E", new Range(47, 50)), Map.entry("F", new Range(51, 52)),
            Map.entry("G", new Range(53, 60)), Map.entry("H", new Range(61, 62)), Map.entry("I", new Range(63, 65)),
            Map.entry("J", new Range(66, 69)), Map.entry("K", new Range(70, 70)), Map.entry("L", new Range(71, 72)),
            Map.entry("M", new Range(73, 75)), Map.entry("N", new Range(76, 79)), Map.entry("O", new Range(80, 82)),
            Map.entry("P", new Range(83, 83)), Map.entry("Q", new Range(84, 85)), Map.entry("R", new Range(86, 90)),
            Map.entry("S", new Range(91, 96)), Map.entry("T", new Range(97, 97)));

    private static final Map<String, String> SECTION_NAMES = Map.ofEntries(
            Map.entry("A", "农、林、牧、渔业"), Map.entry("B", "采矿业"), Map.entry("C", "制造业"),
            Map.entry("D", "电力、热力、燃气及水生产和供应业"), Map.entry("E", "建筑业"), Map.entry("F", "批发和零售业"),
            Map.entry("G", "交通运输、仓储和邮政业"), Map.entry("H", "住宿和餐饮业"), Map.entry("I", "信息传输、软件和信息技术服务业"),
            Map.entry("J", "金融业"), Map.entry("K", "房地产业"), Map.entry("L", "租赁和商务服务业"),
            Map.entry("M", "科学研究和技术服务业"), Map.entry("N", "水利、环境和公共设施管理业"),
            Map.entry("O", "居民服务、修理和其他服务业"), Map.entry("P", "教育"), Map.entry("Q", "卫生和社会工作"),
            Map.entry("R", "文化、体育和娱乐业"), Map.entry("S", "公共管理、社会保障和社会组织"), Map.entry("T", "国际组织"));

    private static final Map<String, String> CODES = load();

    private IndustryClassification() {
    }

    private static Map<String, String> load() {
        Map<String, String> codes = new HashMap<>();
        try (var in = IndustryClassification.class.getResourceAsStream("/reference/gbt4754-2017.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
                String[] parts = l.split("\t", 2);
                codes.put(parts[0].trim(), parts[1].trim());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(codes);
    }

    /** Name of a division (2 digits) or class (4 digits), or null when the standard has no such code. */
    public static String name(String code) {
        return code == null ? null : CODES.get(code);
    }

    /** The Chinese name of a section (门类), or null for an unknown letter. */
    public static String sectionName(String section) {
        return section == null ? null : SECTION_NAMES.get(section);
    }

    /** Why section + class do not fit together, or empty when they do. */
    public static Optional<String> problem(String section, String industryClass) {
        Range range = section == null ? null : SECTIONS.get(section);
        if (range == null) {
            return Optional.of("section '" + section + "' is not a GB/T 4754-2017 section (A–T)");
        }
        if (industryClass == null || industryClass.length() != 4 || !industryClass.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("class must be 4 digits, got '" + industryClass + "'");
        }
        if (!CODES.containsKey(industryClass)) {
            return Optional.of("class " + industryClass + " is not a GB/T 4754-2017 class");
        }
        int division = Integer.parseInt(industryClass.substring(0, 2));
        if (division < range.from() || division > range.to()) {
            return Optional.of("class " + industryClass + " is in division " + industryClass.substring(0, 2)
                    + ", which is not in section " + section + " (divisions " + String.format("%02d–%02d", range.from(), range.to()) + ")");
        }
        return Optional.empty();
    }
}

package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import cn.dongcheng.platform.common.time.CalendarInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A search of the directory: a name text and filters as the API takes them, validated, turned into an
 * Elasticsearch query built from typed values (user text only ever inside a match_phrase value).
 *
 * <p>Names are indexed with the standard analyzer, which splits Chinese into single characters; a phrase query of
 * the typed characters therefore finds any Chinese substring ({@code 百度} in {@code 北京百度网讯科技有限公司})
 * without the n-gram or CJK analyzers the local distribution lacks.
 */
public record EnterpriseSearch(String text, String streetCode, String section, String division, String industryClass,
                               String highEndCategory, String sizeClass, EnterpriseStatus status, Boolean keyEnterprise, LocalDate establishedFrom,
                               LocalDate establishedTo, String sortField, boolean descending) {

    /** API sort names → indexed fields; every sort ends with the code so cursors are stable. */
    static final Map<String, String> SORTS = Map.of(
            "uscc", "uscc", "name", "name.raw", "establishedOn", "establishedOn",
            "registeredCapital", "registeredCapitalFen", "relevance", "_score");

    public static EnterpriseSearch parse(Map<String, String> params) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = blankToNull(params.get("q"));
        if (text != null && text.length() > 100) {
            problems.add(new FieldProblem("q", "must be at most 100 characters"));
        }
        String street = upper(params.get("streetCode"));
        if (street != null && !EnterpriseValidator.OUTSIDE_DISTRICT.equals(street) && DongchengStreet.byCode(street).isEmpty()) {
            problems.add(new FieldProblem("streetCode", "must be one of 110101001–110101017 or OUTSIDE"));
        }
        String section = upper(params.get("section"));
        if (section != null && !section.matches("[A-T]")) {
            problems.add(new FieldProblem("section", "must be a GB/T 4754-2017 section letter A–T"));
        }
        String division = blankToNull(params.get("division"));
        if (division != null && !division.matches("\\d{2}")) {
            problems.add(new FieldProblem("division", "must be 2 digits"));
        }
        String industryClass = blankToNull(params.get("industryClass"));
        if (industryClass != null && !industryClass.matches("\\d{4}")) {
            problems.add(new FieldProblem("industryClass", "must be 4 digits"));
        }
        String highEnd = blankToNull(params.get("highEndCategory"));
        if (highEnd != null && !cn.dongcheng.platform.industry.classification.HighEndCrosswalk.categories().contains(highEnd)) {
            problems.add(new FieldProblem("highEndCategory", "must be one of " + cn.dongcheng.platform.industry.classification.HighEndCrosswalk.categories()));
        }
        String size = upper(params.get("sizeClass"));
        if (size != null && !size.equals("ABOVE") && !size.equals("BELOW")) {
            problems.add(new FieldProblem("sizeClass", "must be ABOVE or BELOW (the designated size, 规模以上/以下)"));
        }
        EnterpriseStatus status = null;
        if (blankToNull(params.get("status")) != null) {
            try {
                status = EnterpriseStatus.valueOf(upper(params.get("status")));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "must be one of ACTIVE, REVOKED, DEREGISTERED, MOVED_OUT"));
            }
        }
        Boolean key = null;
        String keyRaw = blankToNull(params.get("keyEnterprise"));
        if (keyRaw != null) {
            if (!keyRaw.equalsIgnoreCase("true") && !keyRaw.equalsIgnoreCase("false")) {
                problems.add(new FieldProblem("keyEnterprise", "must be true or false"));
            } else {
                key = Boolean.parseBoolean(keyRaw);
            }
        }
        LocalDate from = date(params, "establishedFrom", problems);
        LocalDate to = date(params, "establishedTo", problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new FieldProblem("establishedFrom", "is after establishedTo"));
        }
        String sort = params.getOrDefault("sort", text != null ? "relevance" : "uscc");
        boolean descending = sort.startsWith("-");
        String sortName = descending ? sort.substring(1) : sort;
        if (!SORTS.containsKey(sortName)) {
            problems.add(new FieldProblem("sort", "must be one of " + SORTS.keySet() + ", '-' in front for descending"));
        } else if ("relevance".equals(sortName) && text == null) {
            problems.add(new FieldProblem("sort", "relevance needs q"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new EnterpriseSearch(text, street, section, division, industryClass, highEnd, size, status, key, from, to, sortName,
                "relevance".equals(sortName) ? !descending : descending);
    }

    public ObjectNode query(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode bool = root.putObject("bool");
        if (text != null) {
            ArrayNode should = bool.putArray("should");
            should.addObject().putObject("match_phrase").put("name", text);
            should.addObject().putObject("match_phrase").put("formerNames", text);
            bool.put("minimum_should_match", 1);
        }
        ArrayNode filter = bool.putArray("filter");
        term(filter, "streetCode", streetCode);
        term(filter, "industrySection", section);
        term(filter, "industryDivision", division);
        term(filter, "industryClass", industryClass);
        term(filter, "highEndCategory", highEndCategory);
        term(filter, "sizeClass", sizeClass);
        term(filter, "status", status == null ? null : status.name());
        if (keyEnterprise != null) {
            filter.addObject().putObject("term").put("keyEnterprise", keyEnterprise);
        }
        if (establishedFrom != null || establishedTo != null) {
            ObjectNode range = filter.addObject().putObject("range").putObject("establishedOn");
            if (establishedFrom != null) {
                range.put("gte", establishedFrom.toString());
            }
            if (establishedTo != null) {
                range.put("lte", establishedTo.toString());
            }
        }
        return root;
    }

    public ArrayNode sort(ObjectMapper mapper) {
        ArrayNode sort = mapper.createArrayNode();
        String field = SORTS.get(sortField);
        if (!"uscc".equals(field)) {
            sort.addObject().put(field, descending ? "desc" : "asc");
        }
        sort.addObject().put("uscc", "uscc".equals(field) && descending ? "desc" : "asc");
        return sort;
    }

    private static void term(ArrayNode filter, String field, String value) {
        if (value != null) {
            filter.addObject().putObject("term").put(field, value);
        }
    }

    private static LocalDate date(Map<String, String> params, String name, List<FieldProblem> problems) {
        String raw = blankToNull(params.get(name));
        if (raw == null) {
            return null;
        }
        try {
            return CalendarInputs.date(name, raw);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String upper(String s) {
        String t = blankToNull(s);
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }
}

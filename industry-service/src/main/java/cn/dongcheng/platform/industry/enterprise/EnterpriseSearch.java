package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.elasticsearch.Queries;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.time.CalendarInputs;
import cn.dongcheng.platform.industry.classification.HighEndCrosswalk;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

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
        if (highEnd != null && !HighEndCrosswalk.categories().contains(highEnd)) {
            problems.add(new FieldProblem("highEndCategory", "must be one of " + HighEndCrosswalk.categories()));
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

    public Query query() {
        List<Query> filter = new ArrayList<>();
        addTerm(filter, "streetCode", streetCode);
        addTerm(filter, "industrySection", section);
        addTerm(filter, "industryDivision", division);
        addTerm(filter, "industryClass", industryClass);
        addTerm(filter, "highEndCategory", highEndCategory);
        addTerm(filter, "sizeClass", sizeClass);
        addTerm(filter, "status", status == null ? null : status.name());
        if (keyEnterprise != null) {
            filter.add(term("keyEnterprise", keyEnterprise));
        }
        if (establishedFrom != null || establishedTo != null) {
            filter.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("establishedOn");
                if (establishedFrom != null) {
                    d.gte(establishedFrom.toString());
                }
                return establishedTo == null ? d : d.lte(establishedTo.toString());
            }))));
        }
        return Query.of(q -> q.bool(b -> {
            if (text != null) {
                b.should(phrase("name"), phrase("formerNames")).minimumShouldMatch("1");
            }
            return b.filter(filter);
        }));
    }

    private Query phrase(String field) {
        return Query.of(q -> q.matchPhrase(m -> m.field(field).query(text)));
    }

    public List<SortOptions> sort() {
        List<SortOptions> sort = new ArrayList<>();
        String field = SORTS.get(sortField);
        SortOrder order = descending ? SortOrder.Desc : SortOrder.Asc;
        if ("_score".equals(field)) {
            sort.add(SortOptions.of(s -> s.score(sc -> sc.order(order))));
        } else if (!"uscc".equals(field)) {
            sort.add(Queries.sort(field, order));
        }
        sort.add(Queries.sort("uscc", "uscc".equals(field) ? order : SortOrder.Asc));
        return sort;
    }

    private static void addTerm(List<Query> filter, String field, String value) {
        if (value != null) {
            filter.add(term(field, value));
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

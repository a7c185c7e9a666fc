package cn.dongcheng.platform.common.audit;

import cn.dongcheng.platform.common.elasticsearch.Queries;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.time.DistrictTime;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Filters over audit entries: exact values of keyword fields and a time range. Only term and range queries are
 * built from them (never a query string), so nothing a caller sends is interpreted as query syntax.
 *
 * @param terms field → exact value, for {@link #TERM_FIELDS}
 */
public record AuditQuery(Map<String, String> terms, OffsetDateTime from, OffsetDateTime to) {

    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");
    public static final Set<String> TERM_FIELDS = Set.of("actor", "role", "action", "subject", "resource", "outcome", "requestId");
    private static final ZoneId BEIJING = DistrictTime.DEFAULT_ZONE;

    public AuditQuery {
        terms = Map.copyOf(terms);
    }

    public static AuditQuery of(Map<String, String> terms) {
        return new AuditQuery(terms, null, null);
    }

    /**
     * Reads request parameters; unreadable times and an empty range are one 400 naming each field.
     * Times are ISO date-times with an offset ({@code 2026-11-30T09:00:00+08:00}) or without one (Beijing time).
     */
    public static AuditQuery fromParameters(Map<String, String> parameters) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> terms = new LinkedHashMap<>();
        OffsetDateTime from = null;
        OffsetDateTime to = null;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            String name = p.getKey();
            String value = p.getValue() == null ? "" : p.getValue().trim();
            if (name.equals("subject") && !value.isEmpty() && !PSEUDONYM.matcher(value).matches()) {
                // most likely the identifier itself, typed where its pseudonym belongs: never echoed or kept
                problems.add(new FieldProblem("subject", "must be a pseudonym (64 hex digits from POST /v1/audit-pseudonyms), "
                        + "never an identifier itself"));
            } else if (TERM_FIELDS.contains(name)) {
                if (!value.isEmpty()) {
                    terms.put(name, value);
                }
            } else if (name.equals("from") || name.equals("to")) {
                OffsetDateTime time = value.isEmpty() ? null : time(name, value, problems);
                if (name.equals("from")) {
                    from = time;
                } else {
                    to = time;
                }
            }
            // any other name is refused before this (QueryParameters on the endpoint)
        }
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new FieldProblem("from", "is after to"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AuditQuery(terms, from, to);
    }

    private static OffsetDateTime time(String field, String raw, List<FieldProblem> problems) {
        String value = raw.replace(' ', '+'); // the '+' of an offset sent unencoded arrives as a space
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).atZone(BEIJING).toOffsetDateTime();
            } catch (DateTimeParseException again) {
                problems.add(new FieldProblem(field, "'" + raw + "' is not an ISO date-time such as 2026-11-30T09:00:00+08:00"));
                return null;
            }
        }
    }

    /** The Elasticsearch query: a bool of term filters and a time range. */
    Query toQuery() {
        List<Query> filter = new ArrayList<>();
        terms.forEach((field, value) -> filter.add(Queries.term(field, value)));
        if (from != null || to != null) {
            filter.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("time");
                if (from != null) {
                    d.gte(from.toString());
                }
                return to == null ? d : d.lte(to.toString());
            }))));
        }
        return Queries.allOf(filter);
    }

    /** The filters as the audit entry of a search names them. */
    String describe() {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(terms).forEach((k, v) -> parts.add(k + "=" + v));
        if (from != null) {
            parts.add("from=" + from);
        }
        if (to != null) {
            parts.add("to=" + to);
        }
        return String.join(" ", parts);
    }
}

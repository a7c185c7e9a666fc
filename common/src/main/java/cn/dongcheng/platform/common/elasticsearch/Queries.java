package cn.dongcheng.platform.common.elasticsearch;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.util.List;

/** The query and sort clauses the services build again and again, from typed values only. */
public final class Queries {

    private Queries() {
    }

    /** Exact value of a keyword field. */
    public static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    public static Query term(String field, boolean value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    /** Every clause must match; none scores. */
    public static Query allOf(List<Query> filters) {
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    public static SortOptions asc(String field) {
        return sort(field, SortOrder.Asc);
    }

    public static SortOptions desc(String field) {
        return sort(field, SortOrder.Desc);
    }

    public static SortOptions sort(String field, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(order)));
    }
}

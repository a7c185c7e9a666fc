package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.credit.publication.RecordStatus;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.time.LocalDate;
import java.util.List;

/**
 * The public view as a query, the same rule as {@link RecordStatus#effective} and
 * {@link RecordStatus#shownPublicly()}: decided by today, not repaired or revoked, and before its publication end
 * (records without an end — list entries not yet exited — stay). Evaluated at query time against the district's
 * clock, so a record leaves the view on its end date without anything being rewritten.
 */
final class PublicView {

    private PublicView() {
    }

    static Query on(LocalDate today) {
        String day = today.toString();
        return Query.of(q -> q.bool(b -> b
                .mustNot(m -> m.terms(t -> t.field("status").terms(v -> v.value(List.of(
                        FieldValue.of(RecordStatus.REPAIRED.name()), FieldValue.of(RecordStatus.REVOKED.name()))))))
                .filter(f -> f.range(r -> r.date(d -> d.field("decisionDate").lte(day))))
                .filter(f -> f.bool(end -> end
                        .should(s -> s.range(r -> r.date(d -> d.field("publication.latestEnd").gt(day))))
                        .should(s -> s.bool(none -> none.mustNot(m -> m.exists(e -> e.field("publication.latestEnd")))))
                        .minimumShouldMatch("1")))));
    }
}

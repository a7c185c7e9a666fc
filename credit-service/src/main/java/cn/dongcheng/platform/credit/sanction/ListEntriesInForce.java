package cn.dongcheng.platform.credit.sanction;

import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The list entries of some subjects in force on a date, as one query: in a list category, decided by then, inside
 * the publication window (its end, exclusive, after the date, or none yet), not exited by then, and not repaired or
 * revoked by then. For today this is the records' public view; for an earlier date a repair or revocation recorded
 * after it does not count, so a check "as of" the day of an award answers what the lists said that day.
 */
final class ListEntriesInForce {

    private ListEntriesInForce() {
    }

    static Query of(Collection<String> usccs, Collection<String> idNumbers, LocalDate asOf) {
        String day = asOf.toString();
        List<Query> subjects = new ArrayList<>(2);
        if (!usccs.isEmpty()) {
            subjects.add(terms("uscc", usccs));
        }
        if (!idNumbers.isEmpty()) {
            subjects.add(terms("idNumber", idNumbers));
        }
        return Query.of(q -> q.bool(b -> b
                .filter(terms("category", SanctionRules.LISTS.stream().map(CreditRecordCategory::name).toList()))
                .filter(f -> f.bool(any -> any.should(subjects).minimumShouldMatch("1")))
                .filter(f -> f.range(r -> r.date(d -> d.field("decisionDate").lte(day))))
                .filter(openAfter("publication.latestEnd", day))
                .filter(openAfter("exitDate", day))
                .mustNot(m -> m.bool(ended -> ended
                        .filter(terms("status", List.of(RecordStatus.REPAIRED.name(), RecordStatus.REVOKED.name())))
                        .filter(f -> f.range(r -> r.date(d -> d.field("statusDate").lte(day))))))));
    }

    /** The date field is after {@code day}, or absent (no end recorded yet). */
    private static Query openAfter(String field, String day) {
        return Query.of(q -> q.bool(b -> b
                .should(s -> s.range(r -> r.date(d -> d.field(field).gt(day))))
                .should(s -> s.bool(none -> none.mustNot(m -> m.exists(e -> e.field(field)))))
                .minimumShouldMatch("1")));
    }

    private static Query terms(String field, Collection<String> values) {
        List<FieldValue> list = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(list))));
    }
}

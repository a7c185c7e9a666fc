package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.time.LocalDate;
import java.util.List;

/**
 * Which records count for a grade on a day: decided by then, inside their publication window (its end is exclusive,
 * an open end means until the department records an exit), and not repaired or revoked by then. A record repaired
 * after the day still counted on it, which is what makes {@code asOf} answer the grade that was in force: the grade is
 * computed when it is read, from the records' dates, so an expiry at midnight changes it without anything being
 * rewritten and nothing has to be stored or recomputed. Credit reports (credit/report) list and grade by the same rule. (A record corrected by its department is read in its current
 * version: a correction applies to past days too.)
 */
public final class RecordsInForce {

    private RecordsInForce() {
    }

    public static boolean on(CreditRecordDocument record, LocalDate asOf) {
        if (record.decisionDate() == null || record.decisionDate().isAfter(asOf)) {
            return false;
        }
        if (record.publication() != null && record.publication().endedBy(asOf)) {
            return false;
        }
        RecordStatus status = record.status();
        boolean withdrawn = status == RecordStatus.REPAIRED || status == RecordStatus.REVOKED;
        // a withdrawal without a date (never loaded so) is taken as always in effect, as the public view does
        return !(withdrawn && (record.statusDate() == null || !record.statusDate().isAfter(asOf)));
    }

    /** Whether the record was under objection on the day (shown, marked, still counted). */
    static boolean underObjection(CreditRecordDocument record, LocalDate asOf) {
        return record.status() == RecordStatus.UNDER_OBJECTION && record.statusDate() != null && !record.statusDate().isAfter(asOf);
    }

    /** The part of {@link #on} Elasticsearch can filter by (dates); statuses are decided on the records read. */
    public static Query window(LocalDate asOf) {
        String day = asOf.toString();
        return Query.of(q -> q.bool(b -> b
                .filter(f -> f.range(r -> r.date(d -> d.field("decisionDate").lte(day))))
                .filter(f -> f.bool(end -> end
                        .should(s -> s.range(r -> r.date(d -> d.field("publication.latestEnd").gt(day))))
                        .should(s -> s.bool(none -> none.mustNot(m -> m.exists(e -> e.field("publication.latestEnd")))))
                        .minimumShouldMatch("1")))));
    }

    /** The stored fields a grade reads. */
    static final List<String> FIELDS = List.of("recordId", "uscc", "idNumber", "category", "severity", "decisionDate",
            "decisionNumber", "status", "statusDate", "publication.latestEnd");
}

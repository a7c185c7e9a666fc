package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which records count for a grade on a day: decided by then, inside their publication window (its end is exclusive,
 * an open end means until the department records an exit), and not repaired or revoked by then. A record repaired
 * after the day still counted on it, which is what makes {@code asOf} answer the grade that was in force: the grade is
 * computed from the records' dates, so an expiry at midnight changes it without anything being rewritten. Today's
 * grade is kept as a snapshot ({@link GradeSnapshot}) until {@link #nextChange}, the first day the dates alone could
 * change it. Credit reports (credit/report) list and grade by the same rule. (A record corrected by its department is
 * read in its current version: a correction applies to past days too.)
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

    /**
     * The first day after {@code asOf} on which the grade of a subject with these records (all of them, any status or
     * window) could differ without any record being written: a decision taking effect, a publication window ending, a
     * repair, revocation or objection taking effect. A record ended or withdrawn by {@code asOf} never counts again and
     * brings no date. Empty when no date lies ahead: the grade holds until a record changes.
     */
    public static Optional<LocalDate> nextChange(Collection<CreditRecordDocument> records, LocalDate asOf) {
        LocalDate next = null;
        for (CreditRecordDocument record : records) {
            if (goneFor(record, asOf)) {
                continue;
            }
            next = earlier(next, after(record.decisionDate(), asOf));
            next = earlier(next, after(record.publication() == null ? null : record.publication().latestEnd(), asOf));
            if (record.status() != null && record.status() != RecordStatus.PUBLIC) {
                next = earlier(next, after(record.statusDate(), asOf));
            }
        }
        return Optional.ofNullable(next);
    }

    private static boolean goneFor(CreditRecordDocument record, LocalDate asOf) {
        boolean withdrawn = record.status() == RecordStatus.REPAIRED || record.status() == RecordStatus.REVOKED;
        return (record.publication() != null && record.publication().endedBy(asOf))
                || (withdrawn && (record.statusDate() == null || !record.statusDate().isAfter(asOf)));
    }

    private static LocalDate after(LocalDate date, LocalDate asOf) {
        return date != null && date.isAfter(asOf) ? date : null;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
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

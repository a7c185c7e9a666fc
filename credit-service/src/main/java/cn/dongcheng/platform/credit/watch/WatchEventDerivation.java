package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.credit.grade.Grade;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.SubjectType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Which event a stored state means, without storage. Every event's id is a digest of what it is about, so the same
 * fact always gets the same id whoever derives it and however often:
 * <pre>
 *   a record version      &lt;recordId&gt;:v&lt;version&gt;          NEW_RECORD, RECORD_CHANGED, REPAIRED, OBJECTION_*
 *   an expiry             &lt;recordId&gt;:expired:&lt;day&gt;      EXPIRED
 *   a grade after either  &lt;cause&gt;:grade                   GRADE_CHANGED (cause: the version's or the day's key)
 * </pre>
 * The id is 32 hex characters of SHA-256 of that key: it travels in cursors (URLs), and a key may hold a department's
 * source id; it never holds an ID number (a day's grade key uses the subject's digest).
 */
final class WatchEventDerivation {

    private WatchEventDerivation() {
    }

    /** The key of a record version: one event per version ever stored. */
    static String versionKey(CreditRecordDocument record) {
        return record.recordId() + ":v" + versionOf(record);
    }

    /** The key of the grade change a midnight brought to one subject. */
    static String dayKey(String subjectKey, LocalDate day) {
        return "grade:" + digest(subjectKey) + ":" + day;
    }

    /**
     * The event of {@code current}, the version just stored, given the version it replaced ({@code previous}; null for
     * a first version, or when the replaced version is not in the history). {@code today}: the day it was written.
     */
    static WatchEvent ofVersion(CreditRecordDocument previous, CreditRecordDocument current, LocalDate today) {
        RecordStatus before = previous == null ? null : stored(previous);
        RecordStatus after = stored(current);
        WatchEventKind kind;
        if (previous == null && versionOf(current) == 1) {
            kind = WatchEventKind.NEW_RECORD;
        } else if (before == after || before == null) {
            kind = WatchEventKind.RECORD_CHANGED;
        } else if (after == RecordStatus.REPAIRED) {
            kind = WatchEventKind.REPAIRED;
        } else if (after == RecordStatus.UNDER_OBJECTION) {
            kind = WatchEventKind.OBJECTION_OPENED;
        } else if (before == RecordStatus.UNDER_OBJECTION) {
            kind = WatchEventKind.OBJECTION_DECIDED;
        } else {
            kind = WatchEventKind.RECORD_CHANGED;
        }
        boolean shown = shownOn(current, today) || previous != null && shownOn(previous, today);
        return about(current, versionKey(current), kind, before, after, today,
                current.subjectType() == SubjectType.LEGAL_PERSON && shown);
    }

    /**
     * Whether the record leaves the public view at the start of {@code day}: its publication ends that day and it was
     * shown the day before (decided, not repaired or revoked).
     */
    static boolean expiresOn(CreditRecordDocument record, LocalDate day) {
        return record.publication() != null && day.equals(record.publication().latestEnd()) && shownOn(record, day.minusDays(1));
    }

    /** The expiry of a record that {@link #expiresOn} the day. */
    static WatchEvent expired(CreditRecordDocument record, LocalDate day) {
        return about(record, record.recordId() + ":expired:" + day, WatchEventKind.EXPIRED, stored(record), RecordStatus.EXPIRED,
                day, record.subjectType() == SubjectType.LEGAL_PERSON);
    }

    /**
     * The grade change a cause brought, or null when score, grade and risk class are all as before. {@code subject}: any
     * record of the subject (its identity is what is read). A legal person's grade is public; a person's is not.
     */
    static WatchEvent gradeChanged(String causeKey, CreditRecordDocument subject, Grade before, Grade after, LocalDate day) {
        if (before.score() == after.score() && before.grade() == after.grade() && before.riskClass() == after.riskClass()) {
            return null;
        }
        return new WatchEvent(eventId(causeKey + ":grade"), WatchEventKind.GRADE_CHANGED, subject.subjectType(), subject.subjectId(),
                subject.uscc(), subject.idNumber(), subject.subjectName(), null, null, null, null, null, null, null, null, null,
                null, day, subject.subjectType() == SubjectType.LEGAL_PERSON, WatchEvent.GradeSnapshot.of(before),
                WatchEvent.GradeSnapshot.of(after), null);
    }

    static String eventId(String key) {
        return HexFormat.of().formatHex(sha256(key), 0, 16);
    }

    private static WatchEvent about(CreditRecordDocument r, String key, WatchEventKind kind, RecordStatus before, RecordStatus after,
                                    LocalDate on, boolean publicInfo) {
        return new WatchEvent(eventId(key), kind, r.subjectType(), r.subjectId(), r.uscc(), r.idNumber(), r.subjectName(),
                r.recordId(), versionOf(r), r.category(), r.severity(), r.decisionNumber(), r.decisionDate(), r.authority(),
                r.summary(), before, after, on, publicInfo, null, null, null);
    }

    /** In the public view on the day: decided by then, inside its window, not repaired or revoked (see PublicView). */
    private static boolean shownOn(CreditRecordDocument record, LocalDate day) {
        return record.decisionDate() != null && !record.decisionDate().isAfter(day)
                && RecordStatus.effective(record.status(), record.publication(), day).shownPublicly();
    }

    private static RecordStatus stored(CreditRecordDocument record) {
        return record.status() == null ? RecordStatus.PUBLIC : record.status();
    }

    private static int versionOf(CreditRecordDocument record) {
        return record.version() == null ? 1 : record.version();
    }

    private static String digest(String text) {
        return HexFormat.of().formatHex(sha256(text), 0, 8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

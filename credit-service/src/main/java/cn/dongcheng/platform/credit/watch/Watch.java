package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.ForbiddenException;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.problem.PayloadTooLargeException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.credit.record.SubjectType;
import cn.dongcheng.platform.credit.sanction.CheckedSubject;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watching subjects (信用监测): a department (credit officer, regulator) or an enterprise keeps a list of subjects and
 * reads what happens to them with a cursor. The owner is the token's subject ({@code sub}), never a value sent.
 *
 * <p>Who sees what follows the endpoint's access cell. {@code allow} (credit officers, regulators) may watch natural
 * persons and reads every event in full. {@code masked} (an enterprise watching its business partners) watches
 * legal persons only and reads only events whose content was public: a record in the public view before or after the
 * change, and grades (a legal person's grade is public). A record that never was public — loaded already expired,
 * or decided in the future — is no event for it.
 */
public class Watch {

    private final WatchLists lists;
    private final WatchEventLog feed;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxSubjects;

    Watch(WatchLists lists, WatchEventLog feed, AuditTrail audit, Clock clock, int maxSubjects) {
        this.lists = lists;
        this.feed = feed;
        this.audit = audit;
        this.clock = clock;
        this.maxSubjects = maxSubjects;
    }

    /**
     * Adds subjects (those on the list already stay as they are); the whole request or nothing. The limit is counted
     * and then written without a lock: two adds of one owner at the same moment may together pass it by what they
     * add, and the next add is refused — a bound on the list's size, not an exact quota.
     */
    public WatchListView add(WatchSubjectsInput body, CallerContext caller) {
        Map<String, CheckedSubject> subjects = checked(body, caller, "WATCH_ADD");
        Set<String> already = lists.onList(caller.actor(), subjects.keySet());
        long after = lists.count(caller.actor()) + subjects.size() - already.size();
        if (after > maxSubjects) {
            throw new InvalidInputException("subjects", "the watch list would hold " + after + " subjects, at most " + maxSubjects
                    + " are allowed: remove some first");
        }
        List<CheckedSubject> added = subjects.values().stream().filter(s -> !already.contains(s.key())).toList();
        lists.add(caller.actor(), added, OffsetDateTime.now(clock).toString());
        audited(caller, "WATCH_ADD", added);
        return list(caller);
    }

    public WatchListView remove(WatchSubjectsInput body, CallerContext caller) {
        Map<String, CheckedSubject> subjects = checked(body, caller, "WATCH_REMOVE");
        lists.remove(caller.actor(), subjects.keySet());
        audited(caller, "WATCH_REMOVE", subjects.values());
        return list(caller);
    }

    public WatchListView list(CallerContext caller) {
        List<WatchedSubject> subjects = lists.of(caller.actor());
        boolean unmasked = caller.mayReadUnmasked();
        List<String> persons = subjects.stream().filter(s -> s.subjectType() == SubjectType.NATURAL_PERSON).map(WatchedSubject::subjectKey).toList();
        if (!persons.isEmpty()) {
            audit.recordEach(caller, unmasked ? "READ_WATCH_LIST_FULL" : "READ_WATCH_LIST_MASKED", lists.alias(), persons, "ok", "watch list");
        }
        List<WatchListView.Entry> entries = subjects.stream().map(s -> s.subjectType() == SubjectType.LEGAL_PERSON
                ? new WatchListView.Entry(s.subjectType(), s.subjectKey(), null, null, s.addedAt())
                : new WatchListView.Entry(s.subjectType(), null, unmasked ? s.subjectKey() : maskedId(s.subjectKey()), !unmasked, s.addedAt()))
                .toList();
        return new WatchListView(entries, entries.size(), maxSubjects);
    }

    /**
     * The caller's events after {@code cursor}, oldest first. A cursor must name an event of the feed at the position
     * it was handed out at; anything else is a 400.
     */
    public WatchEventPage events(Integer size, String cursor, CallerContext caller) {
        PageRequest page = PageRequest.of(size, cursor);
        WatchCursor after = page.cursor() == null ? null : WatchCursor.decode(page.cursor());
        if (after != null && feed.find(after.eventId()).filter(e -> millisOf(e) == after.recordedAtMillis()).isEmpty()) {
            throw WatchCursor.unknown();
        }
        Instant settled = feed.settledBefore();
        List<String> keys = lists.of(caller.actor()).stream().map(WatchedSubject::subjectKey).toList();
        List<WatchEventLog.Positioned> found = keys.isEmpty() ? List.of()
                : feed.after(keys, !caller.mayReadUnmasked(), after, settled, page.size());
        List<String> persons = found.stream().map(WatchEventLog.Positioned::event)
                .filter(e -> e.subjectType() == SubjectType.NATURAL_PERSON).map(WatchEvent::idNumber).distinct().toList();
        if (!persons.isEmpty()) {
            // before the answer leaves: nothing about a person is read unaudited
            audit.recordEach(caller, caller.mayReadUnmasked() ? "READ_WATCH_EVENTS_FULL" : "READ_WATCH_EVENTS_MASKED", feed.alias(),
                    persons, "ok", "watch events");
        }
        List<WatchEventView> items = found.stream()
                .map(p -> WatchEventView.of(p.event(), p.event().idNumber() == null || caller.mayReadUnmasked(p.event().idNumber())))
                .toList();
        String next = found.isEmpty() ? page.cursor() : found.get(found.size() - 1).position().encode();
        return new WatchEventPage(items, next, found.size() < page.size(), settled);
    }

    /**
     * The subjects of a request, checked whole before anything is written: a missing or oversized list, an invalid
     * code or number (named with the check that failed), or a natural person for a role that may not watch persons.
     */
    private Map<String, CheckedSubject> checked(WatchSubjectsInput body, CallerContext caller, String action) {
        if (body == null || body.subjects() == null || body.subjects().isEmpty()) {
            throw new InvalidInputException("subjects", "is required: 1–" + maxSubjects + " subjects, each {\"uscc\"} or {\"idNumber\"}");
        }
        if (body.subjects().size() > maxSubjects) {
            throw new PayloadTooLargeException("subjects: a watch list holds at most " + maxSubjects + " subjects, got "
                    + body.subjects().size());
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<CheckedSubject> subjects = CheckedSubject.check(body.subjects(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> persons = subjects.stream().filter(s -> s.type() == SubjectType.NATURAL_PERSON).map(CheckedSubject::key).toList();
        if (!persons.isEmpty() && !caller.mayReadUnmasked()) {
            audit.recordEach(caller, "ACCESS_DENIED", lists.alias(), persons, "403", action + " natural person");
            throw new ForbiddenException("natural persons can be watched only by roles that may see their data in full "
                    + "(credit officers, regulators)").audited();
        }
        Map<String, CheckedSubject> distinct = new LinkedHashMap<>();
        subjects.forEach(s -> distinct.putIfAbsent(s.key(), s));
        return distinct;
    }

    private void audited(CallerContext caller, String action, Collection<CheckedSubject> subjects) {
        List<String> persons = subjects.stream().filter(s -> s.type() == SubjectType.NATURAL_PERSON).map(CheckedSubject::key).toList();
        List<String> codes = subjects.stream().filter(s -> s.type() == SubjectType.LEGAL_PERSON).map(CheckedSubject::key).toList();
        if (!persons.isEmpty()) {
            audit.recordEach(caller, action, lists.alias(), persons, "ok", "natural person");
        }
        audit.record(caller, action, lists.alias(), "ok", "codes=" + codes + " persons=" + persons.size());
    }

    private static long millisOf(WatchEvent event) {
        return OffsetDateTime.parse(event.recordedAt()).toInstant().toEpochMilli();
    }

    private static String maskedId(String id) {
        return PersonalDataMasking.idNumber(id);
    }
}

package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.problem.PayloadTooLargeException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.credit.person.NamedPerson;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.desc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * Grades (信用评价): the records in force on {@code asOf} (default today in Beijing, from the injected clock) through
 * the {@link Scorecard}. A legal person's grade today comes from its stored snapshot ({@link GradeSnapshots}), which
 * every record write, every date that could change it and every scorecard version keep current; a grade on a past
 * day is computed from the records, whose dates, statuses and versions keep the history. A natural person's grade is
 * always computed from the records (a few per person, read by ID number and name together).
 */
@Service
public class Grades {

    public static final int MAX_BATCH = 10_000;
    /** invalid codes named one by one in a 400, the rest counted */
    static final int MAX_PROBLEMS = 100;
    private static final int READ_BATCH = 1_000;
    private static final List<SortOptions> NEWEST_FIRST = List.of(desc("decisionDate"), asc("recordId"));

    private final DocumentPages pages;
    private final Scorecard scorecard;
    private final GradeSnapshots snapshots;
    private final AuditTrail audit;
    private final Clock clock;
    private final String alias;

    public Grades(DocumentPages pages, Scorecard scorecard, GradeSnapshots snapshots, CreditRecordStore records, AuditTrail audit,
                  Clock clock) {
        this.pages = pages;
        this.scorecard = scorecard;
        this.snapshots = snapshots;
        this.audit = audit;
        this.clock = clock;
        this.alias = records.alias();
    }

    /** A legal person's grade from its records in their publication window on the day (all public). */
    public SubjectGradeView legalPerson(String rawCode, LocalDate asOf) {
        String uscc = InvalidInputException.parsing("uscc", () -> UnifiedSocialCreditCode.parse(rawCode)).value();
        LocalDate day = day(asOf);
        Grade grade = isToday(day) ? snapshots.of(uscc, day) : scorecard.grade(ofOne(term("uscc", uscc), day), day);
        return new SubjectGradeView(uscc, null, null, null, grade);
    }

    /** A natural person's grade, by exact name and ID number together; masked by role and always audited. */
    public SubjectGradeView naturalPerson(PersonGradeRequest body, CallerContext caller) {
        NamedPerson person = NamedPerson.of(body == null ? null : body.name(), body == null ? null : body.idNumber());
        String name = person.name();
        String id = person.idNumber();
        LocalDate day = day(body.asOf());
        NamedPerson.requireAllowed(caller, id, audit, alias);
        boolean unmasked = caller.mayReadUnmasked(id);
        // audited before the answer leaves: nothing about a person is read unaudited
        audit.record(caller, unmasked ? "READ_PERSON_GRADE_FULL" : "READ_PERSON_GRADE_MASKED", alias, id, "ok", "grade as of " + day);
        Grade grade = scorecard.grade(ofOne(allOf(List.of(term("idNumber", id), term("subjectName.raw", name))), day), day);
        return unmasked ? new SubjectGradeView(null, id, name, false, grade)
                : new SubjectGradeView(null, PersonalDataMasking.idNumber(id), PersonalDataMasking.name(name), true, grade);
    }

    /**
     * Risk classes for up to {@value #MAX_BATCH} codes (market-supervision-service plans its spot checks by them):
     * today's from one search of the stored grades' doc values, a past day's from one read of the records; with
     * {@code classesOnly} the classes alone, one letter per code asked. Every code is checked first: one invalid code is
     * a 400 naming it and the check that failed, and nothing is answered.
     */
    public RiskClassAnswer riskClasses(RiskClassBatch body) {
        List<String> raw = body == null ? null : body.codes();
        if (raw != null && raw.size() > MAX_BATCH) {
            throw new PayloadTooLargeException("codes: at most " + MAX_BATCH + " codes in one batch, got " + raw.size());
        }
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInputException("codes", "must hold 1–" + MAX_BATCH + " Unified Social Credit Codes");
        }
        List<String> asked = new ArrayList<>(raw.size());
        List<FieldProblem> problems = new ArrayList<>();
        int invalid = 0;
        for (int i = 0; i < raw.size(); i++) {
            String code = raw.get(i) == null ? null : raw.get(i).strip().toUpperCase(Locale.ROOT);
            var problem = UnifiedSocialCreditCode.problem(code);
            if (problem.isPresent()) {
                if (++invalid <= MAX_PROBLEMS) {
                    problems.add(new FieldProblem("codes[" + i + "]", problem.get()));
                }
            } else {
                asked.add(code);
            }
        }
        Set<String> codes = new LinkedHashSet<>(asked);
        if (invalid > MAX_PROBLEMS) {
            problems.add(new FieldProblem("codes", (invalid - MAX_PROBLEMS) + " more invalid codes not listed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate day = day(body.asOf());
        Map<String, Grade> graded = isToday(day) ? snapshots.summariesOf(codes, day) : fromRecords(codes, day);
        if (body.onlyClasses()) {
            StringBuilder classes = new StringBuilder(asked.size());
            asked.forEach(code -> classes.append(graded.get(code).riskClass().name()));
            return new RiskClassAnswer(day, scorecard.version(), null, classes.toString());
        }
        List<RiskClassAnswer.Result> results = codes.stream().map(code -> {
            Grade g = graded.get(code);
            return new RiskClassAnswer.Result(code, g.riskClass(), g.grade(), g.score(), g.recordsInForce());
        }).toList();
        return new RiskClassAnswer(day, scorecard.version(), results, null);
    }

    /** The grades of codes on a past day, from their records in force that day in one read. */
    private Map<String, Grade> fromRecords(Set<String> codes, LocalDate day) {
        Map<String, List<CreditRecordDocument>> bySubject = new HashMap<>();
        Query query = allOf(List.of(Query.of(q -> q.terms(t -> t.field("uscc")
                .terms(v -> v.value(codes.stream().map(FieldValue::of).toList())))), RecordsInForce.window(day)));
        pages.scan(alias, query, RecordsInForce.FIELDS, READ_BATCH, CreditRecordDocument.class, batch -> batch.stream()
                .filter(r -> RecordsInForce.on(r, day))
                .forEach(r -> bySubject.computeIfAbsent(r.uscc(), k -> new ArrayList<>()).add(r)));
        Grade baseline = scorecard.baseline(day);
        Map<String, Grade> graded = new HashMap<>();
        codes.forEach(code -> {
            List<CreditRecordDocument> inForce = bySubject.get(code);
            graded.put(code, inForce == null ? baseline : scorecard.grade(inForce, day));
        });
        return graded;
    }

    /**
     * The grade a subject has on {@code day} given all its records (any status, any window): those in force that day
     * count. For callers that already hold the records, such as the watch feed comparing a subject's grade before and
     * after a change.
     */
    public Grade ofRecords(List<CreditRecordDocument> records, LocalDate day) {
        return scorecard.grade(records.stream().filter(r -> RecordsInForce.on(r, day)).toList(), day);
    }

    /** The day asked, default today in Beijing; a grade is not forecast. */
    private LocalDate day(LocalDate asOf) {
        LocalDate today = LocalDate.now(clock);
        if (asOf != null && asOf.isAfter(today)) {
            throw new InvalidInputException("asOf", "lies in the future (" + asOf + "); today is " + today);
        }
        return asOf == null ? today : asOf;
    }

    private boolean isToday(LocalDate day) {
        return day.equals(LocalDate.now(clock));
    }

    /** One subject's records in force on the day, newest decision first, read page by page. */
    private List<CreditRecordDocument> ofOne(Query subject, LocalDate day) {
        Query query = allOf(List.of(subject, RecordsInForce.window(day)));
        List<CreditRecordDocument> inForce = new ArrayList<>();
        String cursor = null;
        do {
            Page<CreditRecordDocument> page = pages.page(alias, query, NEWEST_FIRST, new PageRequest(READ_BATCH, cursor),
                    CreditRecordDocument.class);
            page.items().stream().filter(r -> RecordsInForce.on(r, day)).forEach(inForce::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return inForce;
    }
}

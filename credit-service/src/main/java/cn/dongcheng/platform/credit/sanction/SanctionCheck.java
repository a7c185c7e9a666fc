package cn.dongcheng.platform.credit.sanction;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.problem.PayloadTooLargeException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.SubjectType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Joint sanctions check (联合惩戒 / 信用核查): for a batch of legal and natural persons and a scenario, who is on which
 * list on the date asked and which measures apply, each with its legal basis. The batch is read with one search
 * (see {@link ListEntrySearch}); every natural person in it gets one audit entry under their pseudonym before
 * anything about them is read.
 */
public class SanctionCheck {

    public static final int MAX_SUBJECTS = 10_000;

    private final SanctionRules rules;
    private final ListEntrySearch search;
    private final AuditTrail audit;
    private final String resource;
    private final Clock clock;

    SanctionCheck(SanctionRules rules, ListEntrySearch search, AuditTrail audit, String resource, Clock clock) {
        this.rules = rules;
        this.search = search;
        this.audit = audit;
        this.resource = resource;
        this.clock = clock;
    }

    public SanctionCheckView check(SanctionCheckRequest body, CallerContext caller) {
        if (body == null || body.subjects() == null || body.subjects().isEmpty()) {
            throw new InvalidInputException("subjects", "is required: 1–" + MAX_SUBJECTS + " subjects, each {\"uscc\"} or {\"idNumber\"}");
        }
        if (body.subjects().size() > MAX_SUBJECTS) {
            throw new PayloadTooLargeException("subjects: at most " + MAX_SUBJECTS + " per check, got " + body.subjects().size()
                    + "; split the batch");
        }
        List<FieldProblem> problems = new ArrayList<>();
        SanctionRules.Scenario scenario = rules.scenario(body.scenario());
        if (scenario == null) {
            problems.add(new FieldProblem("scenario", (body.scenario() == null ? "is required" : "is not known")
                    + "; one of " + rules.scenarioKeys()));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = body.asOf() == null ? today : body.asOf();
        if (asOf.isAfter(today)) {
            problems.add(new FieldProblem("asOf", "lies in the future (today is " + today + "): the lists are known up to today"));
        }
        List<CheckedSubject> subjects = CheckedSubject.check(body.subjects(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<String> usccs = new LinkedHashSet<>();
        Set<String> persons = new LinkedHashSet<>();
        for (CheckedSubject s : subjects) {
            (s.type() == SubjectType.LEGAL_PERSON ? usccs : persons).add(s.key());
        }
        auditPersons(caller, persons, scenario, subjects.size());
        List<CreditRecordDocument> entries = search.inForce(usccs, persons, asOf);
        List<SanctionCheckView.SubjectResult> results = SanctionResults.of(subjects, entries, rules, scenario, asOf,
                caller::mayReadUnmasked);
        int hits = (int) results.stream().filter(SanctionCheckView.SubjectResult::hit).count();
        return new SanctionCheckView(scenario.key(), scenario.name(), scenario.note(), rules.version(), asOf,
                OffsetDateTime.now(clock).toString(), results.size(), hits, results);
    }

    /**
     * One entry per distinct person (a number sent twice is one person read once), full or masked as they will be
     * shown; written before the search so that nothing about a person is read unaudited.
     */
    private void auditPersons(CallerContext caller, Set<String> persons, SanctionRules.Scenario scenario, int batch) {
        List<String> full = persons.stream().filter(caller::mayReadUnmasked).toList();
        List<String> masked = persons.stream().filter(p -> !caller.mayReadUnmasked(p)).toList();
        String detail = "sanction check " + scenario.key() + ", batch of " + batch;
        if (!full.isEmpty()) {
            audit.recordEach(caller, "READ_PERSON_FULL", resource, full, "ok", detail);
        }
        if (!masked.isEmpty()) {
            audit.recordEach(caller, "READ_PERSON_MASKED", resource, masked, "ok", detail);
        }
    }
}

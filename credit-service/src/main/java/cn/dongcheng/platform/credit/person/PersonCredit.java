package cn.dongcheng.platform.credit.person;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.ForbiddenException;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import cn.dongcheng.platform.credit.record.CreditRecordView;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Natural persons' credit records. Found only by the exact ID number with the exact name; masked unless the caller's
 * cell allows them in full or the caller is the person; every read is in the audit trail under the person's
 * pseudonym, never the number itself.
 */
@Service
public class PersonCredit {

    static final int MAX_NAME = 50;

    private final CreditRecordStore records;
    private final AuditTrail audit;

    public PersonCredit(CreditRecordStore records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    public PersonCreditView lookup(PersonCreditLookup body, CallerContext caller, PageRequest page) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = body == null || body.name() == null ? null : body.name().strip();
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "is required, 1–" + MAX_NAME + " characters, exactly as recorded"));
        }
        String raw = body == null ? null : body.idNumber();
        String id = raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
        ResidentIdNumber.problem(id).ifPresent(reason -> problems.add(new FieldProblem("idNumber", reason)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return read(id, name, caller, page);
    }

    /** The signed-in citizen's own record: the number comes from the token, no name needed. */
    public PersonCreditView own(CallerContext caller, PageRequest page) {
        if (caller.subjectId() == null) {
            throw new ForbiddenException("the token names no person");
        }
        return read(caller.subjectId(), null, caller, page);
    }

    private PersonCreditView read(String id, String name, CallerContext caller, PageRequest page) {
        try {
            caller.requireAllowedFor(id);
        } catch (ForbiddenException refused) {
            audit.record(caller, "ACCESS_DENIED", records.alias(), id, "403", refused.getMessage());
            throw refused.audited();
        }
        boolean own = caller.isSubject(id);
        boolean unmasked = own || caller.mayReadUnmasked(id);
        // audited before the answer leaves: nothing about a person is read unaudited
        audit.record(caller, unmasked ? "READ_PERSON_FULL" : "READ_PERSON_MASKED", records.alias(), id, "ok",
                own ? "own full record" : "public view");
        Page<CreditRecordView> found = records.ofNaturalPerson(id, name,
                own ? CreditRecordStore.Scope.FULL : CreditRecordStore.Scope.PUBLIC, unmasked, page);
        String shownName = name != null ? name : found.items().stream().map(CreditRecordView::subjectName).findFirst().orElse(null);
        return new PersonCreditView(unmasked ? id : PersonalDataMasking.idNumber(id),
                unmasked || shownName == null ? shownName : PersonalDataMasking.name(shownName), !unmasked, own, found);
    }
}

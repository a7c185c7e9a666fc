package cn.dongcheng.platform.credit.person;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.ForbiddenException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import cn.dongcheng.platform.credit.record.CreditRecordView;
import org.springframework.stereotype.Service;


/**
 * Natural persons' credit records. Found only by the exact ID number with the exact name; masked unless the caller's
 * cell allows them in full or the caller is the person; every read is in the audit trail under the person's
 * pseudonym, never the number itself.
 */
@Service
public class PersonCredit {

    private final CreditRecordStore records;
    private final AuditTrail audit;

    public PersonCredit(CreditRecordStore records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    public PersonCreditView lookup(PersonCreditLookup body, CallerContext caller, PageRequest page) {
        NamedPerson person = NamedPerson.of(body == null ? null : body.name(), body == null ? null : body.idNumber());
        return read(person.idNumber(), person.name(), caller, page);
    }

    /** The signed-in citizen's own record: the number comes from the token, no name needed. */
    public PersonCreditView own(CallerContext caller, PageRequest page) {
        if (caller.subjectId() == null) {
            throw new ForbiddenException("the token names no person");
        }
        return read(caller.subjectId(), null, caller, page);
    }

    private PersonCreditView read(String id, String name, CallerContext caller, PageRequest page) {
        NamedPerson.requireAllowed(caller, id, audit, records.alias());
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

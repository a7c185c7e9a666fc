package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.credit.client.EnterpriseSummary;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import org.springframework.stereotype.Service;

/**
 * Puts a subject's identity (from industry-service, over Feign, cached: {@link DirectoryEntries}) together with its
 * credit records; the records are served even when the identity cannot be.
 */
@Service
public class CreditSubjects {

    private final DirectoryEntries directory;
    private final CreditRecordStore records;
    private final AuditTrail audit;

    public CreditSubjects(DirectoryEntries directory, CreditRecordStore records, AuditTrail audit) {
        this.directory = directory;
        this.records = records;
        this.audit = audit;
    }

    public CreditSubjectView subject(String rawCode, PageRequest page, CallerContext caller) {
        String uscc = InvalidInputException.parsing("uscc", () -> UnifiedSocialCreditCode.parse(rawCode)).value();
        boolean unmasked = caller.mayReadUnmasked(uscc);
        DirectoryEntries.Entry identity = directory.of(uscc, unmasked);
        EnterpriseSummary enterprise = identity.summary() == null
                ? new EnterpriseSummary(uscc, null, null, null, null, null, null) : identity.summary();
        // the enterprise signed in sees its whole record, expired and repaired entries included; everyone else the public view
        boolean own = caller.isSubject(uscc);
        if (unmasked && enterprise.legalRepresentative() != null) {
            audit.record(caller, "READ_PERSONAL_DATA", "subjects/" + uscc, "ok", "legal representative shown unmasked");
        }
        return new CreditSubjectView(uscc, enterprise.name(), enterprise.status(), enterprise.streetCode(),
                enterprise.industrySection(),
                unmasked ? enterprise.legalRepresentative() : PersonalDataMasking.name(enterprise.legalRepresentative()),
                !unmasked && enterprise.legalRepresentative() != null, identity.source(), identity.fetchedAt(), own,
                records.ofLegalPerson(uscc, own ? CreditRecordStore.Scope.FULL : CreditRecordStore.Scope.PUBLIC, unmasked, page));
    }
}

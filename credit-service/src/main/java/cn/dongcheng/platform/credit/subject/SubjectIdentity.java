package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import cn.dongcheng.platform.credit.client.EnterpriseSummary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One stored entry of {@code credit-subject-identities}; the legal representative only as masked. */
record SubjectIdentity(String uscc, String name, String status, String streetCode, String industrySection,
                       String industryClass, String legalRepresentativeMasked, String fetchedAt) {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    static SubjectIdentity of(EnterpriseSummary summary, Instant at) {
        return new SubjectIdentity(summary.uscc(), summary.name(), summary.status(), summary.streetCode(),
                summary.industrySection(), summary.industryClass(), PersonalDataMasking.name(summary.legalRepresentative()),
                OffsetDateTime.ofInstant(at, BEIJING).toString());
    }

    IdentityReplica.Kept kept() {
        return new IdentityReplica.Kept(new EnterpriseSummary(uscc, name, status, streetCode, industrySection, industryClass,
                legalRepresentativeMasked), OffsetDateTime.parse(fetchedAt).toInstant());
    }
}

package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.credit.record.CreditRecordView;

import java.time.OffsetDateTime;

/**
 * A legal person as a credit subject (信用主体): identity from industry-service's directory, records from this
 * service's own index: those inside their publication window today, or every record when {@code fullRecord}
 * (the enterprise's own view).
 *
 * @param identitySource where name, status, street, industry and legal representative came from; with
 *                       {@code UNAVAILABLE} (industry-service down, nothing known) they are absent and the records
 *                       are still served
 * @param identityAsOf   when that identity was fetched from industry-service
 */
public record CreditSubjectView(String uscc, String name, String status, String streetCode, String industrySection,
                                String legalRepresentative, boolean legalRepresentativeMasked,
                                DirectoryEntries.Source identitySource, OffsetDateTime identityAsOf, boolean fullRecord,
                                Page<CreditRecordView> records) {
}

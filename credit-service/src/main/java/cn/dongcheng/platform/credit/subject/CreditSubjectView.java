package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.credit.record.CreditRecord;

/**
 * A legal person as a credit subject (信用主体): identity from industry-service's directory, records from this
 * service's own index.
 */
public record CreditSubjectView(String uscc, String name, String status, String streetCode, String industrySection,
                                String legalRepresentative, boolean legalRepresentativeMasked, Page<CreditRecord> records) {
}

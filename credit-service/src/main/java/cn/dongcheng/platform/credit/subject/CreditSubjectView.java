package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.credit.record.CreditRecordView;

/**
 * A legal person as a credit subject (信用主体): identity from industry-service's directory, records from this
 * service's own index: those inside their publication window today, or every record when {@code fullRecord}
 * (the enterprise's own view).
 */
public record CreditSubjectView(String uscc, String name, String status, String streetCode, String industrySection,
                                String legalRepresentative, boolean legalRepresentativeMasked, boolean fullRecord,
                                Page<CreditRecordView> records) {
}

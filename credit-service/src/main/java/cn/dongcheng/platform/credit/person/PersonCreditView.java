package cn.dongcheng.platform.credit.person;

import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.credit.record.CreditRecordView;

/**
 * A natural person's credit record (自然人信用记录): ID number and name masked (110105********002X, 张*) unless the
 * caller may see them; public entries only, or every entry when {@code fullRecord} (the person's own view).
 */
public record PersonCreditView(String idNumber, String name, boolean masked, boolean fullRecord, Page<CreditRecordView> records) {
}

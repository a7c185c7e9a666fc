package cn.dongcheng.platform.credit.sanction;

import cn.dongcheng.platform.credit.record.CreditRecordCategory;

import java.util.List;

/** A measure (惩戒措施) that applies in a scenario to a subject on {@code list}, with the documents it rests on. */
public record SanctionMeasure(CreditRecordCategory list, MeasureEffect effect, String measure, List<LegalBasis> legalBasis) {
}

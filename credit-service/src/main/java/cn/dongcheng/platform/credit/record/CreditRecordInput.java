package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.ingest.LineKey;
import cn.dongcheng.platform.credit.publication.PenaltyRegime;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a department's upload. The department's own id for the record ({@code sourceDepartment},
 * {@code sourceId}) is the key: the same line twice is stored once, a changed line replaces the record and keeps the
 * version it replaces. Exactly one of {@code uscc} (legal person) and {@code idNumber} (natural person) names the
 * subject.
 *
 * @param amount         fine or amount involved in yuan (罚没金额), up to two decimals
 * @param exitDate       the day a listed subject was removed from the list or a licence ended (移出日期)
 * @param publicationEnd an end the decision itself sets (a longer restriction), instead of the rule's maximum
 * @param status         PUBLIC (default), REPAIRED, REVOKED or UNDER_OBJECTION, from {@code statusDate}
 */
@LineKey({"sourceDepartment", "sourceId"})
public record CreditRecordInput(String sourceDepartment, String sourceId, String uscc, String idNumber, String subjectName,
                                CreditRecordCategory category, String decisionNumber, LocalDate decisionDate, String authority,
                                String legalBasis, String summary, Severity severity, PenaltyRegime regime, BigDecimal amount,
                                LocalDate exitDate, LocalDate publicationEnd, RecordStatus status, LocalDate statusDate,
                                String dataSource) {
}

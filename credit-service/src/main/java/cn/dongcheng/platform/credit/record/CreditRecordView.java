package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.credit.publication.PenaltyRegime;
import cn.dongcheng.platform.credit.publication.PublicationWindow;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A record as the API shows it: the status as of today (a record past its window reads {@code EXPIRED}), the amount
 * in yuan, and a natural person's ID number and name masked unless the caller may see them
 * ({@code subjectMasked}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditRecordView(String recordId, SubjectType subjectType, String uscc, String idNumber, String subjectName,
                               boolean subjectMasked, CreditRecordCategory category, String decisionNumber,
                               LocalDate decisionDate, String authority, String legalBasis, String summary, Severity severity,
                               PenaltyRegime regime, BigDecimal amount, LocalDate exitDate, RecordStatus status,
                               LocalDate statusDate, PublicationWindow publication, Integer version, String sourceDepartment,
                               String sourceId, String dataSource, String updatedAt) {
}

package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.ingest.LineKey;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * One piece of credit information about a legal person, stored in {@code credit-records} under
 * {@code <category>:<uscc>:<decisionNumber>} so the same decision is never stored twice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@LineKey("recordId")
public record CreditRecord(String recordId, String uscc, CreditRecordCategory category, String decisionNumber,
                           LocalDate decisionDate, String authority, String summary, String dataSource, String updatedAt) {
}

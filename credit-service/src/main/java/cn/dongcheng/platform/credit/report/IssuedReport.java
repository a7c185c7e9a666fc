package cn.dongcheng.platform.credit.report;

import cn.dongcheng.platform.credit.record.SubjectType;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * A report as the registry of issued reports ({@code credit-reports}) keeps it, under its id: enough to say that the
 * platform issued exactly this document, nothing of its content. A natural person appears only as the audit trail's
 * keyed pseudonym of the ID number, never the number.
 *
 * @param digest   {@code sha256:<hex>}: of the canonical JSON without its signature, or of the whole signed PDF
 * @param dataAsOf when the newest record in it last changed (ISO date-time), null without records
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuedReport(String reportId, SubjectType subjectType, String uscc, String personPseudonym, LocalDate asOf,
                           CreditReport.Scope scope, boolean masked, ReportFormat format, String digest, String keyId,
                           String dataAsOf, String generatedAt) {

    /** The form a report was issued in. */
    public enum ReportFormat {
        JSON, PDF
    }
}

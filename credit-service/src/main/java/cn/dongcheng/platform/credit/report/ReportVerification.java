package cn.dongcheng.platform.credit.report;

import cn.dongcheng.platform.credit.record.SubjectType;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code POST /v1/reports:verify}: the verdict and why; for a genuine report what the registry holds
 * about its issue (a natural person is not named).
 *
 * @param platformKeyId the platform's report-signing key the document was checked against
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportVerification(Verdict verdict, boolean genuine, String reportId, IssuedReport.ReportFormat format,
                                 List<String> reasons, Issued issued, String platformKeyId) {

    /** What the registry of issued reports holds about the report. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Issued(String reportId, SubjectType subjectType, String uscc, LocalDate asOf, CreditReport.Scope scope,
                         IssuedReport.ReportFormat format, String keyId, String generatedAt, String dataAsOf) {
    }
}

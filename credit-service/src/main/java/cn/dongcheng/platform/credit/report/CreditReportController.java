package cn.dongcheng.platform.credit.report;

import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.credit.report.IssuedReport.ReportFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Locale;

@RestController
@Tag(name = "Credit reports", description = "信用报告: signed reports as JSON or PDF, their public key and a public check")
public class CreditReportController {

    private static final String FORMAT_HELP = "JSON unless Accept names application/pdf first, or format=pdf|json";

    private final CreditReports reports;

    public CreditReportController(CreditReports reports) {
        this.reports = reports;
    }

    @GetMapping(value = "/v1/subjects/{uscc}/report", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "A legal person's signed credit report as of a day", description = "The subject (directory identity, "
            + "legal representative masked unless the role may see it), the records in force on asOf (default today, Beijing) "
            + "— for the enterprise itself every record decided by then — and the grade with its explanation and rule versions; "
            + "report id, data as-of time, generation time and signing key id. " + FORMAT_HELP + ". Registered and audited.")
    public ResponseEntity<?> legalPerson(@Parameter(example = "91110000802100433B") @PathVariable String uscc,
                                         @RequestParam(required = false) LocalDate asOf,
                                         @RequestParam(required = false) String format,
                                         @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                         CallerContext caller) {
        return answer(reports.legalPerson(uscc, asOf, formatOf(format, accept), caller));
    }

    @PostMapping(value = "/v1/persons:report", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "A natural person's signed credit report by name and ID number", description = "Both in the body "
            + "(never in a URL) with an optional asOf; masked (110105********002X, 张*) unless the role may see them; a citizen "
            + "asking for their own number gets every record. " + FORMAT_HELP + ". Registered (the person pseudonymised) and audited.")
    public ResponseEntity<?> naturalPerson(@RequestBody(required = false) PersonReportRequest body,
                                           @RequestParam(required = false) String format,
                                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                           CallerContext caller) {
        return answer(reports.naturalPerson(body, formatOf(format, accept), caller));
    }

    @GetMapping("/v1/reports/public-key")
    @Operation(summary = "The platform's report-signing public key", description = "PEM (SubjectPublicKeyInfo) with its key id "
            + "and the self-signed certificate the PDF signatures carry: what a third party needs to check a report offline.")
    public ReportPublicKey publicKey() {
        return reports.publicKey();
    }

    @PostMapping(value = "/v1/reports:verify", consumes = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Check a PDF report", description = "The PDF as the body: GENUINE (platform key, unchanged, issued), "
            + "ALTERED, NOT_PLATFORM_KEY, UNKNOWN_REPORT or NOT_SIGNED, with reasons.")
    public ReportVerification verifyPdf(InputStream body) throws IOException {
        return reports.verifyPdf(CreditReports.document(body));
    }

    @PostMapping(value = "/v1/reports:verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a JSON report", description = "The report exactly as issued (any formatting: the signature covers "
            + "its RFC 8785 canonical form): the same verdicts as for a PDF.")
    public ReportVerification verifyJson(InputStream body) throws IOException {
        return reports.verifyJson(CreditReports.document(body));
    }

    private static ResponseEntity<?> answer(CreditReports.Issued issued) {
        if (issued.pdf() != null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header("X-Report-Id", issued.reportId())
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename("credit-report-" + issued.reportId() + ".pdf").build().toString())
                    .body(issued.pdf());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("X-Report-Id", issued.reportId()).body(issued.json());
    }

    /** {@code format} wins; else the first of PDF or JSON the Accept header names (JSON when it names neither). */
    static ReportFormat formatOf(String format, String accept) {
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "pdf" -> ReportFormat.PDF;
                case "json" -> ReportFormat.JSON;
                default -> throw new InvalidInputException("format", "is pdf or json");
            };
        }
        if (accept != null) {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.isCompatibleWith(MediaType.APPLICATION_PDF) && !type.isWildcardType()) {
                    return ReportFormat.PDF;
                }
                if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    return ReportFormat.JSON;
                }
            }
        }
        return ReportFormat.JSON;
    }
}

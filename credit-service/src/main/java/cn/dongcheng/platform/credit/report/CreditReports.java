package cn.dongcheng.platform.credit.report;

import cn.dongcheng.platform.common.audit.AuditPseudonyms;
import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.problem.PayloadTooLargeException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.credit.client.EnterpriseSummary;
import cn.dongcheng.platform.credit.grade.Grade;
import cn.dongcheng.platform.credit.grade.RecordsInForce;
import cn.dongcheng.platform.credit.grade.Scorecard;
import cn.dongcheng.platform.credit.person.NamedPerson;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import cn.dongcheng.platform.credit.record.SubjectType;
import cn.dongcheng.platform.credit.report.IssuedReport.ReportFormat;
import cn.dongcheng.platform.credit.subject.DirectoryEntries;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.desc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * Credit reports (信用报告): put together when asked from the subject's identity, its records as the caller may see them
 * on {@code asOf} and the grade in force that day; signed with the platform's report-signing key (JSON: a signature
 * over the canonical form; PDF: a standard detached PDF signature); registered under their id in
 * {@code credit-reports} and audited before they leave. And the other side: telling a third party whether a document
 * is a report the platform issued, unchanged.
 */
@Service
public class CreditReports {

    /** Report ids as issued: {@code CR-<yyyyMMdd>-<20 hex>}; anything else is not looked up. */
    static final Pattern REPORT_ID = Pattern.compile("CR-\\d{8}-[0-9a-f]{20}");
    /** A document to check is read up to this size (a report of hundreds of records is well under 1 MB); more: 413. */
    static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    private static final int READ_BATCH = 1_000;
    private static final List<SortOptions> NEWEST_FIRST = List.of(desc("decisionDate"), asc("recordId"));
    private static final DateTimeFormatter ID_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final DirectoryEntries directory;
    private final DocumentPages pages;
    private final String recordsAlias;
    private final Scorecard scorecard;
    private final ReportRecordMapper mapper;
    private final ReportSigningKey key;
    private final ReportPdf pdf;
    private final IssuedReports registry;
    private final AuditTrail audit;
    private final AuditPseudonyms pseudonyms;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CreditReports(DirectoryEntries directory, DocumentPages pages, CreditRecordStore records, Scorecard scorecard,
                         ReportRecordMapper mapper, ReportSigningKey key, ReportPdf pdf, IssuedReports registry,
                         AuditTrail audit, AuditPseudonyms pseudonyms, ObjectMapper json, Clock clock) {
        this.directory = directory;
        this.pages = pages;
        this.recordsAlias = records.alias();
        this.scorecard = scorecard;
        this.mapper = mapper;
        this.key = key;
        this.pdf = pdf;
        this.registry = registry;
        this.audit = audit;
        this.pseudonyms = pseudonyms;
        this.json = json;
        this.clock = clock;
    }

    /** A report as handed out: its id and either the signed JSON or the signed PDF. */
    public record Issued(String reportId, ObjectNode json, byte[] pdf) {
    }

    /** A legal person's report: the public records in force on the day, or for the enterprise itself every record. */
    public Issued legalPerson(String rawCode, LocalDate asOf, ReportFormat format, CallerContext caller) {
        String uscc = InvalidInputException.parsing("uscc", () -> UnifiedSocialCreditCode.parse(rawCode)).value();
        LocalDate day = day(asOf);
        boolean unmasked = caller.mayReadUnmasked(uscc);
        DirectoryEntries.Entry identity = directory.of(uscc, unmasked); // not in the directory: its 404
        EnterpriseSummary e = identity.summary() == null ? new EnterpriseSummary(uscc, null, null, null, null, null, null) : identity.summary();
        boolean representativeShown = unmasked && e.legalRepresentative() != null;
        CreditReport.ReportSubject subject = new CreditReport.ReportSubject(SubjectType.LEGAL_PERSON, uscc, null, e.name(), null,
                e.status(), e.streetCode(), e.industrySection(),
                unmasked ? e.legalRepresentative() : PersonalDataMasking.name(e.legalRepresentative()),
                e.legalRepresentative() == null ? null : !unmasked, identity.source(), identity.fetchedAt());
        boolean own = caller.isSubject(uscc);
        Issued issued = issue(subject, term("uscc", uscc), own, day, format);
        audit.record(caller, "ISSUE_CREDIT_REPORT", "reports/" + issued.reportId(), "ok", "legal person " + uscc + " as of " + day
                + ", " + format + ", " + (own ? "full record" : "public records")
                + (representativeShown ? ", legal representative unmasked" : ""));
        return issued;
    }

    /** A natural person's report by exact name and ID number: masked unless the role may see them, always audited. */
    public Issued naturalPerson(PersonReportRequest body, ReportFormat format, CallerContext caller) {
        NamedPerson person = NamedPerson.of(body == null ? null : body.name(), body == null ? null : body.idNumber());
        String name = person.name();
        String id = person.idNumber();
        LocalDate day = day(body.asOf());
        NamedPerson.requireAllowed(caller, id, audit, registry.alias());
        boolean own = caller.isSubject(id);
        boolean unmasked = own || caller.mayReadUnmasked(id);
        CreditReport.ReportSubject subject = new CreditReport.ReportSubject(SubjectType.NATURAL_PERSON, null,
                unmasked ? id : PersonalDataMasking.idNumber(id), unmasked ? name : PersonalDataMasking.name(name), !unmasked,
                null, null, null, null, null, null, null);
        Issued issued = issue(subject, allOf(List.of(term("idNumber", id), term("subjectName.raw", name))), own, day, format,
                pseudonyms.of(id));
        // audited before the answer leaves: nothing about a person is read unaudited
        audit.record(caller, unmasked ? "ISSUE_PERSON_CREDIT_REPORT_FULL" : "ISSUE_PERSON_CREDIT_REPORT_MASKED",
                "reports/" + issued.reportId(), id, "ok", "as of " + day + ", " + format + ", " + (own ? "own full record" : "public records"));
        return issued;
    }

    private Issued issue(CreditReport.ReportSubject subject, Query ofSubject, boolean own, LocalDate day, ReportFormat format) {
        return issue(subject, ofSubject, own, day, format, null);
    }

    private Issued issue(CreditReport.ReportSubject subject, Query ofSubject, boolean own, LocalDate day, ReportFormat format,
                         String personPseudonym) {
        List<CreditRecordDocument> listed = records(ofSubject, own, day);
        List<CreditRecordDocument> inForce = listed.stream().filter(r -> RecordsInForce.on(r, day)).toList();
        Grade grade = scorecard.grade(inForce, day);
        OffsetDateTime generatedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String reportId = "CR-" + ID_DAY.format(generatedAt) + "-" + HexFormat.of().formatHex(randomBytes());
        OffsetDateTime dataAsOf = listed.stream().map(CreditRecordDocument::updatedAt).filter(Objects::nonNull)
                .map(OffsetDateTime::parse).max(OffsetDateTime::compareTo)
                .map(t -> t.atZoneSameInstant(clock.getZone()).toOffsetDateTime()).orElse(null);
        List<String> ruleVersions = Stream.concat(Stream.of(grade.ruleVersion()), listed.stream()
                .map(r -> r.publication() == null ? null : r.publication().ruleVersion()).filter(Objects::nonNull)
                .collect(TreeSet<String>::new, TreeSet::add, TreeSet::addAll).stream()).toList();
        CreditReport report = new CreditReport(reportId, "信用报告", subject, day, own ? CreditReport.Scope.FULL : CreditReport.Scope.PUBLIC,
                dataAsOf, generatedAt, listed.stream().map(r -> mapper.toReport(r, day)).toList(), grade, ruleVersions, key.keyId(),
                "核验：将本报告（PDF 或 JSON）提交至 POST /api/credit/v1/reports:verify；离线：以公钥（GET /api/credit/v1/reports/public-key，"
                        + "密钥编号 " + key.keyId() + "）运行 credit-service/verify/verify_report.py。任何改动都会使签名失效。");
        Issued issued;
        String digest;
        if (format == ReportFormat.PDF) {
            byte[] signed = PdfReportSignature.sign(pdf.render(report), key, reportId, GregorianCalendar.from(generatedAt.toZonedDateTime()));
            issued = new Issued(reportId, null, signed);
            digest = PdfReportSignature.digest(signed);
        } else {
            ObjectNode signed = JsonReportSignature.sign(json.valueToTree(report), key);
            issued = new Issued(reportId, signed, null);
            digest = JsonReportSignature.digest(signed);
        }
        registry.register(new IssuedReport(reportId, subject.type(), subject.uscc(), personPseudonym, day, report.scope(),
                Boolean.TRUE.equals(subject.masked()) || Boolean.TRUE.equals(subject.legalRepresentativeMasked()), format, digest,
                key.keyId(), dataAsOf == null ? null : dataAsOf.toString(), generatedAt.toString()));
        return issued;
    }

    /** Whether the PDF is a report the platform issued, unchanged. */
    public ReportVerification verifyPdf(byte[] document) {
        return withRegistry(PdfReportSignature.check(document, key), ReportFormat.PDF);
    }

    /** Whether the JSON is a report the platform issued, unchanged. */
    public ReportVerification verifyJson(byte[] document) {
        JsonNode report;
        try {
            report = json.readTree(document);
        } catch (IOException e) {
            throw new InvalidInputException("body", "is not JSON (a JSON report, or a PDF with Content-Type application/pdf)");
        }
        return withRegistry(JsonReportSignature.check(report, key), ReportFormat.JSON);
    }

    /** A document to check, read up to {@value #MAX_DOCUMENT_BYTES} bytes (never the platform's whole body limit). */
    public static byte[] document(InputStream body) throws IOException {
        byte[] read = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
        if (read.length > MAX_DOCUMENT_BYTES) {
            throw new PayloadTooLargeException("a report to check has at most " + MAX_DOCUMENT_BYTES + " bytes");
        }
        if (read.length == 0) {
            throw new InvalidInputException("body", "is empty: send the report (PDF or JSON) to check");
        }
        return read;
    }

    public ReportPublicKey publicKey() {
        return new ReportPublicKey(key.keyId(), ReportSigningKey.ALGORITHM, key.publicKeyPem(), key.certificatePem(),
                "the first 16 hex digits of SHA-256 over the public key's DER SubjectPublicKeyInfo");
    }

    private ReportVerification withRegistry(SignatureCheck check, ReportFormat format) {
        String reportId = check.reportId();
        if (!check.signedByPlatform()) {
            return new ReportVerification(check.verdict(), false, reportId, format, check.reasons(), null, key.keyId());
        }
        List<String> reasons = new ArrayList<>(check.reasons());
        Optional<IssuedReport> found = reportId != null && REPORT_ID.matcher(reportId).matches() ? registry.find(reportId) : Optional.empty();
        if (found.isEmpty()) {
            reasons.add("the registry of issued reports holds no report " + (reportId == null ? "(the document names no report id)" : reportId));
            return new ReportVerification(Verdict.UNKNOWN_REPORT, false, reportId, format, reasons, null, key.keyId());
        }
        IssuedReport issued = found.get();
        if (issued.format() != format || !issued.digest().equals(check.digest())) {
            reasons.add("report " + reportId + " was issued as another document (" + issued.format() + " " + issued.digest() + ")");
            return new ReportVerification(Verdict.UNKNOWN_REPORT, false, reportId, format, reasons, null, key.keyId());
        }
        reasons.add("issued " + issued.generatedAt() + " as " + issued.format() + " with digest " + issued.digest());
        return new ReportVerification(Verdict.GENUINE, true, reportId, format, reasons, new ReportVerification.Issued(reportId,
                issued.subjectType(), issued.uscc(), issued.asOf(), issued.scope(), issued.format(), issued.keyId(),
                issued.generatedAt(), issued.dataAsOf()), key.keyId());
    }

    /** The subject's records a report lists, newest decision first: in force on the day, or (own) every one decided by then. */
    private List<CreditRecordDocument> records(Query ofSubject, boolean own, LocalDate day) {
        Query when = own ? Query.of(q -> q.range(r -> r.date(d -> d.field("decisionDate").lte(day.toString()))))
                : RecordsInForce.window(day);
        Query query = allOf(List.of(ofSubject, when));
        List<CreditRecordDocument> found = new ArrayList<>();
        String cursor = null;
        do {
            Page<CreditRecordDocument> page = pages.page(recordsAlias, query, NEWEST_FIRST, new PageRequest(READ_BATCH, cursor),
                    CreditRecordDocument.class);
            page.items().stream().filter(r -> own || RecordsInForce.on(r, day)).forEach(found::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return found;
    }

    /** The day asked, default today in Beijing; a report is not a forecast. */
    private LocalDate day(LocalDate asOf) {
        LocalDate today = LocalDate.now(clock);
        if (asOf != null && asOf.isAfter(today)) {
            throw new InvalidInputException("asOf", "lies in the future (" + asOf + "); today is " + today);
        }
        return asOf == null ? today : asOf;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return bytes;
    }
}

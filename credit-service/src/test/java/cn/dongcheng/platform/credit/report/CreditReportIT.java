package cn.dongcheng.platform.credit.report;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.credit.client.IndustryNeighbour;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.NeighbourService;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.List;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credit reports through real HTTP with real tokens, against the real node and a real industry-service: the content
 * is what the records and the grade say on the day; the JSON and the PDF verify as genuine at the public endpoint and
 * offline; a changed byte, a report re-signed with another key, or one the registry never issued do not; a natural
 * person's report is asked in the body, masked for others and full for the person, registered and audited under a
 * pseudonym.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreditReportIT extends ElasticsearchIntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String OWN = TestIdentityProvider.enterpriseCode();
    static final String DEPARTMENT = "\"sourceDepartment\":\"东城区市场监管局\",\"authority\":\"北京市东城区市场监督管理局\"";
    private static NeighbourService industry;

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;
    @Autowired
    IssuedReports registry;
    @Autowired
    ObjectMapper mapper;
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void industryService(DynamicPropertyRegistry registry) {
        industry = IndustryNeighbour.start(registry, IndustryNeighbour.entity(OWN, "北京示范科技有限公司", "梁志祥"));
    }

    @AfterAll
    static void stopIndustry() {
        if (industry != null) {
            industry.close();
        }
    }

    static String line(String sourceId, String subject, String fields) {
        return "{" + DEPARTMENT + ",\"sourceId\":\"" + sourceId + "\"," + subject + "," + fields + "}\n";
    }

    @BeforeAll
    void records() {
        String company = "\"uscc\":\"" + OWN + "\",\"subjectName\":\"北京示范科技有限公司\"";
        String ndjson = line("R-PEN", company, "\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionDate\":\"" + TODAY.minusMonths(2)
                + "\",\"decisionNumber\":\"京东市监罚〔2026〕7号\",\"severity\":\"GENERAL\",\"regime\":\"GENERAL\",\"summary\":\"发布虚假广告\","
                + "\"amount\":12000.5")
                + line("R-OLD", company, "\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionDate\":\"" + TODAY.minusYears(2)
                + "\",\"decisionNumber\":\"京东市监罚〔2024〕3号\",\"severity\":\"MINOR\",\"regime\":\"GENERAL\"")
                + line("R-RED", company, "\"category\":\"RED_LIST\",\"decisionDate\":\"2025-05-06\",\"decisionNumber\":\"A级纳税人\"")
                + line("N-DEBTOR", "\"idNumber\":\"" + TestIdentityProvider.citizenIdNumber() + "\",\"subjectName\":\"王五\"",
                "\"category\":\"DISHONEST_JUDGMENT_DEBTOR\",\"decisionDate\":\"2025-03-03\"");
        HttpResponse<String> r = new ApiClient(port).postNdjson("/v1/records:bulk?refresh=true", ndjson, "CREDIT_OFFICER");
        assertThat(json(r).path("accepted").asInt()).as(r.body()).isEqualTo(4);
    }

    @Test
    void aLegalPersonsReportHoldsTheRecordsAndTheGradeOfTheDay() {
        String asOf = TODAY.minusDays(1).toString();
        HttpResponse<String> r = new ApiClient(port).get("/v1/subjects/" + OWN + "/report?asOf=" + asOf, "REGULATOR", "it-report-1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = json(r);
        assertThat(report.path("reportId").asText()).matches(CreditReports.REPORT_ID.pattern())
                .isEqualTo(r.headers().firstValue("X-Report-Id").orElseThrow());
        assertThat(report.path("asOf").asText()).isEqualTo(asOf);
        assertThat(report.path("scope").asText()).isEqualTo("PUBLIC");
        assertThat(report.path("subject").path("name").asText()).isEqualTo("北京示范科技有限公司");
        assertThat(report.path("subject").path("legalRepresentative").asText()).isEqualTo("梁志祥"); // a regulator sees it
        // the expired minor penalty is not in the public report; the amount is a string of yuan
        assertThat(report.path("records").findValuesAsText("recordId"))
                .containsExactly("东城区市场监管局:R-PEN", "东城区市场监管局:R-RED");
        assertThat(report.path("records").get(0).path("amount").asText()).isEqualTo("12000.50");
        assertThat(report.path("records").get(0).path("inForce").asBoolean()).isTrue();
        JsonNode grade = json(new ApiClient(port).get("/v1/subjects/" + OWN + "/grade?asOf=" + asOf));
        for (String field : List.of("score", "grade", "riskClass", "ruleVersion", "recordsInForce", "dimensions", "limits")) {
            assertThat(report.path("grade").path(field)).as(field).isEqualTo(grade.path(field));
        }
        assertThat(report.path("ruleVersions").get(0).asText()).isEqualTo("scorecard-v1");
        assertThat(report.path("generatedAt").asText()).endsWith("+08:00");
        assertThat(report.path("dataAsOf").asText()).endsWith("+08:00");
        assertThat(report.path("signingKeyId").asText()).isEqualTo(publicKey().path("keyId").asText());

        // earlier, before the penalty was decided: neither it nor its points
        JsonNode before = json(new ApiClient(port).get("/v1/subjects/" + OWN + "/report?asOf=" + TODAY.minusMonths(3)));
        assertThat(before.path("records").findValuesAsText("recordId")).containsExactly("东城区市场监管局:R-RED");
        assertThat(before.path("subject").path("legalRepresentative").asText()).isEqualTo("梁**");

        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "requestId", "it-report-1");
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.path("action").asText()).isEqualTo("ISSUE_CREDIT_REPORT");
            assertThat(e.path("resource").asText()).isEqualTo("reports/" + report.path("reportId").asText());
        });
        assertThat(registry.find(report.path("reportId").asText())).get().satisfies(issued -> {
            assertThat(issued.uscc()).isEqualTo(OWN);
            assertThat(issued.format()).isEqualTo(IssuedReport.ReportFormat.JSON);
            assertThat(issued.digest()).isEqualTo(JsonReportSignature.digest(report));
        });
    }

    @Test
    void theEnterpriseItselfGetsItsWholeRecord() {
        JsonNode own = json(new ApiClient(port).get("/v1/subjects/" + OWN + "/report", "ENTERPRISE"));
        assertThat(own.path("scope").asText()).isEqualTo("FULL");
        assertThat(own.path("records").findValuesAsText("recordId"))
                .containsExactly("东城区市场监管局:R-PEN", "东城区市场监管局:R-RED", "东城区市场监管局:R-OLD");
        assertThat(own.path("records").get(2).path("inForce").asBoolean()).isFalse();
        assertThat(own.path("records").get(2).path("status").asText()).isEqualTo("EXPIRED");
        assertThat(own.path("grade").path("recordsInForce").asInt()).isEqualTo(2);
    }

    @Test
    void aJsonReportIsGenuineUntilChangedAndNotOnceReSignedWithAnotherKey() throws Exception {
        JsonNode report = json(new ApiClient(port).get("/v1/subjects/" + OWN + "/report"));
        JsonNode genuine = verifyJson(report.toPrettyString());
        assertThat(genuine.path("verdict").asText()).as(genuine.toString()).isEqualTo("GENUINE");
        assertThat(genuine.path("genuine").asBoolean()).isTrue();
        assertThat(genuine.path("issued").path("uscc").asText()).isEqualTo(OWN);
        assertThat(genuine.path("issued").path("asOf").asText()).isEqualTo(TODAY.toString());

        ObjectNode better = report.deepCopy();
        ((ObjectNode) better.path("grade")).put("score", 990);
        JsonNode altered = verifyJson(better.toString());
        assertThat(altered.path("verdict").asText()).isEqualTo("ALTERED");
        assertThat(altered.path("genuine").asBoolean()).isFalse();

        ReportSigningKey forger = ReportSigningKey.generate();
        better.put("signingKeyId", forger.keyId());
        JsonNode reSigned = verifyJson(JsonReportSignature.sign(better, forger).toString());
        assertThat(reSigned.path("verdict").asText()).isEqualTo("NOT_PLATFORM_KEY");
        assertThat(reSigned.path("reasons").get(0).asText()).contains(forger.keyId());

        // signed with the platform's own key but never issued (the test key is a file under target/)
        ReportSigningKey platform = ReportSigningKey.fromPem(Files.readString(Path.of("target/test-report-signing-key.pem")));
        ObjectNode invented = report.deepCopy();
        invented.put("reportId", "CR-20260101-00000000000000000000");
        JsonNode unknown = verifyJson(JsonReportSignature.sign(invented, platform).toString());
        assertThat(unknown.path("verdict").asText()).as(unknown.toString()).isEqualTo("UNKNOWN_REPORT");
        assertThat(verifyJson("{\"reportId\":\"x\"}").path("verdict").asText()).isEqualTo("NOT_SIGNED");
    }

    @Test
    void aPdfReportIsPrintableChineseGenuineAndCheckableOfflineUntilTampered() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri("/v1/subjects/" + OWN + "/report")).header("Accept", "application/pdf").GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        byte[] pdf = r.body();
        String reportId = r.headers().firstValue("X-Report-Id").orElseThrow();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("信用报告").contains("北京示范科技有限公司").contains(reportId).contains("梁**")
                    .contains("京东市监罚〔2026〕7号").doesNotContain("梁志祥");
        }
        assertThat(verifyPdf(pdf).path("verdict").asText()).isEqualTo("GENUINE");
        assertThat(verifyPdf(pdf).path("issued").path("format").asText()).isEqualTo("PDF");

        byte[] tampered = pdf.clone();
        tampered[ReportSignaturesTest.indexOf(tampered, "stream\n".getBytes(StandardCharsets.US_ASCII)) + 40] ^= 0x01;
        JsonNode altered = verifyPdf(tampered);
        assertThat(altered.path("verdict").asText()).as(altered.toString()).isEqualTo("ALTERED");

        ReportSigningKey forger = ReportSigningKey.generate();
        byte[] reSigned = PdfReportSignature.sign(pdf, forger, reportId, new GregorianCalendar());
        JsonNode foreign = verifyPdf(reSigned);
        assertThat(foreign.path("verdict").asText()).as(foreign.toString()).isEqualTo("NOT_PLATFORM_KEY");

        // offline: the public key from the public endpoint and the file, nothing else
        Path key = dir.resolve("report-public-key.pem");
        Files.writeString(key, publicKey().path("publicKeyPem").asText());
        assertThat(VerifyReportScriptTest.run(key, write("report.pdf", pdf)).exit()).isZero();
        assertThat(VerifyReportScriptTest.run(key, write("tampered.pdf", tampered)).exit()).isEqualTo(1);
        assertThat(VerifyReportScriptTest.run(key, write("resigned.pdf", reSigned)).exit()).isEqualTo(1);
    }

    @Test
    void aNaturalPersonsReportIsAskedInTheBodyMaskedForOthersFullForThemselvesAndAudited() throws Exception {
        String id = TestIdentityProvider.citizenIdNumber();
        String body = "{\"name\":\"王五\",\"idNumber\":\"" + id + "\"}";
        HttpResponse<String> masked = new ApiClient(port).postJson("/v1/persons:report", body, "STATISTICIAN");
        assertThat(masked.statusCode()).as(masked.body()).isEqualTo(200);
        JsonNode report = json(masked);
        assertThat(report.path("subject").path("idNumber").asText()).contains("*");
        assertThat(report.path("subject").path("name").asText()).isEqualTo("王*");
        assertThat(report.path("subject").path("masked").asBoolean()).isTrue();
        assertThat(report.path("scope").asText()).isEqualTo("PUBLIC");
        assertThat(report.path("grade").path("score").asInt()).isEqualTo(600);
        assertThat(masked.body()).doesNotContain(id).doesNotContain("王五");
        assertThat(verifyJson(masked.body()).path("verdict").asText()).isEqualTo("GENUINE");
        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "resource", "reports/" + report.path("reportId").asText());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.path("action").asText()).isEqualTo("ISSUE_PERSON_CREDIT_REPORT_MASKED");
            assertThat(e.toString()).doesNotContain(id);
        });
        IssuedReport issued = registry.find(report.path("reportId").asText()).orElseThrow();
        assertThat(issued.personPseudonym()).hasSize(64);
        assertThat(mapper.writeValueAsString(issued)).doesNotContain(id).doesNotContain("王");

        JsonNode self = json(new ApiClient(port).postJson("/v1/persons:report", body, "CITIZEN"));
        assertThat(self.path("subject").path("idNumber").asText()).isEqualTo(id);
        assertThat(self.path("subject").path("masked").asBoolean()).isFalse();
        assertThat(self.path("scope").asText()).isEqualTo("FULL");

        HttpResponse<byte[]> pdf = send(HttpRequest.newBuilder(uri("/v1/persons:report?format=pdf"))
                .header("Authorization", "Bearer " + ApiClient.bearer("STATISTICIAN")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("王*").doesNotContain(id).doesNotContain("王五");
        }
        assertThat(verifyPdf(pdf.body()).path("verdict").asText()).isEqualTo("GENUINE");

        // the number never goes in a URL: the endpoint takes no such parameter
        assertInvalid(new ApiClient(port).postJson("/v1/persons:report?idNumber=" + id, body, "STATISTICIAN"), "idNumber");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        ApiClient api = new ApiClient(port);
        String wrongCheck = OWN.substring(0, 17) + (OWN.charAt(17) == '0' ? '1' : '0');
        JsonNode code = assertInvalid(api.get("/v1/subjects/" + wrongCheck + "/report"), "uscc");
        assertThat(code.path("errors").get(0).path("reason").asText()).contains("check character");
        assertInvalid(api.get("/v1/subjects/" + OWN + "/report?asOf=2026-13-01"), "asOf");
        assertInvalid(api.get("/v1/subjects/" + OWN + "/report?asOf=" + TODAY.plusDays(1)), "asOf");
        assertInvalid(api.get("/v1/subjects/" + OWN + "/report?format=docx"), "format");
        assertInvalid(api.postJson("/v1/persons:report", "{\"name\":\"王五\",\"idNumber\":\"110105194912310021\"}", null), "idNumber");
        assertInvalid(api.postJson("/v1/persons:report", "{\"idNumber\":\"" + TestIdentityProvider.citizenIdNumber() + "\"}", null), "name");

        assertInvalid(api.postJson("/v1/reports:verify", "{not json", null), "body");
        assertInvalid(api.postJson("/v1/reports:verify", "", null), "body");
        HttpResponse<byte[]> tooLarge = send(HttpRequest.newBuilder(uri("/v1/reports:verify")).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[CreditReports.MAX_DOCUMENT_BYTES + 1])));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    private JsonNode publicKey() {
        HttpResponse<String> r = new ApiClient(port).get("/v1/reports/public-key");
        assertThat(r.statusCode()).isEqualTo(200);
        return json(r);
    }

    private JsonNode verifyJson(String report) {
        HttpResponse<String> r = new ApiClient(port).postJson("/v1/reports:verify", report, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private JsonNode verifyPdf(byte[] pdf) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri("/v1/reports:verify")).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)));
        assertThat(r.statusCode()).isEqualTo(200);
        return json(new String(r.body(), StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

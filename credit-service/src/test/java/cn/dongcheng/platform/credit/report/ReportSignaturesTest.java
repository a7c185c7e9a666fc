package cn.dongcheng.platform.credit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.GregorianCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing and checking reports without Spring: a genuine JSON or PDF report verifies; one changed byte, bytes added
 * after signing, or a valid signature by another key do not; nor does an unsigned document.
 */
class ReportSignaturesTest {

    static final ReportSigningKey PLATFORM = ReportSigningKey.generate();
    static final ReportSigningKey OTHER = ReportSigningKey.generate();
    static final ReportPdf PDF = new ReportPdf(ReportFont.bundled());
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static ObjectNode signedJson(ReportSigningKey key) {
        ObjectNode report = JSON.valueToTree(ReportFixtures.report(3));
        report.put("signingKeyId", key.keyId());
        return JsonReportSignature.sign(report, key);
    }

    static byte[] signedPdf(CreditReport report, ReportSigningKey key) {
        return PdfReportSignature.sign(PDF.render(report), key, report.reportId(), new GregorianCalendar());
    }

    @Test
    void aJsonReportVerifiesWhateverItsFormattingAndNotOnceChanged() throws Exception {
        ObjectNode signed = signedJson(PLATFORM);
        assertThat(signed.path("signature").path("algorithm").asText()).isEqualTo("SHA256withRSA");
        SignatureCheck genuine = JsonReportSignature.check(JSON.readTree(signed.toPrettyString()), PLATFORM);
        assertThat(genuine.verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(genuine.reportId()).isEqualTo(ReportFixtures.REPORT_ID);
        assertThat(genuine.digest()).isEqualTo(JsonReportSignature.digest(signed)).startsWith("sha256:");

        ObjectNode changed = signed.deepCopy();
        ((ObjectNode) changed.path("grade")).put("score", 900);
        assertThat(JsonReportSignature.check(changed, PLATFORM).verdict()).isEqualTo(Verdict.ALTERED);
        ObjectNode fraction = signed.deepCopy();
        ((ObjectNode) fraction.path("grade")).put("score", 740.5);
        assertThat(JsonReportSignature.check(fraction, PLATFORM).verdict()).isEqualTo(Verdict.ALTERED);
        ObjectNode unsigned = signed.deepCopy();
        unsigned.remove("signature");
        assertThat(JsonReportSignature.check(unsigned, PLATFORM).verdict()).isEqualTo(Verdict.NOT_SIGNED);
    }

    @Test
    void aJsonReportReSignedWithAnotherKeyIsNotThePlatforms() {
        ObjectNode forged = signedJson(PLATFORM);
        ((ObjectNode) forged.path("grade")).put("score", 990);
        forged.put("signingKeyId", OTHER.keyId());
        SignatureCheck check = JsonReportSignature.check(JsonReportSignature.sign(forged, OTHER), PLATFORM);
        assertThat(check.verdict()).isEqualTo(Verdict.NOT_PLATFORM_KEY);
        assertThat(check.reasons().get(0)).contains(OTHER.keyId()).contains(PLATFORM.keyId());
        // the same with the platform's key id left in: the signature simply does not hold
        ObjectNode keptId = signedJson(PLATFORM);
        ((ObjectNode) keptId.path("grade")).put("score", 990);
        assertThat(JsonReportSignature.check(JsonReportSignature.sign(keptId, OTHER), PLATFORM).verdict()).isEqualTo(Verdict.ALTERED);
    }

    @Test
    void aPdfReportCarriesChineseTextAndItsIdAndVerifies() throws Exception {
        byte[] pdf = signedPdf(ReportFixtures.report(3), PLATFORM);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("信用报告").contains("北京百度网讯科技有限公司").contains(ReportFixtures.REPORT_ID)
                    .contains("京东市监罚〔2026〕1号").contains("遵纪守法");
            assertThat(document.getSignatureDictionaries()).singleElement()
                    .satisfies(s -> assertThat(s.getSubFilter()).isEqualTo("adbe.pkcs7.detached"));
        }
        SignatureCheck check = PdfReportSignature.check(pdf, PLATFORM);
        assertThat(check.verdict()).as(check.reasons().toString()).isEqualTo(Verdict.GENUINE);
        assertThat(check.reportId()).isEqualTo(ReportFixtures.REPORT_ID);
        assertThat(check.digest()).isEqualTo(PdfReportSignature.digest(pdf));
    }

    @Test
    void aPdfWithOneByteChangedOrBytesAddedIsAltered() {
        byte[] pdf = signedPdf(ReportFixtures.report(3), PLATFORM);
        byte[] tampered = pdf.clone();
        tampered[indexOf(tampered, "stream\n".getBytes(StandardCharsets.US_ASCII)) + 40] ^= 0x01; // inside the first stream
        SignatureCheck changed = PdfReportSignature.check(tampered, PLATFORM);
        assertThat(changed.verdict()).isEqualTo(Verdict.ALTERED);
        assertThat(changed.reasons().get(0)).contains("changed after signing");

        byte[] appended = Arrays.copyOf(pdf, pdf.length + 20);
        System.arraycopy("\n% added later\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), 0, appended, pdf.length, 20);
        SignatureCheck added = PdfReportSignature.check(appended, PLATFORM);
        assertThat(added.verdict()).isEqualTo(Verdict.ALTERED);
        assertThat(added.reasons().get(0)).contains("covers " + pdf.length);
    }

    @Test
    void aPdfSignedWithAnotherKeyOrNotAtAllIsNotThePlatforms() {
        SignatureCheck foreign = PdfReportSignature.check(signedPdf(ReportFixtures.report(1), OTHER), PLATFORM);
        assertThat(foreign.verdict()).isEqualTo(Verdict.NOT_PLATFORM_KEY);
        assertThat(foreign.keyId()).isEqualTo(OTHER.keyId());
        assertThat(PdfReportSignature.check(PDF.render(ReportFixtures.report(1)), PLATFORM).verdict()).isEqualTo(Verdict.NOT_SIGNED);
        assertThat(PdfReportSignature.check("not a pdf".getBytes(StandardCharsets.US_ASCII), PLATFORM).verdict()).isEqualTo(Verdict.ALTERED);
    }

    @Test
    void aLongReportRunsOverSeveralPagesQuickly() throws Exception {
        CreditReport report = ReportFixtures.report(120);
        signedPdf(report, PLATFORM); // warm-up
        long[] nanos = new long[15];
        byte[] pdf = null;
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            pdf = signedPdf(ReportFixtures.report(5), PLATFORM);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        byte[] longOne = signedPdf(report, PLATFORM);
        try (PDDocument document = Loader.loadPDF(longOne)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(3);
        }
        System.out.printf("report PDF (5 records): %d bytes, median %.1f ms to render and sign; 120 records: %d bytes%n",
                pdf.length, nanos[nanos.length / 2] / 1e6, longOne.length);
        assertThat(PdfReportSignature.check(longOne, PLATFORM).verdict()).isEqualTo(Verdict.GENUINE);
    }

    static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i <= data.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}

package cn.dongcheng.platform.credit.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.util.Calendar;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * The PDF report's signature: a standard detached CMS signature ({@code adbe.pkcs7.detached}, SHA-256 with RSA, signed
 * attributes with the message digest) over the file's ByteRange, carrying the key's self-signed certificate, so any
 * PDF reader shows it and anyone can check it with the public key alone (README: verify_report.py, or openssl). A
 * check insists that the signature covers the whole file: anything appended after signing (an incremental update that
 * changes what a reader shows) makes the report altered.
 */
public final class PdfReportSignature {

    /** Where the report id travels in the PDF's document information dictionary. */
    public static final String REPORT_ID_KEY = "ReportId";
    /** Room for the CMS structure (certificate of a 3072- or 4096-bit key, signature, attributes). */
    private static final int SIGNATURE_SIZE = 8_192;

    private PdfReportSignature() {
    }

    /** Signs the PDF (as an incremental update of it) with the key; the signer name and reason say what it is. */
    public static byte[] sign(byte[] unsignedPdf, ReportSigningKey key, String reportId, Calendar signedAt) {
        try (PDDocument document = Loader.loadPDF(unsignedPdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName("东城区大数据平台 Dongcheng Data Platform");
            signature.setLocation("北京市东城区");
            signature.setReason("信用报告 " + reportId + " (report-signing key " + key.keyId() + ")");
            signature.setSignDate(signedAt);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, content -> cms(content.readAllBytes(), key), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(unsignedPdf.length + 2 * SIGNATURE_SIZE + 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot sign the report PDF", e);
        }
    }

    /** {@code sha256:<hex>} of the whole file: what the registry holds for a PDF report. */
    public static String digest(byte[] pdf) {
        return "sha256:" + HexFormat.of().formatHex(ReportSigningKey.sha256(pdf));
    }

    private static byte[] cms(byte[] signedBytes, ReportSigningKey key) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(ReportSigningKey.ALGORITHM).build(key.privateKey()), key.certificate()));
            generator.addCertificate(key.certificate());
            // DER throughout, so a plain DER reader (verify_report.py) can walk it
            return generator.generate(new CMSProcessableByteArray(signedBytes), false).getEncoded(ASN1Encoding.DER);
        } catch (CMSException | OperatorCreationException e) {
            throw new IOException("cannot make the CMS signature", e);
        }
    }

    static SignatureCheck check(byte[] pdf, ReportSigningKey platform) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String reportId = document.getDocumentInformation().getCustomMetadataValue(REPORT_ID_KEY);
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return SignatureCheck.failed(Verdict.NOT_SIGNED, reportId, null, "the PDF holds no signature");
            }
            PDSignature signature = signatures.get(signatures.size() - 1);
            int[] range = signature.getByteRange();
            if (range == null || range.length != 4 || range[0] != 0 || (long) range[2] + range[3] != pdf.length) {
                long covered = range == null || range.length != 4 ? 0 : (long) range[2] + range[3];
                return SignatureCheck.failed(Verdict.ALTERED, reportId, null, "the signature covers " + covered + " of the file's "
                        + pdf.length + " bytes: something was added or cut after signing");
            }
            return checkCms(signature.getContents(pdf), signature.getSignedContent(pdf), reportId, pdf, platform);
        } catch (IOException | RuntimeException e) {
            return SignatureCheck.failed(Verdict.ALTERED, null, null, "not a readable signed PDF: " + e.getMessage());
        }
    }

    private static SignatureCheck checkCms(byte[] contents, byte[] signedBytes, String reportId, byte[] pdf, ReportSigningKey platform) {
        SignerInformation signer;
        CMSSignedData cms;
        try {
            // /Contents is padded with zeros after the DER structure: read the one object, not the padding
            ASN1Primitive structure;
            try (ASN1InputStream in = new ASN1InputStream(contents)) {
                structure = in.readObject();
            }
            cms = new CMSSignedData(new CMSProcessableByteArray(signedBytes), ContentInfo.getInstance(structure));
            signer = cms.getSignerInfos().getSigners().iterator().next();
        } catch (CMSException | IOException | RuntimeException e) {
            return SignatureCheck.failed(Verdict.ALTERED, reportId, null, "the signature is not a readable CMS structure");
        }
        if (verifies(signer, platform.publicKey())) {
            return new SignatureCheck(Verdict.GENUINE, reportId, digest(pdf), platform.keyId(),
                    List.of("the signature covers the whole file and verifies with the platform's report-signing key " + platform.keyId()));
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certificates = cms.getCertificates().getMatches(signer.getSID());
        for (X509CertificateHolder certificate : certificates) {
            if (!platform.isThis(certificate.getSubjectPublicKeyInfo()) && verifies(signer, certificate)) {
                String foreign;
                try {
                    foreign = ReportSigningKey.keyIdOf(certificate.getSubjectPublicKeyInfo().getEncoded());
                } catch (IOException e) {
                    foreign = "?";
                }
                return SignatureCheck.failed(Verdict.NOT_PLATFORM_KEY, reportId, foreign, "the signature is intact but made with key "
                        + foreign + " (" + certificate.getSubject() + "), not the platform's report-signing key " + platform.keyId());
            }
        }
        return SignatureCheck.failed(Verdict.ALTERED, reportId, null, "the signed bytes do not match the signature: the file was "
                + "changed after signing");
    }

    private static boolean verifies(SignerInformation signer, PublicKey key) {
        try {
            return verifies(signer, new JcaSimpleSignerInfoVerifierBuilder().build(key));
        } catch (OperatorCreationException e) {
            return false;
        }
    }

    private static boolean verifies(SignerInformation signer, X509CertificateHolder certificate) {
        try {
            return verifies(signer, new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (OperatorCreationException | CertificateException e) {
            return false;
        }
    }

    private static boolean verifies(SignerInformation signer, SignerInformationVerifier verifier) {
        try {
            return signer.verify(verifier);
        } catch (CMSException e) {
            return false; // a digest that does not match the signed bytes, or a signature that does not verify
        }
    }
}

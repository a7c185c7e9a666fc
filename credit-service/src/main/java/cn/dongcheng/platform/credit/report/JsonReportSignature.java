package cn.dongcheng.platform.credit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The signature of a JSON report: SHA256withRSA over the {@link CanonicalJson canonical form} of the report without
 * its {@code signature} member, which then carries the algorithm, the canonicalisation and the value (base64). The
 * key id ({@code signingKeyId}) is inside the signed content, so it cannot be swapped without breaking the signature.
 */
public final class JsonReportSignature {

    public static final String MEMBER = "signature";
    public static final String CANONICALIZATION = "RFC8785";

    private JsonReportSignature() {
    }

    /** The report with its signature member added (any previous one replaced). */
    public static ObjectNode sign(ObjectNode report, ReportSigningKey key) {
        ObjectNode signed = report.deepCopy();
        signed.remove(MEMBER);
        byte[] value = key.sign(CanonicalJson.of(signed));
        ObjectNode signature = signed.putObject(MEMBER);
        signature.put("algorithm", ReportSigningKey.ALGORITHM);
        signature.put("canonicalization", CANONICALIZATION);
        signature.put("value", Base64.getEncoder().encodeToString(value));
        return signed;
    }

    /** {@code sha256:<hex>} of the canonical form without the signature: what the registry holds for a JSON report. */
    public static String digest(JsonNode report) {
        ObjectNode unsigned = ((ObjectNode) report).deepCopy();
        unsigned.remove(MEMBER);
        return "sha256:" + HexFormat.of().formatHex(ReportSigningKey.sha256(CanonicalJson.of(unsigned)));
    }

    static SignatureCheck check(JsonNode report, ReportSigningKey platform) {
        if (report == null || !report.isObject()) {
            return SignatureCheck.failed(Verdict.NOT_SIGNED, null, null, "not a report: the body is not a JSON object");
        }
        String reportId = report.path("reportId").isTextual() ? report.path("reportId").textValue() : null;
        String keyId = report.path("signingKeyId").isTextual() ? report.path("signingKeyId").textValue() : null;
        JsonNode signature = report.path(MEMBER).path("value");
        if (!signature.isTextual()) {
            return SignatureCheck.failed(Verdict.NOT_SIGNED, reportId, keyId, "the report has no signature.value");
        }
        byte[] value;
        byte[] canonical;
        try {
            value = Base64.getDecoder().decode(signature.textValue());
            ObjectNode unsigned = ((ObjectNode) report).deepCopy();
            unsigned.remove(MEMBER);
            canonical = CanonicalJson.of(unsigned);
        } catch (IllegalArgumentException e) {
            return SignatureCheck.failed(Verdict.ALTERED, reportId, keyId, "not as the platform writes reports: " + e.getMessage());
        }
        if (platform.verifies(canonical, value)) {
            return new SignatureCheck(Verdict.GENUINE, reportId, digest(report), platform.keyId(),
                    List.of("the signature verifies with the platform's report-signing key " + platform.keyId()));
        }
        if (keyId != null && !keyId.equals(platform.keyId())) {
            return SignatureCheck.failed(Verdict.NOT_PLATFORM_KEY, reportId, keyId, "signingKeyId " + keyId
                    + " is not the platform's report-signing key " + platform.keyId());
        }
        return SignatureCheck.failed(Verdict.ALTERED, reportId, keyId, "the signature does not match the content: the report "
                + "was changed after signing, or signed with another key");
    }
}

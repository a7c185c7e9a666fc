package cn.dongcheng.platform.credit.report;

import java.util.List;

/**
 * What the signature alone says about a document, before the registry is asked.
 *
 * @param reportId the report id the document names (null when it names none)
 * @param digest   the digest the registry holds for a genuine report ({@code sha256:<hex>}): of the canonical JSON
 *                 without its signature, or of the whole PDF file
 * @param keyId    the id of the key that made the signature, when it could be told
 */
record SignatureCheck(Verdict verdict, String reportId, String digest, String keyId, List<String> reasons) {

    static SignatureCheck failed(Verdict verdict, String reportId, String keyId, String reason) {
        return new SignatureCheck(verdict, reportId, null, keyId, List.of(reason));
    }

    /** The platform key's signature holds; whether the report was issued is the registry's to say. */
    boolean signedByPlatform() {
        return verdict == Verdict.GENUINE;
    }
}

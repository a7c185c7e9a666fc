package cn.dongcheng.platform.credit.report;

/**
 * The platform's report-signing public key, for checking reports offline.
 *
 * @param keyIdRule how the key id is derived, so a third party can confirm it from the key
 */
public record ReportPublicKey(String keyId, String algorithm, String publicKeyPem, String certificatePem, String keyIdRule) {
}

package cn.dongcheng.platform.common.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keyed pseudonyms (HMAC-SHA-256) for personal identifiers in the audit trail. An unsalted hash of an ID number is
 * no protection: a birth date and district leave about 10⁴ candidates, enumerated in milliseconds. With a secret key
 * the pseudonym is stable for one person (auditors can follow a person across entries and services sharing the key)
 * but cannot be computed — or reversed by enumeration — without the key.
 *
 * <p>The input is domain-separated ({@code "person:" + identifier}, trimmed, upper case), so the same key can serve
 * other kinds of identifier later without their pseudonyms colliding.
 */
public final class AuditPseudonyms {

    public static final String PROPERTY = "platform.audit.pseudonym-key";
    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public AuditPseudonyms(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the audit pseudonym key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** Reads the configured key; a missing or weak key stops the service with a message saying how to provide one. */
    public static AuditPseudonyms fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(PROPERTY + " (environment AUDIT_PSEUDONYM_KEY) is not set: the audit trail "
                    + "pseudonymises personal identifiers with this secret key (base64, at least " + MIN_KEY_BYTES
                    + " random bytes). ./platform up creates one in .platform/secrets/audit-pseudonym.key; in Kubernetes "
                    + "it comes from the Secret audit-pseudonym-key.");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " is not valid base64", e);
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(PROPERTY + " has " + key.length + " bytes; at least " + MIN_KEY_BYTES + " are needed");
        }
        return new AuditPseudonyms(key);
    }

    /** The pseudonym of a natural person's identifier (e.g. a 公民身份号码): 64 hex digits. */
    public String of(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException("no identifier to pseudonymise");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe; creating one is cheap next to the request
            mac.init(key);
            byte[] input = ("person:" + identifier.trim().toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(mac.doFinal(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

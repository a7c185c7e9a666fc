package cn.dongcheng.platform.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One link of the audit chain (全程留痕): {@code hash} is the SHA-256 of this entry's fields and the previous
 * entry's hash, so editing or deleting any entry breaks every later link.
 *
 * <p>{@code subject} is the keyed pseudonym of the natural person concerned ({@link AuditPseudonyms}), or null. It
 * joins the hashed content only when present, so entries written before it existed keep their hashes.
 */
public record AuditEntry(long seq, String time, String actor, String role, String action, String resource,
                         String subject, String requestId, String outcome, String detail, String prevHash, String hash) {

    public static final String GENESIS = "0".repeat(64);

    static AuditEntry chain(long seq, String time, AuditEvent e, String prevHash) {
        AuditEntry unsigned = new AuditEntry(seq, time, e.actor(), e.role(), e.action(), e.resource(), e.subject(),
                e.requestId(), e.outcome(), e.detail(), prevHash, null);
        return new AuditEntry(seq, time, e.actor(), e.role(), e.action(), e.resource(), e.subject(), e.requestId(),
                e.outcome(), e.detail(), prevHash, unsigned.computeHash());
    }

    /** The hash this entry should carry given its content; compare with {@link #hash()} to detect an edit. */
    public String computeHash() {
        String canonical = String.join("\u001f", String.valueOf(seq), n(time), n(actor), n(role), n(action), n(resource),
                n(requestId), n(outcome), n(detail), n(prevHash));
        if (subject != null) {
            canonical = canonical + "\u001fsubject=" + subject;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }
}

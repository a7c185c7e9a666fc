package cn.dongcheng.platform.common.identifier;

import java.util.Locale;
import java.util.Optional;

/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters, the 9-character organisation code
 * (组织机构代码, GB 11714) at positions 9–17 with its own mod-11 check, and a mod-31 check character at the end.
 */
public record UnifiedSocialCreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    public UnifiedSocialCreditCode {
        problem(value).ifPresent(reason -> {
            throw new InvalidIdentifierException(reason);
        });
    }

    /** Parses user input: trims and upper-cases, then applies both checks. */
    public static UnifiedSocialCreditCode parse(String raw) {
        if (raw == null) {
            throw new InvalidIdentifierException("unified social credit code is missing");
        }
        return new UnifiedSocialCreditCode(raw.trim().toUpperCase(Locale.ROOT));
    }

    /** Why a code is invalid, or empty when it passes every check. */
    public static Optional<String> problem(String code) {
        Optional<String> structure = structuralProblem(code);
        return structure.isPresent() ? structure : checksumProblem(code);
    }

    /**
     * Length, alphabet and division digits only — what a pre-2016 code that fails its check characters still has.
     * Such codes exist in practice; they are imported only with an explicit override and stay marked.
     */
    public static Optional<String> structuralProblem(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("must be 18 characters, got " + (code == null ? "none" : code.length()));
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("character '" + code.charAt(i) + "' at position " + (i + 1)
                        + " is not allowed (digits and upper-case letters except I, O, S, V, Z)");
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return Optional.of("positions 3–8 must be the administrative division code (6 digits)");
        }
        return Optional.empty();
    }

    /** The two check characters of a structurally valid code. */
    public static Optional<String> checksumProblem(String code) {
        char orgCheck = organisationCheckCharacter(code.substring(8, 16));
        if (code.charAt(16) != orgCheck) {
            return Optional.of("organisation code check failed (position 17 should be '" + orgCheck + "', GB 11714 mod 11)");
        }
        char check = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != check) {
            return Optional.of("check character failed (position 18 should be '" + check + "', GB 32100 mod 31)");
        }
        return Optional.empty();
    }

    /** The mod-31 check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** The GB 11714 mod-11 check for the 8-character organisation code body (letters count A=10 … Z=35). */
    public static char organisationCheckCharacter(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(body8.charAt(i), 36) * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    @Override
    public String toString() {
        return value;
    }
}

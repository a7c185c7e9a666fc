package cn.dongcheng.platform.common.identifier;

import cn.dongcheng.platform.common.time.DistrictTime;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Citizen identity number (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd = male) and an ISO 7064 MOD 11-2 check character. Personal data: show it {@link PersonalDataMasking masked}.
 */
public record ResidentIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    public ResidentIdNumber {
        problem(value).ifPresent(reason -> {
            throw new InvalidIdentifierException(reason);
        });
    }

    public static ResidentIdNumber parse(String raw) {
        if (raw == null) {
            throw new InvalidIdentifierException("ID number is missing");
        }
        return new ResidentIdNumber(raw.trim().toUpperCase(Locale.ROOT));
    }

    public static Optional<String> problem(String id) {
        if (id == null || id.length() != 18) {
            return Optional.of("must be 18 characters, got " + (id == null ? "none" : id.length()));
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
                return Optional.of("position " + (i + 1) + " must be a digit");
            }
        }
        char last = id.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Optional.of("position 18 must be a digit or X");
        }
        if (id.charAt(0) < '1' || id.charAt(0) > '9') {
            return Optional.of("positions 1–6 must be a region code");
        }
        try {
            LocalDate birth = birthDate(id);
            if (birth.isAfter(LocalDate.now(DistrictTime.DEFAULT_ZONE)) || birth.getYear() < 1850) {
                return Optional.of("birth date " + birth + " (positions 7–14) is not plausible");
            }
        } catch (DateTimeException e) {
            return Optional.of("positions 7–14 are not a real date: " + id.substring(6, 14));
        }
        char check = checkCharacter(id.substring(0, 17));
        if (last != check) {
            return Optional.of("check character failed (position 18 should be '" + check + "', ISO 7064 MOD 11-2)");
        }
        return Optional.empty();
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static LocalDate birthDate(String id) {
        return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
    }

    public LocalDate birthDate() {
        return birthDate(value);
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    public String masked() {
        return PersonalDataMasking.idNumber(value);
    }

    /** Never the full number: logs and exceptions must not leak it. */
    @Override
    public String toString() {
        return masked();
    }
}

package cn.dongcheng.platform.common.audit;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditPseudonymsTest {

    /** A fixed key (bytes 0 to 31), as the integration tests configure it (TestIdentityProvider.PSEUDONYM_KEY). */
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String PERSON = id("11010519491231002");

    private static String id(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void aPersonHasOnePseudonymAcrossCallsAndInstancesWithTheSameKey() {
        AuditPseudonyms one = AuditPseudonyms.fromBase64(KEY);
        AuditPseudonyms other = AuditPseudonyms.fromBase64(KEY);
        assertThat(one.of(PERSON)).isEqualTo(one.of(PERSON)).isEqualTo(other.of(PERSON)).matches("[0-9a-f]{64}");
        // the check character x/X and stray blanks do not make a second person
        assertThat(one.of(" " + PERSON.toLowerCase() + " ")).isEqualTo(one.of(PERSON));
        assertThat(one.of(id("11010519491231003"))).isNotEqualTo(one.of(PERSON));
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        assertThat(new AuditPseudonyms(randomKey()).of(PERSON)).isNotEqualTo(AuditPseudonyms.fromBase64(KEY).of(PERSON));
    }

    @Test
    void enumeratingOneBirthDateFindsTheOldDigestButNotTheKeyedPseudonym() throws Exception {
        // the attacker knows the district and the birth date: 1,000 checksum-valid candidates
        List<String> candidates = IntStream.range(0, 1000)
                .mapToObj(n -> id("11010519491231" + String.format("%03d", n))).toList();
        String oldDigest = legacyDigest(PERSON); // what population-service wrote into the trail before
        String pseudonym = AuditPseudonyms.fromBase64(KEY).of(PERSON);
        AuditPseudonyms attackersGuess = new AuditPseudonyms(new byte[32]);

        assertThat(candidates.stream().filter(c -> legacyDigest(c).equals(oldDigest))).containsExactly(PERSON);
        assertThat(candidates.stream().filter(c -> sha256(c).equals(pseudonym) || sha256("person:" + c).equals(pseudonym)
                || pseudonym.startsWith(legacyDigest(c)) || attackersGuess.of(c).equals(pseudonym))).isEmpty();
    }

    @Test
    void aMissingOrShortKeyIsRefusedSayingWhereItComesFrom() {
        assertThatThrownBy(() -> AuditPseudonyms.fromBase64("")).hasMessageContaining("platform.audit.pseudonym-key")
                .hasMessageContaining("AUDIT_PSEUDONYM_KEY");
        assertThatThrownBy(() -> AuditPseudonyms.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> AuditPseudonyms.fromBase64("not base64!")).hasMessageContaining("base64");
    }

    private static String legacyDigest(String id) {
        return sha256(id).substring(0, 16);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

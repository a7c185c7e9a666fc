package cn.dongcheng.platform.credit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report-signing key file: created once when allowed and kept, never created otherwise; the key id from the key. */
class ReportSigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void aMissingKeyIsCreatedOnceReadableOnlyByItsOwnerAndKept() throws Exception {
        Path file = dir.resolve("credit").resolve("report-signing-key.pem");
        ReportSigningKey created = ReportSigningKey.fromFile(file, true);
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        ReportSigningKey again = ReportSigningKey.fromFile(file, true);
        assertThat(again.keyId()).isEqualTo(created.keyId());
        assertThat(again.certificatePem()).isEqualTo(created.certificatePem()); // the same certificate every start
        byte[] data = "信用报告".getBytes(StandardCharsets.UTF_8);
        assertThat(created.verifies(data, again.sign(data))).isTrue();
        assertThat(ReportSigningKey.generate().verifies(data, again.sign(data))).isFalse();
    }

    @Test
    void withoutPermissionToCreateAMissingKeyStopsTheServiceSayingWhatToDo() {
        assertThatThrownBy(() -> ReportSigningKey.fromFile(dir.resolve("none.pem"), false))
                .hasMessageContaining("credit.report.signing-key-file").hasMessageContaining("openssl genpkey");
        assertThat(dir.resolve("none.pem")).doesNotExist();
    }

    @Test
    void theKeyIdIsTheStartOfTheSha256OfThePublicKey() {
        ReportSigningKey key = ReportSigningKey.generate();
        assertThat(key.keyId()).hasSize(16).matches("[0-9a-f]+");
        assertThat(ReportSigningKey.fromPem(key.privateKeyPem()).keyId()).isEqualTo(key.keyId());
        assertThat(key.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThatThrownBy(() -> ReportSigningKey.fromPem(key.publicKeyPem())).isInstanceOf(IllegalArgumentException.class);
    }
}

package cn.dongcheng.platform.credit.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The offline check a third party runs with only the public key and the report (README "Checking a credit report
 * offline"): {@code verify/verify_report.py}, an implementation independent of the Java one, and the openssl
 * procedure; both must accept what the platform signed and refuse a changed byte, appended bytes or another key.
 */
class VerifyReportScriptTest {

    private static final Path SCRIPT = Path.of("verify", "verify_report.py");

    @TempDir
    Path dir;

    record Run(int exit, String output) {
    }

    @BeforeAll
    static void needsPython() {
        assumeTrue(runs("python3", "--version"), "python3 not available");
    }

    /** Runs the script on a key file and a report file. */
    static Run run(Path publicKey, Path report, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString(), publicKey.toString(), report.toString()));
        command.addAll(Arrays.asList(more));
        return exec(command);
    }

    @Test
    void aGenuinePdfPassesAndAChangedByteAppendedBytesOrAnotherKeyFail() throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"), ReportSignaturesTest.PLATFORM.publicKeyPem());
        byte[] pdf = ReportSignaturesTest.signedPdf(ReportFixtures.report(2), ReportSignaturesTest.PLATFORM);
        Run genuine = run(key, Files.write(dir.resolve("report.pdf"), pdf));
        assertThat(genuine.exit()).as(genuine.output()).isZero();
        assertThat(genuine.output()).startsWith("GENUINE").contains(ReportSignaturesTest.PLATFORM.keyId());

        byte[] tampered = pdf.clone();
        tampered[ReportSignaturesTest.indexOf(tampered, "stream\n".getBytes(StandardCharsets.US_ASCII)) + 40] ^= 0x01;
        Run changed = run(key, Files.write(dir.resolve("tampered.pdf"), tampered));
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.output()).startsWith("ALTERED");

        byte[] appended = Arrays.copyOf(pdf, pdf.length + 8);
        Run added = run(key, Files.write(dir.resolve("appended.pdf"), appended));
        assertThat(added.exit()).isEqualTo(1);
        assertThat(added.output()).contains("covers " + pdf.length);

        byte[] foreign = ReportSignaturesTest.signedPdf(ReportFixtures.report(2), ReportSignaturesTest.OTHER);
        assertThat(run(key, Files.write(dir.resolve("foreign.pdf"), foreign)).exit()).isEqualTo(1);
    }

    @Test
    void aGenuineJsonReportPassesInAnyFormattingAndFailsWhenChanged() throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"), ReportSignaturesTest.PLATFORM.publicKeyPem());
        ObjectNode signed = ReportSignaturesTest.signedJson(ReportSignaturesTest.PLATFORM);
        Run genuine = run(key, Files.writeString(dir.resolve("report.json"), signed.toPrettyString()));
        assertThat(genuine.exit()).as(genuine.output()).isZero();
        ((ObjectNode) signed.path("grade")).put("score", 999);
        assertThat(run(key, Files.writeString(dir.resolve("changed.json"), signed.toString())).exit()).isEqualTo(1);
        Run foreign = run(key, Files.writeString(dir.resolve("foreign.json"),
                ReportSignaturesTest.signedJson(ReportSignaturesTest.OTHER).toString()));
        assertThat(foreign.exit()).isEqualTo(1);
        assertThat(foreign.output()).startsWith("NOT_PLATFORM_KEY");
    }

    /** The README's openssl procedure: the script only cuts the file apart, openssl checks the signature. */
    @Test
    void theOpensslProcedureAcceptsTheGenuinePdfAndNamesItsKey() throws Exception {
        assumeTrue(runs("openssl", "version"), "openssl not available");
        Path key = Files.writeString(dir.resolve("report-public-key.pem"), ReportSignaturesTest.PLATFORM.publicKeyPem());
        byte[] pdf = ReportSignaturesTest.signedPdf(ReportFixtures.report(2), ReportSignaturesTest.PLATFORM);
        Path parts = dir.resolve("parts");
        assertThat(run(key, Files.write(dir.resolve("report.pdf"), pdf), "--extract", parts.toString()).exit()).isZero();
        Run cms = exec(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", parts.resolve("signature.p7s").toString(),
                "-content", parts.resolve("signed-content.bin").toString(), "-noverify", "-signer", dir.resolve("signer.pem").toString(),
                "-out", dir.resolve("content.out").toString()));
        assertThat(cms.exit()).as(cms.output()).isZero();
        Run signerKey = exec(List.of("openssl", "x509", "-in", dir.resolve("signer.pem").toString(), "-noout", "-pubkey"));
        assertThat(signerKey.output()).isEqualTo(ReportSignaturesTest.PLATFORM.publicKeyPem());

        byte[] tampered = pdf.clone();
        tampered[ReportSignaturesTest.indexOf(tampered, "stream\n".getBytes(StandardCharsets.US_ASCII)) + 40] ^= 0x01;
        Path tamperedParts = dir.resolve("tampered");
        run(key, Files.write(dir.resolve("tampered.pdf"), tampered), "--extract", tamperedParts.toString());
        assertThat(exec(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                tamperedParts.resolve("signature.p7s").toString(), "-content", tamperedParts.resolve("signed-content.bin").toString(),
                "-noverify", "-out", dir.resolve("tampered.out").toString())).exit()).isNotZero();
    }

    private static boolean runs(String... command) {
        try {
            return exec(List.of(command)).exit() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Run exec(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            return new Run(p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

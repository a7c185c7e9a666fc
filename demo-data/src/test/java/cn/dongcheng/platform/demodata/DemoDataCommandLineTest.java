package cn.dongcheng.platform.demodata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line is checked before anything is generated or loaded (issue 10: {@code --help} loaded the district). */
class DemoDataCommandLineTest {

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DemoDataCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsageAndLoadsNothing() throws Exception {
        // a gateway nobody listens on and no client secret: anything beyond the usage would fail or throw
        Outcome outcome = run("--help", "--gateway", "http://127.0.0.1:1");
        assertThat(outcome.exit()).isZero();
        assertThat(outcome.out()).startsWith("usage: java -jar demo-data-exec.jar").contains("--if-empty").doesNotContain("demo data (seed");
        assertThat(outcome.err()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAnErrorWithTheUsageOnStderr() throws Exception {
        Outcome outcome = run("--scale", "small", "--hlep");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("demo-data: unknown option --hlep").contains("usage: java -jar demo-data-exec.jar");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void aBareWordAMissingValueOrABadScaleIsAnError() throws Exception {
        assertThat(run("help").err()).startsWith("demo-data: unknown option help");
        assertThat(run("--out").err()).startsWith("demo-data: option --out needs a value");
        assertThat(run("--scale", "--if-empty").err()).startsWith("demo-data: option --scale needs a value");
        assertThat(run("--scale", "town").err()).startsWith("demo-data: unknown scale town");
        assertThat(run("--seed", "x").exit()).isEqualTo(2);
    }

    @Test
    void knownOptionsAreParsed() {
        Options options = Options.parse("--scale", "small", "--seed", "7", "--if-empty", "--gateway", "http://gw:8080");
        assertThat(options.scale()).isEqualTo(Scale.SMALL);
        assertThat(options.seed()).isEqualTo(7L);
        assertThat(options.has("if-empty")).isTrue();
        assertThat(options.get("gateway", "x")).isEqualTo("http://gw:8080");
        assertThat(options.help()).isFalse();
        assertThatThrownBy(() -> Options.parse("--client_secret", "s")).isInstanceOf(Options.UsageException.class);
    }

    @Test
    void outStillWritesTheFiles(@TempDir Path dir) throws Exception {
        Outcome outcome = run("--scale", "small", "--out", dir.toString());
        assertThat(outcome.exit()).isZero();
        assertThat(dir.resolve("enterprises.ndjson")).isNotEmptyFile();
        assertThat(Files.readAllLines(dir.resolve("inspection-items.ndjson"))).isNotEmpty();
        assertThat(Files.readAllLines(dir.resolve("inspectors.ndjson"))).hasSize(300);
        assertThat(Files.readAllLines(dir.resolve("presence-counts.ndjson"))).hasSizeGreaterThan(34_000);
    }
}

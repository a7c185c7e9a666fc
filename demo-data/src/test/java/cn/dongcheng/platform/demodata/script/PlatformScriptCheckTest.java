package cn.dongcheng.platform.demodata.script;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code dev/platform-script-check} (the ./platform lock, reset / up --fresh, log rotation; seconds, starts no
 * service) as part of README's test command, so {@code ./mvnw -B verify} is all the tests there are.
 */
class PlatformScriptCheckTest {

    @Test
    void thePlatformScriptPassesItsCheck() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        Process check = new ProcessBuilder("bash", root.resolve("dev/platform-script-check").toString())
                .directory(root.toFile()).redirectErrorStream(true).start();
        boolean ended = check.waitFor(2, TimeUnit.MINUTES);
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            check.destroyForcibly();
        }
        assertThat(ended).as("the check ended within two minutes:\n" + output).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
    }
}

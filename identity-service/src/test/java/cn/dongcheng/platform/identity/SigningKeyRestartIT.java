package cn.dongcheng.platform.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The signing key outlives the process: the second start signs with the key the first one wrote. */
class SigningKeyRestartIT {

    @TempDir
    Path dir;

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReusedAfterARestart() throws Exception {
        Path keyFile = dir.resolve("nested/identity/signing-key.json");

        String first = kidOfARun(keyFile);
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String written = Files.readString(keyFile);

        String second = kidOfARun(keyFile);
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(keyFile)).isEqualTo(written);
    }

    private static String kidOfARun(Path keyFile) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--identity.key-file=" + keyFile, "--spring.jmx.enabled=false"));
        TestIssuer.secretProperties().forEach((k, v) -> args.add("--" + k + "=" + v));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IdentityServiceApplication.class)
                .run(args.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String jwks = TestIssuer.get(URI.create("http://127.0.0.1:" + port + "/oauth2/jwks")).body();
            return new ObjectMapper().readTree(jwks).path("keys").get(0).path("kid").asText();
        }
    }
}

package cn.dongcheng.platform.common.security;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's authorisation matrix is rendered from the matrix files the services enforce, so the two cannot drift.
 * After changing a matrix file run this test with {@code -Daccess-matrix.update=true} to rewrite README's table.
 */
class AccessMatrixDocumentationTest {

    static final String START = "<!-- access-matrix:start (rendered from */src/main/resources/security/*.txt by AccessMatrixDocumentationTest) -->";
    static final String END = "<!-- access-matrix:end -->";

    /** Section title → matrix file, in README order. */
    static Map<String, Path> sources(Path root) {
        Map<String, Path> sources = new LinkedHashMap<>();
        sources.put("Every service (common library)", root.resolve("common/src/main/resources/security/common-endpoints.txt"));
        for (String service : new String[]{"population-service", "industry-service", "credit-service", "market-supervision-service", "gateway"}) {
            sources.put(service, root.resolve(service + "/src/main/resources/security/" + service + "-access-matrix.txt"));
        }
        return sources;
    }

    static String render(Path root) throws IOException {
        StringBuilder out = new StringBuilder(START).append("\n\n");
        out.append("Cells: ✔ allowed · **masked** allowed with natural persons' data masked · **own** only the caller's own "
                + "subject (a citizen's ID number, an enterprise's credit code) · **own/masked** own in full, others masked · "
                + "✘ refused (401 without a token, 403 with one).\n");
        String roles = Arrays.stream(CallerRole.values()).map(Enum::name).collect(Collectors.joining(" | "));
        for (Map.Entry<String, Path> source : sources(root).entrySet()) {
            AccessMatrix matrix;
            try (InputStream in = Files.newInputStream(source.getValue())) {
                matrix = AccessMatrix.parse(in, source.getValue().toString());
            }
            out.append("\n**").append(source.getKey()).append("**\n\n| endpoint | ").append(roles).append(" |\n|---|");
            out.append("---|".repeat(CallerRole.values().length)).append('\n');
            matrix.rows().stream().sorted((a, b) -> a.path().equals(b.path()) ? a.method().compareTo(b.method()) : a.path().compareTo(b.path()))
                    .forEach(row -> {
                        out.append("| `").append(row.endpoint()).append("` |");
                        for (CallerRole role : CallerRole.values()) {
                            out.append(' ').append(symbol(row.access(role))).append(" |");
                        }
                        out.append('\n');
                    });
        }
        return out.append('\n').append(END).toString();
    }

    private static String symbol(Access access) {
        return switch (access) {
            case ALLOW -> "✔";
            case DENY -> "✘";
            default -> access.cell();
        };
    }

    @Test
    void readmeShowsTheMatricesTheServicesEnforce() throws IOException {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        Path readme = root.resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String expected = render(root);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (Boolean.getBoolean("access-matrix.update") && start >= 0 && end > start) {
            Files.writeString(readme, text.substring(0, start) + expected + text.substring(end + END.length()), StandardCharsets.UTF_8);
            return;
        }
        assertThat(start).as("README.md has the access-matrix markers").isNotNegative();
        assertThat(text.substring(start, end + END.length()))
                .as("README's matrix is stale: rerun this test with -Daccess-matrix.update=true").isEqualTo(expected);
    }
}

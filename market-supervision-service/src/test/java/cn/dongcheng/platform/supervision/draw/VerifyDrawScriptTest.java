package cn.dongcheng.platform.supervision.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The published offline verifier ({@code verify/verify_draw.py}) must agree with the Java draw, and must reject a
 * tampered one: two independent implementations of the same published rules.
 */
class VerifyDrawScriptTest {

    private static final Path SCRIPT = Path.of("verify", "verify_draw.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPython() {
        boolean ok;
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            ok = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        assumeTrue(ok, "python3 not available");
    }

    private Map<String, Object> published() {
        FrozenPool pool = StratifiedDrawTest.samplePool();
        StratifiedDraw.Result r = StratifiedDraw.draw(pool, StratifiedDrawTest.SOURCES, StratifiedDrawTest.sampleRules(),
                AlgorithmVersion.RFC3797_EXT1);
        return DrawPublication.toMap(pool, StratifiedDrawTest.SOURCES, r);
    }

    private record Run(int exit, String output) {
    }

    private Run verify(Object doc) throws Exception {
        Path file = dir.resolve("draw.json");
        Files.writeString(file, doc instanceof String s ? s : JSON.writeValueAsString(doc), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("python3", SCRIPT.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void scriptAgreesWithJavaDraw() throws Exception {
        FrozenPool pool = StratifiedDrawTest.samplePool();
        StratifiedDraw.Result r = StratifiedDraw.draw(pool, StratifiedDrawTest.SOURCES, StratifiedDrawTest.sampleRules(),
                AlgorithmVersion.RFC3797_EXT1);
        Run run = verify(DrawPublication.toJson(pool, StratifiedDrawTest.SOURCES, r));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("OK: draw verified");
    }

    @Test
    @SuppressWarnings("unchecked")
    void tamperedSelectionFails() throws Exception {
        Map<String, Object> doc = published();
        Map<String, Object> stratumB = new LinkedHashMap<>(((List<Map<String, Object>>) doc.get("strata")).get(1));
        List<String> selected = new ArrayList<>((List<String>) stratumB.get("selected"));
        // swap in an entity that was not drawn: the kind of edit a favour would need
        List<String> poolB = StratifiedDrawTest.samplePool().codes("B");
        selected.set(0, poolB.stream().filter(c -> !selected.contains(c)).findFirst().orElseThrow());
        stratumB.put("selected", selected);
        List<Map<String, Object>> strata = new ArrayList<>((List<Map<String, Object>>) doc.get("strata"));
        strata.set(1, stratumB);
        doc.put("strata", strata);
        Run run = verify(doc);
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("MISMATCH: stratum B: selection");
    }

    @Test
    @SuppressWarnings("unchecked")
    void tamperedPoolFailsOnDigest() throws Exception {
        Map<String, Object> doc = published();
        Map<String, List<String>> pool = new LinkedHashMap<>((Map<String, List<String>>) doc.get("pool"));
        List<String> a = new ArrayList<>(pool.get("A"));
        a.remove(a.size() - 1);
        pool.put("A", a);
        doc.put("pool", pool);
        Run run = verify(doc);
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("MISMATCH: pool digest");
    }
}

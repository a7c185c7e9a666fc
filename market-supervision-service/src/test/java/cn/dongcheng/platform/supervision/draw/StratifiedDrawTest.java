package cn.dongcheng.platform.supervision.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StratifiedDrawTest {

    static final PublicRandomSources SOURCES =
            PublicRandomSources.ofLongs(new long[] {9319}, new long[] {2, 5, 12, 8, 10});

    static List<String> codes(String prefix, int n) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add(String.format("%s%05d", prefix, i));
        }
        return codes;
    }

    static FrozenPool samplePool() {
        return new FrozenPool(Map.of("A", codes("91110101A", 40), "B", codes("91110101B", 25),
                "C", codes("91110101C", 10), "D", codes("91110101D", 3),
                "E", codes("91110101E", 100)));
    }

    static List<StratumRule> sampleRules() {
        return List.of(new StratumRule("A", new BigDecimal("0.05"), 1, 10),
                new StratumRule("B", new BigDecimal("0.20"), 1, 100),
                new StratumRule("C", new BigDecimal("0.60"), 0, 100),
                new StratumRule("D", BigDecimal.ONE, 0, 100),
                // 0.07 × 100: a binary-float verifier would compute 8 here, the exact rule 7
                new StratumRule("E", new BigDecimal("0.07"), 0, 100));
    }

    @Test
    void sampleSizeIsExactCeilingClampedToBoundsAndPool() {
        // 0.07 × 100 is 7.000000000000001 in doubles; exact decimal gives 7
        assertThat(new StratumRule("A", new BigDecimal("0.07"), 0, 100).sampleSize(100)).isEqualTo(7);
        assertThat(new StratumRule("A", new BigDecimal("0.05"), 0, 100).sampleSize(21)).isEqualTo(2); // ceil(1.05)
        assertThat(new StratumRule("A", new BigDecimal("0.05"), 3, 100).sampleSize(20)).isEqualTo(3); // min
        assertThat(new StratumRule("A", new BigDecimal("0.60"), 0, 5).sampleSize(20)).isEqualTo(5);  // max
        assertThat(new StratumRule("A", new BigDecimal("0.01"), 5, 9).sampleSize(2)).isEqualTo(2);   // ≤ N
        assertThat(new StratumRule("A", BigDecimal.ZERO, 0, 9).sampleSize(50)).isZero();
    }

    @Test
    void drawsEachStratumWithStratumKey() {
        FrozenPool pool = samplePool();
        StratifiedDraw.Result r = StratifiedDraw.draw(pool, SOURCES, sampleRules(), AlgorithmVersion.RFC3797_EXT1);
        assertThat(r.algorithmVersion()).isEqualTo("rfc3797-ext1");
        assertThat(r.keyString()).isEqualTo("9319./2.5.8.10.12./");
        assertThat(r.strata()).extracting(StratifiedDraw.StratumSelection::stratum).containsExactly("A", "B", "C", "D", "E");
        assertThat(r.strata()).extracting(StratifiedDraw.StratumSelection::sampleSize).containsExactly(2, 5, 6, 3, 7);
        StratifiedDraw.StratumSelection b = r.strata().get(1);
        assertThat(b.keyString()).isEqualTo("9319./2.5.8.10.12./B/");
        // the stratum is an RFC 3797 draw over its own key string: checkable with the RFC code alone
        List<Integer> positions = Rfc3797Selection.select("9319./2.5.8.10.12./B/", 25, 5, AlgorithmVersion.RFC3797).selected();
        assertThat(b.positions()).isEqualTo(positions);
        assertThat(b.selectedCodes()).isEqualTo(positions.stream().map(p -> pool.codes("B").get(p - 1)).toList());
        assertThat(r.poolDigest()).isEqualTo(PoolDigest.sha256Hex(pool));
    }

    @Test
    void inputOrderOfPoolDoesNotChangeTheDraw() {
        List<String> shuffled = codes("X", 30);
        Collections.shuffle(shuffled, new Random(7));
        List<StratumRule> rules = List.of(new StratumRule("A", new BigDecimal("0.3"), 1, 30));
        StratifiedDraw.Result a = StratifiedDraw.draw(new FrozenPool(Map.of("A", codes("X", 30))), SOURCES, rules,
                AlgorithmVersion.RFC3797);
        StratifiedDraw.Result b = StratifiedDraw.draw(new FrozenPool(Map.of("A", shuffled)), SOURCES, rules,
                AlgorithmVersion.RFC3797);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void poolDigestOfDocumentedSerialisation() {
        FrozenPool pool = new FrozenPool(Map.of("B", List.of("Y1"), "A", List.of("X2", "X1")));
        assertThat(new String(PoolDigest.canonicalBytes(pool))).isEqualTo("A\tX1\nA\tX2\nB\tY1\n");
        // printf 'A\tX1\nA\tX2\nB\tY1\n' | sha256sum
        assertThat(PoolDigest.sha256Hex(pool))
                .isEqualTo("466fa4b1ee23f7cbd6e93e55f043222b5662d9af465c7c5c0586f5ae954809e6");
    }

    @Test
    void rejectsBadPoolsAndRules() {
        assertThatThrownBy(() -> new FrozenPool(Map.of("A", List.of("X", "X"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new FrozenPool(Map.of("a", List.of("X")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrozenPool(Map.of("A", List.of("X\tY")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StratumRule("A", new BigDecimal("1.5"), 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StratumRule("A", BigDecimal.ONE, 3, 1)).isInstanceOf(IllegalArgumentException.class);
        // a stratum without a rule would silently never be inspected
        assertThatThrownBy(() -> StratifiedDraw.draw(samplePool(), SOURCES, sampleRules().subList(0, 3),
                AlgorithmVersion.RFC3797)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("D");
    }
}

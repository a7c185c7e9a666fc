package cn.dongcheng.platform.supervision.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 3797 section 6 worked example and the counter extension. */
class Rfc3797SelectionTest {

    /** RFC 3797 section 6: the three example sources. */
    private static final PublicRandomSources RFC_SOURCES =
            PublicRandomSources.ofLongs(new long[] {9319}, new long[] {2, 5, 12, 8, 10},
                    new long[] {9, 18, 26, 34, 41, 45});

    /** RFC 3797 section 6: MD5 values of draws 0…15. */
    private static final List<String> RFC_DIGESTS = List.of(
            "990DD0A5692A029A98B5E01AA28F3459", "3691E55CB63FCC37914430B2F70B5EC6",
            "FE814EDF564C190AC1D25753979990FA", "1863CCACEB568C31D7DDBDF1D4E91387",
            "F4AB33DF4889F0AF29C513905BE1D758", "13EAEB529F61ACFB9A29D0BA3A60DE4A",
            "992DB77C382CA2BDB9727001F3CDCCD9", "63AB4258ECA922976811C7F55C383CE7",
            "DFBC5AC97CED01B3A6E348E3CC63F40D", "31CB111C4A4EBE9287CEAE16FE51B909",
            "07FA46C122F164C215BBC72793B189A3", "AC52F8D75CCBE2E61AFEB3387637D501",
            "53306F73E14FC0B2FBF434218D25948E", "B5D1403501A81F9A47318BE7893B347C",
            "85B10B356AA06663EF1B1B407765100A", "3269E6CE559ABD57E2BA6AAB495EB9BD");

    @Test
    void rfcExampleKeyString() {
        assertThat(RFC_SOURCES.keyString()).isEqualTo("9319./2.5.8.10.12./9.18.26.34.41.45./");
    }

    @Test
    void rfcExampleDigests() {
        byte[] key = RFC_SOURCES.keyBytes();
        for (int i = 0; i < RFC_DIGESTS.size(); i++) {
            assertThat(HexFormat.of().withUpperCase().formatHex(Rfc3797Selection.digest(key, i, AlgorithmVersion.RFC3797)))
                    .as("draw %d", i).isEqualTo(RFC_DIGESTS.get(i));
        }
    }

    /** The key acceptance test: the RFC's pool of 25, its sources, its selection order. */
    @Test
    void rfcExampleSelectionOrder() {
        Rfc3797Selection.Result result = Rfc3797Selection.select(RFC_SOURCES, 25, 11, AlgorithmVersion.RFC3797);
        assertThat(result.selected()).containsExactly(17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22);
        assertThat(result.algorithmVersion()).isEqualTo("rfc3797");
        // the extension is the RFC below 65,536 draws
        assertThat(Rfc3797Selection.select(RFC_SOURCES, 25, 11, AlgorithmVersion.RFC3797_EXT1).selected())
                .isEqualTo(result.selected());
    }

    /** Same draw computed the slow, obvious way (list removal): the Fenwick tree must agree. */
    @Test
    void fastRemainingSetAgreesWithListRemoval() throws Exception {
        String key = "1.2.3./77./";
        int pool = 1000;
        List<Integer> expected = new ArrayList<>();
        List<Integer> remaining = new ArrayList<>();
        for (int p = 1; p <= pool; p++) {
            remaining.add(p);
        }
        for (int i = 0; i < pool; i++) {
            byte[] c = {(byte) (i >>> 8), (byte) i};
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(c);
            md5.update(key.getBytes(StandardCharsets.US_ASCII));
            md5.update(c);
            int r = new java.math.BigInteger(1, md5.digest()).mod(java.math.BigInteger.valueOf(remaining.size())).intValue();
            expected.add(remaining.remove(r));
        }
        assertThat(Rfc3797Selection.select(key, pool, pool, AlgorithmVersion.RFC3797).selected()).isEqualTo(expected);
    }

    @Test
    void rfcVersionRefusesMoreThan65536Draws() {
        assertThatThrownBy(() -> Rfc3797Selection.select("1./", 70_000, 65_537, AlgorithmVersion.RFC3797))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rfc3797-ext1");
        assertThat(Rfc3797Selection.select("1./", 70_000, 65_536, AlgorithmVersion.RFC3797).selected()).hasSize(65_536);
    }

    @Test
    void ext1UsesFourByteCounterFrom65536() throws Exception {
        byte[] key = "1./".getBytes(StandardCharsets.US_ASCII);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(new byte[] {0, 1, 0, 0});
        md5.update(key);
        md5.update(new byte[] {0, 1, 0, 0});
        assertThat(Rfc3797Selection.digest(key, 65_536, AlgorithmVersion.RFC3797_EXT1)).isEqualTo(md5.digest());
        assertThatThrownBy(() -> Rfc3797Selection.digest(key, 65_536, AlgorithmVersion.RFC3797))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ext1DrawsWholeLargePoolAsPermutation() {
        Rfc3797Selection.Result all = Rfc3797Selection.select("5./", 70_000, 70_000, AlgorithmVersion.RFC3797_EXT1);
        assertThat(new HashSet<>(all.selected())).hasSize(70_000);
        assertThat(all.algorithmVersion()).isEqualTo("rfc3797-ext1");
        // first 65,536 draws are the RFC's own
        assertThat(all.selected().subList(0, 65_536))
                .isEqualTo(Rfc3797Selection.select("5./", 70_000, 65_536, AlgorithmVersion.RFC3797).selected());
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> Rfc3797Selection.select("1./", 3, 4, AlgorithmVersion.RFC3797))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Rfc3797Selection.select("1./", 0, 0, AlgorithmVersion.RFC3797).selected()).isEmpty();
    }
}

package cn.dongcheng.platform.supervision.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

class PublicRandomSourcesTest {

    @Test
    void sortsWithinSourceKeepsSourceOrderAndDropsLeadingZeros() {
        PublicRandomSources s = new PublicRandomSources(List.of(
                List.of(new BigInteger("0042"), BigInteger.ONE, new BigInteger("10")),
                List.of(new BigInteger("123456789012345678901234567890")),
                List.of(BigInteger.ZERO)));
        assertThat(s.keyString()).isEqualTo("1.10.42./123456789012345678901234567890./0./");
    }

    @Test
    void sortsNumericallyNotAsText() {
        assertThat(PublicRandomSources.ofLongs(new long[] {12, 2, 100}).keyString()).isEqualTo("2.12.100./");
    }

    @Test
    void rejectsNegativeAndEmpty() {
        assertThatThrownBy(() -> PublicRandomSources.ofLongs(new long[] {-1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicRandomSources.ofLongs(new long[] {}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicRandomSources(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

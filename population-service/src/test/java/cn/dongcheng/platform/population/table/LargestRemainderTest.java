package cn.dongcheng.platform.population.table;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class LargestRemainderTest {

    @Test
    void thirdsAddUpTo100WhereRoundingEachWouldGive99Point9() {
        assertThat(LargestRemainder.percentages(new long[]{1, 1, 1})).containsExactly(33.4, 33.3, 33.3);
    }

    @Test
    void beijing2020BroadAgeGroupsAsTheBulletinPrintsThem() {
        // 0–14 2,591,507 (11.84 %), 15–59 15,002,998 (68.53 %), 60+ 4,298,590 (19.63 %): rounding each to one decimal
        // gives 11.8 + 68.5 + 19.6 = 99.9; the bulletin prints 11.9: 11.837 lost most by rounding down, so gets the tenth
        double[] shares = LargestRemainder.percentages(new long[]{2_591_507, 15_002_998, 4_298_590});
        assertThat(shares).containsExactly(11.9, 68.5, 19.6);
    }

    @Test
    void sharesAlwaysAddUpToExactly100() {
        long[] counts = {7, 13, 0, 29, 3, 3, 3, 1, 99, 17};
        double[] shares = LargestRemainder.percentages(counts);
        assertThat(Math.round(Arrays.stream(shares).sum() * 10)).isEqualTo(1000);
        assertThat(shares[2]).isZero();
        assertThat(LargestRemainder.percentages(new long[]{0, 0})).isNull();
    }
}

package cn.dongcheng.platform.industry.structure;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConcentrationTest {

    @Test
    void hhiAndConcentrationRatiosOfFourFirms() {
        // shares 40 / 30 / 20 / 10 %: HHI = 1600 + 900 + 400 + 100 = 3000 (high), CR4 = 100
        Concentration c = Concentration.of(100, 40 * 40 + 30 * 30 + 20 * 20 + 10 * 10, List.of(40.0, 30.0, 20.0, 10.0));
        assertThat(c.hhi()).isEqualTo(3000.0);
        assertThat(c.cr4()).isEqualTo(100.0);
        assertThat(c.level()).isEqualTo("high");
    }

    @Test
    void manyEqualFirmsAreUnconcentrated() {
        // 20 firms of 5 % each: HHI = 20 × 25 = 500, CR4 = 20, CR10 = 50
        Concentration c = Concentration.of(100, 20 * 25, List.of(5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0));
        assertThat(c.hhi()).isEqualTo(500.0);
        assertThat(c.cr4()).isEqualTo(20.0);
        assertThat(c.cr10()).isEqualTo(50.0);
        assertThat(c.level()).isEqualTo("unconcentrated");
        assertThat(Concentration.of(0, 0, List.of()).hhi()).isNull();
    }

    @Test
    void locationQuotientComparesTheDistrictShareWithTheReferenceShare() {
        LocationQuotients lq = new LocationQuotients(Map.of("J", 20.0, "I", 30.0, "C", 50.0), LocationQuotients.Reference.of(2020, false));
        assertThat(lq.of("J", 60, 100)).isEqualTo(3.0);   // 60 % here against 20 % in the reference
        assertThat(lq.of("C", 10, 100)).isEqualTo(0.2);
        assertThat(lq.of("Q", 10, 100)).isNull();
    }
}

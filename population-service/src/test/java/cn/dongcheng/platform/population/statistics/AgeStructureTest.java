package cn.dongcheng.platform.population.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgeStructureTest {

    @Test
    void beijing2020FiguresGiveThePublishedRatios() {
        // Beijing 7th census: total 21,893,095; male 11,195,390; female 10,697,705; 0–14 2,591,507; 15–59 15,002,998;
        // 60+ 4,298,590; 65+ 2,912,060 (so 15–64 = total − 0–14 − 65+)
        long total = 21_893_095;
        AgeStructure s = new AgeStructure(total, 11_195_390, 10_697_705, 2_591_507, 15_002_998,
                total - 2_591_507 - 2_912_060, 4_298_590, 2_912_060);
        assertThat(s.sexRatio()).isEqualTo(104.65); // published, rounded: 104.7
        assertThat(s.share60plus()).isEqualTo(19.63); // published: 19.6%
        assertThat(s.oldAgeDependencyRatio()).isEqualTo(17.77);
        assertThat(s.childDependencyRatio()).isEqualTo(15.81);
        assertThat(s.totalDependencyRatio()).isEqualTo(33.58);
        assertThat(s.ageingIndex()).isEqualTo(112.37);
        // Beijing's own cut-offs, 15–59 and 60+
        assertThat(s.childDependencyRatio60()).isEqualTo(17.27);
        assertThat(s.oldAgeDependencyRatio60()).isEqualTo(28.65);
        assertThat(s.totalDependencyRatio60()).isEqualTo(45.92);
        assertThat(s.ageingIndex60()).isEqualTo(165.87);
    }

    @Test
    void emptyDenominatorsGiveNoRatioRatherThanInfinity() {
        AgeStructure s = new AgeStructure(0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(s.sexRatio()).isNull();
        assertThat(s.ageingIndex()).isNull();
    }
}

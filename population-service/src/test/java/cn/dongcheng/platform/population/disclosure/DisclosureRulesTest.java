package cn.dongcheng.platform.population.disclosure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisclosureRulesTest {

    @Test
    void theBundledFileGivesTheVersionAndTheDefaultThresholdWhichConfigurationMayReplace() {
        DisclosureRules bundled = DisclosureRules.bundled(null);
        assertThat(bundled.version()).isEqualTo("disclosure-control-v1");
        assertThat(bundled.threshold()).isEqualTo(5);
        assertThat(bundled.sensitive(4)).isTrue();
        assertThat(bundled.sensitive(5)).isFalse();
        assertThat(bundled.sensitive(0)).isFalse();
        assertThat(DisclosureRules.bundled(10).threshold()).isEqualTo(10);
        assertThatThrownBy(() -> DisclosureRules.bundled(1)).isInstanceOf(IllegalArgumentException.class);
    }
}

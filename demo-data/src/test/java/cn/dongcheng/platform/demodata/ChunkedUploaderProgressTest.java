package cn.dongcheng.platform.demodata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkedUploaderProgressTest {

    @Test
    void underTheEstimateShowsTheEstimate() {
        assertThat(ChunkedUploader.progressLine("persons", 4_000, 0, 8_000, 2.0, false))
                .contains("4,000 / 8,000 ( 50%)").contains("accepted 4,000").contains("2,000/s");
    }

    @Test
    void pastTheEstimateNeverPassesTheTotalNorHundredPercent() {
        // district: 994,344 monthly reports against an estimate of 993,600 printed "994,344 / 993,600 (100%)"
        String line = ChunkedUploader.progressLine("monthly reports", 994_000, 344, 993_600, 10.0, false);
        assertThat(line).contains("994,344 / 994,344 (100%)").doesNotContain("993,600");
        assertThat(ChunkedUploader.progressLine("persons", 12_000, 0, 8_000, 1.0, false)).doesNotContain("150%").contains("(100%)").doesNotContain("/ 8,000");
    }

    @Test
    void theLastLineIsExactAndComplete() {
        assertThat(ChunkedUploader.progressLine("persons", 7_980, 3, 8_100, 3.0, true))
                .contains("7,983 / 7,983 (100%)").contains("rejected 3").contains("done in 3.0 s");
        assertThat(ChunkedUploader.progressLine("credit records", 0, 0, 0, 0.0, true)).contains("0 / 0 (100%)");
    }

    @Test
    void nearlyDoneIsNotRoundedUpToHundred() {
        assertThat(ChunkedUploader.progressLine("enterprises", 44_990, 0, 45_000, 1.0, false)).contains("( 99%)");
    }
}

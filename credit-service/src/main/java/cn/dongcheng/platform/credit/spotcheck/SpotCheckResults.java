package cn.dongcheng.platform.credit.spotcheck;

import java.util.List;

/** A delivery of inspection results (at most {@link SpotCheckIntake#MAX_RESULTS}). */
public record SpotCheckResults(List<SpotCheckResultInput> results) {
}

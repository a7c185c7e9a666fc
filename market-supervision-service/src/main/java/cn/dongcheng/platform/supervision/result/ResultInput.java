package cn.dongcheng.platform.supervision.result;

import io.swagger.v3.oas.annotations.media.Schema;

/** A result as an inspector enters it; checked by {@link ResultValidator}. */
public record ResultInput(@Schema(example = "PROBLEMS_FOUND") String outcome,
                          @Schema(example = "未按规定公示年度报告，已责令改正") String details,
                          @Schema(example = "2026-09-18") String inspectionEndDate) {
}

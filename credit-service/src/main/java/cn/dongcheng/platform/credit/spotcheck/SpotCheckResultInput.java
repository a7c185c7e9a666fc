package cn.dongcheng.platform.credit.spotcheck;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * One inspection's result as market-supervision-service sends it. {@code department} and {@code sourceId} are the key:
 * delivered again, it is stored once.
 *
 * @param details what was found; required with PROBLEMS_FOUND
 */
public record SpotCheckResultInput(@Schema(example = "2026-DC-R3") String taskId,
                                   @Schema(example = "91110000802100433B") String uscc,
                                   @Schema(example = "2026-05-12") LocalDate inspectionDate,
                                   SpotCheckOutcome outcome,
                                   @Schema(example = "未按规定公示年度报告，已责令改正") String details,
                                   @Schema(example = "北京市东城区市场监督管理局") String department,
                                   @Schema(example = "2026-DC-R3-0042") String sourceId) {
}

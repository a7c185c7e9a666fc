package cn.dongcheng.platform.credit.report;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/** A natural person's report is asked for in the body: name and full ID number together (URLs end up in access logs). */
public record PersonReportRequest(@Schema(example = "张三") String name, @Schema(example = "11010519491231002X") String idNumber,
                                  @Schema(example = "2026-06-30") LocalDate asOf) {
}

package cn.dongcheng.platform.supervision.plan;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /v1/inspection-plans}: one department's annual spot-check plan (年度抽查计划). */
public record PlanInput(@Schema(example = "2026") Integer year,
                        @Schema(description = "short code of the department, part of the plan's id", example = "SCJG") String departmentCode,
                        @Schema(example = "北京市东城区市场监督管理局") String department,
                        @Schema(example = "2026年度双随机抽查工作计划") String title) {
}

package cn.dongcheng.platform.credit.workflow;

import io.swagger.v3.oas.annotations.media.Schema;

/** A subject's objection (异议) to a record: which record and why it is wrong. */
public record ObjectionInput(@Schema(example = "东城区市场监管局:CF-2025-0012") String recordId,
                             @Schema(example = "该处罚决定已于复议中撤销，见复议决定书京东复〔2025〕3号。") String grounds) {
}

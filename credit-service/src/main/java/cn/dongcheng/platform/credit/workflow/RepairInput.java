package cn.dongcheng.platform.credit.workflow;

import io.swagger.v3.oas.annotations.media.Schema;

/** A subject's repair application: the record and its public credit commitment (信用承诺). */
public record RepairInput(@Schema(example = "东城区市场监管局:CF-2025-0012") String recordId,
                          @Schema(example = "本单位已履行行政处罚决定，承诺今后依法经营，如有违反愿承担相应责任。") String commitment) {
}

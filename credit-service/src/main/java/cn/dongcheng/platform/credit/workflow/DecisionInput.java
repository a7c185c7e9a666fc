package cn.dongcheng.platform.credit.workflow;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A credit officer's decision on an application. {@code decision}: APPROVE (a repair granted, an objection upheld) or
 * REJECT; {@code reason} is required either way: the subject is told why.
 */
public record DecisionInput(@Schema(example = "REJECT") Outcome decision,
                            @Schema(example = "罚款尚未缴清，不符合信用修复条件") String reason) {

    public enum Outcome {
        APPROVE,
        REJECT
    }
}

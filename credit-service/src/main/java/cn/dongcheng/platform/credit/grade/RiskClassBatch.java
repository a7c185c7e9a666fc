package cn.dongcheng.platform.credit.grade;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /v1/risk-classes:batch}: up to 10,000 Unified Social Credit Codes. */
public record RiskClassBatch(@Schema(example = "[\"91110000802100433B\"]") List<String> codes,
                             @Schema(description = "the day the classes were in force on; default today (Beijing)") LocalDate asOf) {
}

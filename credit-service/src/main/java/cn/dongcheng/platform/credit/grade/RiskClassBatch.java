package cn.dongcheng.platform.credit.grade;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /v1/risk-classes:batch}: up to 10,000 Unified Social Credit Codes. */
public record RiskClassBatch(@Schema(example = "[\"91110000802100433B\"]") List<String> codes,
                             @Schema(description = "the day the classes were in force on; default today (Beijing)") LocalDate asOf,
                             @Schema(description = "answer only the classes, one letter per code asked in `classes` (for "
                                     + "spot-check pools of 100,000 entities: 10 KB instead of 1 MB per batch)") Boolean classesOnly) {

    boolean onlyClasses() {
        return Boolean.TRUE.equals(classesOnly);
    }
}

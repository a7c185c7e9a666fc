package cn.dongcheng.platform.supervision.task;

import cn.dongcheng.platform.supervision.item.RiskClassRatios;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Body of {@code POST /v1/inspection-plans/{planId}/tasks}: one batch of a plan.
 *
 * @param items                 inspection-item codes; items of several departments make a joint task (联合抽查)
 * @param ratioByRiskClass      optional per-class ratios for this batch (0–1); a general item's ratio is a cap
 * @param randomSources         the public random sources, named now, entered once known
 * @param sourcesEnterableAfter Beijing time after which the sources may be entered, e.g. {@code 2026-12-01T21:30}
 */
public record TaskInput(@Schema(example = "1") Integer batch,
                        @Schema(example = "2026年第一批食品经营联合抽查") String name,
                        @Schema(example = "《中华人民共和国食品安全法》第一百一十条") String legalBasis,
                        @Schema(example = "[\"DC-SCJG-001\"]") List<String> items,
                        TargetFilters targets,
                        RiskClassRatios ratioByRiskClass,
                        List<AnnouncedSource> randomSources,
                        @Schema(example = "2026-12-01T21:30") String sourcesEnterableAfter) {
}

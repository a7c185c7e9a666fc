package cn.dongcheng.platform.supervision.item;

import cn.dongcheng.platform.common.ingest.LineKey;
import cn.dongcheng.platform.common.ingest.VersionedDocument;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An entry of the published random-inspection item list (随机抽查事项清单, 国办发〔2015〕58号): what is inspected,
 * on which legal basis, by whom, how, of which targets, at what ratio per credit-risk class and how often, by
 * inspectors of which qualification. Key items (重点检查事项: safety, quality) have no ratio cap; general items are
 * capped. Every change makes a new version and keeps the previous one, so a task records the version it drew by.
 *
 * @param targetType          which market entities the item applies to
 * @param ratioPercent        the baseline sampling ratio, for entities without a risk class
 * @param ratioByRiskClass    sampling ratio (0–1) per SAMR credit-risk class A–D
 * @param frequencyWindowDays an entity inspected for this item within this many days is left out of the next pool
 * @param minSample           a stratum's sample is at least this (or the whole stratum when smaller)
 * @param maxSample           and at most this
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@LineKey("code")
public record InspectionItem(String code, String name, String legalBasis, String inspectingBody, String content,
                             String method, Boolean keyItem, TargetType targetType, Integer ratioPercent,
                             RiskClassRatios ratioByRiskClass, Integer frequencyPerYear, Integer frequencyWindowDays,
                             Integer minSample, Integer maxSample, String qualification, String dataSource, Integer version,
                             String updatedAt) implements VersionedDocument<InspectionItem> {

    @Override
    public InspectionItem withBookkeeping(Integer version, String updatedAt) {
        return new InspectionItem(code, name, legalBasis, inspectingBody, content, method, keyItem, targetType, ratioPercent,
                ratioByRiskClass, frequencyPerYear, frequencyWindowDays, minSample, maxSample, qualification, dataSource, version,
                updatedAt);
    }
}

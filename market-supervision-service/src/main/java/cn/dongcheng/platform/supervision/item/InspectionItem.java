package cn.dongcheng.platform.supervision.item;

import cn.dongcheng.platform.common.ingest.LineKey;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An entry of the published random-inspection item list (随机抽查事项清单, 国办发〔2015〕58号): what is inspected,
 * on which legal basis, by whom, how, at what ratio and frequency, by inspectors of which qualification. Key items
 * (重点检查事项: safety, quality) have no ratio cap; general items are capped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@LineKey("code")
public record InspectionItem(String code, String name, String legalBasis, String inspectingBody, String content,
                             String method, Boolean keyItem, Integer ratioPercent, Integer frequencyPerYear,
                             String qualification, String dataSource, String updatedAt) {
}

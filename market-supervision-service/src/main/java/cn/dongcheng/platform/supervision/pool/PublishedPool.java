package cn.dongcheng.platform.supervision.pool;

import cn.dongcheng.platform.supervision.draw.StratumRule;

import java.util.List;
import java.util.Map;

/**
 * A frozen pool as published (API view of {@link FrozenPoolRecord}): everything the draw's verification needs and
 * how the pool came about, without the entities' street and section kept for the targets (at 100,000 entities seven
 * of the record's nine megabytes).
 */
public record PublishedPool(String taskId, String poolDigest, Map<String, List<String>> strata, List<StratumRule> rules,
                            Map<String, Integer> sampleSizes, long directoryEntries, long outsideEntityType,
                            List<KeptOut> keptOut, String riskClassRuleVersion, String riskClassesAsOf, String frozenAt,
                            String frozenBy, long buildMillis) {
}

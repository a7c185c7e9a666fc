package cn.dongcheng.platform.supervision.pool;

import cn.dongcheng.platform.supervision.draw.FrozenPool;
import cn.dongcheng.platform.supervision.draw.StratumRule;

import java.util.List;
import java.util.Map;

/**
 * A task's frozen pool (检查对象名录库 snapshot), stored once and published before the random sources can be known:
 * the codes per risk-class stratum in draw order, their SHA-256 digest, the sampling rule and the resulting sample
 * size of each stratum, what was left out and why, and how it was built.
 *
 * @param directoryEntries  entities the directory stream answered for the task's filters
 * @param outsideEntityType of those, entities of another type than the task draws
 * @param profiles          street and industry section of each pool entry by code, as the directory stream gave them
 *                          (not part of the digest: the draw numbers codes only; null in pools frozen before they were kept)
 */
public record FrozenPoolRecord(String taskId, String poolDigest, Map<String, List<String>> strata, List<StratumRule> rules,
                               Map<String, Integer> sampleSizes, long directoryEntries, long outsideEntityType,
                               List<KeptOut> keptOut, String riskClassRuleVersion, String riskClassesAsOf, String frozenAt,
                               String frozenBy, long buildMillis, Map<String, EntityProfile> profiles) {

    public FrozenPool pool() {
        return new FrozenPool(strata);
    }
}

package cn.dongcheng.platform.supervision.pool;

import cn.dongcheng.platform.supervision.draw.FrozenPool;
import cn.dongcheng.platform.supervision.task.SamplingRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sorts classified entities into one stratum per credit-risk class A–D (every class present, possibly empty, so
 * every class has its rule) and freezes them into a {@link FrozenPool}, which fixes the draw order.
 */
public final class PoolStratification {

    private final Map<String, List<String>> strata = new TreeMap<>();

    public PoolStratification() {
        for (char riskClass : SamplingRules.RISK_CLASSES) {
            strata.put(String.valueOf(riskClass), new ArrayList<>());
        }
    }

    public void add(String uscc, String riskClass) {
        List<String> stratum = strata.get(riskClass);
        if (stratum == null) {
            throw new IllegalStateException("credit-service answered an unknown risk class " + riskClass + " for " + uscc);
        }
        stratum.add(uscc);
    }

    public FrozenPool freeze() {
        return new FrozenPool(strata);
    }
}

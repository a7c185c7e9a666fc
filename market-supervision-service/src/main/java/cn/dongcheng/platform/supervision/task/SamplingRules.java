package cn.dongcheng.platform.supervision.task;

import cn.dongcheng.platform.supervision.draw.StratumRule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How many of each credit-risk class (信用风险分类 A–D) a task draws: one stratum per class, n = ⌈ratio × N⌉ within
 * the items' bounds. One visit covers all items of a joint task, so a stratum's ratio is the largest any of its items
 * asks for (or the task's own ratio for the batch, which validation kept within general items' ratios), its lower
 * bound the largest minimum, its upper bound the largest maximum — none when an item sets none (key items).
 */
public final class SamplingRules {

    public static final char[] RISK_CLASSES = {'A', 'B', 'C', 'D'};

    private SamplingRules() {
    }

    public static List<StratumRule> of(SpotCheckTask task) {
        List<StratumRule> rules = new ArrayList<>();
        for (char riskClass : RISK_CLASSES) {
            BigDecimal ratio = task.ratioByRiskClass() == null ? null : task.ratioByRiskClass().of(riskClass);
            if (ratio == null) {
                ratio = task.items().stream().map(i -> itemRatio(i, riskClass)).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            }
            int min = task.items().stream().mapToInt(i -> i.minSample() == null ? 0 : i.minSample()).max().orElse(0);
            int max = task.items().stream().anyMatch(i -> i.maxSample() == null) ? Integer.MAX_VALUE
                    : task.items().stream().mapToInt(TaskItem::maxSample).max().orElse(Integer.MAX_VALUE);
            rules.add(new StratumRule(String.valueOf(riskClass), ratio.stripTrailingZeros(), min, Math.max(min, max)));
        }
        return rules;
    }

    /** The item's ratio for a class: its per-class ratio, else its baseline percentage, else none. */
    static BigDecimal itemRatio(TaskItem item, char riskClass) {
        BigDecimal ratio = item.ratioByRiskClass() == null ? null : item.ratioByRiskClass().of(riskClass);
        if (ratio != null) {
            return ratio;
        }
        return item.ratioPercent() == null ? BigDecimal.ZERO
                : BigDecimal.valueOf(item.ratioPercent()).divide(BigDecimal.valueOf(100), 4, RoundingMode.UNNECESSARY);
    }
}

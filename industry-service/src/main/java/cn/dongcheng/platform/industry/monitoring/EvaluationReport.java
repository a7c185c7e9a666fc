package cn.dongcheng.platform.industry.monitoring;

import java.util.Map;

/** What one run of the rules did: how many enterprises it checked, alerts it raised, alerts that already stood. */
public record EvaluationReport(String period, String ruleVersion, long enterprisesEvaluated, long alertsRaised,
                               long alreadyRaised, Map<AlertRule, Long> raisedByRule) {
}

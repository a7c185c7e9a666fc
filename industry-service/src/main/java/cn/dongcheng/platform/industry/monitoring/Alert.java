package cn.dongcheng.platform.industry.monitoring;

import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An early-warning alert (预警) as stored in {@code industry-alerts}: which rule fired for which enterprise and period,
 * on what evidence, under which rule version, who is responsible, and every state change with who made it.
 * The id is {@code <rule>:<uscc>:<period>} (relocation: {@code <rule>:<uscc>}), so re-running the rules never
 * raises the same alert twice and never resets one already acknowledged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(String id, AlertRule rule, String uscc, String enterpriseName, String period, String streetCode,
                    String industrySection, Boolean keyEnterprise, String responsibleOfficial, String ruleVersion,
                    Map<String, Object> evidence, AlertState state, String raisedAt, List<Event> events) {

    /** A state change: when, by whom, to which state, with an optional note. */
    public record Event(String at, String actor, AlertState state, String note) {
    }

    Alert withResponsibleOfficialMasked() {
        return new Alert(id, rule, uscc, enterpriseName, period, streetCode, industrySection, keyEnterprise,
                PersonalDataMasking.name(responsibleOfficial), ruleVersion, evidence, state, raisedAt, events);
    }

    Alert moveTo(AlertState next, Event event) {
        List<Event> all = new ArrayList<>(events == null ? List.of() : events);
        all.add(event);
        return new Alert(id, rule, uscc, enterpriseName, period, streetCode, industrySection, keyEnterprise, responsibleOfficial,
                ruleVersion, evidence, next, raisedAt, List.copyOf(all));
    }
}

package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/**
 * One line of a source delivery to population-service's {@code POST /v1/person-sources:bulk}: what one source
 * (户籍登记, 流动人口居住登记, 普查, 抽样调查, 出生, 死亡, 迁移) states of one person on {@code sourceDate}. Null
 * fields are left out — a source states only what it knows.
 */
record PersonSourceLine(String source, String sourceId, LocalDate sourceDate, String idNumber, String name, String sex,
                        LocalDate birthDate, String hukouType, String hukouPlace, String registrationStreetCode,
                        String residenceStreetCode, String residenceCommunity, String householdId,
                        LocalDate residenceSince, String status) {

    static final String HOUSEHOLD_REGISTRATION = "HOUSEHOLD_REGISTRATION";
    static final String FLOATING_RESIDENCE = "FLOATING_RESIDENCE";
    static final String CENSUS = "CENSUS";
    static final String SAMPLE_SURVEY = "SAMPLE_SURVEY";
    static final String BIRTH = "BIRTH";
    static final String DEATH = "DEATH";
    static final String MOVE = "MOVE";
    static final String OUTSIDE = "OUTSIDE";

    String toJson(ObjectMapper mapper) {
        ObjectNode n = mapper.createObjectNode();
        n.put("source", source);
        n.put("sourceId", sourceId);
        n.put("sourceDate", sourceDate.toString());
        n.put("idNumber", idNumber);
        put(n, "name", name);
        put(n, "sex", sex);
        put(n, "birthDate", birthDate);
        put(n, "hukouType", hukouType);
        put(n, "hukouPlace", hukouPlace);
        put(n, "registrationStreetCode", registrationStreetCode);
        put(n, "residenceStreetCode", residenceStreetCode);
        put(n, "residenceCommunity", residenceCommunity);
        put(n, "householdId", householdId);
        put(n, "residenceSince", residenceSince);
        put(n, "status", status);
        n.put("dataSource", PersonGenerator.DATA_SOURCE);
        return n.toString();
    }

    private static void put(ObjectNode n, String field, Object value) {
        if (value != null) {
            n.put(field, value.toString());
        }
    }
}

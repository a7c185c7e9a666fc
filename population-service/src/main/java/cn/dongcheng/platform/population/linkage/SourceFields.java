package cn.dongcheng.platform.population.linkage;

/** A source record's field by the name the conflict rules use. */
final class SourceFields {

    private SourceFields() {
    }

    static Object value(SourceRecord r, String field) {
        return switch (field) {
            case "name" -> r.name();
            case "sex" -> r.sex();
            case "birthDate" -> r.birthDate();
            case "hukouPlace" -> r.hukouPlace();
            case "hukouType" -> r.hukouType();
            case "registrationStreetCode" -> r.registrationStreetCode();
            case "householdId" -> r.householdId();
            case "residenceStreetCode" -> r.residenceStreetCode();
            case "residenceCommunity" -> r.residenceCommunity();
            case "residenceSince" -> r.residenceSince();
            case "status" -> r.status();
            default -> throw new IllegalArgumentException("no source field " + field);
        };
    }
}

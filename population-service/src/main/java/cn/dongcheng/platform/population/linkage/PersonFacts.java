package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.population.person.Sex;

import java.time.LocalDate;

/**
 * The facts about a person the conflict rules decide, as a source record states them and as the linked person holds
 * them; {@link #fact} reads one by the name the rule file uses.
 */
public interface PersonFacts {

    String name();

    Sex sex();

    LocalDate birthDate();

    HukouType hukouType();

    String hukouPlace();

    String registrationStreetCode();

    String residenceStreetCode();

    String residenceCommunity();

    String householdId();

    LocalDate residenceSince();

    PersonStatus status();

    /** One fact by its name in the rule file ({@link ConflictRules#FIELDS}). */
    default Object fact(String field) {
        return switch (field) {
            case "name" -> name();
            case "sex" -> sex();
            case "birthDate" -> birthDate();
            case "hukouPlace" -> hukouPlace();
            case "hukouType" -> hukouType();
            case "registrationStreetCode" -> registrationStreetCode();
            case "householdId" -> householdId();
            case "residenceStreetCode" -> residenceStreetCode();
            case "residenceCommunity" -> residenceCommunity();
            case "residenceSince" -> residenceSince();
            case "status" -> status();
            default -> throw new IllegalArgumentException("no person fact " + field);
        };
    }
}

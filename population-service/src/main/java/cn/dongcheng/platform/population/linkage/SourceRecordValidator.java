package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.population.person.Sex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks one source line on its own: the ID number (which check failed), that what the source says of birth date and
 * sex agrees with the ID number, known street codes, dates that fit together. A line that fails stores nothing.
 */
public final class SourceRecordValidator {

    static final String DONGCHENG = "110101";
    private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern REGION = Pattern.compile("[1-9]\\d{5}");
    private static final String STREETS = "the 17 street codes 110101001–110101017";

    private SourceRecordValidator() {
    }

    public static SourceRecord validate(SourceRecordInput in, LocalDate today, String updatedAt) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.source() == null) {
            problems.add(new FieldProblem("source", "is required (HOUSEHOLD_REGISTRATION, FLOATING_RESIDENCE, CENSUS, "
                    + "SAMPLE_SURVEY, BIRTH, DEATH, MOVE)"));
        }
        if (in.sourceId() == null || !SOURCE_ID.matcher(in.sourceId()).matches()) {
            problems.add(new FieldProblem("sourceId", "must be 1–64 letters, digits, '.', '_' or '-'"));
        }
        if (in.sourceDate() == null) {
            problems.add(new FieldProblem("sourceDate", "is required (yyyy-MM-dd)"));
        } else if (in.sourceDate().isAfter(today)) {
            problems.add(new FieldProblem("sourceDate", "is after today (" + today + ")"));
        }
        String id = in.idNumber() == null ? null : in.idNumber().trim().toUpperCase(Locale.ROOT);
        ResidentIdNumber.problem(id).ifPresent(r -> problems.add(new FieldProblem("idNumber", r)));
        if (problems.stream().noneMatch(p -> p.field().equals("idNumber"))) {
            checkAgainstIdNumber(in, new ResidentIdNumber(id), problems);
        }
        if (in.name() != null && (in.name().isBlank() || in.name().length() > 50)) {
            problems.add(new FieldProblem("name", "must be 1–50 characters"));
        }
        if (in.hukouPlace() != null && !REGION.matcher(in.hukouPlace()).matches()) {
            problems.add(new FieldProblem("hukouPlace", "must be a 6-digit administrative division code"));
        }
        if (in.registrationStreetCode() != null) {
            if (DongchengStreet.byCode(in.registrationStreetCode()).isEmpty()) {
                problems.add(new FieldProblem("registrationStreetCode", "must be one of " + STREETS));
            } else if (in.hukouPlace() != null && !DONGCHENG.equals(in.hukouPlace())) {
                problems.add(new FieldProblem("registrationStreetCode", "only for a hukou in Dongcheng (hukouPlace 110101)"));
            }
        }
        if (in.residenceStreetCode() != null && !SourceRecord.OUTSIDE.equals(in.residenceStreetCode())
                && DongchengStreet.byCode(in.residenceStreetCode()).isEmpty()) {
            problems.add(new FieldProblem("residenceStreetCode", "must be one of " + STREETS + " or OUTSIDE"));
        }
        if (in.residenceCommunity() != null && (in.residenceCommunity().isBlank() || in.residenceCommunity().length() > 50)) {
            problems.add(new FieldProblem("residenceCommunity", "must be 1–50 characters"));
        }
        if (in.householdId() != null && !SOURCE_ID.matcher(in.householdId()).matches()) {
            problems.add(new FieldProblem("householdId", "must be 1–64 letters, digits, '.', '_' or '-'"));
        }
        if (in.residenceSince() != null && in.sourceDate() != null && in.residenceSince().isAfter(in.sourceDate())) {
            problems.add(new FieldProblem("residenceSince", "is after the source's date " + in.sourceDate()));
        }
        if (in.status() == PersonStatus.DECEASED && in.source() != SourceKind.DEATH) {
            problems.add(new FieldProblem("status", "DECEASED only from a DEATH registration"));
        }
        if (in.source() == SourceKind.DEATH && in.status() != null && in.status() != PersonStatus.DECEASED) {
            problems.add(new FieldProblem("status", "a DEATH registration says DECEASED"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ResidentIdNumber parsed = new ResidentIdNumber(id);
        PersonStatus status = in.status() != null ? in.status()
                : in.source() == SourceKind.DEATH ? PersonStatus.DECEASED : PersonStatus.PRESENT;
        return new SourceRecord(SourceRecord.keyOf(in.source(), in.sourceId()), in.source(), in.sourceId(), in.sourceDate(),
                id, in.name() == null ? null : in.name().trim(), in.sex(), in.birthDate(), in.hukouType(), in.hukouPlace(),
                in.registrationStreetCode(), in.residenceStreetCode(), in.residenceCommunity(), in.householdId(),
                in.residenceSince(), status, in.dataSource(), null, updatedAt);
    }

    /** The ID number encodes birth date (positions 7–14) and sex (position 17, odd = male): a source must agree. */
    private static void checkAgainstIdNumber(SourceRecordInput in, ResidentIdNumber id, List<FieldProblem> problems) {
        LocalDate born = id.birthDate();
        if (in.birthDate() != null && !in.birthDate().equals(born)) {
            problems.add(new FieldProblem("birthDate", "contradicts the ID number: positions 7–14 give " + born));
        }
        Sex sex = id.male() ? Sex.MALE : Sex.FEMALE;
        if (in.sex() != null && in.sex() != sex) {
            problems.add(new FieldProblem("sex", "contradicts the ID number: the sequence digit (position 17) is "
                    + (id.male() ? "odd, i.e. MALE" : "even, i.e. FEMALE")));
        }
        if (in.sourceDate() != null && in.sourceDate().isBefore(born)) {
            problems.add(new FieldProblem("sourceDate", "is before the birth date the ID number gives"));
        }
        if (in.residenceSince() != null && in.residenceSince().isBefore(born)) {
            problems.add(new FieldProblem("residenceSince", "is before the birth date the ID number gives"));
        }
    }
}

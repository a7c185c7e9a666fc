package cn.dongcheng.platform.population.person;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates a person upload line and derives what the ID number already says. */
public final class PersonValidator {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private PersonValidator() {
    }

    public static PersonRecord validate(PersonRegistration in, String updatedAt) {
        List<FieldProblem> problems = new ArrayList<>();
        String id = in.idNumber() == null ? null : in.idNumber().trim().toUpperCase(Locale.ROOT);
        ResidentIdNumber.problem(id).ifPresent(r -> problems.add(new FieldProblem("idNumber", r)));
        if (in.name() == null || in.name().isBlank() || in.name().length() > 50) {
            problems.add(new FieldProblem("name", "must be 1–50 characters"));
        }
        if (in.residenceType() == null) {
            problems.add(new FieldProblem("residenceType", "is required (REGISTERED_RESIDENT, FLOATING_RESIDENT, REGISTERED_AWAY)"));
        }
        if (in.streetCode() == null || DongchengStreet.byCode(in.streetCode().trim()).isEmpty()) {
            problems.add(new FieldProblem("streetCode", "must be one of the 17 street codes 110101001–110101017, got '" + in.streetCode() + "'"));
        }
        if (in.phone() != null && !MOBILE.matcher(in.phone()).matches()) {
            problems.add(new FieldProblem("phone", "must be an 11-digit mobile number"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ResidentIdNumber parsed = new ResidentIdNumber(id);
        return new PersonRecord(id, in.name().trim(), parsed.male() ? Sex.MALE : Sex.FEMALE, parsed.birthDate(),
                in.streetCode().trim(), in.residenceType(), parsed.regionCode(), in.phone(), in.address(), in.dataSource(), updatedAt);
    }
}

package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.industry.classification.HighEndCrosswalk;
import cn.dongcheng.platform.industry.classification.IndustryClassification;
import cn.dongcheng.platform.industry.money.Yuan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks an incoming market entity and normalises its codes; collects every problem, not only the first. */
public final class EnterpriseValidator {

    public static final String OUTSIDE_DISTRICT = "OUTSIDE";

    private EnterpriseValidator() {
    }

    /** @param acceptLegacyCodes the explicit override: a code failing only its check characters is imported, marked */
    public static EnterpriseDocument validate(EnterpriseRegistration in, LocalDate today, String updatedAt, boolean acceptLegacyCodes) {
        List<FieldProblem> problems = new ArrayList<>();
        String uscc = upper(in.uscc());
        String checksumFailure = null;
        var structure = UnifiedSocialCreditCode.structuralProblem(uscc);
        if (structure.isPresent()) {
            problems.add(new FieldProblem("uscc", structure.get()));
        } else {
            checksumFailure = UnifiedSocialCreditCode.checksumProblem(uscc).orElse(null);
            if (checksumFailure != null && !acceptLegacyCodes) {
                problems.add(new FieldProblem("uscc", checksumFailure
                        + " (a pre-2016 code that fails its check can be imported with acceptLegacyCodes=true)"));
            }
        }
        if (in.name() == null || in.name().isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (in.name().length() > 200) {
            problems.add(new FieldProblem("name", "must be at most 200 characters"));
        }
        if (in.status() == null) {
            problems.add(new FieldProblem("status", "is required (ACTIVE, REVOKED, DEREGISTERED, MOVED_OUT)"));
        }
        String street = upper(in.streetCode());
        if (street == null || (!OUTSIDE_DISTRICT.equals(street) && DongchengStreet.byCode(street).isEmpty())) {
            problems.add(new FieldProblem("streetCode", "must be one of the 17 street codes 110101001–110101017 or OUTSIDE, got '" + street + "'"));
        }
        String section = upper(in.industrySection());
        IndustryClassification.problem(section, in.industryClass()).ifPresent(r -> problems.add(new FieldProblem("industryClass", r)));
        if (in.establishedOn() != null && in.establishedOn().isAfter(today)) {
            problems.add(new FieldProblem("establishedOn", "lies in the future: " + in.establishedOn()));
        }
        if (in.changedOn() != null && in.changedOn().isAfter(today)) {
            problems.add(new FieldProblem("changedOn", "lies in the future: " + in.changedOn()));
        }
        if (in.changedOn() != null && in.establishedOn() != null && in.changedOn().isBefore(in.establishedOn())) {
            problems.add(new FieldProblem("changedOn", "precedes the establishment date " + in.establishedOn()));
        }
        Long capitalFen = Yuan.toFen("registeredCapital", in.registeredCapital(), true, Yuan.MAX_STORABLE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new EnterpriseDocument(uscc, in.name().trim(), in.formerNames() == null ? List.of() : in.formerNames(),
                in.entityType(), in.status(), in.establishedOn(),
                capitalFen,
                in.registrationAuthority(), in.address(), street, in.legalRepresentative(), section,
                in.industryClass().substring(0, 2), in.industryClass(),
                HighEndCrosswalk.categoryOf(in.industryClass()).orElse(null),
                Boolean.TRUE.equals(in.keyEnterprise()),
                in.responsibleOfficial(), effectiveFrom(in, today), checksumFailure != null ? Boolean.TRUE : null, checksumFailure,
                null, null, in.dataSource(), updatedAt);
    }

    /** When the facts on this line took effect: the change date, else the establishment date, else today. */
    private static LocalDate effectiveFrom(EnterpriseRegistration in, LocalDate today) {
        return in.changedOn() != null ? in.changedOn() : in.establishedOn() != null ? in.establishedOn() : today;
    }

    private static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }

}

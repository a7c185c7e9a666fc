package cn.dongcheng.platform.population.projection;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.population.projection.ProjectionRequest.AgeSexVector;
import cn.dongcheng.platform.population.projection.ProjectionRequest.SexMortality;
import cn.dongcheng.platform.population.projection.ProjectionScenarioRequest.Target;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a projection request before anything runs and names every offending field (a vector by its first bad
 * element, {@code mortality.male.deathRates[100]}): lengths against the age groups, no negative or non-finite rates
 * or counts, horizon 5–50 in whole steps. Migration may be negative (net out-migration); a profile may not.
 */
final class ProjectionRequestValidator {

    static final int MIN_HORIZON = 5;
    static final int MAX_HORIZON = 50;
    static final double DEFAULT_RADIX = 100_000;
    static final String CORE_AREA = "CORE_AREA";

    private final List<FieldProblem> problems = new ArrayList<>();
    private final String prefix;

    private ProjectionRequestValidator(String prefix) {
        this.prefix = prefix;
    }

    /** The validated request, or a 400 naming every problem; {@code prefix} names the request inside a larger body. */
    static ProjectionSpec validate(ProjectionRequest request, int currentYear, double defaultSexRatioAtBirth, String prefix) {
        ProjectionRequestValidator v = new ProjectionRequestValidator(prefix);
        ProjectionSpec spec = v.check(request == null ? empty() : request, currentYear, defaultSexRatioAtBirth);
        v.throwIfAny();
        return spec;
    }

    /** The target of a scenario on a validated projection: its year must be a step year. */
    static void validateTarget(Target target, ProjectionSpec spec) {
        ProjectionRequestValidator v = new ProjectionRequestValidator("");
        if (target == null || target.year() == null) {
            v.problem("target.year", "required");
        } else {
            int offset = target.year() - spec.baseYear();
            int n = spec.groups().width();
            if (offset <= 0 || offset > spec.horizonYears() || offset % n != 0) {
                v.problem("target.year", "must be a step year after the base year within the horizon ("
                        + (spec.baseYear() + n) + "–" + (spec.baseYear() + spec.horizonYears()) + " in steps of " + n + ")");
            }
        }
        if (target != null) {
            boolean preset = target.preset() != null;
            if (preset == (target.total() != null)) {
                v.problem("target.total", "give either a total or preset " + CORE_AREA);
            } else if (preset && !CORE_AREA.equals(target.preset())) {
                v.problem("target.preset", "must be " + CORE_AREA);
            } else if (!preset && !(target.total() > 0 && Double.isFinite(target.total()))) {
                v.problem("target.total", "must be a positive number");
            }
        }
        if (spec.eachStreet()) {
            v.problem("projection.eachStreet", "a scenario is for one area: the district or one street");
        }
        v.throwIfAny();
    }

    static BySex validateProfile(AgeSexVector profile, int groups) {
        ProjectionRequestValidator v = new ProjectionRequestValidator("");
        BySex out = v.vector("migrationProfile", profile, groups, true);
        if (out != null && !(out.total() > 0)) {
            v.problem("migrationProfile", "weights must not all be zero");
        }
        v.throwIfAny();
        return out;
    }

    private ProjectionSpec check(ProjectionRequest r, int currentYear, double defaultSexRatioAtBirth) {
        int width = r.ageGroupWidth() == null ? 1 : r.ageGroupWidth();
        int openAge = r.openAge() == null ? 100 : r.openAge();
        int horizon = r.horizonYears() == null ? 30 : r.horizonYears();
        int baseYear = r.baseYear() == null ? currentYear : r.baseYear();
        if (width != 1 && width != 5) {
            problem("ageGroupWidth", "must be 1 or 5");
            width = 1;
        }
        if (openAge < 50 || openAge > 120 || openAge % width != 0) {
            problem("openAge", "must be 50–120 and a multiple of the age-group width " + width);
            openAge = 100;
        }
        if (horizon < MIN_HORIZON || horizon > MAX_HORIZON || horizon % width != 0) {
            problem("horizonYears", "must be " + MIN_HORIZON + "–" + MAX_HORIZON + " years in whole steps of " + width);
        }
        if (baseYear < 1950 || baseYear > 2100) {
            problem("baseYear", "must be 1950–2100");
        }
        boolean eachStreet = Boolean.TRUE.equals(r.eachStreet());
        if (r.streetCode() != null && DongchengStreet.byCode(r.streetCode()).isEmpty()) {
            problem("streetCode", "must be one of the 17 street codes 110101001–110101017");
        }
        if (eachStreet && r.streetCode() != null) {
            problem("eachStreet", "either one street or each street");
        }
        if (eachStreet && r.basePopulation() != null) {
            problem("eachStreet", "each street's base population comes from the register; a supplied one is one area's");
        }
        AgeGroups groups = new AgeGroups(width, openAge);
        int k = groups.count();
        BySex base = vector("basePopulation", r.basePopulation(), k, true);
        BySex migration = vector("netMigration", r.netMigration(), k, false);

        LifeTable male = null;
        LifeTable female = null;
        String mortalitySource = "MODEL";
        if (r.mortality() != null) {
            male = lifeTable("mortality.male", r.mortality().male(), groups, false);
            female = lifeTable("mortality.female", r.mortality().female(), groups, true);
            mortalitySource = male == null || female == null ? null
                    : r.mortality().male().deathRates() == null && r.mortality().female().deathRates() == null
                    ? "SUPPLIED_PERSON_YEARS"
                    : r.mortality().male().deathRates() != null && r.mortality().female().deathRates() != null
                    ? "SUPPLIED_DEATH_RATES" : "SUPPLIED_MIXED";
        }
        double[] fertility = fertility(r.fertility(), groups);
        double srb = r.sexRatioAtBirth() == null ? defaultSexRatioAtBirth : r.sexRatioAtBirth();
        if (!(srb >= 80 && srb <= 130)) {
            problem("sexRatioAtBirth", "must be 80–130 boys per 100 girls");
        }
        boolean ratesFromRecords = "RECORDS".equals(r.ratesFrom());
        if (r.ratesFrom() != null && !ratesFromRecords && !"MODEL".equals(r.ratesFrom())) {
            problem("ratesFrom", "MODEL (the reference's model schedules) or RECORDS (estimated from the register)");
        }
        return new ProjectionSpec(groups, baseYear, horizon, r.streetCode(), eachStreet, base, male, female,
                mortalitySource, fertility, srb, r.sexRatioAtBirth() != null, migration, ratesFromRecords);
    }

    private LifeTable lifeTable(String field, SexMortality m, AgeGroups groups, boolean female) {
        if (m == null) {
            problem(field, "required when mortality is given (both sexes)");
            return null;
        }
        if ((m.deathRates() == null) == (m.personYearsLived() == null)) {
            problem(field, "give either deathRates or personYearsLived");
            return null;
        }
        int k = groups.count();
        if (m.deathRates() != null) {
            double[] rates = m.deathRates();
            if (!length(field + ".deathRates", rates, k) || !nonNegative(field + ".deathRates", rates)) {
                return null;
            }
            if (!(rates[k - 1] > 0)) {
                problem(field + ".deathRates[" + (k - 1) + "]", "the open-ended group's death rate must be positive");
                return null;
            }
            return LifeTable.fromDeathRates(groups, rates, null, female, DEFAULT_RADIX);
        }
        double radix = m.radix() == null ? DEFAULT_RADIX : m.radix();
        if (!(radix > 0 && Double.isFinite(radix))) {
            problem(field + ".radix", "must be a positive number");
            return null;
        }
        double[] years = m.personYearsLived();
        if (!length(field + ".personYearsLived", years, k)) {
            return null;
        }
        for (int i = 0; i < k; i++) {
            if (!(years[i] > 0 && Double.isFinite(years[i]))) {
                problem(field + ".personYearsLived[" + i + "]", "must be positive");
                return null;
            }
            if (i < k - 1 && years[i] > groups.width() * radix) {
                problem(field + ".personYearsLived[" + i + "]", "cannot exceed width × radix (" + groups.width() * radix + ")");
                return null;
            }
        }
        return LifeTable.fromPersonYears(groups, years, radix);
    }

    private double[] fertility(ProjectionRequest.Fertility f, AgeGroups groups) {
        if (f == null) {
            return null;
        }
        int firstAge = f.firstAge() == null ? 15 : f.firstAge();
        if (firstAge < 10 || firstAge % groups.width() != 0) {
            problem("fertility.firstAge", "must be at least 10 and a multiple of the age-group width");
            return null;
        }
        if (f.rates() == null || f.rates().length == 0) {
            problem("fertility.rates", "required");
            return null;
        }
        int room = (groups.openAge() - firstAge) / groups.width();
        if (f.rates().length > room) {
            problem("fertility.rates", "at most " + room + " values from age " + firstAge
                    + ": no births to the open-ended group " + groups.openAge() + "+");
            return null;
        }
        for (int i = 0; i < f.rates().length; i++) {
            double rate = f.rates()[i];
            if (!(rate >= 0 && rate <= 1)) {
                problem("fertility.rates[" + i + "]", "must be 0–1 births per woman-year");
                return null;
            }
        }
        double[] all = new double[groups.count()];
        System.arraycopy(f.rates(), 0, all, firstAge / groups.width(), f.rates().length);
        return all;
    }

    private BySex vector(String field, AgeSexVector v, int k, boolean nonNegative) {
        if (v == null) {
            return null;
        }
        boolean ok = sexVector(field + ".male", v.male(), k, nonNegative);
        ok &= sexVector(field + ".female", v.female(), k, nonNegative);
        return ok ? new BySex(v.male().clone(), v.female().clone()) : null;
    }

    private boolean sexVector(String field, double[] values, int k, boolean nonNegative) {
        if (!length(field, values, k)) {
            return false;
        }
        if (nonNegative) {
            return nonNegative(field, values);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                problem(field + "[" + i + "]", "must be a finite number");
                return false;
            }
        }
        return true;
    }

    private boolean length(String field, double[] values, int k) {
        if (values == null) {
            problem(field, "required");
            return false;
        }
        if (values.length != k) {
            problem(field, "must have " + k + " values, one per age group (the last the open-ended group); got " + values.length);
            return false;
        }
        return true;
    }

    private boolean nonNegative(String field, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && Double.isFinite(values[i]))) {
                problem(field + "[" + i + "]", "must not be negative");
                return false;
            }
        }
        return true;
    }

    private void problem(String field, String reason) {
        problems.add(new FieldProblem(prefix + field, reason));
    }

    private void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static ProjectionRequest empty() {
        return new ProjectionRequest(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}

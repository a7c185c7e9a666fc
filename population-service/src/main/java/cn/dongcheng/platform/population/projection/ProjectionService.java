package cn.dongcheng.platform.population.projection;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.population.projection.ProjectionView.AreaProjection;
import cn.dongcheng.platform.population.projection.ProjectionView.Assumptions;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a projection together: validates the request, fills what the analyst left out from the register (base
 * population) and the reference (mortality, fertility, sex ratio at birth), runs the projection per area, and the
 * target-seeking scenario on top. The arithmetic itself is in the plain classes of this package.
 */
@Service
public class ProjectionService {

    static final String DISTRICT_CODE = "110101";
    static final String DISTRICT_NAME = "东城区";
    static final String METHOD = "cohort-component (Preston, Heuveline & Guillot, Demography, ch. 6; UN Manual III): "
            + "survival nL(x+n)/nL(x), open group T(ω)/T(ω−n), births n·Σf·(W(t)+W(t+n))/2 × nL(0)/(n·l0)";
    static final String MIGRATION_CONVENTION = "annual net migrants × n per step, half added at the start of the step "
            + "(exposed to mortality and fertility), half at the end";

    private final ProjectionReference reference;
    private final RecordedPopulation recorded;
    private final RecordedRates registrations;
    private final Clock clock;

    public ProjectionService(ProjectionReference reference, RecordedPopulation recorded, RecordedRates registrations,
                             Clock clock) {
        this.reference = reference;
        this.recorded = recorded;
        this.registrations = registrations;
        this.clock = clock;
    }

    public ProjectionView project(ProjectionRequest request) {
        ProjectionSpec spec = ProjectionRequestValidator.validate(request, LocalDate.now(clock).getYear(),
                reference.sexRatioAtBirth().value(), "");
        Prepared prepared = prepare(spec, "");
        List<AreaProjection> areas = new ArrayList<>();
        prepared.bases().forEach((code, base) -> areas.add(AreaProjection.of(code, areaName(code),
                CohortComponentProjection.run(prepared.inputs().withBasePopulation(base)))));
        return new ProjectionView(spec.baseYear(), spec.horizonYears(), spec.groups().width(), spec.groups().openAge(),
                ProjectionView.labels(spec.groups()), prepared.assumptions(),
                ProjectionView.Indicators.of(prepared.inputs()), areas);
    }

    public ProjectionScenarioView seekTarget(ProjectionScenarioRequest request) {
        ProjectionScenarioRequest.Target target = request == null ? null : request.target();
        ProjectionSpec spec = ProjectionRequestValidator.validate(request == null ? null : request.projection(),
                LocalDate.now(clock).getYear(), reference.sexRatioAtBirth().value(), "projection.");
        ProjectionRequestValidator.validateTarget(target, spec);
        if (ProjectionRequestValidator.CORE_AREA.equals(target.preset()) && reference.coreAreaRatio(target.year()) == null) {
            throw new InvalidInputException("target.year", "the core-area preset has targets for "
                    + reference.coreArea().targets().keySet() + " only");
        }
        BySex profile = request.migrationProfile() == null ? null
                : ProjectionRequestValidator.validateProfile(request.migrationProfile(), spec.groups().count());
        Prepared prepared = prepare(spec, "projection.");
        Map.Entry<String, BySex> area = prepared.bases().entrySet().iterator().next();
        ProjectionInputs inputs = prepared.inputs().withBasePopulation(area.getValue());
        double total;
        String basis;
        if (target.total() != null) {
            total = target.total();
            basis = "given";
        } else {
            double ratio = reference.coreAreaRatio(target.year());
            total = area.getValue().total() * ratio;
            basis = "CORE_AREA: base population × " + reference.coreArea().targets().get(target.year()) + " / "
                    + reference.coreArea().residents2020() + " (" + reference.coreArea().apportionment() + " "
                    + reference.coreArea().source() + ")";
        }
        TargetSeekingScenario.Result result = TargetSeekingScenario.solve(inputs, target.year(), total,
                profile == null ? area.getValue() : profile);
        return ProjectionScenarioView.of(area.getKey(), areaName(area.getKey()), result, basis, prepared.assumptions());
    }

    /** Inputs with the first area's base population, every area's base population, and what was assumed. */
    private record Prepared(ProjectionInputs inputs, Map<String, BySex> bases, Assumptions assumptions) {
    }

    private Prepared prepare(ProjectionSpec spec, String prefix) {
        AgeGroups groups = spec.groups();
        List<String> notes = new ArrayList<>();
        Map<String, BySex> bases = new LinkedHashMap<>();
        LocalDate registerDate = null;
        BySex districtResidents = null;
        if (spec.basePopulation() != null) {
            bases.put(spec.streetCode() == null ? DISTRICT_CODE : spec.streetCode(), spec.basePopulation());
        } else {
            LocalDate today = LocalDate.now(clock);
            if (spec.baseYear() > today.getYear()) {
                throw new InvalidInputException(prefix + "baseYear", "the register gives the population up to today: "
                        + "supply basePopulation for a later base year");
            }
            LocalDate censusDay = LocalDate.of(spec.baseYear(), 11, 1);
            registerDate = censusDay.isAfter(today) ? today : censusDay;
            Map<String, BySex> streets = recorded.byStreet(groups, registerDate);
            if (spec.eachStreet()) {
                bases.putAll(streets);
            }
            districtResidents = district(streets, groups);
            if (spec.streetCode() != null) {
                bases.put(spec.streetCode(), streets.get(spec.streetCode()));
            } else {
                bases.put(DISTRICT_CODE, districtResidents);
            }
            if (!spec.eachStreet() && !(bases.values().iterator().next().total() > 0)) {
                throw new InvalidInputException(prefix + "basePopulation", "no residents of this area in the register on "
                        + registerDate + ": supply basePopulation");
            }
            notes.add("Base population: residents (registered and floating) in the person register on " + registerDate
                    + " (census day of the base year, or today). The register holds today's residents: a past date "
                    + "leaves out those who have since died or moved away.");
        }
        LifeTable male = spec.maleLifeTable();
        LifeTable female = spec.femaleLifeTable();
        double[] fertilityRates = spec.fertilityRates();
        String mortalitySource = spec.mortalitySource();
        String fertilitySource = fertilityRates == null ? "MODEL" : "SUPPLIED";
        EstimatedRates estimated = null;
        if (spec.ratesFromRecords() && (male == null || fertilityRates == null)) {
            LocalDate end = registerDate != null ? registerDate : LocalDate.now(clock);
            BySex residents = districtResidents != null ? districtResidents : district(recorded.byStreet(groups, end), groups);
            estimated = EstimatedRates.of(registrations.yearEnding(end, groups), residents, groups,
                    reference.deathRates(groups, false).rates(), reference.deathRates(groups, true).rates(),
                    reference.fertility(groups, spec.sexRatioAtBirth()).rates());
            if (male == null) {
                male = LifeTable.fromDeathRates(groups, estimated.deathRates().male(), null, false, 100_000);
                female = LifeTable.fromDeathRates(groups, estimated.deathRates().female(), null, true, 100_000);
                mortalitySource = "REGISTER";
                notes.add("Mortality: estimated from the register for the whole district: " + total(estimated.deaths())
                        + " deaths registered " + estimated.from() + " … " + estimated.to() + " of persons living in the "
                        + "district, nMx = D / (P + D/2) with P the residents counted on " + estimated.to()
                        + "; groups without residents, and an open-ended group without deaths, take the model rate of "
                        + reference.version() + " (substitutedAges).");
            }
            if (fertilityRates == null && estimated.fertilityRates() != null) {
                fertilityRates = estimated.fertilityRates();
                fertilitySource = "REGISTER";
                notes.add("Fertility: the model schedule's shape scaled by " + estimated.fertilityFactor() + " so that the "
                        + "women counted on " + estimated.to() + " would have had the " + estimated.births()
                        + " births registered " + estimated.from() + " … " + estimated.to()
                        + " (the register does not link a birth to its mother's age).");
            } else if (fertilityRates == null) {
                notes.add("Fertility: no births registered " + estimated.from() + " … " + estimated.to()
                        + ", or no women of childbearing age: the model schedule stands.");
            }
        }
        if (male == null) {
            male = reference.lifeTable(groups, false);
            female = reference.lifeTable(groups, true);
            notes.add("Mortality: model table of " + reference.version() + " (ratesFrom: RECORDS estimates it from the "
                    + "deaths in the register). " + reference.mortality().source());
        }
        FertilitySchedule fertility = fertilityRates == null
                ? reference.fertility(groups, spec.sexRatioAtBirth())
                : new FertilitySchedule(groups, fertilityRates, spec.sexRatioAtBirth());
        if (fertilityRates == null) {
            notes.add("Fertility: model schedule of " + reference.version() + " (ratesFrom: RECORDS scales it to the "
                    + "births in the register). " + reference.fertility().source());
        }
        if (!spec.sexRatioSupplied()) {
            notes.add("Sex ratio at birth " + reference.sexRatioAtBirth().value() + ": "
                    + reference.sexRatioAtBirth().source());
        }
        if (spec.netMigration() == null) {
            notes.add("No net migration: a closed population.");
        }
        ProjectionInputs inputs = new ProjectionInputs(groups, spec.baseYear(), spec.horizonYears(),
                bases.values().iterator().next(), male, female, fertility, spec.netMigration());
        Assumptions assumptions = new Assumptions(spec.basePopulation() == null ? "REGISTER" : "SUPPLIED", registerDate,
                mortalitySource, fertilitySource, spec.sexRatioAtBirth(),
                spec.netMigration() == null ? "NONE" : "SUPPLIED", MIGRATION_CONVENTION, METHOD, reference.version(), notes,
                estimated);
        return new Prepared(inputs, bases, assumptions);
    }

    private static BySex district(Map<String, BySex> streets, AgeGroups groups) {
        BySex district = BySex.zeros(groups.count());
        for (BySex street : streets.values()) {
            district = BySex.scaledSum(district, street, 1);
        }
        return district;
    }

    private static long total(BySex counts) {
        return Math.round(counts.total());
    }

    static String areaName(String code) {
        return DISTRICT_CODE.equals(code) ? DISTRICT_NAME
                : DongchengStreet.byCode(code).map(DongchengStreet::chineseName).orElse(code);
    }
}

package cn.dongcheng.platform.population.projection;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The versioned reference the projection falls back on ({@code projection/projection-reference-v1.json}): the core
 * area's population targets (首都功能核心区人口规模), the default sex ratio at birth, and model mortality and
 * fertility schedules — the register holds no deaths or births, so rates cannot be estimated from it yet. Each
 * part carries its source; the model schedules say they are models.
 */
public record ProjectionReference(String version, CoreArea coreArea, SexRatio sexRatioAtBirth, Mortality mortality,
                                  Fertility fertility) {

    /** Siler hazard parameters of one sex. */
    public record Siler(double a1, double b1, double a2, double a3, double b3) {

        double hazard(double x) {
            return a1 * Math.exp(-b1 * x) + a2 + a3 * Math.exp(b3 * x);
        }

        /** ∫ hazard over [x, x+1). */
        double cumulativeHazardOverYear(int x) {
            return a1 / b1 * (Math.exp(-b1 * x) - Math.exp(-b1 * (x + 1))) + a2
                    + a3 / b3 * (Math.exp(b3 * (x + 1)) - Math.exp(b3 * x));
        }
    }

    public record CoreArea(String name, long residents2020, Map<Integer, Long> targets, String source,
                           String apportionment) {
    }

    public record SexRatio(double value, String source) {
    }

    public record Mortality(String model, Siler male, Siler female, String source) {
    }

    public record Fertility(String model, double totalFertilityRate, double meanAge, double standardDeviation,
                            int firstAge, int lastAge, String source) {
    }

    /** Single-year model table closes here; what is left above goes into the open interval as l/μ. */
    static final int MODEL_TABLE_END = 130;

    public static ProjectionReference load(InputStream in) throws IOException {
        return new ObjectMapper().readValue(in, ProjectionReference.class);
    }

    /**
     * The model life table on {@code groups}, as death rates nm(x) = nd(x)/nL(x) and na(x) aggregated from the
     * single-year table (open interval m = l/T), so the grouped table reproduces the single-year one exactly.
     */
    public LifeTable lifeTable(AgeGroups groups, boolean female) {
        ModelRates model = deathRates(groups, female);
        return LifeTable.fromDeathRates(groups, model.rates(), model.separation(), female, 100_000);
    }

    /** The model table's death rates nm(x) and na(x) on {@code groups}. */
    public record ModelRates(double[] rates, double[] separation) {
    }

    /** The model table's death rates and separation factors on {@code groups}, as {@link #lifeTable} uses them. */
    public ModelRates deathRates(AgeGroups groups, boolean female) {
        Siler model = female ? mortality.female() : mortality.male();
        double[] l = new double[MODEL_TABLE_END + 1];
        double[] bigL = new double[MODEL_TABLE_END + 1];
        l[0] = 1;
        for (int x = 0; x < MODEL_TABLE_END; x++) {
            double h = model.cumulativeHazardOverYear(x);
            double survive = Math.exp(-h);
            l[x + 1] = l[x] * survive;
            bigL[x] = l[x] * (1 - survive) / h; // constant hazard within the year
        }
        bigL[MODEL_TABLE_END] = l[MODEL_TABLE_END] / model.hazard(MODEL_TABLE_END);
        int k = groups.count();
        int n = groups.width();
        double[] rates = new double[k];
        double[] separation = new double[k];
        for (int i = 0; i < k - 1; i++) {
            int x = groups.startAge(i);
            double years = 0;
            for (int y = x; y < x + n; y++) {
                years += bigL[y];
            }
            double deaths = l[x] - l[x + n];
            rates[i] = deaths / years;
            separation[i] = (years - n * l[x + n]) / deaths;
        }
        double open = 0;
        for (int y = groups.openAge(); y <= MODEL_TABLE_END; y++) {
            open += bigL[y];
        }
        rates[k - 1] = l[groups.openAge()] / open;
        return new ModelRates(rates, separation);
    }

    /** The model ASFR on {@code groups} (a 5-year group's rate is the mean of its single years). */
    public FertilitySchedule fertility(AgeGroups groups, double sexRatioAtBirth) {
        Fertility f = fertility;
        double shift = f.meanAge() - f.firstAge();
        double shape = Math.pow(shift / f.standardDeviation(), 2);
        double scale = f.standardDeviation() * f.standardDeviation() / shift;
        double[] single = new double[f.lastAge() + 1];
        double sum = 0;
        for (int x = f.firstAge(); x <= f.lastAge(); x++) {
            double t = x + 0.5 - f.firstAge();
            single[x] = Math.pow(t, shape - 1) * Math.exp(-t / scale);
            sum += single[x];
        }
        double[] rates = new double[groups.count()];
        for (int x = f.firstAge(); x <= f.lastAge(); x++) {
            rates[x / groups.width()] += single[x] * f.totalFertilityRate() / sum / groups.width();
        }
        return new FertilitySchedule(groups, rates, sexRatioAtBirth);
    }

    /** The core area's target for {@code year} over its 2020 residents, or null for a year without a target. */
    public Double coreAreaRatio(int year) {
        Long target = coreArea.targets().get(year);
        return target == null ? null : target / (double) coreArea.residents2020();
    }
}

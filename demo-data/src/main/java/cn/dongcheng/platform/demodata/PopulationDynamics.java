package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The rates the demo population changes by from one year to the next (人口变动: births, deaths, moves, households),
 * from {@code calibration/population-dynamics.json} (sources and which figures are assumptions inside). Mortality and
 * fertility are the model schedules population-service projects with, so a projection of the demo data meets its own
 * assumptions again.
 */
record PopulationDynamics(int firstYear, int lastYear, double[] householdSizeShares, int communitiesPerStreet,
                          Siler maleMortality, Siler femaleMortality, double[] fertilityByAge, int fertilityFirstAge,
                          double sexRatioAtBirth, double householdMovesWithinDistrict, double registeredDepartures,
                          double floatingDepartures, double departuresKeepingHukou, double registeredArrivalsReturning,
                          int hukouRegistrationAfterBirthDays, LocalDate censusDate, double registrationStreetMisreported,
                          double hukouPlaceMisreported, LocalDate householdRegisterExtract, LocalDate surveyDate,
                          double surveyHouseholdShare, double surveyNameVariant) {

    /** Siler hazard {@code a1·e^(−b1·x) + a2 + a3·e^(b3·x)} of one sex. */
    record Siler(double a1, double b1, double a2, double a3, double b3) {

        /** The probability of dying within the year of age x: 1 − e^(−∫ hazard over [x, x+1)). */
        double deathProbability(int age) {
            double cumulative = a1 / b1 * (Math.exp(-b1 * age) - Math.exp(-b1 * (age + 1))) + a2
                    + a3 / b3 * (Math.exp(b3 * (age + 1)) - Math.exp(b3 * age));
            return 1 - Math.exp(-cumulative);
        }

        static Siler of(JsonNode n) {
            return new Siler(n.path("a1").asDouble(), n.path("b1").asDouble(), n.path("a2").asDouble(),
                    n.path("a3").asDouble(), n.path("b3").asDouble());
        }
    }

    static PopulationDynamics load() {
        try (InputStream in = PopulationDynamics.class.getResourceAsStream("/calibration/population-dynamics.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            JsonNode sizes = root.path("householdSizes");
            double[] sizeShares = new double[sizes.size() + 1];
            sizes.fields().forEachRemaining(e -> sizeShares[Integer.parseInt(e.getKey())] = e.getValue().asDouble());
            JsonNode f = root.path("fertility");
            JsonNode departures = root.path("householdDeparturesPerYear");
            JsonNode census = root.path("census");
            JsonNode survey = root.path("sampleSurvey");
            return new PopulationDynamics(root.path("firstYear").asInt(), root.path("lastYear").asInt(), sizeShares,
                    root.path("communitiesPerStreet").asInt(), Siler.of(root.path("mortality").path("male")),
                    Siler.of(root.path("mortality").path("female")),
                    gammaFertility(f.path("totalFertilityRate").asDouble(), f.path("meanAge").asDouble(),
                            f.path("standardDeviation").asDouble(), f.path("firstAge").asInt(), f.path("lastAge").asInt()),
                    f.path("firstAge").asInt(), root.path("sexRatioAtBirth").asDouble(),
                    root.path("householdMovesWithinDistrictPerYear").asDouble(), departures.path("registered").asDouble(),
                    departures.path("floating").asDouble(), root.path("registeredDeparturesKeepingHukou").asDouble(),
                    root.path("registeredArrivalsReturning").asDouble(), root.path("hukouRegistrationAfterBirthDays").asInt(),
                    LocalDate.parse(census.path("date").asText()), census.path("registrationStreetMisreported").asDouble(),
                    census.path("hukouPlaceMisreported").asDouble(), LocalDate.parse(root.path("householdRegisterExtractDate").asText()),
                    LocalDate.parse(survey.path("date").asText()), survey.path("householdShare").asDouble(),
                    survey.path("nameVariant").asDouble());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Single-year ASFR, gamma-shaped as population-service's projection reference: f(x) ∝ t^(k−1)·e^(−t/θ) with
     * t = x + 0.5 − firstAge, k = ((mean − firstAge)/sd)², θ = sd²/(mean − firstAge), summing to the TFR.
     */
    static double[] gammaFertility(double tfr, double meanAge, double sd, int firstAge, int lastAge) {
        double shape = Math.pow((meanAge - firstAge) / sd, 2);
        double scale = sd * sd / (meanAge - firstAge);
        double[] rates = new double[lastAge - firstAge + 1];
        double sum = 0;
        for (int i = 0; i < rates.length; i++) {
            double t = i + 0.5;
            rates[i] = Math.pow(t, shape - 1) * Math.exp(-t / scale);
            sum += rates[i];
        }
        for (int i = 0; i < rates.length; i++) {
            rates[i] *= tfr / sum;
        }
        return rates;
    }

    double deathProbability(boolean male, int age) {
        return (male ? maleMortality : femaleMortality).deathProbability(age);
    }

    /** Births per woman of this age in a year. */
    double fertility(int age) {
        int i = age - fertilityFirstAge;
        return i < 0 || i >= fertilityByAge.length ? 0 : fertilityByAge[i];
    }

    double maleShareOfBirths() {
        return sexRatioAtBirth / (sexRatioAtBirth + 100);
    }

    /** A family household's size drawn from the distribution (mean about 2.31, Beijing 2020). */
    int householdSize(SplittableRandom random) {
        double u = random.nextDouble();
        for (int size = 1; size < householdSizeShares.length; size++) {
            u -= householdSizeShares[size];
            if (u < 0) {
                return size;
            }
        }
        return householdSizeShares.length - 1;
    }

    double meanHouseholdSize() {
        double mean = 0;
        double total = 0;
        for (int size = 1; size < householdSizeShares.length; size++) {
            mean += size * householdSizeShares[size];
            total += householdSizeShares[size];
        }
        return mean / total;
    }
}

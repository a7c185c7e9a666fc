package cn.dongcheng.platform.demodata;

import cn.dongcheng.platform.population.linkage.ConflictRules;
import cn.dongcheng.platform.population.linkage.FieldSource;
import cn.dongcheng.platform.population.linkage.LinkedPerson;
import cn.dongcheng.platform.population.linkage.PersonLinker;
import cn.dongcheng.platform.population.linkage.SourceKind;
import cn.dongcheng.platform.population.linkage.SourceRecord;
import cn.dongcheng.platform.population.linkage.SourceRecordInput;
import cn.dongcheng.platform.population.linkage.SourceRecordValidator;
import cn.dongcheng.platform.population.migration.ResidenceMoves;
import cn.dongcheng.platform.population.person.ResidenceType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The source deliveries of {@link PersonHistoryGenerator} at small scale, read as population-service reads them: its
 * validator takes every line, its linker (conflict rules v1) makes the persons, its move detection the flows — and
 * the result is still calibrated, consistent event by event, and what the simulation says it generated.
 */
class PersonHistoryGeneratorTest {

    private static final long SEED = DemoDataCommand.DEFAULT_SEED;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Calibration CALIBRATION = Calibration.load();

    private static PersonHistory history;
    private static List<String> ndjson;
    /** Every person's validated source records, by ID number. */
    private static Map<String, List<SourceRecord>> byPerson;
    private static Map<String, LinkedPerson> linked;

    @BeforeAll
    static void generateAndLink() throws Exception {
        history = new PersonHistoryGenerator(CALIBRATION).generate(Scale.SMALL, SEED);
        ndjson = new ArrayList<>();
        history.emit(ndjson::add);
        byPerson = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        for (String line : ndjson) {
            SourceRecord r = SourceRecordValidator.validate(JSON.readValue(line, SourceRecordInput.class), TODAY, "t");
            assertThat(keys.add(r.key())).as("one line per source and source id: " + r.key()).isTrue();
            byPerson.computeIfAbsent(r.idNumber(), k -> new ArrayList<>()).add(r);
        }
        PersonLinker linker;
        try (InputStream in = PersonLinker.class.getClassLoader().getResourceAsStream("linkage/conflict-rules-v1.json")) {
            linker = new PersonLinker(ConflictRules.load(in));
        }
        linked = new HashMap<>();
        byPerson.forEach((id, records) -> linked.put(id, linker.link(id, records, null, "t")));
    }

    @Test
    void theSameSeedGivesTheSameDeliveriesAndAnotherSeedOthers() {
        List<String> again = new ArrayList<>();
        new PersonHistoryGenerator(CALIBRATION).generate(Scale.SMALL, SEED).emit(again::add);
        assertThat(again).isEqualTo(ndjson);
        List<String> other = new ArrayList<>();
        new PersonHistoryGenerator(CALIBRATION).generate(Scale.SMALL, SEED + 1).emit(other::add);
        assertThat(other).isNotEqualTo(ndjson);
    }

    @Test
    void theLinkedPersonsAreTheCensusPersonsWithTheSameIdNumbers() {
        Set<String> censusPersons = new HashSet<>();
        new PersonGenerator(CALIBRATION).generate(Scale.SMALL, SEED + DemoDataCommand.PERSON_SEED_OFFSET,
                line -> censusPersons.add(line.substring(line.indexOf("\"idNumber\":\"") + 12, line.indexOf("\"idNumber\":\"") + 30)));
        assertThat(byPerson.keySet()).containsAll(censusPersons);
        assertThat(history.censusResidents()).isEqualTo(7_088);
    }

    @Test
    void afterFiveYearsTheStreetsAndTheFloatingShareAreStillCalibrated() {
        Map<String, Integer> target = CALIBRATION.residentsByStreet(Scale.SMALL);
        Map<String, long[]> counted = new LinkedHashMap<>();
        target.keySet().forEach(s -> counted.put(s, new long[2]));
        for (LinkedPerson p : linked.values()) {
            if (p.residenceType() == ResidenceType.REGISTERED_RESIDENT || p.residenceType() == ResidenceType.FLOATING_RESIDENT) {
                counted.get(p.streetCode())[p.residenceType() == ResidenceType.REGISTERED_RESIDENT ? 0 : 1]++;
            }
        }
        long total = 0;
        long floating = 0;
        for (var street : target.entrySet()) {
            long[] c = counted.get(street.getKey());
            // what the service's linker makes of the records is what the simulation holds
            assertThat(c).as(street.getKey()).containsExactly(history.endResidents().get(street.getKey()));
            assertThat((double) c[0] + c[1]).as("street " + street.getKey())
                    .isCloseTo(street.getValue(), within(Math.max(0.04 * street.getValue(), 5)));
            total += c[0] + c[1];
            floating += c[1];
        }
        assertThat((double) total).isCloseTo(7_088, within(7_088 * 0.01));
        assertThat(floating / (double) total).isCloseTo(CALIBRATION.floatingShare(), within(0.015));
    }

    @Test
    void birthsAndDeathsComeAtPlausibleCrudeRatesAndTheOldDie() {
        long births = 0;
        long deaths = 0;
        double personYears = 0;
        for (PersonHistory.Year y : history.years()) {
            births += y.births();
            deaths += y.deaths();
            personYears += (y.residentsAtStart() + y.residentsAtEnd()) / 2.0;
        }
        // TFR 0.87 and the Siler life table on Beijing's 2020 age structure: about 6 births and 6 deaths per 1,000
        assertThat(births * 1000 / personYears).isBetween(4.5, 8.0);
        assertThat(deaths * 1000 / personYears).isBetween(4.0, 9.0);
        assertThat(history.count(PersonSourceLine.BIRTH)).isEqualTo(births);
        assertThat(history.count(PersonSourceLine.DEATH)).isEqualTo(deaths);

        long deathsAged65 = history.lines().stream().filter(l -> l.source().equals(PersonSourceLine.DEATH))
                .filter(l -> ChronoUnit.YEARS.between(l.birthDate(), l.sourceDate()) >= 65).count();
        assertThat(deathsAged65 / (double) deaths).as("deaths at 65+ (13 % of the population)").isGreaterThan(0.6);
        assertThat(history.lines()).filteredOn(l -> l.source().equals(PersonSourceLine.BIRTH))
                .allSatisfy(l -> assertThat(l.sourceDate()).as("born on the day registered: age 0").isEqualTo(l.birthDate()));
    }

    @Test
    void nobodyHasARecordAfterDeathOrBeforeBirthNorMovesOnceMovedOut() {
        int deceased = 0;
        for (var person : byPerson.entrySet()) {
            List<SourceRecord> records = person.getValue();
            LocalDate born = linked.get(person.getKey()).birthDate();
            List<SourceRecord> deaths = records.stream().filter(r -> r.source() == SourceKind.DEATH).toList();
            assertThat(deaths).as("dies at most once").hasSizeLessThanOrEqualTo(1);
            for (SourceRecord r : records) {
                assertThat(r.sourceDate()).as(r.key()).isAfterOrEqualTo(born);
                deaths.forEach(d -> assertThat(r.sourceDate()).as(r.key() + " after the death").isBeforeOrEqualTo(d.sourceDate()));
            }
            LocalDate movedOut = records.stream().filter(r -> r.status() != null && r.status().name().equals("MOVED_OUT"))
                    .map(SourceRecord::sourceDate).findFirst().orElse(null);
            if (movedOut != null) {
                assertThat(records).filteredOn(r -> r.source() == SourceKind.MOVE || r.source() == SourceKind.DEATH)
                        .allSatisfy(r -> assertThat(r.sourceDate()).as("moved out for good").isBeforeOrEqualTo(movedOut));
            }
            if (!deaths.isEmpty()) {
                deceased++;
                assertThat(linked.get(person.getKey()).residenceType()).isNull();
            }
        }
        assertThat(deceased).isPositive();
    }

    @Test
    void theMovesTheServiceFindsAreTheSimulatedOnes() {
        long within = 0;
        long departures = 0;
        long arrivals = 0;
        Set<String> destinations = new HashSet<>();
        for (List<SourceRecord> records : byPerson.values()) {
            for (ResidenceMoves.Move m : ResidenceMoves.of(records, LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31))) {
                if (m.origin().equals(SourceRecord.OUTSIDE)) {
                    arrivals++;
                } else if (m.destination().equals(SourceRecord.OUTSIDE)) {
                    departures++;
                } else {
                    within++;
                    destinations.add(m.destination());
                }
            }
        }
        assertThat(within).isEqualTo(history.years().stream().mapToLong(PersonHistory.Year::movesWithin).sum()).isPositive();
        assertThat(departures).isEqualTo(history.years().stream().mapToLong(PersonHistory.Year::departures).sum()).isPositive();
        assertThat(arrivals).isEqualTo(history.years().stream().mapToLong(PersonHistory.Year::arrivals).sum()).isPositive();
        assertThat(destinations).as("a matrix, not a line").hasSizeGreaterThan(10);
    }

    @Test
    void householdsHaveBeijingsSizeAndTheRegisterWinsTheConflicts() {
        assertThat(history.censusHouseholdSize()).isCloseTo(2.31, within(0.08));
        Map<String, Integer> registerHouseholds = new HashMap<>();
        int censusStreetOverruled = 0;
        int surveyNameOverruled = 0;
        for (var person : byPerson.entrySet()) {
            LinkedPerson p = linked.get(person.getKey());
            if (p.householdId() != null && p.provenance().get("householdId").source().equals(SourceKind.HOUSEHOLD_REGISTRATION.name())) {
                registerHouseholds.merge(p.householdId(), 1, Integer::sum);
            }
            for (SourceRecord r : person.getValue()) {
                if (r.source() == SourceKind.CENSUS && r.registrationStreetCode() != null
                        && !r.registrationStreetCode().equals(p.registrationStreetCode())) {
                    censusStreetOverruled++;
                    assertThat(p.provenance().get("registrationStreetCode").source()).isEqualTo("HOUSEHOLD_REGISTRATION");
                }
                if (r.source() == SourceKind.SAMPLE_SURVEY && !r.name().equals(p.name())) {
                    surveyNameOverruled++;
                    FieldSource name = p.provenance().get("name");
                    assertThat(name.source()).isNotEqualTo("SAMPLE_SURVEY");
                }
            }
        }
        assertThat(censusStreetOverruled).isPositive();
        assertThat(surveyNameOverruled).isPositive();
        double registeredSize = registerHouseholds.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(registeredSize).as("register households, with their newborns").isBetween(2.0, 2.7);
    }
}

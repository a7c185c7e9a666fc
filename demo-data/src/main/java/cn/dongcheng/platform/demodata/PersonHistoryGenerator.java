package cn.dongcheng.platform.demodata;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static cn.dongcheng.platform.demodata.PersonSourceLine.BIRTH;
import static cn.dongcheng.platform.demodata.PersonSourceLine.CENSUS;
import static cn.dongcheng.platform.demodata.PersonSourceLine.DEATH;
import static cn.dongcheng.platform.demodata.PersonSourceLine.FLOATING_RESIDENCE;
import static cn.dongcheng.platform.demodata.PersonSourceLine.HOUSEHOLD_REGISTRATION;
import static cn.dongcheng.platform.demodata.PersonSourceLine.MOVE;
import static cn.dongcheng.platform.demodata.PersonSourceLine.OUTSIDE;
import static cn.dongcheng.platform.demodata.PersonSourceLine.SAMPLE_SURVEY;

/**
 * The demo population's source deliveries (多源人口信息): the persons of {@link PersonGenerator} (same seed, same ID
 * numbers) grouped into family households, as the household register (户籍登记, registered persons, also those living
 * elsewhere), the floating population's residence registration (流动人口居住登记) and the 2020 census (普查) deliver
 * them; then year by year births (出生, age-specific fertility of the women living here, the child in the mother's
 * household and, with a Dongcheng hukou, registered a month later), deaths (死亡, age- and sex-specific), households
 * moving between streets and leaving the district (迁移), and arrivals — new households and registered households
 * coming back — that refill each street to its census total per category, so street totals and the floating share
 * stay calibrated while the moves are real. A 1 % sample survey (抽样调查) ends the period. A few census and survey
 * answers disagree with the registers (a misreported hukou street or place, a variant name, their own household
 * numbers) so the service's conflict rules have something to decide.
 *
 * <p>Consistent by construction: events apply in date order to a person still living here, so nobody dies twice,
 * moves after death or departure, or has a record dated before their birth. Deterministic per seed.
 */
public final class PersonHistoryGenerator {

    /** Source deliveries come from their own stream: the seed plus this. */
    static final long SEED_OFFSET = 11;
    private static final String FAMILY = "FAMILY";
    private static final String REGISTERED_AWAY = "REGISTERED_AWAY";
    private static final String FLOATING_RESIDENT = "FLOATING_RESIDENT";
    private static final String SOURCE_DONGCHENG = "110101";

    private final Calibration calibration;
    private final PopulationDynamics dynamics;

    public PersonHistoryGenerator(Calibration calibration) {
        this(calibration, PopulationDynamics.load());
    }

    PersonHistoryGenerator(Calibration calibration, PopulationDynamics dynamics) {
        this.calibration = calibration;
        this.dynamics = dynamics;
    }

    /**
     * Whether the history is generated at this scale: not at city scale, whose 2.5 million persons and 6 million lines
     * the simulation would hold in more memory than the loader is given (the platform runs it with 1 GB).
     */
    static boolean generatesAt(Scale scale, PrintStream out) {
        if (scale == Scale.CITY) {
            out.println("  person sources: not generated at city scale (held in memory; small and district only)");
            return false;
        }
        return true;
    }

    /** The whole history at {@code scale}: {@code seed} is the data set's seed (the persons' stream is derived from it). */
    public PersonHistory generate(Scale scale, long seed) {
        return new Simulation(scale, seed).run();
    }

    /** The same, saying on {@code out} what it generated per year and how long it took (district scale: seconds). */
    public PersonHistory generate(Scale scale, long seed, PrintStream out) {
        out.printf("  generating person sources: census 2020, then %d–%d …%n", dynamics.firstYear(), dynamics.lastYear());
        long start = System.nanoTime();
        PersonHistory history = generate(scale, seed);
        out.printf(Locale.ROOT, "  census 2020: %,d residents in %,d households (%.2f per household); %,d answers disagreeing with a register%n",
                history.censusResidents(), history.censusHouseholds(), history.censusHouseholdSize(), history.conflicts());
        for (PersonHistory.Year y : history.years()) {
            out.printf(Locale.ROOT, "  %d: %,d → %,d residents; births %,d (%.1f‰), deaths %,d (%.1f‰), moves within %,d, out %,d, in %,d%n",
                    y.year(), y.residentsAtStart(), y.residentsAtEnd(), y.births(), y.crudeBirthRate(), y.deaths(),
                    y.crudeDeathRate(), y.movesWithin(), y.departures(), y.arrivals());
        }
        Map<String, Integer> census = calibration.residentsByStreet(scale);
        double worst = 0;
        long residents = 0;
        long floating = 0;
        for (var street : history.endResidents().entrySet()) {
            long n = street.getValue()[0] + street.getValue()[1];
            worst = Math.max(worst, Math.abs(n - census.get(street.getKey())) / (double) census.get(street.getKey()));
            residents += n;
            floating += street.getValue()[1];
        }
        out.printf(Locale.ROOT, "  end of %d: %,d residents, %.1f %% floating; street totals within %.1f %% of the census%n",
                dynamics.lastYear(), residents, 100.0 * floating / residents, 100 * worst);
        out.printf(Locale.ROOT, "  %,d source lines generated in %.1f s%n", history.size(), (System.nanoTime() - start) / 1e9);
        return history;
    }

    private static final class Person {
        final String idNumber;
        final String name;
        final boolean male;
        final LocalDate birthDate;
        final String hukouPlace;
        /** Street of the Dongcheng hukou, null for a hukou elsewhere. */
        final String registrationStreet;
        Household household;
        String street;
        String community;
        LocalDate since;
        boolean alive = true;
        /** Moved out for good (hukou transferred away, or a floating resident gone). */
        boolean gone;

        Person(String idNumber, String name, String hukouPlace, String registrationStreet) {
            ResidentIdNumber id = new ResidentIdNumber(idNumber);
            this.idNumber = idNumber;
            this.name = name;
            this.male = id.male();
            this.birthDate = id.birthDate();
            this.hukouPlace = hukouPlace;
            this.registrationStreet = registrationStreet;
        }

        boolean here() {
            return alive && !gone && !OUTSIDE.equals(street);
        }

        boolean registered() {
            return registrationStreet != null;
        }

        String sex() {
            return male ? "MALE" : "FEMALE";
        }

        int age(LocalDate on) {
            return (int) ChronoUnit.YEARS.between(birthDate, on);
        }
    }

    private static final class Household {
        /** The register's household number (户号) for a registered household, else the census's or our own. */
        final String id;
        final String censusId;
        final boolean registered;
        final List<Person> members = new ArrayList<>();
        String street;
        String community;
        /** When it left the district (null: living here, or away already at the census). */
        LocalDate awaySince;
        boolean keptHukou = true;

        Household(String id, String censusId, boolean registered) {
            this.id = id;
            this.censusId = censusId;
            this.registered = registered;
        }

        boolean here() {
            return !OUTSIDE.equals(street) && members.stream().anyMatch(Person::here);
        }
    }

    private enum Kind { DEATH, BIRTH, MOVE_WITHIN, DEPARTURE, SURVEY }

    private record Event(LocalDate date, Kind kind, Person person, Household household, String street) {
    }

    /** One run's state: the persons, households and lines so far. */
    private final class Simulation {

        private final Scale scale;
        private final long seed;
        private final SplittableRandom random;
        private final List<Household> households = new ArrayList<>();
        private final List<Household> awayWithHukou = new ArrayList<>();
        private final Set<String> idNumbers = new HashSet<>();
        private final Map<String, Integer> idSequences = new HashMap<>();
        private final Map<String, Integer> sourceSequences = new HashMap<>();
        private final List<PersonSourceLine> lines = new ArrayList<>();
        private final List<String> streets = new ArrayList<>();
        private final double[] streetWeights;
        /** Census residents per street: registered (0) and floating (1) — what arrivals refill to. */
        private final Map<String, long[]> targets = new LinkedHashMap<>();
        private long conflicts;

        Simulation(Scale scale, long seed) {
            this.scale = scale;
            this.seed = seed;
            this.random = new SplittableRandom(seed + SEED_OFFSET);
            Map<String, Integer> byStreet = calibration.residentsByStreet(scale);
            streets.addAll(byStreet.keySet());
            streetWeights = byStreet.values().stream().mapToDouble(Integer::doubleValue).toArray();
            streets.forEach(s -> targets.put(s, new long[2]));
        }

        PersonHistory run() {
            long censusHouseholds = census();
            long censusResidents = households.stream().filter(Household::here).mapToLong(h -> h.members.size()).sum();
            List<PersonHistory.Year> years = new ArrayList<>();
            for (int year = dynamics.firstYear(); year <= dynamics.lastYear(); year++) {
                years.add(year(year));
            }
            Map<String, long[]> end = residentsByStreet();
            lines.sort(Comparator.comparing(PersonSourceLine::sourceDate));
            return new PersonHistory(List.copyOf(lines), censusHouseholds, censusResidents, years, end, conflicts);
        }

        // ---- the 2020 population: households, register extract, floating registration, census

        private long census() {
            Map<String, Map<String, List<Person>>> byStreetAndType = new LinkedHashMap<>();
            ObjectMapper mapper = new ObjectMapper();
            new PersonGenerator(calibration).generate(scale, seed + DemoDataCommand.PERSON_SEED_OFFSET, line -> {
                JsonNode p = read(mapper, line);
                String id = p.path("idNumber").asText();
                String type = p.path("residenceType").asText();
                String street = p.path("streetCode").asText();
                boolean floating = FLOATING_RESIDENT.equals(type);
                idNumbers.add(id);
                Person person = new Person(id, p.path("name").asText(), floating ? new ResidentIdNumber(id).regionCode()
                        : SOURCE_DONGCHENG, floating ? null : street);
                byStreetAndType.computeIfAbsent(street, s -> new LinkedHashMap<>()).computeIfAbsent(type, t -> new ArrayList<>()).add(person);
            });
            long residentHouseholds = 0;
            for (var street : byStreetAndType.entrySet()) {
                for (var type : street.getValue().entrySet()) {
                    boolean away = REGISTERED_AWAY.equals(type.getKey());
                    for (Household h : formHouseholds(street.getKey(), type.getValue(), !FLOATING_RESIDENT.equals(type.getKey()), away)) {
                        households.add(h);
                        if (away) {
                            awayWithHukou.add(h);
                        } else {
                            residentHouseholds++;
                            h.members.forEach(m -> targets.get(h.street)[m.registered() ? 0 : 1]++);
                        }
                        h.members.forEach(this::baseLines);
                    }
                }
            }
            return residentHouseholds;
        }

        /** Groups one street's persons of one kind into households: a head aged 18+, the others children or adults. */
        private List<Household> formHouseholds(String street, List<Person> persons, boolean registered, boolean away) {
            List<Person> adults = new ArrayList<>();
            List<Person> children = new ArrayList<>();
            persons.forEach(p -> (p.age(dynamics.censusDate()) >= 18 ? adults : children).add(p));
            double mean = dynamics.meanHouseholdSize();
            List<Household> out = new ArrayList<>();
            int a = 0;
            int c = 0;
            while (a < adults.size() || c < children.size()) {
                Household h = newHousehold(street, registered, true);
                int size = dynamics.householdSize(random);
                for (int i = 0; i < size && (a < adults.size() || c < children.size()); i++) {
                    int adultsLeft = adults.size() - a;
                    int childrenLeft = children.size() - c;
                    double slotsLeft = (adultsLeft + childrenLeft) * (1 - 1 / mean);
                    boolean child = adultsLeft == 0 || (i > 0 && random.nextDouble() < childrenLeft / Math.max(slotsLeft, 1));
                    h.members.add(child ? children.get(c++) : adults.get(a++));
                }
                // a household registered here keeps one hukou street; 15 % of them live in another street (人户分离)
                String registrationStreet = registered && random.nextDouble() < 0.15 ? otherStreet(street) : street;
                LocalDate since = dynamics.censusDate().minusDays(random.nextInt(registered ? 20 * 365 : 8 * 365));
                h.street = away ? OUTSIDE : street;
                for (Person p : h.members) {
                    Person placed = registered ? withRegistrationStreet(p, away ? street : registrationStreet) : p;
                    placed.household = h;
                    placed.street = h.street;
                    placed.community = h.community;
                    placed.since = since.isBefore(placed.birthDate) ? placed.birthDate : since;
                    h.members.set(h.members.indexOf(p), placed);
                }
                out.add(h);
            }
            return out;
        }

        private Person withRegistrationStreet(Person p, String registrationStreet) {
            return new Person(p.idNumber, p.name, p.hukouPlace, registrationStreet);
        }

        private Household newHousehold(String street, boolean registered, boolean atCensus) {
            String census = atCensus ? sourceId("C2020H") : null;
            String id = registered ? sourceId("H" + street) : census != null ? census : sourceId("FH");
            Household h = new Household(id, census, registered);
            h.street = street;
            h.community = community(street);
            return h;
        }

        /** The register extract, the floating registration and the census record of one person of 2020. */
        private void baseLines(Person p) {
            LocalDate census = dynamics.censusDate();
            if (p.registered()) {
                LocalDate extract = later(dynamics.householdRegisterExtract(), p.birthDate);
                lines.add(new PersonSourceLine(HOUSEHOLD_REGISTRATION, sourceId("HR2020"), extract, p.idNumber, p.name, p.sex(),
                        p.birthDate, FAMILY, SOURCE_DONGCHENG, p.registrationStreet, p.here() ? null : OUTSIDE, null,
                        p.household.id, null, null));
            } else {
                lines.add(new PersonSourceLine(FLOATING_RESIDENCE, sourceId("FR"), p.since, p.idNumber, p.name, p.sex(),
                        p.birthDate, null, p.hukouPlace, null, p.street, p.community, null, p.since, null));
            }
            if (!p.here()) {
                return; // living elsewhere: not enumerated in Dongcheng
            }
            String registrationStreet = p.registrationStreet;
            String hukouPlace = p.hukouPlace;
            if (p.registered() && random.nextDouble() < dynamics.registrationStreetMisreported()) {
                registrationStreet = otherStreet(registrationStreet);
                conflicts++;
            } else if (!p.registered() && random.nextDouble() < dynamics.hukouPlaceMisreported()) {
                hukouPlace = otherRegion(hukouPlace);
                conflicts++;
            }
            lines.add(new PersonSourceLine(CENSUS, sourceId("C2020"), census, p.idNumber, p.name, p.sex(), p.birthDate,
                    null, hukouPlace, registrationStreet, p.street, p.community, p.household.censusId, p.since, null));
        }

        // ---- one year of events

        private PersonHistory.Year year(int year) {
            LocalDate start = LocalDate.of(year, 1, 1);
            long atStart = residents();
            double[] destinations = destinationWeights();
            List<Event> events = new ArrayList<>();
            for (Household h : households) {
                if (!h.here()) {
                    continue;
                }
                double u = random.nextDouble();
                double departures = h.registered ? dynamics.registeredDepartures() : dynamics.floatingDepartures();
                if (u < dynamics.householdMovesWithinDistrict()) {
                    events.add(new Event(dayOf(year), Kind.MOVE_WITHIN, null, h, otherStreet(h.street, destinations)));
                } else if (u < dynamics.householdMovesWithinDistrict() + departures) {
                    events.add(new Event(dayOf(year), Kind.DEPARTURE, null, h, OUTSIDE));
                }
                for (Person p : h.members) {
                    if (!p.here()) {
                        continue;
                    }
                    int age = p.age(start);
                    if (random.nextDouble() < dynamics.deathProbability(p.male, age)) {
                        events.add(new Event(dayOf(year), Kind.DEATH, p, h, null));
                    }
                    if (!p.male && random.nextDouble() < dynamics.fertility(age)) {
                        events.add(new Event(dayOf(year), Kind.BIRTH, p, h, null));
                    }
                }
            }
            if (year == dynamics.surveyDate().getYear()) {
                events.add(new Event(dynamics.surveyDate(), Kind.SURVEY, null, null, null));
            }
            // stable: at equal dates in the order drawn, so the same seed gives the same history
            events.sort(Comparator.comparing(Event::date));
            long[] tally = new long[5];
            for (Event e : events) {
                tally[e.kind().ordinal()] += apply(e);
            }
            long arrivals = arrivals(year);
            return new PersonHistory.Year(year, atStart, residents(), tally[Kind.BIRTH.ordinal()], tally[Kind.DEATH.ordinal()],
                    tally[Kind.MOVE_WITHIN.ordinal()], tally[Kind.DEPARTURE.ordinal()], arrivals);
        }

        /** Applies one event to whoever it still concerns; returns how many persons it changed. */
        private long apply(Event e) {
            LocalDate d = e.date();
            return switch (e.kind()) {
                case DEATH -> {
                    Person p = e.person();
                    if (!p.here()) {
                        yield 0;
                    }
                    p.alive = false;
                    lines.add(new PersonSourceLine(DEATH, sourceId("D" + d.getYear()), d, p.idNumber, p.name, p.sex(),
                            p.birthDate, null, null, null, null, null, null, null, "DECEASED"));
                    yield 1;
                }
                case BIRTH -> {
                    Person mother = e.person();
                    yield mother.here() ? birth(mother, d) : 0;
                }
                case MOVE_WITHIN -> {
                    Household h = e.household();
                    if (!h.here()) {
                        yield 0;
                    }
                    h.street = e.street();
                    h.community = community(h.street);
                    yield moveHere(h, d);
                }
                case DEPARTURE -> {
                    Household h = e.household();
                    yield h.here() ? departure(h, d) : 0;
                }
                case SURVEY -> survey(d);
            };
        }

        private long birth(Person mother, LocalDate d) {
            Household h = mother.household;
            boolean male = random.nextDouble() < dynamics.maleShareOfBirths();
            String region = mother.registered() ? SOURCE_DONGCHENG : mother.hukouPlace;
            Person child = new Person(newIdNumber(region, d, male), Names.person(random), region, mother.registrationStreet);
            child.household = h;
            child.street = mother.street;
            child.community = mother.community;
            child.since = d;
            h.members.add(child);
            lines.add(new PersonSourceLine(BIRTH, sourceId("B" + d.getYear()), d, child.idNumber, child.name, child.sex(),
                    d, null, region, null, child.street, child.community, null, d, null));
            if (child.registered()) {
                lines.add(new PersonSourceLine(HOUSEHOLD_REGISTRATION, sourceId("HR" + d.getYear()),
                        d.plusDays(dynamics.hukouRegistrationAfterBirthDays()), child.idNumber, child.name, child.sex(), d,
                        FAMILY, SOURCE_DONGCHENG, child.registrationStreet, null, null, h.id, null, null));
            }
            return 1;
        }

        /** The household's members living here move to its (new) street on {@code d}: a move registration each. */
        private long moveHere(Household h, LocalDate d) {
            long moved = 0;
            for (Person p : h.members) {
                if (p.alive && !p.gone) {
                    p.street = h.street;
                    p.community = h.community;
                    p.since = d;
                    lines.add(new PersonSourceLine(MOVE, sourceId("M" + d.getYear()), d, p.idNumber, null, null, null, null,
                            null, null, p.street, p.community, null, d, null));
                    moved++;
                }
            }
            return moved;
        }

        /** Leaves the district: a registered household mostly keeps its hukou here (人户分离), else it is moved out. */
        private long departure(Household h, LocalDate d) {
            h.keptHukou = h.registered && random.nextDouble() < dynamics.departuresKeepingHukou();
            h.street = OUTSIDE;
            h.awaySince = d;
            long moved = 0;
            for (Person p : h.members) {
                if (p.here()) {
                    p.street = OUTSIDE;
                    p.community = null;
                    p.since = d;
                    p.gone = !h.keptHukou;
                    lines.add(new PersonSourceLine(MOVE, sourceId("M" + d.getYear()), d, p.idNumber, null, null, null, null,
                            null, null, OUTSIDE, null, null, d, h.keptHukou ? null : "MOVED_OUT"));
                    moved++;
                }
            }
            if (h.keptHukou) {
                awayWithHukou.add(h);
            }
            return moved;
        }

        /** The 1 % sample survey: whole households living here, some names written differently. */
        private long survey(LocalDate d) {
            long surveyed = 0;
            for (Household h : households) {
                if (!h.here() || random.nextDouble() >= dynamics.surveyHouseholdShare()) {
                    continue;
                }
                String surveyHousehold = sourceId("S" + d.getYear() + "H");
                for (Person p : h.members) {
                    if (!p.here()) {
                        continue;
                    }
                    String name = p.name;
                    if (random.nextDouble() < dynamics.surveyNameVariant()) {
                        name = Names.person(random);
                        conflicts++;
                    }
                    lines.add(new PersonSourceLine(SAMPLE_SURVEY, sourceId("S" + d.getYear()), d, p.idNumber, name, p.sex(),
                            p.birthDate, null, p.hukouPlace, null, p.street, p.community, surveyHousehold, p.since, null));
                    surveyed++;
                }
            }
            return surveyed;
        }

        /**
         * Households arriving during the year, per street and category until the census total is reached again:
         * registered households coming back (half of the registered arrivals, while there are any away since before
         * the year) or moving their hukou here, and floating households registering their residence. A new arrival's
         * move registration says where it came from (OUTSIDE, the day before) and where it went.
         */
        private long arrivals(int year) {
            LocalDate start = LocalDate.of(year, 1, 1);
            Map<String, long[]> now = residentsByStreet();
            long arrived = 0;
            for (String street : streets) {
                for (int category = 0; category < 2; category++) {
                    boolean registered = category == 0;
                    long deficit = targets.get(street)[category] - now.get(street)[category];
                    while (deficit > 0) {
                        LocalDate d = dayOf(year);
                        long moved;
                        if (registered && random.nextDouble() < dynamics.registeredArrivalsReturning()) {
                            Household back = returning(start, deficit);
                            if (back == null) {
                                moved = newHousehold(street, true, d, deficit);
                            } else {
                                back.street = street;
                                back.community = community(street);
                                back.awaySince = null;
                                moved = moveHere(back, d);
                            }
                        } else {
                            moved = newHousehold(street, registered, d, deficit);
                        }
                        deficit -= moved;
                        arrived += moved;
                    }
                }
            }
            return arrived;
        }

        /**
         * A registered household away with its hukou here since before {@code start}, with someone alive and at most
         * {@code room} persons (a street is refilled, not overfilled); or null.
         */
        private Household returning(LocalDate start, long room) {
            while (!awayWithHukou.isEmpty()) {
                int i = random.nextInt(awayWithHukou.size());
                Household h = awayWithHukou.get(i);
                awayWithHukou.set(i, awayWithHukou.get(awayWithHukou.size() - 1));
                awayWithHukou.remove(awayWithHukou.size() - 1);
                boolean awayLongEnough = h.awaySince == null || h.awaySince.isBefore(start);
                long living = h.members.stream().filter(p -> p.alive && !p.gone).count();
                if (!awayLongEnough || living > room) {
                    awayWithHukou.add(h); // may come back later
                    return null;
                }
                if (living > 0 && OUTSIDE.equals(h.street)) {
                    return h;
                }
            }
            return null;
        }

        /** A household new to the district arriving on {@code d}, of at most {@code room} persons. */
        private long newHousehold(String street, boolean registered, LocalDate d, long room) {
            Household h = newHousehold(street, registered, false);
            households.add(h);
            int size = (int) Math.min(dynamics.householdSize(random), room);
            String region = registered ? SOURCE_DONGCHENG : PersonGenerator.OTHER_REGIONS[random.nextInt(PersonGenerator.OTHER_REGIONS.length)];
            double maleShare = calibration.sexRatio() / (calibration.sexRatio() + 100);
            for (int i = 0; i < size; i++) {
                int age = i == 0 ? 20 + random.nextInt(40) : random.nextDouble() < 0.25 ? random.nextInt(18) : 18 + random.nextInt(47);
                LocalDate born = d.minusYears(age).minusDays(1 + random.nextInt(364));
                Person p = new Person(newIdNumber(region, born, random.nextDouble() < maleShare), Names.person(random), region,
                        registered ? street : null);
                p.household = h;
                p.street = street;
                p.community = h.community;
                p.since = d;
                h.members.add(p);
                lines.add(new PersonSourceLine(MOVE, sourceId("M" + d.getYear()), d.minusDays(1), p.idNumber, null, null, null,
                        null, null, null, OUTSIDE, null, null, null, null));
                if (registered) {
                    lines.add(new PersonSourceLine(MOVE, sourceId("M" + d.getYear()), d, p.idNumber, null, null, null, null,
                            null, null, street, p.community, null, d, null));
                    lines.add(new PersonSourceLine(HOUSEHOLD_REGISTRATION, sourceId("HR" + d.getYear()), d, p.idNumber, p.name,
                            p.sex(), p.birthDate, FAMILY, SOURCE_DONGCHENG, street, null, null, h.id, null, null));
                } else {
                    lines.add(new PersonSourceLine(FLOATING_RESIDENCE, sourceId("FR"), d, p.idNumber, p.name, p.sex(),
                            p.birthDate, null, region, null, street, p.community, null, d, null));
                }
            }
            return size;
        }

        // ---- helpers

        private long residents() {
            long n = 0;
            for (long[] byCategory : residentsByStreet().values()) {
                n += byCategory[0] + byCategory[1];
            }
            return n;
        }

        private Map<String, long[]> residentsByStreet() {
            Map<String, long[]> out = new LinkedHashMap<>();
            streets.forEach(s -> out.put(s, new long[2]));
            for (Household h : households) {
                for (Person p : h.members) {
                    if (p.here()) {
                        out.get(p.street)[p.registered() ? 0 : 1]++;
                    }
                }
            }
            return out;
        }

        private LocalDate dayOf(int year) {
            return LocalDate.ofYearDay(year, 1 + random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
        }

        /**
         * Where households moving within the district go: by the streets' census sizes, less to a street already above
         * its census total (arrivals refill the streets below it, nothing else would bring one above it down).
         */
        private double[] destinationWeights() {
            Map<String, long[]> now = residentsByStreet();
            double[] weights = new double[streets.size()];
            for (int i = 0; i < weights.length; i++) {
                long[] target = targets.get(streets.get(i));
                long[] current = now.get(streets.get(i));
                double ratio = (target[0] + target[1]) / Math.max(1.0, current[0] + current[1]);
                weights[i] = streetWeights[i] * Math.pow(Math.min(1, ratio), 30);
            }
            return weights;
        }

        /** Another street than {@code street}, drawn by the streets' census sizes. */
        private String otherStreet(String street) {
            return otherStreet(street, streetWeights);
        }

        private String otherStreet(String street, double[] weights) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            while (true) {
                double u = random.nextDouble() * total;
                int i = 0;
                while (i < weights.length - 1 && u >= weights[i]) {
                    u -= weights[i++];
                }
                if (!streets.get(i).equals(street)) {
                    return streets.get(i);
                }
            }
        }

        private String otherRegion(String region) {
            String other;
            do {
                other = PersonGenerator.OTHER_REGIONS[random.nextInt(PersonGenerator.OTHER_REGIONS.length)];
            } while (other.equals(region));
            return other;
        }

        /** One of the street's communities (synthetic names: the reference gives 177 communities, not their names). */
        private String community(String street) {
            String name = DongchengStreet.byCode(street).orElseThrow().chineseName().replace("街道", "");
            return name + "第" + (1 + random.nextInt(dynamics.communitiesPerStreet())) + "社区";
        }

        private String sourceId(String prefix) {
            return prefix + "-" + sourceSequences.merge(prefix, 1, Integer::sum);
        }

        /** A valid ID number not yet given, in the sequence range after the census persons' ones. */
        private String newIdNumber(String region, LocalDate born, boolean male) {
            String key = region + born;
            for (int n = idSequences.getOrDefault(key, 0); n < 500; n++) {
                String first17 = region + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", 2 * n + (male ? 1 : 0));
                String id = first17 + ResidentIdNumber.checkCharacter(first17);
                if (idNumbers.add(id)) {
                    idSequences.put(key, n + 1);
                    return id;
                }
            }
            return newIdNumber(region, born.minusDays(1), male);
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static JsonNode read(ObjectMapper mapper, String line) {
        try {
            return mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

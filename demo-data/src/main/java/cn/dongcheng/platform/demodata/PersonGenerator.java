package cn.dongcheng.platform.demodata;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Natural persons calibrated to the 2020 census: street totals (published or synthetic split), Beijing's sex ratio
 * and age structure, the floating share, plus people registered here but living elsewhere (人户分离). Every ID number
 * is valid (region, real birth date, sex-parity sequence, check character) and unique. Deterministic per seed.
 */
public final class PersonGenerator {

    static final String DATA_SOURCE = "synthetic-demo";
    /** Real prefecture-level region codes of other provinces, for the floating population's ID numbers. */
    static final String[] OTHER_REGIONS = {"130102", "130302", "140105", "150102", "210102", "220102", "230102",
            "320102", "330102", "340102", "350102", "360102", "370102", "410102", "420102", "430102", "440103", "500101",
            "510104", "610102"};
    private static final String DONGCHENG = "110101";
    private static final String[] LANES = {"胡同", "大街", "北里", "南里", "西巷", "东巷"};

    private final Calibration calibration;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<Long, Integer> sequences = new HashMap<>();

    public PersonGenerator(Calibration calibration) {
        this.calibration = calibration;
    }

    /** Emits one NDJSON line per person; returns how many. */
    public long generate(Scale scale, long seed, Consumer<String> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        long count = 0;
        double male = calibration.sexRatio() / (calibration.sexRatio() + 100);
        for (Map.Entry<String, Integer> street : calibration.residentsByStreet(scale).entrySet()) {
            String streetName = DongchengStreet.byCode(street.getKey()).orElseThrow().chineseName();
            int residents = street.getValue();
            for (int i = 0; i < residents; i++) {
                boolean floating = random.nextDouble() < calibration.floatingShare();
                sink.accept(person(random, street.getKey(), streetName, floating ? "FLOATING_RESIDENT" : "REGISTERED_RESIDENT",
                        floating ? OTHER_REGIONS[random.nextInt(OTHER_REGIONS.length)] : DONGCHENG, male));
                count++;
                if (!floating && random.nextDouble() < calibration.registeredAwayPerRegisteredResident()) {
                    sink.accept(person(random, street.getKey(), streetName, "REGISTERED_AWAY", DONGCHENG, male));
                    count++;
                }
            }
        }
        return count;
    }

    private String person(SplittableRandom random, String streetCode, String streetName, String type, String region, double maleShare) {
        boolean isMale = random.nextDouble() < maleShare;
        LocalDate birth = birthDate(random);
        String id = idNumber(region, birth, isMale);
        ObjectNode p = mapper.createObjectNode();
        p.put("idNumber", id);
        p.put("name", Names.person(random));
        p.put("streetCode", streetCode);
        p.put("residenceType", type);
        p.put("phone", "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)));
        p.put("address", "北京市东城区" + streetName + Names.brand(random) + LANES[random.nextInt(LANES.length)] + (1 + random.nextInt(120)) + "号");
        p.put("dataSource", DATA_SOURCE);
        return p.toString();
    }

    /** Age on the census date drawn from Beijing's 2020 shares; 65+ thins out geometrically towards 100. */
    private LocalDate birthDate(SplittableRandom random) {
        double u = random.nextDouble();
        var shares = calibration.ageShares();
        int age;
        if (u < shares.get("0-14")) {
            age = random.nextInt(15);
        } else if (u < shares.get("0-14") + shares.get("15-59")) {
            age = 15 + random.nextInt(45);
        } else if (u < shares.get("0-14") + shares.get("15-59") + shares.get("60-64")) {
            age = 60 + random.nextInt(5);
        } else {
            age = 65;
            while (age < 100 && random.nextDouble() < 0.91) {
                age++;
            }
        }
        LocalDate census = calibration.censusDate();
        // born between (census - age - 1 years, census - age years]
        LocalDate latest = census.minusYears(age);
        return latest.minusDays(random.nextInt(365));
    }

    private String idNumber(String region, LocalDate birth, boolean isMale) {
        long key = Long.parseLong(region) * 100_000L + birth.toEpochDay() + 50_000;
        int n = sequences.merge(key, 1, Integer::sum);
        int sequence = 2 * (n - 1) + (isMale ? 1 : 0); // odd = male, even = female
        if (sequence > 999) {
            // more than 500 people of one sex born on one day in one region: move to the next day
            return idNumber(region, birth.minusDays(1), isMale);
        }
        String first17 = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}

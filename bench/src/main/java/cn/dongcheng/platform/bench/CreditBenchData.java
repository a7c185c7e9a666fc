package cn.dongcheng.platform.bench;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * The credit benchmark's city-scale data set: at least a million subjects and five million records, as the issue
 * asks — every market entity of the city-scale directory with {@value #PER_ENTITY} records, and synthetic natural
 * persons with {@value #PER_PERSON} each. Denser than real life (most real subjects hold nothing), because the
 * benchmark is about volume; every {@value #LISTED_EVERY}th subject is on a dishonesty list, so a sanctions check has
 * hits to find. Marked {@code dataSource: synthetic-bench}; loaded through the service's bulk API like any
 * department's upload.
 */
final class CreditBenchData {

    static final String DATA_SOURCE = "synthetic-bench";
    static final int PER_ENTITY = 8;
    static final int PER_PERSON = 4;
    static final int LISTED_EVERY = 25;
    private static final String DEPARTMENT = "北京市东城区信用基准测试数据源";
    private static final LocalDate FIRST = LocalDate.of(2020, 1, 1);
    private static final int DAYS = 6 * 365;
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚";
    /** Birth days the synthetic ID numbers run over (1950-01-01 onwards); the sequence number takes the rest. */
    private static final int BIRTH_DAYS = 20_000;

    private static final String[] ENTITY_CATEGORIES = {"ADMINISTRATIVE_LICENCE", "ADMINISTRATIVE_PENALTY", "ABNORMAL_OPERATIONS",
            "RED_LIST", "CREDIT_COMMITMENT", "SPOT_CHECK_RESULT", "ADMINISTRATIVE_PENALTY", "ADMINISTRATIVE_LICENCE"};
    private static final String[] PERSON_CATEGORIES = {"ADMINISTRATIVE_PENALTY", "CREDIT_COMMITMENT", "RED_LIST", "ADMINISTRATIVE_PENALTY"};
    private static final String[] SEVERITIES = {"MINOR", "GENERAL", "SERIOUS"};

    private final ObjectMapper mapper = new ObjectMapper();

    /** The i-th synthetic person's ID number: born in Dongcheng (110101), valid check character. */
    static String idNumber(int i) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(i % BIRTH_DAYS);
        String first17 = "110101" + birth.toString().replace("-", "") + String.format("%03d", i / BIRTH_DAYS);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static String name(int i) {
        return "" + SURNAMES.charAt(i % SURNAMES.length()) + GIVEN.charAt((i / 7) % GIVEN.length()) + GIVEN.charAt((i / 131) % GIVEN.length());
    }

    /** Whether the i-th subject of its kind is on a dishonesty list (its first record replaced by the listing). */
    static boolean listed(int i) {
        return i % LISTED_EVERY == 0;
    }

    long generate(List<String> codes, int persons, Consumer<String> sink) {
        long count = 0;
        for (int i = 0; i < codes.size(); i++) {
            for (int k = 0; k < PER_ENTITY; k++) {
                String category = k == 0 && listed(i) ? (i % 2 == 0 ? "SERIOUS_DISHONESTY_LIST" : "DISHONEST_JUDGMENT_DEBTOR") : ENTITY_CATEGORIES[k];
                ObjectNode r = record(category, codes.get(i), i, k);
                r.put("uscc", codes.get(i));
                sink.accept(r.toString());
                count++;
            }
        }
        for (int i = 0; i < persons; i++) {
            String id = idNumber(i);
            for (int k = 0; k < PER_PERSON; k++) {
                ObjectNode r = record(k == 0 && listed(i) ? "DISHONEST_JUDGMENT_DEBTOR" : PERSON_CATEGORIES[k], id, i, k);
                r.put("idNumber", id);
                r.put("subjectName", name(i));
                sink.accept(r.toString());
                count++;
            }
        }
        return count;
    }

    private ObjectNode record(String category, String subject, int i, int k) {
        ObjectNode r = mapper.createObjectNode();
        LocalDate decided = FIRST.plusDays(Math.floorMod(i * 7919 + k * 104729, DAYS));
        r.put("sourceDepartment", DEPARTMENT);
        r.put("sourceId", subject + "-" + k);
        r.put("category", category);
        r.put("decisionNumber", "京东基准〔" + decided.getYear() + "〕" + (i % 9000 + 1) + "号");
        r.put("decisionDate", decided.toString());
        r.put("authority", DEPARTMENT);
        r.put("summary", "基准测试记录");
        if ("ADMINISTRATIVE_PENALTY".equals(category)) {
            r.put("severity", SEVERITIES[(i + k) % 3]);
            r.put("regime", (i + k) % 4 == 0 ? "GENERAL" : "MARKET_REGULATION");
            r.put("amount", 1000 + (i % 50) * 1000);
            r.put("legalBasis", "《中华人民共和国广告法》");
        }
        r.put("dataSource", DATA_SOURCE);
        return r;
    }
}

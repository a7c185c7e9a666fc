package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Credit records (信用记录) of the demo entities and persons, in the proportions a district's credit platform holds:
 * most subjects have nothing or only a licence, a commitment or an honour; a few percent a penalty or an
 * abnormal-operations listing; a few per thousand are on a dishonesty list. Decision dates run from 2019 to
 * {@link #DATA_AS_OF}, so at any later day some records are public, some have left publication (three-month minor
 * penalties, exited listings, lapsed honours), and some were repaired (信用修复), revoked or are under objection
 * (异议) as the department reports them.
 * <p>
 * Each kind's share is per ten thousand subjects and drawn independently, so an entity can hold several records. The
 * per-kind figures are this generator's assumptions, stated here, not published statistics. The demo accounts' own
 * subjects ({@code showcase}) hold every common kind, so their own-record views show something.
 */
final class CreditRecordGenerator {

    /** The last decision date the demo data holds: fixed, so every run on a later day generates the same lines. */
    static final LocalDate DATA_AS_OF = LocalDate.of(2026, 10, 31);
    private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
    private static final int DAYS = (int) ChronoUnit.DAYS.between(FIRST, DATA_AS_OF) + 1;

    private static final String SAMR = "北京市东城区市场监督管理局";
    private static final String TAX = "国家税务总局北京市东城区税务局";
    private static final String COURT = "北京市东城区人民法院";
    private static final String NDRC = "北京市东城区发展和改革委员会";
    private static final String CULTURE = "北京市东城区文化和旅游局";

    /**
     * One kind of record: its category, how many subjects per ten thousand hold one, who decides it, how its documents
     * are numbered (year, then sequence: 〔2021〕 for an agency, （2021） before the court's code for a court), and after
     * how many days (a range) a share of them leaves the list or lapses.
     */
    private record Kind(String category, int perTenThousand, String authority, String legalBasis, String numberFormat,
                        String summary, int exitPercent, int exitMinDays, int exitMaxDays) {
    }

    private static final List<Kind> LEGAL_PERSON_KINDS = List.of(
            new Kind("ADMINISTRATIVE_LICENCE", 3_500, SAMR, "《中华人民共和国食品安全法》", "京东食经许〔%d〕%d号",
                    "食品经营许可，有效期五年", 100, 5 * 365, 5 * 365),
            new Kind("ADMINISTRATIVE_PENALTY", 400, SAMR, "《中华人民共和国广告法》", "京东市监罚〔%d〕%d号",
                    "违反广告法相关规定，处以警告并罚款", 0, 0, 0),
            new Kind("ABNORMAL_OPERATIONS", 600, SAMR, "《市场监督管理企业经营异常名录管理办法》", "京东市监异〔%d〕%d号",
                    "未按规定期限公示年度报告", 60, 30, 400),
            new Kind("SERIOUS_DISHONESTY_LIST", 30, SAMR, "《市场监督管理严重违法失信名单管理办法》", "京东市监严〔%d〕%d号",
                    "列入经营异常名录届满三年仍未履行相关义务", 10, 365, 3 * 365),
            new Kind("DISHONEST_JUDGMENT_DEBTOR", 80, COURT, "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "（%d）京0101执%d号",
                    "有履行能力而拒不履行生效法律文书确定义务", 50, 60, 700),
            new Kind("MAJOR_TAX_VIOLATION", 20, TAX, "《重大税收违法失信主体信息公布管理办法》", "京东税稽罚〔%d〕%d号",
                    "虚开增值税专用发票", 0, 0, 0),
            new Kind("RED_LIST", 400, TAX, "《纳税信用管理办法》", "A级纳税人〔%d〕%d号",
                    "纳税信用A级", 100, 365, 365),
            new Kind("CREDIT_COMMITMENT", 1_000, NDRC, "《北京市社会信用条例》", "京东信承〔%d〕%d号",
                    "告知承诺制审批信用承诺", 0, 0, 0),
            new Kind("SPOT_CHECK_RESULT", 500, SAMR, "《市场监督管理随机抽查工作规定》", "京东市监抽〔%d〕%d号",
                    "双随机抽查：未发现问题", 0, 0, 0));

    private static final List<Kind> NATURAL_PERSON_KINDS = List.of(
            new Kind("DISHONEST_JUDGMENT_DEBTOR", 40, COURT, "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "（%d）京0101执%d号",
                    "有履行能力而拒不履行生效法律文书确定义务", 50, 60, 700),
            new Kind("ADMINISTRATIVE_PENALTY", 20, CULTURE, "《娱乐场所管理条例》", "京东文旅罚〔%d〕%d号",
                    "从业人员违反经营规定，处以警告并罚款", 0, 0, 0),
            new Kind("SERIOUS_DISHONESTY_LIST", 2, SAMR, "《市场监督管理严重违法失信名单管理办法》", "京东市监严〔%d〕%d号",
                    "个体工商户经营者严重违法失信", 0, 0, 0),
            new Kind("CREDIT_COMMITMENT", 10, NDRC, "《北京市社会信用条例》", "京东信承〔%d〕%d号",
                    "办理证明事项告知承诺", 0, 0, 0),
            new Kind("RED_LIST", 8, "北京市东城区精神文明建设委员会办公室", "《北京市东城区道德模范评选表彰办法》", "东城道德模范〔%d〕%d号",
                    "东城区道德模范", 0, 0, 0));

    /** A showcase subject holds every kind at least this common (per ten thousand). */
    private static final int SHOWCASE_MIN_SHARE = 400;

    private final ObjectMapper mapper = new ObjectMapper();

    /** Records for the market entities, in the order of {@code codes}; returns how many. */
    long legalPersons(List<String> codes, Set<String> showcase, long seed, Consumer<String> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        long count = 0;
        for (String uscc : codes) {
            boolean shown = showcase.contains(uscc);
            for (Kind kind : LEGAL_PERSON_KINDS) {
                boolean drawn = random.nextInt(10_000) < kind.perTenThousand();
                if (drawn || shown && kind.perTenThousand() >= SHOWCASE_MIN_SHARE) {
                    ObjectNode r = record(random, kind, uscc);
                    r.put("uscc", uscc);
                    sink.accept(finish(r, kind, uscc));
                    count++;
                }
            }
        }
        return count;
    }

    /** Records for the sampled persons ({@link PersonSample}), name and ID number as the population register has them. */
    long naturalPersons(List<PersonSample.Person> persons, long seed, Consumer<String> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        long count = 0;
        int total = NATURAL_PERSON_KINDS.stream().mapToInt(Kind::perTenThousand).sum();
        for (PersonSample.Person person : persons) {
            // a sampled person holds one record, or two one time in five
            int records = random.nextInt(5) == 0 ? 2 : 1;
            for (int i = 0; i < records; i++) {
                Kind kind = pick(random, total);
                ObjectNode r = record(random, kind, person.idNumber());
                r.put("idNumber", person.idNumber());
                r.put("subjectName", person.name());
                sink.accept(finish(r, kind, person.idNumber() + "-" + i));
                count++;
            }
        }
        return count;
    }

    /** Records expected for this many entities and sampled persons: the progress bar's total. */
    static long expected(long entities, long sampledPersons) {
        double perEntity = LEGAL_PERSON_KINDS.stream().mapToInt(Kind::perTenThousand).sum() / 10_000.0;
        return Math.round(entities * perEntity + sampledPersons * 1.2);
    }

    private static Kind pick(SplittableRandom random, int total) {
        int roll = random.nextInt(total);
        for (Kind kind : NATURAL_PERSON_KINDS) {
            roll -= kind.perTenThousand();
            if (roll < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("shares do not add up");
    }

    private ObjectNode record(SplittableRandom random, Kind kind, String subject) {
        LocalDate decided = FIRST.plusDays(random.nextInt(DAYS));
        ObjectNode r = mapper.createObjectNode();
        r.put("category", kind.category());
        r.put("decisionNumber", String.format(kind.numberFormat(), decided.getYear(), 1 + random.nextInt(9_000)));
        r.put("decisionDate", decided.toString());
        r.put("authority", kind.authority());
        r.put("legalBasis", kind.legalBasis());
        r.put("summary", kind.summary());
        if ("ADMINISTRATIVE_PENALTY".equals(kind.category())) {
            penalty(random, r, decided);
        } else if (kind.exitPercent() > 0 && random.nextInt(100) < kind.exitPercent()) {
            LocalDate exit = decided.plusDays(kind.exitMinDays() + random.nextInt(kind.exitMaxDays() - kind.exitMinDays() + 1));
            // a licence or an honour lapses on its own date, even a future one; a listing ends only once it happened
            if (kind.exitPercent() == 100 || !exit.isAfter(DATA_AS_OF)) {
                r.put("exitDate", exit.toString());
            }
        }
        return r;
    }

    /**
     * Severity, regime and amount of a penalty, and what became of it: about one in eight repaired after the longest
     * minimum period the rules know (one year, so every regime's minimum has passed), one in fifty under objection
     * shortly after a recent decision, one in a hundred revoked.
     */
    private static void penalty(SplittableRandom random, ObjectNode r, LocalDate decided) {
        int severity = random.nextInt(100);
        r.put("severity", severity < 40 ? "MINOR" : severity < 90 ? "GENERAL" : "SERIOUS");
        r.put("regime", random.nextInt(100) < 70 ? "MARKET_REGULATION" : "GENERAL");
        int fine = severity < 40 ? 500 + random.nextInt(4_500) : severity < 90 ? 5_000 + random.nextInt(95_000) : 100_000 + random.nextInt(900_000);
        r.put("amount", BigDecimal.valueOf(fine / 100 * 100L));
        int fate = random.nextInt(100);
        LocalDate repaired = decided.plusDays(400 + random.nextInt(200));
        if (fate < 12 && severity >= 40 && !repaired.isAfter(DATA_AS_OF)) {
            r.put("status", "REPAIRED");
            r.put("statusDate", repaired.toString());
        } else if (fate < 14 && decided.isAfter(DATA_AS_OF.minusDays(120))) {
            r.put("status", "UNDER_OBJECTION");
            r.put("statusDate", min(decided.plusDays(5 + random.nextInt(15)), DATA_AS_OF).toString());
        } else if (fate == 99) {
            r.put("status", "REVOKED");
            r.put("statusDate", min(decided.plusDays(30 + random.nextInt(170)), DATA_AS_OF).toString());
        }
    }

    private String finish(ObjectNode r, Kind kind, String subjectKey) {
        // the department's own id: its document number for this subject, so a re-run loads the same records
        r.put("sourceDepartment", kind.authority());
        r.put("sourceId", r.path("decisionNumber").asText() + ":" + subjectKey);
        r.put("dataSource", PersonGenerator.DATA_SOURCE);
        return r.toString();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

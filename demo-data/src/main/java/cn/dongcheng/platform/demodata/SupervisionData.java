package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The district's published random-inspection item list (the laws cited are the real legal bases of these checks)
 * and the inspector directory of the departments taking part in joint spot checks.
 */
final class SupervisionData {

    private static final String BODY = "北京市东城区市场监督管理局";
    private static final Object[][] ITEMS = {
            {"DC-SCJG-001", "企业公示信息抽查", "《企业信息公示暂行条例》", "书面检查、实地核查", false, 3, 1},
            {"DC-SCJG-002", "食品经营许可事项检查", "《中华人民共和国食品安全法》", "实地核查", true, null, 1},
            {"DC-SCJG-003", "广告发布行为检查", "《中华人民共和国广告法》", "网络监测、书面检查", false, 5, 1},
            {"DC-SCJG-004", "产品质量监督抽查", "《中华人民共和国产品质量法》", "抽样检验", true, null, 2},
            {"DC-SCJG-005", "特种设备安全检查", "《中华人民共和国特种设备安全法》", "实地核查", true, null, 1},
            {"DC-SCJG-006", "价格行为检查", "《中华人民共和国价格法》", "实地核查、书面检查", false, 5, 1},
            {"DC-SCJG-007", "计量器具使用检查", "《中华人民共和国计量法》", "实地核查", false, 5, 1},
            {"DC-SCJG-008", "商标使用行为检查", "《中华人民共和国商标法》", "书面检查", false, 3, 1},
            {"DC-SCJG-009", "网络交易经营者检查", "《中华人民共和国电子商务法》", "网络监测", false, 5, 1},
            {"DC-SCJG-010", "登记事项检查", "《中华人民共和国市场主体登记管理条例》", "实地核查", false, 3, 1}
    };

    /** Departments taking part in joint spot checks, with the qualifications their officers hold (synthetic directory). */
    private static final String[][] DEPARTMENTS = {
            {BODY, "行政执法证", "FOOD_SAFETY", "SPECIAL_EQUIPMENT", "PRODUCT_QUALITY", "ADVERTISING", "PRICE", "METROLOGY"},
            {"北京市东城区卫生健康委员会", "行政执法证", "PUBLIC_HEALTH", "MEDICAL_INSTITUTIONS"},
            {"北京市东城区生态环境局", "行政执法证", "POLLUTION_DISCHARGE"},
            {"北京市东城区文化和旅游局", "行政执法证", "CULTURAL_MARKET", "TRAVEL_AGENCIES"},
            {"北京市东城区应急管理局", "行政执法证", "WORK_SAFETY", "HAZARDOUS_CHEMICALS"},
            {"国家税务总局北京市东城区税务局", "行政执法证", "TAX_INVOICES"}
    };
    /** Inspectors in the demo directory; the issue asks for about 300. */
    static final int INSPECTORS = 300;

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The inspector directory: {@value #INSPECTORS} officers, half of them the market regulator's, about 6 % on leave,
     * about one in ten with a declared conflict with one of the entities; synthetic names and phones.
     */
    long inspectors(List<String> entityCodes, long seed, Consumer<String> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < INSPECTORS; i++) {
            String[] department = DEPARTMENTS[i < INSPECTORS / 2 ? 0 : 1 + random.nextInt(DEPARTMENTS.length - 1)];
            ObjectNode n = mapper.createObjectNode();
            n.put("badgeNumber", String.format("DC-%04d", i + 1));
            n.put("name", Names.person(random));
            n.put("phone", "1" + (30 + random.nextInt(60)) + String.format("%08d", random.nextInt(100_000_000)));
            n.put("department", department[0]);
            var qualifications = n.putArray("qualifications").add(department[1]);
            for (int q = 2; q < department.length; q++) {
                if (random.nextInt(100) < 60) {
                    qualifications.add(department[q]);
                }
            }
            n.put("status", random.nextInt(100) < 6 ? "ON_LEAVE" : "ACTIVE");
            n.put("workloadCap", 10 + random.nextInt(4) * 5);
            var conflicts = n.putArray("conflicts");
            if (!entityCodes.isEmpty() && random.nextInt(100) < 10) {
                conflicts.addObject().put("uscc", entityCodes.get(random.nextInt(entityCodes.size()))).put("reason", "近亲属任职");
            }
            n.put("dataSource", PersonGenerator.DATA_SOURCE);
            sink.accept(n.toString());
        }
        return INSPECTORS;
    }

    long inspectionItems(Consumer<String> sink) {
        for (Object[] item : ITEMS) {
            ObjectNode n = mapper.createObjectNode();
            n.put("code", (String) item[0]);
            n.put("name", (String) item[1]);
            n.put("legalBasis", (String) item[2]);
            n.put("inspectingBody", BODY);
            n.put("method", (String) item[3]);
            n.put("keyItem", (Boolean) item[4]);
            if (item[5] != null) {
                n.put("ratioPercent", (Integer) item[5]);
            }
            n.put("frequencyPerYear", (Integer) item[6]);
            n.put("targetType", "ALL");
            // ratios per credit-risk class within the published local bands (A ≤ 5 %, B 5–20 %, C 21–60 %, D 61–100 %);
            // key items are not capped, so they sit at the top of each band
            boolean key = (Boolean) item[4];
            n.putObject("ratioByRiskClass").put("A", key ? 0.05 : 0.03).put("B", key ? 0.2 : 0.08).put("C", key ? 0.6 : 0.3)
                    .put("D", key ? 1.0 : 0.7);
            n.put("frequencyWindowDays", 365 / (Integer) item[6]);
            n.put("minSample", 1);
            n.put("qualification", "行政执法证");
            n.put("dataSource", PersonGenerator.DATA_SOURCE);
            sink.accept(n.toString());
        }
        return ITEMS.length;
    }
}

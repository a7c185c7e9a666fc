package cn.dongcheng.platform.demodata;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Market entities spread over the 17 streets and the industries Dongcheng has (business services, trade, science,
 * information services, culture, hospitality, finance…), with valid and unique Unified Social Credit Codes
 * (both check characters), a status mix, registered capital in yuan and the key-enterprise list (重点企业).
 */
public final class EnterpriseGenerator {

    private static final String ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Map<String, String> SECTION_WORDS = Map.ofEntries(
            Map.entry("C", "印刷"), Map.entry("E", "建筑装饰"), Map.entry("F", "商贸"), Map.entry("G", "物流"),
            Map.entry("H", "餐饮"), Map.entry("I", "信息技术"), Map.entry("J", "投资"), Map.entry("K", "置业"),
            Map.entry("L", "商务咨询"), Map.entry("M", "科技"), Map.entry("N", "文化景区"), Map.entry("O", "家政服务"),
            Map.entry("P", "教育科技"), Map.entry("Q", "医疗"), Map.entry("R", "文化传媒"));

    private final Calibration calibration;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> codes = new ArrayList<>();

    public EnterpriseGenerator(Calibration calibration) {
        this.calibration = calibration;
    }

    /** The codes generated so far, in order (credit records refer to them). */
    public List<String> codes() {
        return codes;
    }

    public long generate(Scale scale, long seed, Consumer<String> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        JsonNode config = calibration.enterprises();
        int total = (int) Math.round(config.path("district").asInt() * scale.enterpriseFactor());
        Picker<String> streets = Picker.of(config.path("streetWeights"));
        Picker<String> sections = Picker.of(config.path("sectionWeights"));
        Picker<String> statuses = Picker.of(config.path("statusShares"));
        double keyShare = config.path("keyEnterpriseShare").asDouble();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < total; i++) {
            String uscc = uniqueCode(random, seen);
            codes.add(uscc);
            String section = sections.pick(random);
            JsonNode classes = config.path("classes").path(section);
            String industryClass = classes.get(random.nextInt(classes.size())).asText();
            String status = statuses.pick(random);
            String street = "MOVED_OUT".equals(status) ? "OUTSIDE" : streets.pick(random);
            String streetName = DongchengStreet.byCode(street).map(DongchengStreet::chineseName).orElse("朝阳区");
            String brand = Names.brand(random);
            ObjectNode e = mapper.createObjectNode();
            e.put("uscc", uscc);
            e.put("name", "北京" + brand + SECTION_WORDS.getOrDefault(section, "") + "有限公司");
            if (random.nextInt(100) < 8) {
                e.putArray("formerNames").add("北京" + brand + "有限责任公司");
            }
            e.put("entityType", random.nextInt(100) < 85 ? "有限责任公司" : "股份有限公司");
            e.put("status", status);
            e.put("establishedOn", LocalDate.of(1985, 1, 1).plusDays(random.nextInt(40 * 365)).toString());
            e.put("registeredCapital", capital(random));
            e.put("registrationAuthority", "北京市东城区市场监督管理局");
            e.put("address", "北京市" + ("OUTSIDE".equals(street) ? "朝阳区" : "东城区" + streetName) + Names.brand(random) + "大街" + (1 + random.nextInt(200)) + "号");
            e.put("streetCode", street);
            e.put("legalRepresentative", Names.person(random));
            e.put("industrySection", section);
            e.put("industryClass", industryClass);
            boolean key = "ACTIVE".equals(status) && random.nextDouble() < keyShare;
            e.put("keyEnterprise", key);
            if (key) {
                e.put("responsibleOfficial", "服务包专员-" + Names.person(random));
            }
            e.put("dataSource", PersonGenerator.DATA_SOURCE);
            sink.accept(e.toString());
        }
        return total;
    }

    /** 91 (enterprise) + 110101 (Dongcheng) + a post-2015 style organisation code "MA…" + both checks. */
    private static String uniqueCode(SplittableRandom random, Set<String> seen) {
        while (true) {
            StringBuilder body = new StringBuilder("MA0");
            for (int i = 0; i < 5; i++) {
                body.append(ORG_ALPHABET.charAt(random.nextInt(ORG_ALPHABET.length())));
            }
            String first17 = "91110101" + body + UnifiedSocialCreditCode.organisationCheckCharacter(body.toString());
            String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
            if (seen.add(code)) {
                return code;
            }
        }
    }

    /** Log-normal around 1 million yuan, in whole hundreds, with two decimals as money is written. */
    private static String capital(SplittableRandom random) {
        double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        long hundreds = Math.max(10, Math.round(Math.exp(Math.log(10_000) + 1.6 * gaussian)));
        return BigDecimal.valueOf(hundreds * 100).setScale(2).toPlainString();
    }

    /** Weighted choice over the keys of a JSON object of weights. */
    record Picker<T>(List<T> items, double[] cumulative) {
        static Picker<String> of(JsonNode weights) {
            Map<String, Double> w = new LinkedHashMap<>();
            weights.fields().forEachRemaining(e -> w.put(e.getKey(), e.getValue().asDouble()));
            double[] cum = new double[w.size()];
            double sum = 0;
            int i = 0;
            for (double v : w.values()) {
                sum += v;
                cum[i++] = sum;
            }
            for (int j = 0; j < cum.length; j++) {
                cum[j] /= sum;
            }
            return new Picker<>(new ArrayList<>(w.keySet()), cum);
        }

        T pick(SplittableRandom random) {
            double u = random.nextDouble();
            for (int i = 0; i < cumulative.length; i++) {
                if (u < cumulative[i]) {
                    return items.get(i);
                }
            }
            return items.get(items.size() - 1);
        }
    }
}

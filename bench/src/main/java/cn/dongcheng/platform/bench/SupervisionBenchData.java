package cn.dongcheng.platform.bench;

import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The supervision benchmark's own market entities, added to the city-scale directory through industry-service's bulk
 * API: the city's largest section (L, ~55,000 active) has no 100,000-entity pool in it, and the scaling curve wants a
 * million. The first {@value #SECTION_L} are section L (so "section L, active" is a pool of ~100,000), the rest
 * section K; all active, all on street {@value #STREET} (the city's smallest, so the street pools the benchmark uses
 * stay as the demo data made them). Codes {@code 91110101MB…}: the demo data's are {@code MA0…}, so no demo entity is
 * ever overwritten; the i-th code is i in base 31, so a re-run finds the same entities. Marked {@value #DATA_SOURCE}.
 */
final class SupervisionBenchData {

    static final String DATA_SOURCE = "supervision-bench";
    static final int SECTION_L = 45_000;
    static final String STREET = "110101017";
    private static final String ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final ObjectMapper mapper = new ObjectMapper();

    /** Lines {@code from} (inclusive) to {@code to} (exclusive) of the NDJSON upload. */
    void generate(int from, int to, Consumer<String> sink) {
        for (int i = from; i < to; i++) {
            boolean l = i < SECTION_L;
            ObjectNode e = mapper.createObjectNode();
            e.put("uscc", code(i));
            e.put("name", "北京基准" + i + (l ? "商务咨询" : "置业") + "有限公司");
            e.put("entityType", "有限责任公司");
            e.put("status", "ACTIVE");
            e.put("establishedOn", LocalDate.of(2000, 1, 1).plusDays(i % 9000).toString());
            e.put("registeredCapital", "1000000.00");
            e.put("registrationAuthority", "北京市东城区市场监督管理局");
            e.put("address", "北京市东城区基准大街" + (1 + i % 200) + "号");
            e.put("streetCode", STREET);
            e.put("industrySection", l ? "L" : "K");
            e.put("industryClass", l ? "7224" : "7010");
            e.put("keyEnterprise", false);
            e.put("dataSource", DATA_SOURCE);
            sink.accept(e.toString());
        }
    }

    /** 91 + 110101 + organisation code "MB" + i in six base-31 digits + both check characters. */
    static String code(int i) {
        StringBuilder digits = new StringBuilder();
        for (int k = 0, v = i; k < 6; k++, v /= ORG_ALPHABET.length()) {
            digits.insert(0, ORG_ALPHABET.charAt(v % ORG_ALPHABET.length()));
        }
        String body = "MB" + digits;
        String first17 = "91110101" + body + UnifiedSocialCreditCode.organisationCheckCharacter(body);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }
}

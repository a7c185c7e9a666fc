package cn.dongcheng.platform.supervision.support;

import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.credit.CreditServiceApplication;
import cn.dongcheng.platform.industry.IndustryServiceApplication;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.NeighbourService;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real industry-service and credit-service next to market-supervision-service in a test, each in its own index
 * namespace on its own port: the pool is built over real HTTP with real tokens from the real directory stream and the
 * real risk classes.
 */
public final class Neighbours implements AutoCloseable {

    static final String INSTANCES = "spring.cloud.discovery.client.simple.instances.";
    /** A GB/T 4754-2017 class of each section the tests use: I 6421 internet search, F 5211 department stores. */
    private static final Map<String, String> CLASS_OF_SECTION = Map.of("I", "6421", "F", "5211");

    public final NeighbourService industry;
    public final NeighbourService credit;

    private Neighbours(NeighbourService industry, NeighbourService credit) {
        this.industry = industry;
        this.credit = credit;
    }

    /** Starts both, points this service's load balancer at them. */
    public static Neighbours start(DynamicPropertyRegistry registry) {
        NeighbourService industry = NeighbourService.start(IndustryServiceApplication.class, Map.of());
        NeighbourService credit = NeighbourService.start(CreditServiceApplication.class,
                Map.of(INSTANCES + "industry-service[0].uri", industry.baseUrl()));
        registry.add(INSTANCES + "industry-service[0].uri", industry::baseUrl);
        registry.add(INSTANCES + "credit-service[0].uri", credit::baseUrl);
        return new Neighbours(industry, credit);
    }

    /** A valid code: {@code 91…} an enterprise, {@code 92…} an individual business. */
    public static String code(String kind, String organisationBody) {
        String first17 = kind + "110101" + organisationBody + UnifiedSocialCreditCode.organisationCheckCharacter(organisationBody);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** Loads market entities into the directory, as a data steward would, all in one street and section. */
    public void directory(List<String> codes, String status) {
        directory(codes, status, Collections.nCopies(codes.size(), "110101006"), Collections.nCopies(codes.size(), "I"));
    }

    /** As {@link #directory(List, String)}, entity i in street {@code streets[i]} and industry section {@code sections[i]}. */
    public void directory(List<String> codes, String status, List<String> streets, List<String> sections) {
        String ndjson = IntStream.range(0, codes.size()).mapToObj(i -> "{\"uscc\":\"" + codes.get(i) + "\",\"name\":\"北京抽查测试有限公司\","
                + "\"status\":\"" + status + "\",\"streetCode\":\"" + streets.get(i) + "\",\"industrySection\":\"" + sections.get(i)
                + "\",\"industryClass\":\"" + CLASS_OF_SECTION.get(sections.get(i)) + "\"}").collect(Collectors.joining("\n", "", "\n"));
        HttpResponse<String> r = new ApiClient(industry.port()).postNdjson("/v1/enterprises:bulk?refresh=true", ndjson, "DATA_STEWARD");
        assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(codes.size());
    }

    /** Puts the entities on the serious illegal and dishonest list: credit-service classes them D (high risk). */
    public void seriousList(List<String> codes) {
        String ndjson = codes.stream().map(c -> "{\"sourceDepartment\":\"东城区市场监管局\",\"authority\":\"北京市东城区市场监督管理局\","
                + "\"sourceId\":\"L-" + c + "\",\"uscc\":\"" + c + "\",\"subjectName\":\"北京抽查测试有限公司\","
                + "\"category\":\"SERIOUS_DISHONESTY_LIST\",\"decisionDate\":\"2025-02-03\"}").collect(Collectors.joining("\n", "", "\n"));
        HttpResponse<String> r = new ApiClient(credit.port()).postNdjson("/v1/records:bulk?refresh=true", ndjson, "CREDIT_OFFICER");
        assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(codes.size());
    }

    @Override
    public void close() {
        credit.close();
        industry.close();
    }
}

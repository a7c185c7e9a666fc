package cn.dongcheng.platform.credit.client;

import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.NeighbourService;
import cn.dongcheng.platform.industry.IndustryServiceApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The real industry-service next to credit-service in a test, holding the given market entities. */
public final class IndustryNeighbour {

    private IndustryNeighbour() {
    }

    /** One directory line with a legal representative, as a data steward would load it. */
    public static String entity(String uscc, String name, String legalRepresentative) {
        return "{\"uscc\":\"" + uscc + "\",\"name\":\"" + name + "\",\"status\":\"ACTIVE\",\"streetCode\":\"110101006\","
                + "\"industrySection\":\"I\",\"industryClass\":\"6421\",\"legalRepresentative\":\"" + legalRepresentative + "\"}";
    }

    /** Starts industry-service, points credit-service's load balancer at it and loads the lines. */
    public static NeighbourService start(DynamicPropertyRegistry registry, String... lines) {
        NeighbourService industry = NeighbourService.start(IndustryServiceApplication.class, Map.of());
        registry.add("spring.cloud.discovery.client.simple.instances.industry-service[0].uri", industry::baseUrl);
        HttpResponse<String> r = new ApiClient(industry.port()).postNdjson("/v1/enterprises:bulk?refresh=true",
                Arrays.stream(lines).collect(Collectors.joining("\n", "", "\n")), "DATA_STEWARD");
        assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(lines.length);
        return industry;
    }
}

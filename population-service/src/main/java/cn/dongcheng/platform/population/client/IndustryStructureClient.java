package cn.dongcheng.platform.population.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * industry-service's structure analysis (产业结构分析), reached by name through the load balancer: employees by street
 * in a report month. The caller's token is relayed, so only those industry-service lets read the confidential
 * monthly figures (statisticians, industry officers) get them.
 */
@FeignClient(name = "industry-service", contextId = "industryStructure", fallbackFactory = IndustryStructureClientFallback.class)
public interface IndustryStructureClient {

    String SERVICE = "industry-service";

    /** Employees at the end of {@code period} (YYYY-MM) grouped by street; no top-enterprise list. */
    default StreetEmployment employeesByStreet(String period) {
        return structure(period, "employees", "street", 0);
    }

    @GetMapping("/v1/structure-analyses")
    StreetEmployment structure(@RequestParam("period") String period, @RequestParam("measure") String measure,
                               @RequestParam("groupBy") String groupBy, @RequestParam("top") int top);
}

package cn.dongcheng.platform.credit.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** industry-service, the owner of market-entity facts, reached by name through the load balancer. */
@FeignClient(name = "industry-service", fallbackFactory = IndustryClientFallback.class)
public interface IndustryClient {

    @GetMapping("/v1/enterprises/{uscc}")
    EnterpriseSummary enterprise(@PathVariable("uscc") String uscc);
}

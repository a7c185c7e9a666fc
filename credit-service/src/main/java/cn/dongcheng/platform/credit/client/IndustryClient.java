package cn.dongcheng.platform.credit.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;


/** industry-service, the owner of market-entity facts, reached by name through the load balancer. */
@FeignClient(name = "industry-service", fallbackFactory = IndustryClientFallback.class)
public interface IndustryClient {

    @GetMapping("/v1/enterprises/{uscc}")
    EnterpriseSummary enterprise(@PathVariable("uscc") String uscc);

    /** Up to 1,000 codes in one call (批量比对): what the directory holds, what it does not, what is invalid. */
    @PostMapping("/v1/enterprises:batch-get")
    EnterpriseBatch enterprises(@RequestBody EnterpriseBatch.Request request);
}

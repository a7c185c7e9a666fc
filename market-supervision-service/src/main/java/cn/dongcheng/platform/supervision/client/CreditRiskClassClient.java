package cn.dongcheng.platform.supervision.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** credit-service's SAMR credit-risk classes (信用风险分类), by which a pool is stratified. */
@FeignClient(name = "credit-service", contextId = "creditRiskClasses", fallbackFactory = CreditRiskClassClientFallback.class)
public interface CreditRiskClassClient {

    /** Up to {@link RiskClasses#MAX_BATCH} codes in one call. */
    @PostMapping("/v1/risk-classes:batch")
    RiskClasses riskClasses(@RequestBody RiskClasses.Request request);
}

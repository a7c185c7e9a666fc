package cn.dongcheng.platform.supervision.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** credit-service's intake of spot-check results (抽查检查结果 → 信用记录), idempotent by department and source id. */
@FeignClient(name = "credit-service", contextId = "creditSpotCheckResults", fallbackFactory = CreditSpotCheckClientFallback.class)
public interface CreditSpotCheckClient {

    @PostMapping("/v1/spot-check-results?refresh=true")
    SpotCheckDelivery.Report deliver(@RequestBody SpotCheckDelivery delivery);
}

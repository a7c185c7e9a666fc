package cn.dongcheng.platform.supervision.client;

import cn.dongcheng.platform.common.client.DependencyFailures;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/** No risk classes: the caller's 403 when credit-service refused it, else a 503 naming credit-service. */
@Component
class CreditRiskClassClientFallback implements FallbackFactory<CreditRiskClassClient> {
    @Override
    public CreditRiskClassClient create(Throwable cause) {
        return request -> {
            throw DependencyFailures.of("credit-service", cause);
        };
    }
}

package cn.dongcheng.platform.supervision.client;

import cn.dongcheng.platform.common.client.DependencyFailures;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/** Not delivered: the outbox keeps the entry and tries again. */
@Component
class CreditSpotCheckClientFallback implements FallbackFactory<CreditSpotCheckClient> {
    @Override
    public CreditSpotCheckClient create(Throwable cause) {
        return delivery -> {
            throw DependencyFailures.of("credit-service", cause);
        };
    }
}

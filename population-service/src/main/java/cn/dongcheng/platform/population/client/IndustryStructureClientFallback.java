package cn.dongcheng.platform.population.client;

import cn.dongcheng.platform.common.client.DependencyFailures;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/** No figures: the caller's 403 when industry-service refused it, else a 503 naming industry-service. */
@Component
class IndustryStructureClientFallback implements FallbackFactory<IndustryStructureClient> {
    @Override
    public IndustryStructureClient create(Throwable cause) {
        return (period, measure, groupBy, top) -> {
            throw DependencyFailures.of(IndustryStructureClient.SERVICE, cause);
        };
    }
}

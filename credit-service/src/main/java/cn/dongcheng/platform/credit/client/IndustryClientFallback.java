package cn.dongcheng.platform.credit.client;

import cn.dongcheng.platform.common.client.DependencyFailures;
import cn.dongcheng.platform.common.problem.NotFoundException;
import feign.FeignException;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/**
 * Turns what went wrong on the way to industry-service into the platform's errors: its 404 stays a 404; the rest as
 * every caller maps it ({@link DependencyFailures}: a refusal of the relayed caller is a 403, anything else a 503 that
 * names industry-service).
 */
@Component
class IndustryClientFallback implements FallbackFactory<IndustryClient> {
    @Override
    public IndustryClient create(Throwable cause) {
        return new IndustryClient() {
            @Override
            public EnterpriseSummary enterprise(String uscc) {
                if (cause instanceof FeignException.NotFound) {
                    throw new NotFoundException("no market entity with code " + uscc + " in the directory");
                }
                throw DependencyFailures.of("industry-service", cause);
            }

            @Override
            public EnterpriseBatch enterprises(EnterpriseBatch.Request request) {
                throw DependencyFailures.of("industry-service", cause);
            }
        };
    }
}

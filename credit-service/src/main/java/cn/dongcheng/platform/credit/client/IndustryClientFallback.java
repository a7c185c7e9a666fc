package cn.dongcheng.platform.credit.client;

import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import cn.dongcheng.platform.common.problem.ForbiddenException;
import cn.dongcheng.platform.common.problem.NotFoundException;
import feign.FeignException;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/**
 * Turns what went wrong on the way to industry-service into the platform's errors: its 404 stays a 404, its refusal
 * of the relayed caller (401/403) is a 403; anything else (refused connection, timeout, 5xx, open circuit) is a 503
 * that names industry-service.
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
                throw failure();
            }

            @Override
            public EnterpriseBatch enterprises(EnterpriseBatch.Request request) {
                throw failure();
            }

            /** industry-service refusing the relayed caller is the caller's 403, not an outage. */
            private RuntimeException failure() {
                if (cause instanceof FeignException.Unauthorized || cause instanceof FeignException.Forbidden) {
                    return new ForbiddenException("industry-service refused the caller (" + ((FeignException) cause).status() + ")");
                }
                return new DependencyUnavailableException("industry-service", describe(cause), cause);
            }
        };
    }

    private static String describe(Throwable cause) {
        if (cause instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException) {
            return "circuit open after repeated failures";
        }
        if (cause instanceof FeignException fe && fe.status() > 0) {
            return "answered " + fe.status();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}

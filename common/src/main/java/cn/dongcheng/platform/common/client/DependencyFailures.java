package cn.dongcheng.platform.common.client;

import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import cn.dongcheng.platform.common.problem.ForbiddenException;
import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * What went wrong on the way to another service, in the platform's errors, for the Feign fallbacks of every caller:
 * the neighbour refusing the relayed caller (401/403) is the caller's 403, not an outage; anything else (refused
 * connection, timeout, 5xx, open circuit) is a 503 that names the neighbour.
 */
public final class DependencyFailures {

    private DependencyFailures() {
    }

    public static RuntimeException of(String service, Throwable cause) {
        if (cause instanceof FeignException.Unauthorized || cause instanceof FeignException.Forbidden) {
            return new ForbiddenException(service + " refused the caller (" + ((FeignException) cause).status() + ")");
        }
        return new DependencyUnavailableException(service, describe(cause), cause);
    }

    /** An answer with an error status the caller read itself (a streamed body is not decoded by Feign). */
    public static RuntimeException ofStatus(String service, int status) {
        if (status == 401 || status == 403) {
            return new ForbiddenException(service + " refused the caller (" + status + ")");
        }
        return new DependencyUnavailableException(service, "answered " + status, null);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof CallNotPermittedException) {
            return "circuit open after repeated failures";
        }
        if (cause instanceof FeignException fe && fe.status() > 0) {
            return "answered " + fe.status();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}

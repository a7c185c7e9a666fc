package cn.dongcheng.platform.gateway.resilience;

import cn.dongcheng.platform.gateway.problem.ClientFault;

import java.util.function.Predicate;

/**
 * Resilience4j's {@code ignore-exception-predicate} (application.yml): a client's fault — body too large, client
 * stalled or gone — is neither a failure nor a success of the service, wherever in the cause chain it travels.
 */
public class ClientFaultPredicate implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable error) {
        return ClientFault.in(error) != null;
    }
}

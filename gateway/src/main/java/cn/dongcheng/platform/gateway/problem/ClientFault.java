package cn.dongcheng.platform.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request that failed through its client's doing (a body over the limit, a client that stopped sending, a body broken
 * off): answered as a problem to the client, and never counted against the service it was on its way to (the circuit
 * breakers ignore it, {@code resilience.ClientFaultPredicate}).
 */
public abstract class ClientFault extends ResponseStatusException {

    private final String type;
    private final String title;

    protected ClientFault(HttpStatus status, String type, String title, String detail, Throwable cause) {
        super(status, detail, cause);
        this.type = type;
        this.title = title;
    }

    /** The client's fault in {@code error} or its causes, or null: a failure inside the call to a service may wrap it. */
    public static ClientFault in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ClientFault fault) {
                return fault;
            }
        }
        return null;
    }

    /** The last segment of the problem type's URI. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}

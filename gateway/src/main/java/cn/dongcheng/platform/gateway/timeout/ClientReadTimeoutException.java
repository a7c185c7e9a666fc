package cn.dongcheng.platform.gateway.timeout;

import cn.dongcheng.platform.gateway.problem.ClientFault;
import org.springframework.http.HttpStatus;

import java.time.Duration;

/** The client stopped sending its body: 408. */
class ClientReadTimeoutException extends ClientFault {

    ClientReadTimeoutException(Duration waited) {
        super(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "Request timeout",
                "no more of the request body arrived within " + waited.toMillis() + " ms", null);
    }
}

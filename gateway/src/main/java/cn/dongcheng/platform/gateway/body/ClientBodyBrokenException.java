package cn.dongcheng.platform.gateway.body;

import cn.dongcheng.platform.gateway.problem.ClientFault;
import org.springframework.http.HttpStatus;

/** The client's side of the connection failed while its body was read (reset, closed early): not the service's failure. */
class ClientBodyBrokenException extends ClientFault {

    ClientBodyBrokenException(Throwable cause) {
        super(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", "the request body broke off before its end", cause);
    }
}

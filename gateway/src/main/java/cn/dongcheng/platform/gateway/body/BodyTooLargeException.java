package cn.dongcheng.platform.gateway.body;

import cn.dongcheng.platform.gateway.problem.ClientFault;
import org.springframework.http.HttpStatus;

/** A request body over {@code platform.http.max-body-bytes}: 413, typed like the services' own refusal. */
class BodyTooLargeException extends ClientFault {

    BodyTooLargeException(String detail) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large", detail, null);
    }
}

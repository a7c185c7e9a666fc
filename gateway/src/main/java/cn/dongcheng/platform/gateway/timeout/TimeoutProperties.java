package cn.dongcheng.platform.gateway.timeout;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code platform.gateway.timeouts}: how long the gateway waits for a client. The services' side (connect, response per
 * route, pooled connections' idle time) is Spring Cloud Gateway's own configuration in application.yml.
 *
 * @param clientRead longest wait for the next bytes of a request body while the gateway is ready for them; past it 408
 */
@ConfigurationProperties("platform.gateway.timeouts")
public record TimeoutProperties(Duration clientRead) {

    public TimeoutProperties {
        clientRead = clientRead == null ? Duration.ofSeconds(30) : clientRead;
    }
}

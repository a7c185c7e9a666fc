package cn.dongcheng.platform.gateway.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code platform.audit.*} at the gateway.
 *
 * @param anchorInterval   how often every service's chain head is anchored in the gateway's chain (default 60 s)
 * @param anchoredServices the services (load-balancer names) whose chains are anchored and can be verified here
 */
@ConfigurationProperties("platform.audit")
public record AnchorProperties(Duration anchorInterval, List<String> anchoredServices) {
    public AnchorProperties {
        anchorInterval = anchorInterval == null ? Duration.ofSeconds(60) : anchorInterval;
        anchoredServices = anchoredServices == null ? List.of() : List.copyOf(anchoredServices);
    }
}

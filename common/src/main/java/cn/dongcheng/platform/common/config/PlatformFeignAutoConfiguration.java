package cn.dongcheng.platform.common.config;

import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.web.RequestIds;
import feign.RequestInterceptor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Feign calls carry the request id on, and say who is asking: the calling service, acting for the original caller
 * (so the downstream audit trail names both).
 */
@AutoConfiguration
@ConditionalOnClass(RequestInterceptor.class)
public class PlatformFeignAutoConfiguration {

    @Bean
    RequestInterceptor requestIdPropagation(org.springframework.core.env.Environment env) {
        String service = env.getProperty("spring.application.name", "platform-service");
        return template -> {
            String id = RequestIds.current();
            if (id != null) {
                template.header(RequestIds.HEADER, id);
            }
            String onBehalfOf = "";
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                String caller = attributes.getRequest().getHeader(CallerContext.CALLER_HEADER);
                onBehalfOf = caller == null ? "" : "/" + caller;
            }
            template.header(CallerContext.CALLER_HEADER, service + onBehalfOf);
            template.header(CallerContext.ROLE_HEADER, "SERVICE");
        };
    }
}

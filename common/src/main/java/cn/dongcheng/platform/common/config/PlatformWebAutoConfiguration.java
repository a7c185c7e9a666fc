package cn.dongcheng.platform.common.config;

import cn.dongcheng.platform.common.problem.ProblemDetailsAdvice;
import cn.dongcheng.platform.common.security.servlet.SecurityProblems;
import org.springframework.beans.factory.ObjectProvider;
import cn.dongcheng.platform.common.web.RequestBodyLimitFilter;
import cn.dongcheng.platform.common.web.RequestIdFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;


/** Servlet-side conventions of every domain service: request ids, body limits, problem details, caller context. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformWebAutoConfiguration {

    /** Replaces Spring Boot's Jackson converter (same type): JSON answers carry a Content-Length instead of chunks. */
    @Bean
    cn.dongcheng.platform.common.web.SizedJsonHttpMessageConverter sizedJsonHttpMessageConverter(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        return new cn.dongcheng.platform.common.web.SizedJsonHttpMessageConverter(mapper);
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PlatformProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.http().maxBodyBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Names each service's OpenAPI document and states the conventions every endpoint follows. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = "io.swagger.v3.oas.models.OpenAPI")
    io.swagger.v3.oas.models.OpenAPI platformOpenApi(org.springframework.core.env.Environment env) {
        String name = env.getProperty("spring.application.name", "service");
        // the caller comes from the verified bearer token: no parameter of any operation
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(cn.dongcheng.platform.common.security.CallerContext.class);
        return new io.swagger.v3.oas.models.OpenAPI().info(new io.swagger.v3.oas.models.info.Info()
                .title("Dongcheng Data Platform — " + name)
                .version("v1")
                .description("Errors are RFC 9457 problems (application/problem+json) with the request id; lists take "
                        + "?size= (1–1000, default 20) and an opaque ?cursor=; bulk endpoints take NDJSON and answer "
                        + "{accepted, unchanged, rejectedCount, rejected[{line, id, reason}]}. Personal data is masked unless the "
                        + "caller's role (from the verified bearer token) allows it; the access matrix in README says who may call what; such reads are audited."));
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(ObjectProvider<SecurityProblems> refusals) {
        return new ProblemDetailsAdvice(refusals);
    }
}

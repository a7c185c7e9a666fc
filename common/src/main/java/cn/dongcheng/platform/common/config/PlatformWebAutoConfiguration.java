package cn.dongcheng.platform.common.config;

import cn.dongcheng.platform.common.problem.ProblemDetailsAdvice;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.security.servlet.SecurityProblems;
import cn.dongcheng.platform.common.web.RequestBodyLimitFilter;
import cn.dongcheng.platform.common.web.RequestIdFilter;
import cn.dongcheng.platform.common.web.SizedJsonHttpMessageConverter;
import cn.dongcheng.platform.common.web.error.ProblemErrorController;
import cn.dongcheng.platform.common.web.error.ProblemErrorReportValve;
import cn.dongcheng.platform.common.web.input.IsoDateFormatter;
import cn.dongcheng.platform.common.web.input.RequestInputInterceptor;
import cn.dongcheng.platform.common.web.openapi.MapQueryParameters;
import cn.dongcheng.platform.common.web.openapi.ProblemResponses;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.LocalDate;


/** Servlet-side conventions of every domain service: request ids, body limits, problem details, caller context. */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformWebAutoConfiguration {

    /** Replaces Spring Boot's Jackson converter (same type): JSON answers carry a Content-Length instead of chunks. */
    @Bean
    SizedJsonHttpMessageConverter sizedJsonHttpMessageConverter(ObjectMapper mapper) {
        return new SizedJsonHttpMessageConverter(mapper);
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

    /**
     * X-Forwarded-* (host, proto, port, prefix) are applied only where the service writes its own URLs: the OpenAPI
     * document's server URL and the Swagger UI's redirects behind the gateway's {@code /api/{domain}} prefix. Applied to
     * every request ({@code server.forward-headers-strategy: framework}) the wrapper cost industry-service about 100 µs
     * of CPU per look-up that came through the gateway (142 → 247–297 µs, wrk -c16, 2026-11-30), 70 % more than the
     * look-up itself; nothing else a service answers depends on them (problem {@code instance}s are the service's path).
     */
    @Bean
    FilterRegistrationBean<ForwardedHeaderFilter> openApiForwardedHeaders() {
        FilterRegistrationBean<ForwardedHeaderFilter> registration = new FilterRegistrationBean<>(new ForwardedHeaderFilter());
        registration.addUrlPatterns(OPENAPI_PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Where a service writes its own absolute URLs (servlet URL patterns). */
    static final String[] OPENAPI_PATHS = {"/v3/api-docs", "/v3/api-docs/*", "/swagger-ui.html", "/swagger-ui/*"};

    /** Names each service's OpenAPI document and states the conventions every endpoint follows. */
    @Bean
    @ConditionalOnClass(name = "io.swagger.v3.oas.models.OpenAPI")
    OpenAPI platformOpenApi(Environment env) {
        String name = env.getProperty("spring.application.name", "service");
        // the caller comes from the verified bearer token: no parameter of any operation
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallerContext.class);
        return new OpenAPI().info(new Info()
                .title("Dongcheng Data Platform — " + name)
                .version("v1")
                .description("Errors are RFC 9457 problems (application/problem+json) with the request id; lists take "
                        + "?size= (1–1000, default 20) and an opaque ?cursor=; bulk endpoints take NDJSON and answer "
                        + "{accepted, unchanged, rejectedCount, rejected[{line, id, reason}]}. Personal data is masked unless the "
                        + "caller's role (from the verified bearer token) allows it; the access matrix in README says who may call what; such reads are audited."));
    }

    /** The problem answers and map-read query parameters of every operation, so a client can be generated from the document. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class OpenApiConventions {
        @Bean
        ProblemResponses problemResponses() {
            return new ProblemResponses();
        }

        @Bean
        MapQueryParameters mapQueryParameters() {
            return new MapQueryParameters();
        }
    }

    /** Path variable lengths and known query parameters, checked before any endpoint runs; one date form for every date. */
    @Bean
    WebMvcConfigurer platformRequestInput(PlatformProperties properties) {
        RequestInputInterceptor interceptor = new RequestInputInterceptor(properties.http().maxPathVariableLength());
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }

            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addFormatterForFieldType(LocalDate.class, new IsoDateFormatter());
            }
        };
    }

    /** Replaces Spring Boot's {@code /error} page (its {timestamp, error, path} body) with a problem. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Tomcat's own refusals (before any servlet: encoded slashes, {@code ..}, bad encoding) as problems, not HTML. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatErrorReports {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(ObjectProvider<SecurityProblems> refusals) {
        return new ProblemDetailsAdvice(refusals);
    }
}

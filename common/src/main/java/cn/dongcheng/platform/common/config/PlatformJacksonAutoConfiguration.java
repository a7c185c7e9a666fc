package cn.dongcheng.platform.common.config;

import cn.dongcheng.platform.common.json.IsoLocalDateDeserializer;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;

/**
 * Jackson modules every service's {@code ObjectMapper} gets (Spring Boot registers {@link Module} beans): faster
 * bean access (Blackbird) and plain ISO dates read without the formatter machinery. Bulk ingestion parses and
 * writes every line through this mapper, so these costs add up there.
 */
@AutoConfiguration(before = {JacksonAutoConfiguration.class, ElasticsearchClientAutoConfiguration.class})
public class PlatformJacksonAutoConfiguration {

    @Bean
    Module blackbirdModule() {
        return new BlackbirdModule();
    }

    @Bean
    Module isoLocalDateModule() {
        return new SimpleModule("iso-local-date").addDeserializer(LocalDate.class, new IsoLocalDateDeserializer());
    }

    /**
     * The typed Elasticsearch client reads {@code _source} into records with the application's {@code ObjectMapper}
     * (these modules, java.time) instead of the bare one Spring Boot would give it; ordered before Boot's client
     * configuration, which backs off when this bean exists. A copy: {@link JacksonJsonpMapper} reconfigures the mapper
     * it is given, and the copy keeps that from reaching the API's own JSON.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "co.elastic.clients.json.jackson.JacksonJsonpMapper")
    static class ElasticsearchDocuments {

        @Bean
        JacksonJsonpMapper jacksonJsonpMapper(ObjectMapper mapper) {
            return new JacksonJsonpMapper(mapper.copy());
        }
    }
}

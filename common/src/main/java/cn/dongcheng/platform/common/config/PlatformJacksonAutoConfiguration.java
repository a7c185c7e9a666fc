package cn.dongcheng.platform.common.config;

import cn.dongcheng.platform.common.json.IsoLocalDateDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.LocalDate;

/**
 * Jackson modules every service's {@code ObjectMapper} gets (Spring Boot registers {@link Module} beans): faster
 * bean access (Blackbird) and plain ISO dates read without the formatter machinery. Bulk ingestion parses and
 * writes every line through this mapper, so these costs add up there.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
public class PlatformJacksonAutoConfiguration {

    @Bean
    Module blackbirdModule() {
        return new BlackbirdModule();
    }

    @Bean
    Module isoLocalDateModule() {
        return new SimpleModule("iso-local-date").addDeserializer(LocalDate.class, new IsoLocalDateDeserializer());
    }
}

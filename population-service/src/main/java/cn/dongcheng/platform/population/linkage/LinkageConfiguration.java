package cn.dongcheng.platform.population.linkage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;

/** The conflict rule in force; a broken rule file stops the service from starting. */
@Configuration
class LinkageConfiguration {

    @Bean
    ConflictRules conflictRules(@Value("${population.linkage.rules:classpath:linkage/conflict-rules-v1.json}") Resource rules)
            throws IOException {
        try (InputStream in = rules.getInputStream()) {
            return ConflictRules.load(in);
        }
    }
}

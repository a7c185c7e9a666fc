package cn.dongcheng.platform.credit.publication;

import cn.dongcheng.platform.common.time.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;

/** The rule file in force ({@code credit.publication.rules}); a new version is a new file, the old one stays for reference. */
@Configuration
class PublicationConfiguration {

    @Bean
    PublicationRules publicationRules(@Value("${credit.publication.rules:classpath:credit/publication-rules-v1.json}") Resource rules,
                                      WorkingDayCalendar calendar) throws IOException {
        try (InputStream in = rules.getInputStream()) {
            return PublicationRules.load(in, calendar);
        }
    }
}

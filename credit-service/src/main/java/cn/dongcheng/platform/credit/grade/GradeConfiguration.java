package cn.dongcheng.platform.credit.grade;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;

/** The scorecard in force ({@code credit.scorecard.rules}); a new version is a new file, the old one stays for reference. */
@Configuration
class GradeConfiguration {

    @Bean
    Scorecard scorecard(@Value("${credit.scorecard.rules:classpath:credit/scorecard-v1.json}") Resource rules) throws IOException {
        try (InputStream in = rules.getInputStream()) {
            return Scorecard.load(in);
        }
    }
}

package cn.dongcheng.platform.population.projection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;

/** The projection reference in force ({@code population.projection.reference}); a new version is a new file. */
@Configuration
class ProjectionConfiguration {

    @Bean
    ProjectionReference projectionReference(
            @Value("${population.projection.reference:classpath:projection/projection-reference-v1.json}") Resource file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return ProjectionReference.load(in);
        }
    }
}

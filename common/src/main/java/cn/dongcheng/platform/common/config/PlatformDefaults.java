package cn.dongcheng.platform.common.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.env.PropertiesPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Settings every service shares ({@code platform-defaults.properties} in this library), added with the lowest
 * precedence: a service's own {@code application.yml}, its environment and its command line still win.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new PropertiesPropertySource("platformDefaults",
                    PropertiesLoaderUtils.loadProperties(new ClassPathResource(RESOURCE, PlatformDefaults.class.getClassLoader()))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}

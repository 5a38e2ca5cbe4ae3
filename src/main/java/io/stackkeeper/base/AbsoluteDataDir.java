package io.stackkeeper.base;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code stackkeeper.data-dir} absolute before anything reads it: H2 refuses database paths that are
 * implicitly relative, and a path should not change meaning with the working directory after start.
 */
class AbsoluteDataDir implements EnvironmentPostProcessor {

    static final String PROPERTY = "stackkeeper.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY, "./data");
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("stackkeeperAbsoluteDataDir", Map.of(PROPERTY, absolute)));
    }
}

package io.shop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** A YAML file of the classpath as settings: behind an environment's sources, or read on its own. */
public final class YamlSettings {

    /** Adds every document of the file behind the environment's other property sources. */
    public static void addLast(ConfigurableEnvironment environment, String resource) {
        try {
            new YamlPropertySourceLoader()
                    .load(resource, new ClassPathResource(resource))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One setting of the file, its placeholders resolved against the environment variables and
     * system properties, as the service itself would read it (a test's way to find the service's
     * address from the same settings).
     */
    public static String resolve(String resource, String key) {
        StandardEnvironment environment = new StandardEnvironment();
        addLast(environment, resource);
        return environment.getRequiredProperty(key);
    }

    private YamlSettings() {}
}

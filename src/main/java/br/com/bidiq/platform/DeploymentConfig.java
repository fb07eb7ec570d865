package br.com.bidiq.platform;

import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings read while the application is being deployed (by CDI extensions that choose an alternative), when
 * MicroProfile Config may not be ready yet: then the system property, then the environment variable
 * ({@code redis.url} → {@code REDIS_URL}), as MicroProfile Config itself would map it.
 */
public final class DeploymentConfig {

    private DeploymentConfig() {}

    /** The setting's value, absent when unset or blank. */
    public static Optional<String> value(String property) {
        Optional<String> configured;
        try {
            configured = ConfigProvider.getConfig().getOptionalValue(property, String.class);
        } catch (RuntimeException configNotReadyYet) {
            String env = property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            configured = Optional.ofNullable(System.getProperty(property, System.getenv(env)));
        }
        return configured.filter(s -> !s.isBlank());
    }
}

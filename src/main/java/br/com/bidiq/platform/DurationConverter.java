package br.com.bidiq.platform;

import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Durations in configuration: ISO-8601 ({@code PT10S}), a number with a unit ({@code 500ms}, {@code 90s},
 * {@code 15m}, {@code 2h}), or a bare number of minutes ({@code REPORT_URL_TTL=60}, as that setting always took).
 * Registered with a priority above the implicit {@code Duration.parse}.
 */
@jakarta.annotation.Priority(200)
public class DurationConverter implements Converter<Duration> {

    @Override
    public Duration convert(String value) {
        if (value == null || value.isBlank()) {
            return null; // no value: MP Config then uses the default or reports it missing
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            char unit = v.charAt(v.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofMinutes(Long.parseLong(v));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException("unknown unit");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Duração inválida: use PT10S, 500ms, 90s, 15m, 2h ou minutos", e);
        }
    }
}

package io.hakit.model.topology;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as topology files write them: ISO-8601 ({@code PT30S}, {@code PT10M},
 * {@code P1D}) or a number and a unit ({@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h},
 * {@code 1d}). Thread-safe (stateless).
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * @param text e.g. {@code 30s} or {@code PT30S}
     * @return the duration
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("duration '" + text + "' is too large", e);
            }
            try {
                switch (m.group(2)) {
                    case "ms":
                        return Duration.ofMillis(n);
                    case "s":
                        return Duration.ofSeconds(n);
                    case "m":
                        return Duration.ofMinutes(n);
                    case "h":
                        return Duration.ofHours(n);
                    default:
                        return Duration.ofDays(n);
                }
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("duration '" + text + "' is too large", e);
            }
        }
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("duration '" + text
                + "' is not understood; write e.g. 30s, 10m, 500ms or ISO-8601 PT30S");
    }

    /**
     * @param d a duration
     * @return the shortest form {@link #parse} reads back, e.g. {@code 30s} or {@code 10m}
     */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0 && ms > 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}

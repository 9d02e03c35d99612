package io.hakit.iis;

import java.time.Duration;
import java.util.Objects;

/** Range checks shared by the ARR model's builders. */
final class Checks {

    private Checks() {
    }

    static int range(String field, int value, int min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " (" + value + ") must be in " + min + ".." + max);
        }
        return value;
    }

    static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " (" + value + ") must be in " + min + ".." + max);
        }
        return value;
    }

    static Duration seconds(String field, Duration value, long min, long max) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.compareTo(Duration.ofSeconds(min)) < 0
                || value.compareTo(Duration.ofSeconds(max)) > 0) {
            throw new IllegalArgumentException(field + " (" + (value.isNegative() ? value.toString() : TimeSpans.format(value)) + ") must be in " + min + ".."
                    + max + " s");
        }
        return value;
    }

    static String nonEmpty(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }
}

package io.hakit.model.validate;

import java.time.Instant;
import java.util.Objects;

/**
 * What a validation judges against: the moment certificates are judged at.
 *
 * @param now the moment certificate validity is judged at (TLS-006)
 */
public record ValidationContext(Instant now) {

    /**
     * @throws NullPointerException when {@code now} is null
     */
    public ValidationContext {
        Objects.requireNonNull(now, "now");
    }
}

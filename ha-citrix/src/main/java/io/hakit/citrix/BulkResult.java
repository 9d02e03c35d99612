package io.hakit.citrix;

import java.util.List;
import java.util.Objects;

/**
 * What a bulk request (one resource type, an array body) or a {@code macroapi} request answered: HTTP
 * 201/200 when every item was done, 207 Multi-Status with one {@link NitroError} per item otherwise.
 * Immutable.
 *
 * @param status the HTTP status
 * @param overall the top-level body (errorcode 1243 "Bulk operation failed" on a 207)
 * @param items the per-item results the device returned (with {@link OnError#EXIT} only the failed one);
 *     empty when every item was done and the device listed none
 * @param onError the {@code X-NITRO-ONERROR} mode the request was sent with
 */
public record BulkResult(int status, NitroError overall, List<NitroError> items, OnError onError) {

    /** @throws NullPointerException naming a null argument */
    public BulkResult {
        Objects.requireNonNull(overall, "overall");
        items = List.copyOf(items);
        Objects.requireNonNull(onError, "onError");
    }

    /** @return whether every item was done */
    public boolean ok() {
        return status < 300 && status != 207 && overall.ok() && items.stream().allMatch(NitroError::ok);
    }

    /** @return the first failed item, or the overall error */
    public NitroError firstError() {
        return items.stream().filter(e -> !e.ok()).findFirst().orElse(overall);
    }

    /** The {@code X-NITRO-ONERROR} modes of bulk and {@code macroapi} requests. */
    public enum OnError {
        /** Stop at the first error, keeping what was done (NITRO's default). */
        EXIT,
        /** Do every item. */
        CONTINUE,
        /** Stop at the first error and undo what the request did (adds and binds only). */
        ROLLBACK;

        /** @return the header value, e.g. {@code rollback} */
        public String header() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

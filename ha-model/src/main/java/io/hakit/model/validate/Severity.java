package io.hakit.model.validate;

import java.util.Locale;

/** How much a finding matters (GUIDE-RULES "Severity"). */
public enum Severity {
    /** The deployment will not work, or breaks the guide's "must". */
    ERROR,
    /** The guide's "should", or a risk an operator must see. */
    WARNING,
    /** Advice. */
    INFO;

    /** @return the lower-case name used in JSON output, e.g. {@code error} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }
}

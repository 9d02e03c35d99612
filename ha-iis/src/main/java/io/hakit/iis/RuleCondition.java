package io.hakit.iis;

import java.util.Objects;

/**
 * One {@code conditions/add} entry of a URL Rewrite rule. All five attributes together are the
 * entry's key (URL Rewrite's schema), so two identical conditions cannot coexist. Immutable.
 *
 * @param input the server variable, e.g. <code>{SERVER_PORT}</code>
 * @param matchType how the input is tested; schema default {@link MatchType#PATTERN}
 * @param pattern the pattern, read with the rule's pattern syntax
 * @param ignoreCase schema default {@code true}
 * @param negate schema default {@code false}
 */
public record RuleCondition(String input, MatchType matchType, String pattern, boolean ignoreCase, boolean negate) {

    /** {@code conditions/add/@matchType}. */
    public enum MatchType {
        /** {@code Pattern}, the default. */
        PATTERN("Pattern"),
        /** {@code IsFile}. */
        IS_FILE("IsFile"),
        /** {@code IsDirectory}. */
        IS_DIRECTORY("IsDirectory");

        private final String value;

        MatchType(String value) {
            this.value = value;
        }

        /** @return the value as written, e.g. {@code Pattern} */
        public String value() {
            return value;
        }

        /**
         * @param text a value as written (case-insensitive)
         * @return the match type
         * @throws IllegalArgumentException naming the text
         */
        public static MatchType of(String text) {
            for (MatchType m : values()) {
                if (m.value.equalsIgnoreCase(text.strip())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("matchType '" + text + "' is not one of Pattern, IsFile, IsDirectory");
        }
    }

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when {@code input} is empty
     */
    public RuleCondition {
        Checks.nonEmpty("condition input", input);
        Objects.requireNonNull(matchType, "matchType");
        Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * @param input the server variable, e.g. <code>{HTTPS}</code>
     * @param pattern the pattern
     * @return a {@code Pattern} condition with the schema's defaults
     */
    public static RuleCondition of(String input, String pattern) {
        return new RuleCondition(input, MatchType.PATTERN, pattern, true, false);
    }
}

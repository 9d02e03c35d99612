package io.hakit.iis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One URL Rewrite global rule ({@code system.webServer/rewrite/globalRules/rule}): its match,
 * conditions and action. Only attributes URL Rewrite's schema defines; defaults are the schema's.
 * Immutable.
 *
 * <p>Rewrite rules have no comment attribute: hakit recognises its rules by the names ARR's wizard
 * gives them, {@code ARR_<farm>_loadbalance} and {@code ARR_<farm>_loadbalance_SSL}.
 *
 * @param name the rule's name (its key)
 * @param enabled schema default {@code true}
 * @param patternSyntax how {@code matchUrl} and the conditions' patterns are read
 * @param stopProcessing whether later rules are skipped when this one acts; schema default {@code false}
 * @param matchUrl {@code match/@url}
 * @param logicalGrouping how the conditions combine; schema default {@link LogicalGrouping#MATCH_ALL}
 * @param conditions the conditions, in order
 * @param actionType {@code action/@type}; schema default {@link ActionType#NONE}
 * @param actionUrl {@code action/@url}; empty for none
 */
public record RewriteRule(String name, boolean enabled, PatternSyntax patternSyntax, boolean stopProcessing,
        String matchUrl, LogicalGrouping logicalGrouping, List<RuleCondition> conditions, ActionType actionType,
        String actionUrl) {

    /** {@code rule/@patternSyntax}. */
    public enum PatternSyntax {
        /** {@code ECMAScript}, the default. */
        ECMA_SCRIPT("ECMAScript"),
        /** {@code Wildcard}. */
        WILDCARD("Wildcard"),
        /** {@code ExactMatch}. */
        EXACT_MATCH("ExactMatch");

        private final String value;

        PatternSyntax(String value) {
            this.value = value;
        }

        /** @return the value as written */
        public String value() {
            return value;
        }

        /**
         * @param text a value as written (case-insensitive)
         * @return the syntax
         * @throws IllegalArgumentException naming the text
         */
        public static PatternSyntax of(String text) {
            for (PatternSyntax p : values()) {
                if (p.value.equalsIgnoreCase(text.strip())) {
                    return p;
                }
            }
            throw new IllegalArgumentException("patternSyntax '" + text
                    + "' is not one of ECMAScript, Wildcard, ExactMatch");
        }
    }

    /** {@code conditions/@logicalGrouping}. */
    public enum LogicalGrouping {
        /** {@code MatchAll}, the default. */
        MATCH_ALL("MatchAll"),
        /** {@code MatchAny}. */
        MATCH_ANY("MatchAny");

        private final String value;

        LogicalGrouping(String value) {
            this.value = value;
        }

        /** @return the value as written */
        public String value() {
            return value;
        }

        /**
         * @param text a value as written (case-insensitive)
         * @return the grouping
         * @throws IllegalArgumentException naming the text
         */
        public static LogicalGrouping of(String text) {
            for (LogicalGrouping g : values()) {
                if (g.value.equalsIgnoreCase(text.strip())) {
                    return g;
                }
            }
            throw new IllegalArgumentException("logicalGrouping '" + text + "' is not one of MatchAll, MatchAny");
        }
    }

    /** {@code action/@type}. */
    public enum ActionType {
        /** {@code None}, the default. */
        NONE("None"),
        /** {@code Rewrite}: hands the request on (to an ARR farm when the URL's host is a farm's name). */
        REWRITE("Rewrite"),
        /** {@code Redirect}. */
        REDIRECT("Redirect"),
        /** {@code CustomResponse}. */
        CUSTOM_RESPONSE("CustomResponse"),
        /** {@code AbortRequest}. */
        ABORT_REQUEST("AbortRequest");

        private final String value;

        ActionType(String value) {
            this.value = value;
        }

        /** @return the value as written */
        public String value() {
            return value;
        }

        /**
         * @param text a value as written (case-insensitive)
         * @return the action type
         * @throws IllegalArgumentException naming the text
         */
        public static ActionType of(String text) {
            for (ActionType a : values()) {
                if (a.value.equalsIgnoreCase(text.strip())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("action type '" + text
                    + "' is not one of None, Rewrite, Redirect, CustomResponse, AbortRequest");
        }
    }

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when the name is empty
     */
    public RewriteRule {
        Checks.nonEmpty("rule name", name);
        Objects.requireNonNull(patternSyntax, "patternSyntax");
        Objects.requireNonNull(matchUrl, "matchUrl");
        Objects.requireNonNull(logicalGrouping, "logicalGrouping");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(actionType, "actionType");
        Objects.requireNonNull(actionUrl, "actionUrl");
    }

    /**
     * @param name the rule's name
     * @return a builder with the schema defaults
     */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** @return a builder holding this rule's values */
    public Builder toBuilder() {
        return new Builder().name(name).enabled(enabled).patternSyntax(patternSyntax).stopProcessing(stopProcessing)
                .matchUrl(matchUrl).logicalGrouping(logicalGrouping).conditions(conditions).actionType(actionType)
                .actionUrl(actionUrl);
    }

    /**
     * @param change the changes to make
     * @return a copy with the changes
     */
    public RewriteRule copy(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    /** Builds a {@link RewriteRule}; not thread-safe. */
    public static final class Builder {
        private String name;
        private boolean enabled = true;
        private PatternSyntax patternSyntax = PatternSyntax.ECMA_SCRIPT;
        private boolean stopProcessing;
        private String matchUrl = "";
        private LogicalGrouping logicalGrouping = LogicalGrouping.MATCH_ALL;
        private final List<RuleCondition> conditions = new ArrayList<>();
        private ActionType actionType = ActionType.NONE;
        private String actionUrl = "";

        private Builder() {
        }

        /**
         * @param name the rule's name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param enabled default {@code true}
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * @param patternSyntax default {@link PatternSyntax#ECMA_SCRIPT}
         * @return this builder
         */
        public Builder patternSyntax(PatternSyntax patternSyntax) {
            this.patternSyntax = Objects.requireNonNull(patternSyntax, "patternSyntax");
            return this;
        }

        /**
         * @param stopProcessing default {@code false}
         * @return this builder
         */
        public Builder stopProcessing(boolean stopProcessing) {
            this.stopProcessing = stopProcessing;
            return this;
        }

        /**
         * @param matchUrl the URL pattern; default empty
         * @return this builder
         */
        public Builder matchUrl(String matchUrl) {
            this.matchUrl = Objects.requireNonNull(matchUrl, "matchUrl");
            return this;
        }

        /**
         * @param logicalGrouping default {@link LogicalGrouping#MATCH_ALL}
         * @return this builder
         */
        public Builder logicalGrouping(LogicalGrouping logicalGrouping) {
            this.logicalGrouping = Objects.requireNonNull(logicalGrouping, "logicalGrouping");
            return this;
        }

        /**
         * @param conditions the conditions, replacing any added so far
         * @return this builder
         */
        public Builder conditions(List<RuleCondition> conditions) {
            this.conditions.clear();
            this.conditions.addAll(conditions);
            return this;
        }

        /**
         * @param input the server variable
         * @param pattern the pattern
         * @return this builder, with a {@code Pattern} condition added
         */
        public Builder condition(String input, String pattern) {
            conditions.add(RuleCondition.of(input, pattern));
            return this;
        }

        /**
         * @param actionType default {@link ActionType#NONE}
         * @return this builder
         */
        public Builder actionType(ActionType actionType) {
            this.actionType = Objects.requireNonNull(actionType, "actionType");
            return this;
        }

        /**
         * @param actionUrl default empty
         * @return this builder
         */
        public Builder actionUrl(String actionUrl) {
            this.actionUrl = Objects.requireNonNull(actionUrl, "actionUrl");
            return this;
        }

        /**
         * @return the rule
         * @throws IllegalArgumentException naming a bad value
         */
        public RewriteRule build() {
            return new RewriteRule(name, enabled, patternSyntax, stopProcessing, matchUrl, logicalGrouping, conditions,
                    actionType, actionUrl);
        }
    }
}

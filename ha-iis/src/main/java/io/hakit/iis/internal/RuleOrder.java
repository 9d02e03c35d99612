package io.hakit.iis.internal;

import io.hakit.iis.RewriteRule;
import io.hakit.iis.RuleCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rule order in {@code globalRules}: URL Rewrite runs the rules top to bottom, and a rule with
 * {@code stopProcessing="true"} that acts ends the run. A foreign rule above one of the deployment's
 * that can match the same requests and stops processing takes those requests first (an operator's
 * catch-all "HTTP to HTTPS" redirect above the Admin Console's port-80 rule redirects the console's
 * requests instead of proxying them). Stateless.
 *
 * <p>Two rules are taken to share requests unless a condition of the foreign rule provably fails for
 * every request of the deployment's rule: the deployment's rule pins an input such as
 * <code>{HTTPS}</code> or <code>{SERVER_PORT}</code> to one literal value ({@code ^80$}), and the foreign
 * rule requires of the same input a pattern that this value does not match (or negates one it does).
 */
public final class RuleOrder {

    private static final Pattern ANCHORED_LITERAL = Pattern.compile("\\^([A-Za-z0-9_.-]+)\\$");
    private static final Pattern PLAIN_LITERAL = Pattern.compile("[A-Za-z0-9_.-]+");

    private RuleOrder() {
    }

    /**
     * A foreign rule that takes requests of one of the deployment's rules first.
     *
     * @param foreign the rule above
     * @param ours the deployment's rule below it
     */
    public record Shadow(RewriteRule foreign, RewriteRule ours) {

        /** @return why, for plans and audits */
        public String message() {
            return "rule '" + foreign.name() + "' comes before '" + ours.name() + "' in globalRules, stops processing"
                    + " and can match the same requests (" + pinned(ours) + "), so they never reach '" + ours.name()
                    + "'";
        }

        /** @return how to resolve it */
        public String hint() {
            return "move '" + foreign.name() + "' below the deployment's rules, or give it a condition that excludes "
                    + pinned(ours) + "; hakit does not reorder rules it does not own";
        }
    }

    /**
     * @param rules the global rules in the order URL Rewrite runs them
     * @param ours which rules (by name) are the deployment's
     * @return every foreign rule that takes requests of a rule of ours first, in order
     */
    public static List<Shadow> shadows(List<RewriteRule> rules, Predicate<String> ours) {
        List<Shadow> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RewriteRule o = rules.get(i);
            if (!ours.test(o.name()) || !o.enabled()) {
                continue;
            }
            for (int j = 0; j < i; j++) {
                RewriteRule f = rules.get(j);
                if (!ours.test(f.name()) && f.enabled() && f.stopProcessing() && mayShare(f, o)) {
                    out.add(new Shadow(f, o));
                }
            }
        }
        return out;
    }

    /** Whether the foreign rule may match a request our rule matches. */
    static boolean mayShare(RewriteRule foreign, RewriteRule ours) {
        if (ours.logicalGrouping() != RewriteRule.LogicalGrouping.MATCH_ALL) {
            return true;
        }
        boolean all = foreign.logicalGrouping() == RewriteRule.LogicalGrouping.MATCH_ALL
                || foreign.conditions().size() == 1;
        if (!all) {
            return true;
        }
        for (RuleCondition c : foreign.conditions()) {
            if (c.matchType() != RuleCondition.MatchType.PATTERN) {
                continue;
            }
            Optional<String> value = pinnedValue(ours, c.input());
            if (value.isPresent() && matches(foreign.patternSyntax(), c.pattern(), value.get()) == c.negate()) {
                return false;
            }
        }
        return true;
    }

    /** The one literal value our rule requires of an input, when it pins it. */
    private static Optional<String> pinnedValue(RewriteRule rule, String input) {
        for (RuleCondition c : rule.conditions()) {
            if (c.input().equalsIgnoreCase(input) && !c.negate() && c.matchType() == RuleCondition.MatchType.PATTERN) {
                Optional<String> literal = literal(rule.patternSyntax(), c.pattern());
                if (literal.isPresent()) {
                    return literal;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> literal(RewriteRule.PatternSyntax syntax, String pattern) {
        if (syntax == RewriteRule.PatternSyntax.ECMA_SCRIPT) {
            Matcher m = ANCHORED_LITERAL.matcher(pattern);
            return m.matches() && !m.group(1).contains(".") ? Optional.of(m.group(1)) : Optional.empty();
        }
        return PLAIN_LITERAL.matcher(pattern).matches() ? Optional.of(pattern) : Optional.empty();
    }

    private static String pinned(RewriteRule rule) {
        List<String> parts = new ArrayList<>();
        for (RuleCondition c : rule.conditions()) {
            literal(rule.patternSyntax(), c.pattern()).filter(v -> !c.negate())
                    .ifPresent(v -> parts.add(c.input() + " = " + v.toUpperCase(Locale.ROOT)));
        }
        return parts.isEmpty() ? "every request" : String.join(", ", parts);
    }

    /**
     * @param syntax the rule's pattern syntax
     * @param pattern a pattern
     * @param input a value
     * @return whether URL Rewrite would find the pattern in the value (case-insensitive)
     */
    public static boolean matches(RewriteRule.PatternSyntax syntax, String pattern, String input) {
        switch (syntax) {
            case EXACT_MATCH:
                return pattern.equalsIgnoreCase(input);
            case WILDCARD:
                StringBuilder re = new StringBuilder();
                for (char ch : pattern.toCharArray()) {
                    re.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
                }
                return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE).matcher(input).matches();
            default:
                try {
                    return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE).matcher(input).find();
                } catch (PatternSyntaxException e) {
                    return false;
                }
        }
    }
}

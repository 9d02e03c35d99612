package io.hakit.iis.internal;

import io.hakit.iis.FarmServer;
import io.hakit.iis.RewriteRule;
import io.hakit.iis.RuleCondition;
import io.hakit.iis.SiteBinding;
import io.hakit.iis.TimeSpans;
import io.hakit.iis.WebFarm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ARR objects as flat attribute maps named after their schema paths (e.g.
 * {@code applicationRequestRouting.healthCheck.minServers}, {@code server[app1].applicationRequestRouting.httpsPort}),
 * with every schema default filled in. Plans diff these maps; the merge rewrites an element exactly
 * when its map differs, so a plan is empty exactly when a merge would change nothing. Stateless.
 */
public final class ArrAttributes {

    private ArrAttributes() {
    }

    /**
     * @param farm a farm
     * @return its attributes; servers in address order, so member order does not count
     */
    public static Map<String, Object> of(WebFarm farm) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("enabled", farm.enabled());
        String hc = "applicationRequestRouting.healthCheck.";
        a.put(hc + "url", farm.healthCheck().url());
        a.put(hc + "interval", TimeSpans.format(farm.healthCheck().interval()));
        a.put(hc + "timeout", TimeSpans.format(farm.healthCheck().timeout()));
        a.put(hc + "retries", farm.healthCheck().retries());
        a.put(hc + "statusCodeMatch", farm.healthCheck().statusCodeMatch());
        a.put(hc + "responseMatch", farm.healthCheck().responseMatch());
        a.put(hc + "minServers", farm.healthCheck().minServers());
        a.put("applicationRequestRouting.affinity.useCookie", farm.affinity().useCookie());
        a.put("applicationRequestRouting.affinity.cookieName", farm.affinity().cookieName());
        a.put("applicationRequestRouting.loadBalancing.algorithm", farm.algorithm().value());
        String p = "applicationRequestRouting.protocol.";
        a.put(p + "timeout", TimeSpans.format(farm.protocol().timeout()));
        a.put(p + "keepAlive", farm.protocol().keepAlive());
        a.put(p + "preserveHostHeader", farm.protocol().preserveHostHeader());
        a.put(p + "reverseRewriteHostInResponseHeaders", farm.protocol().reverseRewriteHostInResponseHeaders());
        List<FarmServer> servers = new ArrayList<>(farm.servers());
        servers.sort(Comparator.comparing(s -> s.address().toLowerCase(Locale.ROOT)));
        for (FarmServer s : servers) {
            String k = "server[" + s.address().toLowerCase(Locale.ROOT) + "].";
            a.put(k + "enabled", s.enabled());
            a.put(k + "applicationRequestRouting.httpPort", s.httpPort());
            a.put(k + "applicationRequestRouting.httpsPort", s.httpsPort());
            a.put(k + "applicationRequestRouting.weight", s.weight());
        }
        return a;
    }

    /**
     * A key of {@link #of(WebFarm)} split into the member it belongs to and the path below that member.
     *
     * @param member the member's address as the farm writes it, for a {@code server[...]} key
     * @param path the rest, e.g. {@code applicationRequestRouting.httpsPort}
     */
    public record FarmKey(Optional<String> member, String path) {

        /**
         * @param farm the farm the key is of
         * @param key a key of {@link #of(WebFarm)}
         * @return the key split
         */
        public static FarmKey of(WebFarm farm, String key) {
            if (!key.startsWith("server[")) {
                return new FarmKey(Optional.empty(), key);
            }
            int close = key.indexOf(']');
            String address = farm.server(key.substring(7, close)).orElseThrow().address();
            return new FarmKey(Optional.of(address), key.substring(close + 2));
        }
    }

    /**
     * @param rule a rule
     * @return its attributes; conditions as one sorted list (their order does not change what the rule matches)
     */
    public static Map<String, Object> of(RewriteRule rule) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("enabled", rule.enabled());
        a.put("patternSyntax", rule.patternSyntax().value());
        a.put("stopProcessing", rule.stopProcessing());
        a.put("match.url", rule.matchUrl());
        a.put("conditions.logicalGrouping", rule.logicalGrouping().value());
        a.put("conditions", rule.conditions().stream().map(ArrAttributes::condition).sorted().toList());
        a.put("action.type", rule.actionType().value());
        a.put("action.url", rule.actionUrl());
        return a;
    }

    /**
     * @param c a condition
     * @return it as one line, e.g. <code>{SERVER_PORT} ~ ^7001$</code>
     */
    public static String condition(RuleCondition c) {
        StringBuilder b = new StringBuilder(c.input());
        b.append(c.negate() ? " !~ " : " ~ ");
        if (c.matchType() != RuleCondition.MatchType.PATTERN) {
            b.append(c.matchType().value()).append(' ');
        }
        b.append(c.pattern());
        if (!c.ignoreCase()) {
            b.append(" (case-sensitive)");
        }
        return b.toString();
    }

    /**
     * @param b a binding
     * @return its attributes in the file (the certificate lives in HTTP.sys, not here)
     */
    public static Map<String, Object> of(SiteBinding b) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("protocol", b.protocol());
        a.put("bindingInformation", b.bindingInformation());
        a.put("sslFlags", b.sslFlags());
        return a;
    }
}

package io.hakit.iis.internal;

import io.hakit.iis.FarmAffinity;
import io.hakit.iis.FarmProtocol;
import io.hakit.iis.FarmServer;
import io.hakit.iis.HealthCheck;
import io.hakit.iis.LoadBalancingAlgorithm;
import io.hakit.iis.RewriteRule;
import io.hakit.iis.RuleCondition;
import io.hakit.iis.SiteBinding;
import io.hakit.iis.TimeSpans;
import io.hakit.iis.WebFarm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ARR model to and from applicationHost.config elements, using only the element and attribute
 * names of the ARR, URL Rewrite and IIS schemas. Writing lists every attribute hakit sets, and a
 * schema default only where it makes the element clearer; reading takes an absent attribute as its
 * schema default. Stateless.
 */
public final class ArrXml {

    /** One output line: its nesting depth below the element being written, and its text. */
    public record Line(int level, String text) {
    }

    /** A bad value in an element, with the element and attribute it was found in. */
    public static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient XmlNode node;

        Problem(XmlNode node, String message) {
            super(message);
            this.node = node;
        }

        /** @return the element the bad value is in */
        public XmlNode node() {
            return node;
        }
    }

    private ArrXml() {
    }

    // ---- writing ----

    /**
     * @param lines the element's lines
     * @param indent the indentation of the element's first line
     * @param unit one level of indentation
     * @param newline the line ending
     * @return the element as text; the first line carries no indentation
     */
    public static String text(List<Line> lines, String indent, String unit, String newline) {
        StringBuilder b = new StringBuilder(lines.size() * 80);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (i > 0) {
                b.append(newline).append(indent);
            }
            for (int k = 0; k < l.level(); k++) {
                b.append(unit);
            }
            b.append(l.text());
        }
        return b.toString();
    }

    /**
     * @param name an element name
     * @param attributes its attributes, decoded
     * @param children its child lines (levels relative to the element), empty for a self-closing element
     * @return the element's lines
     */
    public static List<Line> element(String name, Map<String, String> attributes, List<Line> children) {
        StringBuilder open = new StringBuilder("<").append(name);
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            open.append(' ').append(a.getKey()).append("=\"").append(XmlText.escape(a.getValue())).append('"');
        }
        List<Line> out = new ArrayList<>(children.size() + 2);
        if (children.isEmpty()) {
            out.add(new Line(0, open.append(" />").toString()));
            return out;
        }
        out.add(new Line(0, open.append('>').toString()));
        for (Line c : children) {
            out.add(new Line(c.level() + 1, c.text()));
        }
        out.add(new Line(0, "</" + name + ">"));
        return out;
    }

    /** Attribute names hakit models, by {@code parent/element}; every other attribute is kept from the file. */
    private static final Map<String, Set<String>> MODELLED_ATTRIBUTES = Map.ofEntries(
            Map.entry("webFarms/webFarm", Set.of("name", "enabled")),
            Map.entry("webFarm/server", Set.of("address", "enabled")),
            Map.entry("server/applicationRequestRouting", Set.of("httpPort", "httpsPort", "weight")),
            Map.entry("webFarm/applicationRequestRouting", Set.of()),
            Map.entry("applicationRequestRouting/healthCheck", Set.of("url", "interval", "timeout", "retries",
                    "statusCodeMatch", "responseMatch", "minServers")),
            Map.entry("applicationRequestRouting/affinity", Set.of("useCookie", "cookieName")),
            Map.entry("applicationRequestRouting/loadBalancing", Set.of("algorithm")),
            Map.entry("applicationRequestRouting/protocol", Set.of("timeout", "keepAlive", "preserveHostHeader",
                    "reverseRewriteHostInResponseHeaders")),
            Map.entry("globalRules/rule", Set.of("name", "enabled", "patternSyntax", "stopProcessing")),
            Map.entry("rule/match", Set.of("url")),
            Map.entry("rule/conditions", Set.of("logicalGrouping")),
            Map.entry("rule/action", Set.of("type", "url")));

    /** Child elements hakit models, by {@code parent/element}; every other child is kept from the file, verbatim. */
    private static final Map<String, Set<String>> MODELLED_CHILDREN = Map.of(
            "webFarms/webFarm", Set.of("server", "applicationRequestRouting"),
            "webFarm/server", Set.of("applicationRequestRouting"),
            "webFarm/applicationRequestRouting", Set.of("healthCheck", "affinity", "loadBalancing", "protocol"),
            "globalRules/rule", Set.of("match", "conditions", "action"),
            "rule/conditions", Set.of("add"));

    /** An element being written: its attributes and children (elements or verbatim text). */
    private record El(String name, Map<String, String> attributes, List<Object> children) {
        El(String name, Map<String, String> attributes) {
            this(name, new LinkedHashMap<>(attributes), new ArrayList<>());
        }
    }

    private static List<Line> lines(El el) {
        List<Line> children = new ArrayList<>();
        for (Object c : el.children()) {
            if (c instanceof El) {
                children.addAll(lines((El) c));
            } else {
                children.add(new Line(0, (String) c));
            }
        }
        return element(el.name(), el.attributes(), children);
    }

    /**
     * Carries over from the file what hakit does not model: unknown attributes (appended after hakit's) and
     * unknown child elements (verbatim), recursively through the elements hakit writes. Elements hakit leaves
     * out because they hold only defaults are written when the file's copy holds something unknown.
     */
    private static void overlay(El el, XmlNode existing, String text, String parent) {
        String key = parent + "/" + el.name();
        Set<String> known = MODELLED_ATTRIBUTES.getOrDefault(key, Set.of());
        for (Map.Entry<String, String> a : existing.attributes().entrySet()) {
            if (!known.contains(a.getKey()) && !el.attributes().containsKey(a.getKey())) {
                el.attributes().put(a.getKey(), a.getValue());
            }
        }
        Set<String> modelled = MODELLED_CHILDREN.getOrDefault(key, Set.of());
        for (XmlNode child : existing.children()) {
            if (!modelled.contains(child.name())) {
                el.children().add(text.substring(child.start(), child.end()));
                continue;
            }
            if (child.name().equals("add") && key.equals("rule/conditions")) {
                continue;
            }
            El match = null;
            for (Object c : el.children()) {
                if (c instanceof El && ((El) c).name().equals(child.name()) && sameKey((El) c, child)) {
                    match = (El) c;
                    break;
                }
            }
            if (match == null) {
                if (child.name().equals("server") || !hasExtras(child, el.name())) {
                    continue;
                }
                match = new El(child.name(), Map.of());
                el.children().add(match);
            }
            overlay(match, child, text, el.name());
        }
    }

    private static boolean sameKey(El el, XmlNode node) {
        return !el.name().equals("server") || node.attribute("address").map(a -> a.equalsIgnoreCase(
                el.attributes().get("address"))).orElse(false);
    }

    private static boolean hasExtras(XmlNode node, String parent) {
        String key = parent + "/" + node.name();
        Set<String> known = MODELLED_ATTRIBUTES.getOrDefault(key, Set.of());
        if (node.attributes().keySet().stream().anyMatch(a -> !known.contains(a))) {
            return true;
        }
        Set<String> modelled = MODELLED_CHILDREN.getOrDefault(key, Set.of());
        return node.children().stream().anyMatch(c -> !modelled.contains(c.name()) || hasExtras(c, node.name()));
    }

    /**
     * @param farm a farm
     * @param existing the file's element of the same name
     * @param text the file's text
     * @return the farm's element, keeping what the file's element holds that hakit does not model
     */
    public static List<Line> farm(WebFarm farm, XmlNode existing, String text) {
        El el = farmEl(farm);
        overlay(el, existing, text, "webFarms");
        return lines(el);
    }

    /**
     * @param rule a rule
     * @param existing the file's element of the same name
     * @param text the file's text
     * @return the rule's element, keeping what the file's element holds that hakit does not model
     */
    public static List<Line> rule(RewriteRule rule, XmlNode existing, String text) {
        El el = ruleEl(rule);
        overlay(el, existing, text, "globalRules");
        return lines(el);
    }

    /**
     * @param name an element name
     * @param children child elements' lines, each list one element
     * @return the wrapper element's lines
     */
    public static List<Line> wrap(String name, List<List<Line>> children) {
        List<Line> inner = new ArrayList<>();
        children.forEach(inner::addAll);
        return element(name, Map.of(), inner);
    }

    /**
     * @param farm a farm
     * @return its {@code webFarm} element
     */
    public static List<Line> farm(WebFarm farm) {
        return lines(farmEl(farm));
    }

    private static El farmEl(WebFarm farm) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("name", farm.name());
        a.put("enabled", bool(farm.enabled()));
        El el = new El("webFarm", a);
        for (FarmServer s : farm.servers()) {
            el.children().add(serverEl(s));
        }
        El arr = new El("applicationRequestRouting", Map.of());
        HealthCheck hc = farm.healthCheck();
        if (!hc.equals(HealthCheck.DEFAULT)) {
            Map<String, String> h = new LinkedHashMap<>();
            if (hc.enabled()) {
                h.put("url", hc.url());
            }
            h.put("interval", TimeSpans.format(hc.interval()));
            h.put("timeout", TimeSpans.format(hc.timeout()));
            if (hc.retries() != HealthCheck.DEFAULT_RETRIES) {
                h.put("retries", Integer.toString(hc.retries()));
            }
            h.put("statusCodeMatch", hc.statusCodeMatch());
            if (!hc.responseMatch().isEmpty()) {
                h.put("responseMatch", hc.responseMatch());
            }
            h.put("minServers", Long.toString(hc.minServers()));
            arr.children().add(new El("healthCheck", h));
        }
        Map<String, String> aff = new LinkedHashMap<>();
        aff.put("useCookie", bool(farm.affinity().useCookie()));
        if (!farm.affinity().cookieName().equals(FarmAffinity.DEFAULT_COOKIE_NAME)) {
            aff.put("cookieName", farm.affinity().cookieName());
        }
        arr.children().add(new El("affinity", aff));
        arr.children().add(new El("loadBalancing", Map.of("algorithm", farm.algorithm().value())));
        FarmProtocol p = farm.protocol();
        if (!p.equals(FarmProtocol.DEFAULT)) {
            Map<String, String> pa = new LinkedHashMap<>();
            FarmProtocol d = FarmProtocol.DEFAULT;
            if (!p.timeout().equals(d.timeout())) {
                pa.put("timeout", TimeSpans.format(p.timeout()));
            }
            if (p.keepAlive() != d.keepAlive()) {
                pa.put("keepAlive", bool(p.keepAlive()));
            }
            if (p.preserveHostHeader() != d.preserveHostHeader()) {
                pa.put("preserveHostHeader", bool(p.preserveHostHeader()));
            }
            if (p.reverseRewriteHostInResponseHeaders() != d.reverseRewriteHostInResponseHeaders()) {
                pa.put("reverseRewriteHostInResponseHeaders", bool(p.reverseRewriteHostInResponseHeaders()));
            }
            arr.children().add(new El("protocol", pa));
        }
        el.children().add(arr);
        return el;
    }

    private static El serverEl(FarmServer s) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("address", s.address());
        a.put("enabled", bool(s.enabled()));
        El el = new El("server", a);
        Map<String, String> arr = new LinkedHashMap<>();
        if (s.httpPort() != FarmServer.DEFAULT_HTTP_PORT) {
            arr.put("httpPort", Integer.toString(s.httpPort()));
        }
        if (s.httpsPort() != FarmServer.DEFAULT_HTTPS_PORT) {
            arr.put("httpsPort", Integer.toString(s.httpsPort()));
        }
        if (s.weight() != FarmServer.DEFAULT_WEIGHT) {
            arr.put("weight", Long.toString(s.weight()));
        }
        if (!arr.isEmpty()) {
            el.children().add(new El("applicationRequestRouting", arr));
        }
        return el;
    }

    /**
     * @param rule a rule
     * @return its {@code rule} element
     */
    public static List<Line> rule(RewriteRule rule) {
        return lines(ruleEl(rule));
    }

    private static El ruleEl(RewriteRule rule) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("name", rule.name());
        if (!rule.enabled()) {
            a.put("enabled", "false");
        }
        a.put("patternSyntax", rule.patternSyntax().value());
        a.put("stopProcessing", bool(rule.stopProcessing()));
        El el = new El("rule", a);
        el.children().add(new El("match", Map.of("url", rule.matchUrl())));
        if (!rule.conditions().isEmpty() || rule.logicalGrouping() != RewriteRule.LogicalGrouping.MATCH_ALL) {
            El conditions = new El("conditions", Map.of("logicalGrouping", rule.logicalGrouping().value()));
            for (RuleCondition c : rule.conditions()) {
                Map<String, String> ca = new LinkedHashMap<>();
                ca.put("input", c.input());
                if (c.matchType() != RuleCondition.MatchType.PATTERN) {
                    ca.put("matchType", c.matchType().value());
                }
                ca.put("pattern", c.pattern());
                if (!c.ignoreCase()) {
                    ca.put("ignoreCase", "false");
                }
                if (c.negate()) {
                    ca.put("negate", "true");
                }
                conditions.children().add(new El("add", ca));
            }
            el.children().add(conditions);
        }
        Map<String, String> act = new LinkedHashMap<>();
        act.put("type", rule.actionType().value());
        if (!rule.actionUrl().isEmpty()) {
            act.put("url", rule.actionUrl());
        }
        el.children().add(new El("action", act));
        return el;
    }

    /**
     * @param binding a binding
     * @return its {@code binding} element
     */
    public static List<Line> binding(SiteBinding binding) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("protocol", binding.protocol());
        a.put("bindingInformation", binding.bindingInformation());
        if (binding.secure() || binding.sslFlags() != 0) {
            a.put("sslFlags", Integer.toString(binding.sslFlags()));
        }
        return element("binding", a, List.of());
    }

    private static String bool(boolean b) {
        return b ? "true" : "false";
    }

    // ---- reading ----

    /**
     * @param node a {@code webFarm} element
     * @return the farm, absent attributes at their schema defaults
     * @throws Problem naming the element and attribute of a bad value
     */
    public static WebFarm readFarm(XmlNode node) {
        String name = required(node, "name");
        WebFarm.Builder b = WebFarm.builder(name).enabled(bool(node, "enabled", true));
        for (XmlNode s : node.children("server")) {
            String address = required(s, "address");
            if (b.build().server(address).isPresent()) {
                throw new Problem(s, "webFarm '" + name + "' lists server '" + address + "' twice");
            }
            Optional<XmlNode> arr = s.child("applicationRequestRouting");
            FarmServer.Builder sb = FarmServer.builder(address).enabled(bool(s, "enabled", true));
            if (arr.isPresent()) {
                XmlNode x = arr.get();
                sb.httpPort((int) number(x, "httpPort", FarmServer.DEFAULT_HTTP_PORT, 1, 65535))
                        .httpsPort((int) number(x, "httpsPort", FarmServer.DEFAULT_HTTPS_PORT, 1, 65535))
                        .weight(number(x, "weight", FarmServer.DEFAULT_WEIGHT, 1, 4_294_967_295L));
            }
            b.server(sb.build());
        }
        Optional<XmlNode> arr = node.child("applicationRequestRouting");
        if (arr.isPresent()) {
            Optional<XmlNode> hc = arr.get().child("healthCheck");
            if (hc.isPresent()) {
                XmlNode h = hc.get();
                b.healthCheck(HealthCheck.builder()
                        .url(h.attribute("url").orElse(""))
                        .interval(span(h, "interval", HealthCheck.DEFAULT_INTERVAL, 0))
                        .timeout(span(h, "timeout", HealthCheck.DEFAULT_TIMEOUT, 1))
                        .retries((int) number(h, "retries", HealthCheck.DEFAULT_RETRIES, 0, 20))
                        .statusCodeMatch(h.attribute("statusCodeMatch").orElse(HealthCheck.DEFAULT_STATUS_CODE_MATCH))
                        .responseMatch(h.attribute("responseMatch").orElse(""))
                        .minServers(number(h, "minServers", 0, 0, 4_294_967_295L))
                        .build());
            }
            Optional<XmlNode> aff = arr.get().child("affinity");
            if (aff.isPresent()) {
                String cookie = aff.get().attribute("cookieName").orElse(FarmAffinity.DEFAULT_COOKIE_NAME);
                if (cookie.isEmpty()) {
                    throw new Problem(aff.get(), "affinity cookieName must not be empty");
                }
                b.affinity(new FarmAffinity(bool(aff.get(), "useCookie", false), cookie));
            }
            Optional<XmlNode> lb = arr.get().child("loadBalancing");
            if (lb.isPresent() && lb.get().attribute("algorithm").isPresent()) {
                try {
                    b.algorithm(LoadBalancingAlgorithm.of(lb.get().attribute("algorithm").get()));
                } catch (IllegalArgumentException e) {
                    throw new Problem(lb.get(), e.getMessage());
                }
            }
            Optional<XmlNode> pr = arr.get().child("protocol");
            if (pr.isPresent()) {
                XmlNode p = pr.get();
                FarmProtocol d = FarmProtocol.DEFAULT;
                b.protocol(new FarmProtocol(span(p, "timeout", d.timeout(), 1), bool(p, "keepAlive", d.keepAlive()),
                        bool(p, "preserveHostHeader", d.preserveHostHeader()),
                        bool(p, "reverseRewriteHostInResponseHeaders", d.reverseRewriteHostInResponseHeaders())));
            }
        }
        return b.build();
    }

    /**
     * @param node a {@code rule} element
     * @return the rule, absent attributes at their schema defaults
     * @throws Problem naming the element and attribute of a bad value
     */
    public static RewriteRule readRule(XmlNode node) {
        RewriteRule.Builder b = RewriteRule.builder(required(node, "name"))
                .enabled(bool(node, "enabled", true))
                .stopProcessing(bool(node, "stopProcessing", false));
        try {
            node.attribute("patternSyntax").ifPresent(v -> b.patternSyntax(RewriteRule.PatternSyntax.of(v)));
            node.child("match").ifPresent(m -> b.matchUrl(m.attribute("url").orElse("")));
            Optional<XmlNode> conditions = node.child("conditions");
            if (conditions.isPresent()) {
                conditions.get().attribute("logicalGrouping")
                        .ifPresent(v -> b.logicalGrouping(RewriteRule.LogicalGrouping.of(v)));
                List<RuleCondition> list = new ArrayList<>();
                for (XmlNode c : conditions.get().children("add")) {
                    RuleCondition rc = new RuleCondition(required(c, "input"),
                            RuleCondition.MatchType.of(c.attribute("matchType").orElse("Pattern")),
                            c.attribute("pattern").orElse(""), bool(c, "ignoreCase", true), bool(c, "negate", false));
                    if (list.contains(rc)) {
                        throw new Problem(c, "rule '" + node.attribute("name").orElse("") + "' has the condition "
                                + rc.input() + " " + rc.pattern() + " twice");
                    }
                    list.add(rc);
                }
                b.conditions(list);
            }
            Optional<XmlNode> action = node.child("action");
            if (action.isPresent()) {
                action.get().attribute("type").ifPresent(v -> b.actionType(RewriteRule.ActionType.of(v)));
                b.actionUrl(action.get().attribute("url").orElse(""));
            }
        } catch (IllegalArgumentException e) {
            throw new Problem(node, e.getMessage());
        }
        return b.build();
    }

    /**
     * @param site the site's name
     * @param node a {@code binding} element
     * @return the binding (its certificate is not in the file)
     * @throws Problem naming the element and attribute of a bad value
     */
    public static SiteBinding readBinding(String site, XmlNode node) {
        String protocol = required(node, "protocol");
        String info = required(node, "bindingInformation");
        if (!protocol.equalsIgnoreCase("http") && !protocol.equalsIgnoreCase("https")) {
            return null;
        }
        try {
            String[] parts = splitBinding(info);
            int port = Integer.parseInt(parts[1]);
            return new SiteBinding(site, protocol, parts[0], port, parts[2],
                    (int) number(node, "sslFlags", 0, 0, 127), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new Problem(node, "binding " + protocol + " '" + info + "': " + e.getMessage());
        }
    }

    private static String[] splitBinding(String text) {
        int first = text.indexOf(':');
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            first = close < 0 ? -1 : text.indexOf(':', close);
        }
        int last = text.lastIndexOf(':');
        if (first < 0 || last <= first) {
            throw new IllegalArgumentException("not ip:port:host");
        }
        return new String[] {text.substring(0, first), text.substring(first + 1, last), text.substring(last + 1)};
    }

    private static String required(XmlNode node, String attribute) {
        return node.attribute(attribute).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new Problem(node, "<" + node.name() + "> has no " + attribute + " attribute"));
    }

    private static boolean bool(XmlNode node, String attribute, boolean dflt) {
        Optional<String> v = node.attribute(attribute);
        if (v.isEmpty()) {
            return dflt;
        }
        String t = v.get().strip().toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return true;
        }
        if (t.equals("false")) {
            return false;
        }
        throw new Problem(node, attribute + "=\"" + v.get() + "\" is not true or false");
    }

    private static long number(XmlNode node, String attribute, long dflt, long min, long max) {
        Optional<String> v = node.attribute(attribute);
        if (v.isEmpty()) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v.get().strip());
        } catch (NumberFormatException e) {
            throw new Problem(node, attribute + "=\"" + v.get() + "\" is not a number");
        }
        if (n < min || n > max) {
            throw new Problem(node, attribute + "=\"" + v.get() + "\" is out of range " + min + ".." + max);
        }
        return n;
    }

    private static Duration span(XmlNode node, String attribute, Duration dflt, long minSeconds) {
        Optional<String> v = node.attribute(attribute);
        if (v.isEmpty()) {
            return dflt;
        }
        Duration d;
        try {
            d = TimeSpans.parse(v.get());
        } catch (IllegalArgumentException e) {
            throw new Problem(node, attribute + ": " + e.getMessage());
        }
        if (d.compareTo(Duration.ofSeconds(minSeconds)) < 0 || d.compareTo(Duration.ofSeconds(86_400)) > 0) {
            throw new Problem(node, attribute + "=\"" + v.get() + "\" is out of range " + minSeconds + "..86400 s");
        }
        return d;
    }
}

package io.hakit.iis.internal;

import io.hakit.iis.ArrConfig;
import io.hakit.iis.ArrConfigRenderer;
import io.hakit.iis.FarmServer;
import io.hakit.iis.RewriteRule;
import io.hakit.iis.RuleCondition;
import io.hakit.iis.SiteBinding;
import io.hakit.iis.WebFarm;
import io.hakit.model.Deployment;
import io.hakit.model.ServiceType;
import io.hakit.model.validate.AuditReport;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Judges the ARR objects of an applicationHost.config by the guide: ARR-001 (farms, members online,
 * member ports), ARR-002 (SSL offloading off), ARR-003 (non-SSL rules removed, SSL rule anchored on
 * <code>{SERVER_PORT}</code>), ARR-004 (bindings and certificates), HC-001/HC-002 (health test,
 * minimum servers), AFF-001 (client affinity). With a deployment it checks the farms the deployment
 * needs against it; without one it checks every farm in the file for consistency with its own rules.
 * Stateless.
 */
public final class ArrAuditor {

    private ArrAuditor() {
    }

    /** What a farm's rules say: the rules forwarding over HTTPS and over HTTP. */
    private record Routing(List<RewriteRule> secure, List<RewriteRule> plain) {
    }

    /**
     * Judges the deployment's objects (with a topology) or the PatientSecure ones found (without one).
     *
     * @param file the configuration read from the file
     * @param deployment the deployment to compare with, if any
     * @return the findings
     */
    public static List<Finding> audit(ArrConfig file, Optional<Deployment> deployment) {
        return audit(file, deployment, ArrScope.of(file, deployment, false));
    }

    /**
     * @param file the configuration read from the file
     * @param deployment the deployment to compare with, if any
     * @param scope which farms and rules to judge
     * @return the findings
     */
    public static List<Finding> audit(ArrConfig file, Optional<Deployment> deployment, ArrScope scope) {
        List<Finding> out = new ArrayList<>();
        if (deployment.isPresent()) {
            withTopology(file, deployment.get(), out);
            if (scope.scope() == AuditReport.Scope.ALL) {
                ArrScope theirs = ArrScope.of(file, deployment, false);
                ArrConfig.Builder others = ArrConfig.builder();
                file.farms().stream().filter(f -> !theirs.hasFarm(f.name())).forEach(others::farm);
                file.rules().stream().filter(r -> !theirs.hasRule(r.name())).forEach(others::rule);
                file.bindings().forEach(others::binding);
                withoutTopology(others.build(), out);
            }
        } else {
            withoutTopology(scope.filter(file), out);
        }
        for (RuleOrder.Shadow s : RuleOrder.shadows(file.rules(), scope::hasRule)) {
            out.add(new Finding("ARR-003", Severity.ERROR, rulePath(s.ours().name()), s.message(), s.hint()));
        }
        return out;
    }

    private static void withTopology(ArrConfig file, Deployment d, List<Finding> out) {
        ArrConfig want = ArrConfigRenderer.render(d);
        for (ArrFarmSpec spec : ArrFarmSpec.of(d)) {
            String path = farmPath(spec.name());
            WebFarm desired = want.farm(spec.name()).orElseThrow();
            Optional<WebFarm> has = file.farm(spec.name());
            if (has.isEmpty()) {
                out.add(new Finding("ARR-001", Severity.ERROR, path, "there is no server farm '" + spec.name()
                        + "' for " + spec.farm().service(), "create it: hakit apply --vendor iis"));
            } else {
                WebFarm f = has.get();
                for (FarmServer want1 : desired.servers()) {
                    Optional<FarmServer> s = f.server(want1.address());
                    if (s.isEmpty()) {
                        out.add(new Finding("ARR-001", Severity.ERROR, path, "server farm '" + f.name()
                                + "' has no member " + want1.address(), "add the server to the farm"));
                        continue;
                    }
                    members(f, s.get(), want1.httpsPort(), spec.http().isPresent() ? want1.httpPort() : -1, out);
                }
                health(f, out);
                if (spec.farm().healthTest().isPresent()) {
                    guideTest(f, desired, out);
                }
                if (desired.affinity().useCookie() && !f.affinity().useCookie()) {
                    affinity(f, out);
                }
            }
            Routing r = routing(file, spec.name());
            sslOffloading(spec.name(), r, out);
            for (RewriteRule rule : r.secure()) {
                portCondition(rule, OptionalInt.of(spec.https().lbPort()), out);
            }
            for (RewriteRule rule : r.plain()) {
                if (spec.http().isEmpty()) {
                    out.add(nonSslRule(rule, spec.name()));
                } else {
                    portCondition(rule, OptionalInt.of(spec.http().get().lbPort()), out);
                }
            }
        }
        for (SiteBinding b : want.bindings()) {
            if (file.binding(b.site(), b.key()).isEmpty()) {
                out.add(missingBinding(b));
            }
            if (b.secure() && b.certificate().isEmpty()) {
                out.add(new Finding("ARR-004", Severity.ERROR, bindingPath(b), "the " + b.site() + "'s HTTPS binding on"
                        + " port " + b.port() + " has no certificate to bind", "set loadBalancer.certificate"));
            }
        }
    }

    private static void withoutTopology(ArrConfig file, List<Finding> out) {
        for (WebFarm f : file.farms()) {
            String path = farmPath(f.name());
            if (f.servers().isEmpty()) {
                out.add(new Finding("ARR-001", Severity.ERROR, path, "server farm '" + f.name() + "' has no members",
                        "add the application servers"));
            }
            Routing r = routing(file, f.name());
            OptionalInt sslPort = OptionalInt.empty();
            for (RewriteRule rule : r.secure()) {
                OptionalInt p = portCondition(rule, OptionalInt.empty(), out);
                if (p.isPresent()) {
                    sslPort = p;
                    bindingNeeded(file, "https", p.getAsInt(), out);
                }
            }
            OptionalInt httpPort = OptionalInt.empty();
            for (RewriteRule rule : r.plain()) {
                OptionalInt p = port(rule);
                if (p.isPresent() && p.getAsInt() == 80 && anchored(rule)) {
                    httpPort = p;
                    bindingNeeded(file, "http", 80, out);
                } else {
                    out.add(nonSslRule(rule, f.name()));
                }
            }
            sslOffloading(f.name(), r, out);
            for (FarmServer s : f.servers()) {
                members(f, s, sslPort.orElse(-1), httpPort.isPresent() ? FarmServer.DEFAULT_HTTP_PORT : -1, out);
            }
            health(f, out);
            boolean needsAffinity = false;
            for (ServiceType t : ServiceType.values()) {
                if (t.affinityRequired() && t.farmName().equalsIgnoreCase(f.name())) {
                    needsAffinity = true;
                }
            }
            if (needsAffinity && !f.affinity().useCookie()) {
                affinity(f, out);
            }
        }
    }

    private static void members(WebFarm f, FarmServer s, int httpsPort, int httpPort, List<Finding> out) {
        String path = farmPath(f.name()) + "/server[@address='" + s.address() + "']";
        if (!s.enabled()) {
            out.add(new Finding("ARR-001", Severity.ERROR, path, "member " + s.address() + " of server farm '"
                    + f.name() + "' is offline (enabled=\"false\")", "bring it online: enabled=\"true\""));
        }
        if (httpsPort > 0 && s.httpsPort() != httpsPort) {
            out.add(new Finding("ARR-001", Severity.ERROR, path + "/applicationRequestRouting/@httpsPort", "member "
                    + s.address() + " of server farm '" + f.name() + "' forwards HTTPS to port " + s.httpsPort()
                    + "; the service listens on " + httpsPort, "set httpsPort=\"" + httpsPort + "\""
                    + (httpsPort == 443 ? " (or remove the override)" : "")));
        }
        if (httpPort > 0 && s.httpPort() != httpPort) {
            out.add(new Finding("ARR-001", Severity.ERROR, path + "/applicationRequestRouting/@httpPort", "member "
                    + s.address() + " of server farm '" + f.name() + "' forwards HTTP to port " + s.httpPort()
                    + "; the service listens on " + httpPort, "set httpPort=\"" + httpPort + "\""));
        }
    }

    private static void health(WebFarm f, List<Finding> out) {
        String path = farmPath(f.name()) + "/applicationRequestRouting/healthCheck";
        if (!f.healthCheck().enabled()) {
            out.add(new Finding("HC-001", Severity.ERROR, path + "/@url", "server farm '" + f.name()
                    + "' has no health test (no URL)", "set the health test URL (Health Test page)"));
        }
        if (f.healthCheck().minServers() != 1) {
            out.add(new Finding("HC-001", Severity.ERROR, path + "/@minServers", "server farm '" + f.name()
                    + "' has minServers " + f.healthCheck().minServers() + "; the guide sets 1",
                    "set minServers=\"1\" (Minimum servers)"));
        }
    }

    private static void guideTest(WebFarm f, WebFarm desired, List<Finding> out) {
        String path = farmPath(f.name()) + "/applicationRequestRouting/healthCheck";
        if (!f.healthCheck().enabled()) {
            return;
        }
        String hasPath = pathOf(f.healthCheck().url());
        String wantPath = pathOf(desired.healthCheck().url());
        if (!wantPath.equals(hasPath)) {
            out.add(new Finding("HC-002", Severity.WARNING, path + "/@url", "server farm '" + f.name() + "' probes "
                    + hasPath + "; the guide probes " + wantPath, "set url=\"" + desired.healthCheck().url() + "\""));
        }
        if (!f.healthCheck().statusCodeMatch().equals(desired.healthCheck().statusCodeMatch())) {
            out.add(new Finding("HC-002", Severity.WARNING, path + "/@statusCodeMatch", "server farm '" + f.name()
                    + "' accepts " + f.healthCheck().statusCodeMatch() + "; the guide accepts "
                    + desired.healthCheck().statusCodeMatch(), "set statusCodeMatch=\""
                    + desired.healthCheck().statusCodeMatch() + "\""));
        }
        if (!f.healthCheck().responseMatch().equals(desired.healthCheck().responseMatch())) {
            out.add(new Finding("HC-002", Severity.WARNING, path + "/@responseMatch", "server farm '" + f.name()
                    + "' expects '" + f.healthCheck().responseMatch() + "' in the response; the guide expects '"
                    + desired.healthCheck().responseMatch() + "'", "set responseMatch=\""
                    + desired.healthCheck().responseMatch() + "\""));
        }
    }

    private static String pathOf(String url) {
        try {
            String path = URI.create(url.strip().replace(" ", "%20")).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static void affinity(WebFarm f, List<Finding> out) {
        out.add(new Finding("AFF-001", Severity.ERROR, farmPath(f.name()) + "/applicationRequestRouting/affinity/@useCookie",
                "server farm '" + f.name() + "' has client affinity off", "set useCookie=\"true\" (Client affinity)"));
    }

    private static void sslOffloading(String farm, Routing r, List<Finding> out) {
        if (r.secure().isEmpty() && !r.plain().isEmpty()) {
            out.add(new Finding("ARR-002", Severity.ERROR, farmPath(farm), "SSL offloading is on for server farm '"
                    + farm + "': its rules forward to http://" + farm + "/ only",
                    "turn SSL offloading off (Routing Rules), which adds " + ArrFarmSpec.sslRuleOf(farm)));
        } else if (r.secure().isEmpty()) {
            out.add(new Finding("ARR-003", Severity.ERROR, "system.webServer/rewrite/globalRules", "no URL Rewrite "
                    + "rule forwards to server farm '" + farm + "'", "add " + ArrFarmSpec.sslRuleOf(farm)
                    + " forwarding to https://" + farm + "/{R:0}"));
        }
    }

    private static Finding nonSslRule(RewriteRule rule, String farm) {
        return new Finding("ARR-003", Severity.ERROR, rulePath(rule.name()), "the non-SSL rule '" + rule.name()
                + "' still forwards to http://" + farm + "/", "remove it; only the Admin Console keeps a non-SSL rule, "
                + "conditioned on {SERVER_PORT} = 80");
    }

    private static Finding missingBinding(SiteBinding b) {
        return new Finding("ARR-004", Severity.ERROR, bindingPath(b), "the " + b.site() + " has no " + b.protocol()
                + " binding on port " + b.port(), "add binding " + b.protocol() + " " + b.bindingInformation());
    }

    private static void bindingNeeded(ArrConfig file, String protocol, int port, List<Finding> out) {
        SiteBinding b = protocol.equals("https") ? SiteBinding.https(port, Optional.empty()) : SiteBinding.http(port);
        boolean has = file.bindings().stream().anyMatch(x -> x.protocol().equals(protocol) && x.port() == port);
        if (!has) {
            out.add(missingBinding(b));
        }
    }

    /**
     * Checks the rule's <code>{SERVER_PORT}</code> condition: present, anchored and, when a port is
     * expected, that port.
     *
     * @return the port the rule is conditioned on, when it is exactly one
     */
    private static OptionalInt portCondition(RewriteRule rule, OptionalInt expected, List<Finding> out) {
        String path = rulePath(rule.name()) + "/conditions";
        List<RuleCondition> ports = portConditions(rule);
        if (ports.isEmpty()) {
            out.add(new Finding("ARR-003", Severity.ERROR, path, "rule '" + rule.name() + "' has no {SERVER_PORT} "
                    + "condition, so it takes requests on every port", "add the condition {SERVER_PORT} = "
                    + expected.stream().mapToObj(p -> "^" + p + "$").findFirst().orElse("^<service port>$")));
            return OptionalInt.empty();
        }
        OptionalInt port = port(rule);
        if (!anchored(rule)) {
            out.add(new Finding("ARR-003", Severity.ERROR, path, "rule '" + rule.name() + "' has the unanchored "
                    + "{SERVER_PORT} condition '" + ports.get(0).pattern() + "', which matches other ports too",
                    "anchor it: ^" + port.orElse(expected.orElse(7001)) + "$"));
            return OptionalInt.empty();
        }
        if (expected.isPresent() && (port.isEmpty() || port.getAsInt() != expected.getAsInt())) {
            out.add(new Finding("ARR-003", Severity.ERROR, path, "rule '" + rule.name() + "' is conditioned on "
                    + "{SERVER_PORT} '" + ports.get(0).pattern() + "'; the service's port is " + expected.getAsInt(),
                    "set the pattern to ^" + expected.getAsInt() + "$"));
        }
        return port;
    }

    private static List<RuleCondition> portConditions(RewriteRule rule) {
        return rule.conditions().stream().filter(c -> c.input().equalsIgnoreCase("{SERVER_PORT}") && !c.negate()
                && c.matchType() == RuleCondition.MatchType.PATTERN).toList();
    }

    private static OptionalInt port(RewriteRule rule) {
        for (RuleCondition c : portConditions(rule)) {
            String digits = c.pattern().replaceAll("[^0-9]", "");
            if (!digits.isEmpty() && digits.length() <= 5 && matches(rule.patternSyntax(), c.pattern(), digits)) {
                int p = Integer.parseInt(digits);
                if (p >= 1 && p <= 65535) {
                    return OptionalInt.of(p);
                }
            }
        }
        return OptionalInt.empty();
    }

    private static boolean anchored(RewriteRule rule) {
        List<RuleCondition> ports = portConditions(rule);
        if (ports.size() != 1) {
            return false;
        }
        String pattern = ports.get(0).pattern();
        String digits = pattern.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return false;
        }
        return matches(rule.patternSyntax(), pattern, digits) && !matches(rule.patternSyntax(), pattern, "1" + digits)
                && !matches(rule.patternSyntax(), pattern, digits + "1");
    }

    private static boolean matches(RewriteRule.PatternSyntax syntax, String pattern, String input) {
        return RuleOrder.matches(syntax, pattern, input);
    }

    private static Routing routing(ArrConfig file, String farm) {
        List<RewriteRule> secure = new ArrayList<>();
        List<RewriteRule> plain = new ArrayList<>();
        for (RewriteRule r : file.rules()) {
            if (!r.enabled() || r.actionType() != RewriteRule.ActionType.REWRITE) {
                continue;
            }
            String url = r.actionUrl().toLowerCase(Locale.ROOT);
            String f = farm.toLowerCase(Locale.ROOT);
            if (url.startsWith("https://" + f + "/")) {
                secure.add(r);
            } else if (url.startsWith("http://" + f + "/")) {
                plain.add(r);
            }
        }
        return new Routing(secure, plain);
    }

    private static String farmPath(String farm) {
        return "webFarms/webFarm[@name='" + farm + "']";
    }

    private static String rulePath(String rule) {
        return "system.webServer/rewrite/globalRules/rule[@name='" + rule + "']";
    }

    private static String bindingPath(SiteBinding b) {
        return "system.applicationHost/sites/site[@name='" + b.site() + "']/bindings/binding[@protocol='"
                + b.protocol() + "'][@bindingInformation='" + b.bindingInformation() + "']";
    }
}

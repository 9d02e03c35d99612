package io.hakit.iis.internal;

import io.hakit.iis.ArrConfig;
import io.hakit.iis.ArrConfigRenderer;
import io.hakit.iis.FarmServer;
import io.hakit.iis.RewriteRule;
import io.hakit.iis.RuleCondition;
import io.hakit.iis.WebFarm;
import io.hakit.model.Deployment;
import io.hakit.model.ServiceMode;
import io.hakit.model.ServiceType;
import io.hakit.model.validate.AuditReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which farms and global rules of an applicationHost.config an audit judges (DESIGN.md, "Scope on a
 * shared device"). With a topology: the farms hakit renders for it (by the names it gives them), the
 * rules it writes or removes, and every rule that forwards to one of those farms. Without one: the
 * PatientSecure farms found in the file (named as the catalog names them, or serving one of the catalog's
 * distinctive ports through a member's {@code httpsPort} or a rule's <code>{SERVER_PORT}</code> condition)
 * and the rules that forward to them. Everything else is another application's: listed, never judged.
 * With {@code --all}, everything. Immutable.
 *
 * @param scope the scope used
 * @param farms the names of the farms in scope, lower case
 * @param rules the names of the rules in scope, lower case
 * @param outOfScope the objects left alone, e.g. {@code webFarm Intranet Farm}, in file order
 */
public record ArrScope(AuditReport.Scope scope, Set<String> farms, Set<String> rules, List<String> outOfScope) {

    /**
     * @throws NullPointerException naming a null argument
     */
    public ArrScope {
        farms = Set.copyOf(farms);
        rules = Set.copyOf(rules);
        outOfScope = List.copyOf(outOfScope);
    }

    /**
     * @param file what the file holds
     * @param deployment the topology's deployment, if given
     * @param all whether every object is judged
     * @return the scope
     */
    public static ArrScope of(ArrConfig file, Optional<Deployment> deployment, boolean all) {
        Set<String> farms = new HashSet<>();
        Set<String> rules = new HashSet<>();
        AuditReport.Scope scope;
        if (all) {
            scope = AuditReport.Scope.ALL;
            file.farms().forEach(f -> farms.add(key(f.name())));
            file.rules().forEach(r -> rules.add(key(r.name())));
        } else if (deployment.isPresent()) {
            scope = AuditReport.Scope.DEPLOYMENT;
            ArrConfig want = ArrConfigRenderer.render(deployment.get());
            want.farms().forEach(f -> farms.add(key(f.name())));
            want.rules().forEach(r -> rules.add(key(r.name())));
            ArrConfigRenderer.removedRules(deployment.get()).forEach(r -> rules.add(key(r)));
        } else {
            scope = AuditReport.Scope.FOUND;
            for (WebFarm f : file.farms()) {
                if (patientSecure(f, file)) {
                    farms.add(key(f.name()));
                }
            }
        }
        for (RewriteRule r : file.rules()) {
            farmOf(r).filter(farms::contains).ifPresent(f -> rules.add(key(r.name())));
        }
        List<String> out = new ArrayList<>();
        file.farms().stream().filter(f -> !farms.contains(key(f.name()))).forEach(f -> out.add("webFarm " + f.name()));
        file.rules().stream().filter(r -> !rules.contains(key(r.name()))).forEach(r -> out.add("rule " + r.name()));
        return new ArrScope(scope, farms, rules, out);
    }

    /**
     * @param farm a farm's name
     * @return whether it is judged
     */
    public boolean hasFarm(String farm) {
        return farms.contains(key(farm));
    }

    /**
     * @param rule a rule's name
     * @return whether it is judged
     */
    public boolean hasRule(String rule) {
        return rules.contains(key(rule));
    }

    /** @return the file's configuration reduced to what is in scope */
    ArrConfig filter(ArrConfig file) {
        ArrConfig.Builder b = ArrConfig.builder();
        file.farms().stream().filter(f -> hasFarm(f.name())).forEach(b::farm);
        file.rules().stream().filter(r -> hasRule(r.name())).forEach(b::rule);
        file.bindings().forEach(b::binding);
        return b.build();
    }

    private static boolean patientSecure(WebFarm f, ArrConfig file) {
        Set<Integer> ports = distinctivePorts();
        for (ServiceType t : ServiceType.values()) {
            String n = t.farmName().toLowerCase(Locale.ROOT);
            String name = key(f.name());
            if (name.equals(n) || name.startsWith(n + " ")) {
                return true;
            }
        }
        for (FarmServer s : f.servers()) {
            if (ports.contains(s.httpsPort())) {
                return true;
            }
        }
        for (RewriteRule r : file.rules()) {
            if (farmOf(r).filter(key(f.name())::equals).isPresent()) {
                for (RuleCondition c : r.conditions()) {
                    if (c.input().equalsIgnoreCase("{SERVER_PORT}")) {
                        String digits = c.pattern().replaceAll("[^0-9]", "");
                        if (!digits.isEmpty() && digits.length() <= 5 && ports.contains(Integer.parseInt(digits))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** The catalog's ports other than 80 and 443: the ones that tell a PatientSecure farm from any other. */
    private static Set<Integer> distinctivePorts() {
        Set<Integer> out = new HashSet<>();
        for (ServiceType t : ServiceType.values()) {
            if (t.mode() == ServiceMode.BALANCED) {
                t.defaultPorts().stream().filter(p -> p != 80 && p != 443).forEach(out::add);
            }
        }
        return out;
    }

    /**
     * @param rule a rule
     * @return the farm its action forwards to (the host of a Rewrite URL), lower case
     */
    static Optional<String> farmOf(RewriteRule rule) {
        if (rule.actionType() != RewriteRule.ActionType.REWRITE) {
            return Optional.empty();
        }
        String url = rule.actionUrl();
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return Optional.empty();
        }
        int end = url.indexOf('/', scheme + 3);
        return Optional.of(key(end < 0 ? url.substring(scheme + 3) : url.substring(scheme + 3, end)));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

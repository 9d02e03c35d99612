package io.hakit.iis.internal;

import io.hakit.iis.ArrConfig;
import io.hakit.iis.FarmServer;
import io.hakit.iis.RewriteRule;
import io.hakit.iis.RuleCondition;
import io.hakit.iis.SiteBinding;
import io.hakit.iis.WebFarm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The appcmd script ({@code arr-appcmd.cmd}) of a rendered configuration. It gives the merge's result:
 * farms and rules are updated in place (attribute sets; never deleted and re-created), so what hakit does
 * not model on them survives; new rules go to the top of {@code globalRules} in the rendered order
 * (appcmd's positional add {@code [@start,...]}), existing ones keep their place; new members and
 * conditions are appended. Every {@code appcmd set config} call is one commit; appcmd has no transaction
 * spanning calls, so the script makes one call per new farm, member, rule and condition and one per
 * object's settings. What appcmd cannot do without reading the file first: remove members and conditions
 * the rendered configuration does not list (it removes the wizard's own {@code {HTTPS} On} conditions and
 * unanchored port conditions; the merge and the PowerShell script remove any). Stateless.
 */
public final class AppcmdScript {

    private static final String RULES = "system.webServer/rewrite/globalRules";

    private AppcmdScript() {
    }

    /**
     * @param name the deployment's name
     * @param arr the rendered configuration
     * @param removedRules rules that must not exist
     * @return the script's lines
     */
    public static List<String> lines(String name, ArrConfig arr, List<String> removedRules) {
        List<String> l = new ArrayList<>();
        l.add("@echo off");
        l.add("REM hakit: IIS + ARR configuration of deployment '" + name + "' with appcmd.");
        l.add("REM Idempotent: run it again at will. Run as Administrator on the load balancer.");
        l.add("REM Each appcmd call below is one commit of applicationHost.config; appcmd has no transaction across");
        l.add("REM calls, so a failure part-way leaves the earlier calls applied (run the script again, or use");
        l.add("REM arr-webadministration.ps1, which commits everything at once). Objects are updated in place.");
        l.add("setlocal");
        l.add("set APPCMD=%windir%\\system32\\inetsrv\\appcmd.exe");
        l.add("");
        l.add("REM ARR forwards nothing until the server-level proxy is on.");
        l.add("%APPCMD% set config -section:system.webServer/proxy /enabled:\"True\" /commit:apphost || goto :fail");
        for (WebFarm f : arr.farms()) {
            farm(f, l);
        }
        for (String removed : removedRules) {
            String r = cmd(removed);
            l.add("");
            l.add("REM ARR-003: the wizard's non-SSL rule goes (SSL offloading stays off).");
            l.add(exists(RULES, "[name='" + r + "']", "name") + " && %APPCMD% set config -section:" + RULES
                    + " /-\"[name='" + r + "']\" /commit:apphost");
        }
        List<RewriteRule> rules = arr.rules();
        for (int i = rules.size() - 1; i >= 0; i--) {
            rule(rules.get(i), l);
        }
        l.add("");
        l.add("REM ---- Default Web Site bindings (certificates: certificates.cmd)");
        for (SiteBinding b : arr.bindings()) {
            String entry = "[protocol='" + b.protocol() + "',bindingInformation='" + b.bindingInformation() + "']";
            l.add("%APPCMD% list site \"" + b.site() + "\" | findstr /l /c:\"" + b.key() + "\" >nul || %APPCMD% set site"
                    + " /site.name:\"" + b.site() + "\" /+bindings." + entry + " || goto :fail");
            if (b.secure()) {
                l.add("%APPCMD% set site /site.name:\"" + b.site() + "\" /bindings." + entry + ".sslFlags:"
                        + b.sslFlags() + " || goto :fail");
            }
        }
        l.add("");
        l.add("echo hakit: ARR configuration applied.");
        l.add("exit /b 0");
        l.add(":fail");
        l.add("echo hakit: an appcmd step failed (exit code %errorlevel%); fix it and run this script again. 1>&2");
        l.add("exit /b 1");
        return l;
    }

    private static void farm(WebFarm f, List<String> l) {
        String n = cmd(f.name());
        String sel = "[name='" + n + "']";
        l.add("");
        l.add("REM ---- server farm " + n);
        l.add(exists("webFarms", sel, "name") + " || %APPCMD% set config -section:webFarms /+\"" + sel
                + "\" /commit:apphost || goto :fail");
        for (FarmServer s : f.servers()) {
            String member = sel + ".[address='" + cmd(s.address()) + "']";
            l.add(exists("webFarms", member, "address") + " || %APPCMD% set config -section:webFarms /+\"" + member
                    + "\" /commit:apphost || goto :fail");
        }
        // one commit for the farm's own settings, one per member: each line stays far below cmd's 8191 limit
        Map<String, StringBuilder> sets = new LinkedHashMap<>();
        for (Map.Entry<String, Object> a : ArrAttributes.of(f).entrySet()) {
            ArrAttributes.FarmKey key = ArrAttributes.FarmKey.of(f, a.getKey());
            String path = key.path();
            String target = key.member().map(m -> sel + ".[address='" + cmd(m) + "']").orElse(sel);
            sets.computeIfAbsent(target, k -> new StringBuilder("%APPCMD% set config -section:webFarms"))
                    .append(" /\"").append(target).append("\".").append(path).append(":\"")
                    .append(cmd(value(a.getValue()))).append('"');
        }
        sets.values().forEach(set -> l.add(set.append(" /commit:apphost || goto :fail").toString()));
    }

    private static void rule(RewriteRule rule, List<String> l) {
        String r = cmd(rule.name());
        String sel = "[name='" + r + "']";
        l.add("");
        l.add("REM ---- global rule " + r + ": added at the top when missing, else updated in place");
        StringBuilder add = new StringBuilder(exists(RULES, sel, "name") + " || %APPCMD% set config -section:" + RULES);
        add.append(" /+\"[@start,name='").append(r).append("']\"");
        settings(rule, sel, add);
        for (RuleCondition c : rule.conditions()) {
            // in the same call: a new rule is never committed without its conditions (it would take every request)
            add.append(" /+\"").append(sel).append(".conditions.").append(condition(c)).append('"');
        }
        l.add(add.append(" /commit:apphost || goto :fail").toString());
        StringBuilder set = new StringBuilder("%APPCMD% set config -section:" + RULES);
        settings(rule, sel, set);
        l.add(set.append(" /commit:apphost || goto :fail").toString());
        for (RuleCondition c : rule.conditions()) {
            String cond = sel + ".conditions." + condition(c);
            l.add(exists(RULES, cond, "input") + " || %APPCMD% set config -section:" + RULES + " /+\"" + cond
                    + "\" /commit:apphost || goto :fail");
        }
        for (RuleCondition c : superseded(rule)) {
            String cond = sel + ".conditions." + condition(c);
            l.add(exists(RULES, cond, "input") + " && %APPCMD% set config -section:" + RULES + " /-\"" + cond
                    + "\" /commit:apphost");
        }
    }

    private static void settings(RewriteRule rule, String sel, StringBuilder b) {
        b.append(" /\"").append(sel).append("\".patternSyntax:\"").append(rule.patternSyntax().value()).append('"');
        b.append(" /\"").append(sel).append("\".stopProcessing:\"").append(value(rule.stopProcessing())).append('"');
        b.append(" /\"").append(sel).append("\".match.url:\"").append(cmd(rule.matchUrl())).append('"');
        b.append(" /\"").append(sel).append("\".conditions.logicalGrouping:\"").append(rule.logicalGrouping().value())
                .append('"');
        b.append(" /\"").append(sel).append("\".action.type:\"").append(rule.actionType().value()).append('"');
        b.append(" /\"").append(sel).append("\".action.url:\"").append(cmd(rule.actionUrl())).append('"');
    }

    /** The conditions ARR's wizard and hand edits put where hakit's anchored ones go. */
    private static List<RuleCondition> superseded(RewriteRule rule) {
        List<RuleCondition> out = new ArrayList<>();
        for (RuleCondition c : rule.conditions()) {
            String p = c.pattern();
            if (p.startsWith("^") && p.endsWith("$") && p.length() > 2) {
                String bare = p.substring(1, p.length() - 1);
                for (String v : bare.chars().allMatch(Character::isDigit) ? List.of(bare)
                        : List.of(bare, bare.charAt(0) + bare.substring(1).toLowerCase(java.util.Locale.ROOT))) {
                    RuleCondition old = RuleCondition.of(c.input(), v);
                    if (!rule.conditions().contains(old) && !out.contains(old)) {
                        out.add(old);
                    }
                }
            }
        }
        return out;
    }

    private static String condition(RuleCondition c) {
        StringBuilder b = new StringBuilder("[input='").append(cmd(c.input())).append("',pattern='")
                .append(cmd(c.pattern())).append('\'');
        if (c.negate()) {
            b.append(",negate='True'");
        }
        return b.append(']').toString();
    }

    private static String exists(String section, String selector, String attribute) {
        return "%APPCMD% search config /section:" + section + " /\"" + selector + "\"." + attribute
                + " | findstr /b /c:\"CONFIGSEARCH\" >nul";
    }

    private static String value(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        return String.valueOf(v);
    }

    /**
     * @param s a value for a cmd line
     * @return it unchanged
     * @throws IllegalArgumentException when it holds {@code "} or {@code %}
     */
    static String cmd(String s) {
        if (s.indexOf('"') >= 0 || s.indexOf('%') >= 0 || s.indexOf('\'') >= 0) {
            throw new IllegalArgumentException("'" + s + "' cannot be written into a cmd script (contains \", ' or %)");
        }
        return s;
    }
}

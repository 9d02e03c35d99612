package io.hakit.iis.internal;

import io.hakit.iis.ArrConfig;
import io.hakit.iis.FarmServer;
import io.hakit.iis.RewriteRule;
import io.hakit.iis.RuleCondition;
import io.hakit.iis.SiteBinding;
import io.hakit.iis.WebFarm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PowerShell (WebAdministration) script ({@code arr-webadministration.ps1}) of a rendered
 * configuration. It gives the merge's result on any file: farms, rules and bindings are updated in place
 * (never deleted and re-created; what hakit does not model survives); new rules go to the top of
 * {@code globalRules} in the rendered order ({@code -AtIndex 0}), existing ones keep their place; members
 * and conditions are synchronised (the ones not rendered are removed, missing ones appended, the others
 * keep their order); HTTPS bindings get {@code sslFlags} as rendered. Everything runs between
 * {@code Start-WebCommitDelay} and {@code Stop-WebCommitDelay -Commit $true}: one commit, or none when a
 * step fails. The script's work is done by the small functions at its top, called one per line below
 * them. Stateless.
 */
public final class PowerShellScript {

    private static final String RULES = "system.webServer/rewrite/globalRules";

    private PowerShellScript() {
    }

    /**
     * @param name the deployment's name
     * @param arr the rendered configuration
     * @param removedRules rules that must not exist
     * @return the script's lines
     */
    public static List<String> lines(String name, ArrConfig arr, List<String> removedRules) {
        List<String> l = new ArrayList<>();
        l.add("#Requires -RunAsAdministrator");
        l.add("# hakit: IIS + ARR configuration of deployment '" + name + "' with WebAdministration.");
        l.add("# Idempotent: run it again at will. Objects are updated in place; every change below is committed");
        l.add("# at once by Stop-WebCommitDelay -Commit $true, or not at all when a step fails.");
        l.add("$ErrorActionPreference = 'Stop'");
        l.add("Import-Module WebAdministration");
        l.add("$ps = 'MACHINE/WEBROOT/APPHOST'");
        l.add("");
        l.add("function Add-IfMissing([string]$filter, [string]$parent, [hashtable]$value, [int]$at = -1) {");
        l.add("    if (-not (Get-WebConfiguration -PSPath $ps -Filter $filter)) {");
        l.add("        if ($at -ge 0) {");
        l.add("            Add-WebConfigurationProperty -PSPath $ps -Filter $parent -Name '.' -Value $value -AtIndex $at");
        l.add("        } else {");
        l.add("            Add-WebConfigurationProperty -PSPath $ps -Filter $parent -Name '.' -Value $value");
        l.add("        }");
        l.add("    }");
        l.add("}");
        l.add("function Remove-IfPresent([string]$filter, [string]$parent, [hashtable]$key) {");
        l.add("    if (Get-WebConfiguration -PSPath $ps -Filter $filter) {");
        l.add("        Remove-WebConfigurationProperty -PSPath $ps -Filter $parent -Name '.' -AtElement $key");
        l.add("    }");
        l.add("}");
        l.add("function Set-Attr([string]$filter, [string]$name, $value) {");
        l.add("    Set-WebConfigurationProperty -PSPath $ps -Filter $filter -Name $name -Value $value");
        l.add("}");
        l.add("# Keeps exactly the listed entries of a collection, in their order, and appends the missing ones.");
        l.add("function Sync-Collection([string]$filter, [string[]]$keys, [hashtable[]]$wanted) {");
        l.add("    $id = { param($e) ($keys | ForEach-Object { [string]$e.$_ }) -join \"`n\" }");
        l.add("    $want = @($wanted | ForEach-Object { & $id ([pscustomobject]$_) })");
        l.add("    foreach ($e in @(Get-WebConfigurationProperty -PSPath $ps -Filter $filter -Name Collection)) {");
        l.add("        if ($want -notcontains (& $id $e)) {");
        l.add("            $at = @{}; $keys | ForEach-Object { $at[$_] = $e.$_ }");
        l.add("            Remove-WebConfigurationProperty -PSPath $ps -Filter $filter -Name '.' -AtElement $at");
        l.add("        }");
        l.add("    }");
        l.add("    $have = @(Get-WebConfigurationProperty -PSPath $ps -Filter $filter -Name Collection | ForEach-Object { & $id $_ })");
        l.add("    foreach ($w in $wanted) {");
        l.add("        if ($have -notcontains (& $id ([pscustomobject]$w))) {");
        l.add("            Add-WebConfigurationProperty -PSPath $ps -Filter $filter -Name '.' -Value $w");
        l.add("        }");
        l.add("    }");
        l.add("}");
        l.add("");
        l.add("Start-WebCommitDelay");
        l.add("try {");
        l.add("# ARR forwards nothing until the server-level proxy is on.");
        l.add("Set-Attr 'system.webServer/proxy' 'enabled' $true");
        for (WebFarm f : arr.farms()) {
            farm(f, l);
        }
        for (String removed : removedRules) {
            l.add("");
            l.add("# ARR-003: the wizard's non-SSL rule goes (SSL offloading stays off).");
            l.add("Remove-IfPresent " + ps(RULES + "/rule[@name=" + xq(removed) + "]") + " " + ps(RULES) + " @{name="
                    + ps(removed) + "}");
        }
        List<RewriteRule> rules = arr.rules();
        for (int i = rules.size() - 1; i >= 0; i--) {
            rule(rules.get(i), l);
        }
        l.add("");
        l.add("# ---- Default Web Site bindings (certificates: certificates.ps1)");
        for (SiteBinding b : arr.bindings()) {
            String parent = "system.applicationHost/sites/site[@name=" + xq(b.site()) + "]/bindings";
            String filter = parent + "/binding[@protocol=" + xq(b.protocol()) + " and @bindingInformation="
                    + xq(b.bindingInformation()) + "]";
            l.add("Add-IfMissing " + ps(filter) + " " + ps(parent) + " @{protocol=" + ps(b.protocol())
                    + "; bindingInformation=" + ps(b.bindingInformation()) + "}");
            if (b.secure()) {
                l.add("Set-Attr " + ps(filter) + " 'sslFlags' " + b.sslFlags());
            }
        }
        l.add("");
        l.add("Stop-WebCommitDelay -Commit $true");
        l.add("} catch {");
        l.add("    Stop-WebCommitDelay -Commit $false");
        l.add("    throw");
        l.add("}");
        l.add("Write-Host 'hakit: ARR configuration applied.'");
        return l;
    }

    private static void farm(WebFarm f, List<String> l) {
        String farm = "webFarms/webFarm[@name=" + xq(f.name()) + "]";
        l.add("");
        l.add("# ---- server farm " + f.name());
        l.add("Add-IfMissing " + ps(farm) + " 'webFarms' @{name=" + ps(f.name()) + "}");
        StringBuilder members = new StringBuilder("Sync-Collection " + ps(farm) + " @('address') @(");
        for (int i = 0; i < f.servers().size(); i++) {
            FarmServer s = f.servers().get(i);
            members.append(i == 0 ? "" : ", ").append("@{address=").append(ps(s.address())).append('}');
        }
        l.add(members.append(')').toString());
        for (Map.Entry<String, Object> a : ArrAttributes.of(f).entrySet()) {
            ArrAttributes.FarmKey key = ArrAttributes.FarmKey.of(f, a.getKey());
            String path = key.path();
            String element = key.member().map(m -> farm + "/server[@address=" + xq(m) + "]").orElse(farm);
            int dot = path.lastIndexOf('.');
            if (dot > 0) {
                element = element + "/" + path.substring(0, dot).replace('.', '/');
                path = path.substring(dot + 1);
            }
            l.add("Set-Attr " + ps(element) + " " + ps(path) + " " + psValue(a.getValue()));
        }
    }

    private static void rule(RewriteRule r, List<String> l) {
        String rule = RULES + "/rule[@name=" + xq(r.name()) + "]";
        l.add("");
        l.add("# ---- global rule " + r.name() + ": added at the top when missing, else updated in place");
        l.add("Add-IfMissing " + ps(rule) + " " + ps(RULES) + " @{name=" + ps(r.name()) + "} 0");
        l.add("Set-Attr " + ps(rule) + " 'patternSyntax' " + ps(r.patternSyntax().value()));
        l.add("Set-Attr " + ps(rule) + " 'stopProcessing' " + psValue(r.stopProcessing()));
        l.add("Set-Attr " + ps(rule + "/match") + " 'url' " + ps(r.matchUrl()));
        l.add("Set-Attr " + ps(rule + "/conditions") + " 'logicalGrouping' " + ps(r.logicalGrouping().value()));
        StringBuilder wanted = new StringBuilder("Sync-Collection " + ps(rule + "/conditions")
                + " @('input', 'matchType', 'pattern', 'ignoreCase', 'negate') @(");
        for (int i = 0; i < r.conditions().size(); i++) {
            RuleCondition c = r.conditions().get(i);
            wanted.append(i == 0 ? "" : ", ").append("@{input=").append(ps(c.input())).append("; matchType=")
                    .append(ps(c.matchType().value())).append("; pattern=").append(ps(c.pattern()))
                    .append("; ignoreCase=").append(psValue(c.ignoreCase())).append("; negate=")
                    .append(psValue(c.negate())).append('}');
        }
        l.add(wanted.append(')').toString());
        l.add("Set-Attr " + ps(rule + "/action") + " 'type' " + ps(r.actionType().value()));
        l.add("Set-Attr " + ps(rule + "/action") + " 'url' " + ps(r.actionUrl()));
    }

    /**
     * @param s a value
     * @return it as a PowerShell single-quoted string literal
     */
    public static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String ps(String s) {
        return quote(s);
    }

    private static String psValue(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "$true" : "$false";
        }
        if (v instanceof Number) {
            return v.toString();
        }
        return ps(String.valueOf(v));
    }

    /** An XPath string literal for a WebAdministration filter. */
    private static String xq(String s) {
        if (s.indexOf('\'') >= 0) {
            throw new IllegalArgumentException("'" + s + "' cannot be used in a WebAdministration filter (contains ')");
        }
        return "'" + s + "'";
    }
}

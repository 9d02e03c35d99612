package io.hakit.iis;

import io.hakit.iis.internal.ArrAttributes;
import io.hakit.model.Deployment;
import io.hakit.model.cert.CertificateChain;
import io.hakit.model.cert.Pem;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scripted equivalents of a merge, for operators who change IIS with its own tools: an
 * idempotent appcmd script, an idempotent PowerShell (WebAdministration) script, and the
 * certificate steps (the trust CA into {@code LocalMachine\Root}, guide installation step 1 /
 * TLS-004, and the {@code netsh http add sslcert} bindings of every HTTPS port). Every script can run
 * again: additions are guarded (appcmd {@code /+} never meets a duplicate), settings are plain sets.
 * Scripts use CRLF line endings. Stateless and thread-safe.
 */
public final class IisScripts {

    /** IIS's HTTP.sys owner id for SSL bindings (W3SVC_SSL_OWNER_GUID). */
    public static final String IIS_APP_ID = "{4dc3e181-e14b-4a21-b022-59fc669b0914}";

    private static final String CRLF = "\r\n";

    private IisScripts() {
    }

    /**
     * @param deployment the deployment
     * @return the appcmd script ({@code .cmd})
     */
    public static String appcmd(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        ArrConfig arr = ArrConfigRenderer.render(deployment);
        List<String> l = new ArrayList<>();
        l.add("@echo off");
        l.add("REM hakit: IIS + ARR configuration of deployment '" + deployment.name() + "' with appcmd.");
        l.add("REM Idempotent: run it again at will. Run as Administrator on the load balancer.");
        l.add("setlocal");
        l.add("set APPCMD=%windir%\\system32\\inetsrv\\appcmd.exe");
        l.add("");
        l.add("REM ARR forwards nothing until the server-level proxy is on.");
        l.add("%APPCMD% set config -section:system.webServer/proxy /enabled:\"True\" /commit:apphost || goto :fail");
        for (WebFarm f : arr.farms()) {
            String n = cmd(f.name());
            l.add("");
            l.add("REM ---- server farm " + n);
            l.add("%APPCMD% search config /section:webFarms /\"[name='" + n + "']\".name | findstr /b /c:\"CONFIGSEARCH\""
                    + " >nul || %APPCMD% set config -section:webFarms /+\"[name='" + n + "']\" /commit:apphost"
                    + " || goto :fail");
            for (FarmServer s : f.servers()) {
                String sel = "[name='" + n + "'].[address='" + cmd(s.address()) + "']";
                l.add("%APPCMD% search config /section:webFarms /\"" + sel + "\".address | findstr /b /c:\"CONFIGSEARCH\""
                        + " >nul || %APPCMD% set config -section:webFarms /+\"" + sel + "\" /commit:apphost"
                        + " || goto :fail");
            }
            // one commit for the farm's own settings, one per member: each line stays far below cmd's 8191 limit
            Map<String, StringBuilder> sets = new LinkedHashMap<>();
            for (Map.Entry<String, Object> a : ArrAttributes.of(f).entrySet()) {
                String path = a.getKey();
                String sel = "[name='" + n + "']";
                if (path.startsWith("server[")) {
                    int close = path.indexOf(']');
                    String address = f.server(path.substring(7, close)).orElseThrow().address();
                    sel = sel + ".[address='" + cmd(address) + "']";
                    path = path.substring(close + 2);
                }
                sets.computeIfAbsent(sel, k -> new StringBuilder("%APPCMD% set config -section:webFarms"))
                        .append(" /\"").append(sel).append("\".").append(path).append(":\"")
                        .append(cmd(value(a.getValue()))).append('"');
            }
            sets.values().forEach(set -> l.add(set.append(" /commit:apphost || goto :fail").toString()));
        }
        for (String removed : ArrConfigRenderer.removedRules(deployment)) {
            String r = cmd(removed);
            l.add("");
            l.add("REM ARR-003: the wizard's non-SSL rule goes (SSL offloading stays off).");
            l.add("%APPCMD% search config /section:system.webServer/rewrite/globalRules /\"[name='" + r + "']\".name"
                    + " | findstr /b /c:\"CONFIGSEARCH\" >nul && %APPCMD% set config"
                    + " -section:system.webServer/rewrite/globalRules /-\"[name='" + r + "']\" /commit:apphost");
        }
        for (RewriteRule rule : arr.rules()) {
            String r = cmd(rule.name());
            String sel = "[name='" + r + "']";
            l.add("");
            l.add("REM ---- global rule " + r + " (re-created in one commit so its conditions are exact)");
            l.add("%APPCMD% search config /section:system.webServer/rewrite/globalRules /\"" + sel + "\".name"
                    + " | findstr /b /c:\"CONFIGSEARCH\" >nul && %APPCMD% set config"
                    + " -section:system.webServer/rewrite/globalRules /-\"" + sel + "\" /commit:apphost");
            StringBuilder add = new StringBuilder("%APPCMD% set config -section:system.webServer/rewrite/globalRules");
            add.append(" /+\"[name='").append(r).append("',patternSyntax='").append(rule.patternSyntax().value())
                    .append("',stopProcessing='").append(rule.stopProcessing() ? "True" : "False").append("']\"");
            add.append(" /\"").append(sel).append("\".match.url:\"").append(cmd(rule.matchUrl())).append('"');
            add.append(" /\"").append(sel).append("\".conditions.logicalGrouping:\"")
                    .append(rule.logicalGrouping().value()).append('"');
            for (RuleCondition c : rule.conditions()) {
                add.append(" /+\"").append(sel).append(".conditions.[input='").append(cmd(c.input()))
                        .append("',pattern='").append(cmd(c.pattern())).append("'");
                if (c.negate()) {
                    add.append(",negate='True'");
                }
                add.append("]\"");
            }
            add.append(" /\"").append(sel).append("\".action.type:\"").append(rule.actionType().value()).append('"');
            add.append(" /\"").append(sel).append("\".action.url:\"").append(cmd(rule.actionUrl())).append('"');
            l.add(add.append(" /commit:apphost || goto :fail").toString());
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
        return String.join(CRLF, l) + CRLF;
    }

    /**
     * @param deployment the deployment
     * @return the PowerShell script ({@code .ps1}, module WebAdministration)
     */
    public static String powerShell(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        ArrConfig arr = ArrConfigRenderer.render(deployment);
        List<String> l = new ArrayList<>();
        l.add("#Requires -RunAsAdministrator");
        l.add("# hakit: IIS + ARR configuration of deployment '" + deployment.name() + "' with WebAdministration.");
        l.add("# Idempotent: every addition is guarded, every setting is a plain set; run it again at will.");
        l.add("$ErrorActionPreference = 'Stop'");
        l.add("Import-Module WebAdministration");
        l.add("$ps = 'MACHINE/WEBROOT/APPHOST'");
        l.add("");
        l.add("function Add-IfMissing([string]$filter, [string]$parent, [hashtable]$value) {");
        l.add("    if (-not (Get-WebConfiguration -PSPath $ps -Filter $filter)) {");
        l.add("        Add-WebConfigurationProperty -PSPath $ps -Filter $parent -Name '.' -Value $value");
        l.add("    }");
        l.add("}");
        l.add("function Set-Attr([string]$filter, [string]$name, $value) {");
        l.add("    Set-WebConfigurationProperty -PSPath $ps -Filter $filter -Name $name -Value $value");
        l.add("}");
        l.add("");
        l.add("# ARR forwards nothing until the server-level proxy is on.");
        l.add("Set-Attr 'system.webServer/proxy' 'enabled' $true");
        for (WebFarm f : arr.farms()) {
            String farm = "webFarms/webFarm[@name=" + xq(f.name()) + "]";
            l.add("");
            l.add("# ---- server farm " + f.name());
            l.add("Add-IfMissing " + ps(farm) + " 'webFarms' @{name=" + ps(f.name()) + "}");
            for (FarmServer s : f.servers()) {
                l.add("Add-IfMissing " + ps(farm + "/server[@address=" + xq(s.address()) + "]") + " " + ps(farm)
                        + " @{address=" + ps(s.address()) + "}");
            }
            for (Map.Entry<String, Object> a : ArrAttributes.of(f).entrySet()) {
                String path = a.getKey();
                String element = farm;
                if (path.startsWith("server[")) {
                    int close = path.indexOf(']');
                    String address = f.server(path.substring(7, close)).orElseThrow().address();
                    element = farm + "/server[@address=" + xq(address) + "]";
                    path = path.substring(close + 2);
                }
                int dot = path.lastIndexOf('.');
                if (dot > 0) {
                    element = element + "/" + path.substring(0, dot).replace('.', '/');
                    path = path.substring(dot + 1);
                }
                l.add("Set-Attr " + ps(element) + " " + ps(path) + " " + psValue(a.getValue()));
            }
        }
        String rules = "system.webServer/rewrite/globalRules";
        for (String removed : ArrConfigRenderer.removedRules(deployment)) {
            String filter = rules + "/rule[@name=" + xq(removed) + "]";
            l.add("");
            l.add("# ARR-003: the wizard's non-SSL rule goes (SSL offloading stays off).");
            l.add("if (Get-WebConfiguration -PSPath $ps -Filter " + ps(filter) + ") {");
            l.add("    Remove-WebConfigurationProperty -PSPath $ps -Filter " + ps(rules) + " -Name '.' -AtElement @{name="
                    + ps(removed) + "}");
            l.add("}");
        }
        for (RewriteRule r : arr.rules()) {
            String rule = rules + "/rule[@name=" + xq(r.name()) + "]";
            l.add("");
            l.add("# ---- global rule " + r.name());
            l.add("Add-IfMissing " + ps(rule) + " " + ps(rules) + " @{name=" + ps(r.name()) + "}");
            l.add("Set-Attr " + ps(rule) + " 'patternSyntax' " + ps(r.patternSyntax().value()));
            l.add("Set-Attr " + ps(rule) + " 'stopProcessing' " + psValue(r.stopProcessing()));
            l.add("Set-Attr " + ps(rule + "/match") + " 'url' " + ps(r.matchUrl()));
            l.add("Set-Attr " + ps(rule + "/conditions") + " 'logicalGrouping' " + ps(r.logicalGrouping().value()));
            StringBuilder wanted = new StringBuilder("$wanted = @(");
            for (int i = 0; i < r.conditions().size(); i++) {
                RuleCondition c = r.conditions().get(i);
                wanted.append(i == 0 ? "" : ", ").append(ps(c.input() + " " + c.pattern()));
            }
            l.add(wanted.append(")").toString());
            l.add("Get-WebConfigurationProperty -PSPath $ps -Filter " + ps(rule + "/conditions") + " -Name Collection |");
            l.add("    Where-Object { $wanted -notcontains ($_.input + ' ' + $_.pattern) } |");
            l.add("    ForEach-Object { Remove-WebConfigurationProperty -PSPath $ps -Filter " + ps(rule + "/conditions")
                    + " -Name '.' -AtElement @{input=$_.input; pattern=$_.pattern} }");
            for (RuleCondition c : r.conditions()) {
                l.add("Add-IfMissing " + ps(rule + "/conditions/add[@input=" + xq(c.input()) + " and @pattern="
                        + xq(c.pattern()) + "]") + " " + ps(rule + "/conditions") + " @{input=" + ps(c.input())
                        + "; pattern=" + ps(c.pattern()) + "}");
            }
            l.add("Set-Attr " + ps(rule + "/action") + " 'type' " + ps(r.actionType().value()));
            l.add("Set-Attr " + ps(rule + "/action") + " 'url' " + ps(r.actionUrl()));
        }
        l.add("");
        l.add("# ---- Default Web Site bindings (certificates: certificates.ps1)");
        for (SiteBinding b : arr.bindings()) {
            l.add("if (-not (Get-WebBinding -Name " + ps(b.site()) + " -Protocol " + b.protocol() + " -Port " + b.port()
                    + ")) {");
            l.add("    New-WebBinding -Name " + ps(b.site()) + " -IPAddress '*' -Port " + b.port() + " -Protocol "
                    + b.protocol() + (b.secure() ? " -SslFlags " + b.sslFlags() : ""));
            l.add("}");
        }
        l.add("");
        l.add("Write-Host 'hakit: ARR configuration applied.'");
        return String.join(CRLF, l) + CRLF;
    }

    /**
     * The certificate steps as a command script: import the trust CA into {@code LocalMachine\Root}
     * (TLS-004; ARR then verifies the application servers), check that the load balancer's
     * certificate is in {@code LocalMachine\My}, and bind each HTTPS port in HTTP.sys with
     * {@code netsh http add sslcert} (rebinding only when another certificate is bound).
     *
     * @param deployment the deployment
     * @return the script ({@code .cmd}); it expects the files of {@link #trustCaFiles} beside it
     */
    public static String certificatesCmd(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        List<String> l = new ArrayList<>();
        l.add("@echo off");
        l.add("REM hakit: certificates of deployment '" + deployment.name() + "'. Idempotent; run as Administrator.");
        l.add("setlocal");
        Map<String, String> cas = trustCaFiles(deployment);
        if (!cas.isEmpty()) {
            l.add("");
            l.add("REM 1. Trust the CA that signed the application servers' certificates (TLS-004).");
            for (String file : cas.keySet()) {
                l.add("certutil -f -addstore Root \"%~dp0" + file + "\" >nul || goto :fail");
            }
        }
        l.add("");
        l.add("REM 2. HTTP.sys certificate bindings of the Default Web Site's HTTPS ports.");
        java.util.Set<String> checked = new java.util.HashSet<>();
        for (SiteBinding b : ArrConfigRenderer.render(deployment).bindings()) {
            if (!b.secure()) {
                continue;
            }
            String ipport = "0.0.0.0:" + b.port();
            Optional<CertificateBinding> cert = b.certificate();
            if (cert.isEmpty()) {
                l.add("REM port " + b.port() + ": the topology names no certificate (ARR-004); bind one by hand.");
                continue;
            }
            String tp = cert.get().thumbprint();
            if (checked.add(tp)) {
                l.add("certutil -store My " + tp + " >nul 2>&1 || (echo hakit: certificate " + tp + " is not in"
                    + " LocalMachine\\My: import it with its private key first 1>&2 & goto :fail)");
            }
            l.add("netsh http show sslcert ipport=" + ipport + " | findstr /i /c:\"" + tp.toLowerCase(Locale.ROOT)
                    + "\" >nul || (netsh http delete sslcert ipport=" + ipport + " >nul 2>&1 & netsh http add sslcert"
                    + " ipport=" + ipport + " certhash=" + tp + " appid=\"" + IIS_APP_ID + "\" certstorename="
                    + cert.get().storeName() + " || goto :fail)");
        }
        l.add("");
        l.add("echo hakit: certificates in place.");
        l.add("exit /b 0");
        l.add(":fail");
        l.add("echo hakit: a certificate step failed; fix it and run this script again. 1>&2");
        l.add("exit /b 1");
        return String.join(CRLF, l) + CRLF;
    }

    /**
     * The certificate steps in PowerShell: {@code Import-Certificate} of the trust CA into
     * {@code Cert:\LocalMachine\Root} (TLS-004), then {@code New-IISSiteBinding} (IISAdministration) for
     * missing HTTPS bindings and {@code netsh http add sslcert} for ports bound to another certificate.
     *
     * @param deployment the deployment
     * @return the script ({@code .ps1}); it expects the files of {@link #trustCaFiles} beside it
     */
    public static String certificatesPowerShell(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        List<String> l = new ArrayList<>();
        l.add("#Requires -RunAsAdministrator");
        l.add("# hakit: certificates of deployment '" + deployment.name() + "'. Idempotent.");
        l.add("$ErrorActionPreference = 'Stop'");
        l.add("Import-Module IISAdministration");
        Map<String, String> cas = trustCaFiles(deployment);
        List<X509Certificate> caCerts = deployment.trustCa().map(CertificateChain::certificates).orElse(List.of());
        int i = 0;
        if (!cas.isEmpty()) {
            l.add("");
            l.add("# 1. Trust the CA that signed the application servers' certificates (TLS-004).");
        }
        for (String file : cas.keySet()) {
            String tp = ArrConfigRenderer.thumbprint(caCerts.get(i++));
            l.add("if (-not (Test-Path 'Cert:\\LocalMachine\\Root\\" + tp + "')) {");
            l.add("    Import-Certificate -FilePath (Join-Path $PSScriptRoot '" + file
                    + "') -CertStoreLocation 'Cert:\\LocalMachine\\Root' | Out-Null");
            l.add("}");
        }
        l.add("");
        l.add("# 2. HTTPS bindings of the Default Web Site with their certificates.");
        java.util.Set<String> checked = new java.util.HashSet<>();
        for (SiteBinding b : ArrConfigRenderer.render(deployment).bindings()) {
            if (!b.secure()) {
                continue;
            }
            if (b.certificate().isEmpty()) {
                l.add("# port " + b.port() + ": the topology names no certificate (ARR-004); bind one by hand.");
                continue;
            }
            String tp = b.certificate().get().thumbprint();
            if (checked.add(tp)) {
                l.add("if (-not (Test-Path 'Cert:\\LocalMachine\\My\\" + tp + "')) { throw 'hakit: certificate " + tp
                        + " is not in LocalMachine\\My: import it with its private key first' }");
            }
            l.add("if (-not (Get-IISSiteBinding -Name " + ps(b.site()) + " -BindingInformation '" + b.bindingInformation()
                    + "' -Protocol https)) {");
            l.add("    New-IISSiteBinding -Name " + ps(b.site()) + " -BindingInformation '" + b.bindingInformation()
                    + "' -Protocol https -CertificateThumbPrint '" + tp + "' -CertStoreLocation 'Cert:\\LocalMachine\\My'");
            l.add("}");
            l.add("if ((netsh http show sslcert ipport=0.0.0.0:" + b.port() + " | Out-String) -notmatch '" + tp + "') {");
            l.add("    netsh http delete sslcert ipport=0.0.0.0:" + b.port() + " | Out-Null");
            l.add("    netsh http add sslcert ipport=0.0.0.0:" + b.port() + " certhash=" + tp + " 'appid=" + IIS_APP_ID
                    + "' certstorename=" + b.certificate().get().storeName());
            l.add("    if ($LASTEXITCODE -ne 0) { throw 'hakit: netsh could not bind port " + b.port() + "' }");
            l.add("}");
        }
        l.add("");
        l.add("Write-Host 'hakit: certificates in place.'");
        return String.join(CRLF, l) + CRLF;
    }

    /**
     * @param deployment the deployment
     * @return the trust CA's certificates as {@code .cer} files (PEM text), by file name:
     *     {@code trust-ca.cer}, or {@code trust-ca-1.cer}, {@code trust-ca-2.cer}, ... for several;
     *     empty when the topology names no trust CA
     */
    public static Map<String, String> trustCaFiles(Deployment deployment) {
        Map<String, String> out = new LinkedHashMap<>();
        List<X509Certificate> certs = deployment.trustCa().map(CertificateChain::certificates).orElse(List.of());
        for (int i = 0; i < certs.size(); i++) {
            String name = certs.size() == 1 ? "trust-ca.cer" : "trust-ca-" + (i + 1) + ".cer";
            out.put(name, Pem.write(List.of(certs.get(i)), Pem.CRLF));
        }
        return out;
    }

    private static String value(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        return String.valueOf(v);
    }

    private static String cmd(String s) {
        if (s.indexOf('"') >= 0 || s.indexOf('%') >= 0) {
            throw new IllegalArgumentException("'" + s + "' cannot be written into a cmd script (contains \" or %)");
        }
        return s;
    }

    private static String ps(String s) {
        return "'" + s.replace("'", "''") + "'";
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

package io.hakit.iis;

import io.hakit.iis.internal.AppcmdScript;
import io.hakit.iis.internal.PowerShellScript;
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
 * idempotent appcmd script, an idempotent PowerShell (WebAdministration) script (both update
 * hakit's farms and rules in place and order new rules as the merge does), and the
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
     * The appcmd script: updates farms and rules in place (what hakit does not model survives), adds new
     * rules at the top of {@code globalRules} in the rendered order, as the merge does. One commit per
     * appcmd call (appcmd has no transaction across calls); it does not remove members or conditions it
     * cannot name without reading the file (the merge and {@link #powerShell} do).
     *
     * @param deployment the deployment
     * @return the appcmd script ({@code .cmd})
     */
    public static String appcmd(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        return String.join(CRLF, AppcmdScript.lines(deployment.name(), ArrConfigRenderer.render(deployment),
                ArrConfigRenderer.removedRules(deployment))) + CRLF;
    }

    /**
     * The PowerShell (WebAdministration) script: the merge's result on any file, in one commit
     * ({@code Start-WebCommitDelay} / {@code Stop-WebCommitDelay -Commit $true}).
     *
     * @param deployment the deployment
     * @return the PowerShell script ({@code .ps1}, module WebAdministration)
     */
    public static String powerShell(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        return String.join(CRLF, PowerShellScript.lines(deployment.name(), ArrConfigRenderer.render(deployment),
                ArrConfigRenderer.removedRules(deployment))) + CRLF;
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
            l.add("if (-not (Get-IISSiteBinding -Name " + PowerShellScript.quote(b.site()) + " -BindingInformation '" + b.bindingInformation()
                    + "' -Protocol https)) {");
            l.add("    New-IISSiteBinding -Name " + PowerShellScript.quote(b.site()) + " -BindingInformation '" + b.bindingInformation()
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
}

package io.hakit.iis;

import io.hakit.iis.internal.PowerShellScript;
import io.hakit.model.Deployment;
import io.hakit.model.ops.DrainOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Drain and enable for IIS/ARR, as PowerShell: the adapter works on files, and a server's runtime state in a farm
 * is not in {@code applicationHost.config} but behind ARR's runtime extension ({@code Microsoft.Web.Arr.RuntimeState}
 * in ARR's schema): the {@code SetState} method of a farm server's {@code applicationRequestRouting} element
 * (newState Start 0, Drain 1, GracefulStop 2, ForcefulStop 3) and its read-only {@code counters} ({@code state}
 * Active 0, Draining 1, Inactive 2; {@code isHealthy}; {@code currentRequests}). The scripts use
 * Microsoft.Web.Administration, as IIS Manager does.
 *
 * <p>The drain script, for the server's member in each of the deployment's farms that the file has: refuses (exit
 * 1, nothing changed) when another farm member is neither enabled, Active nor healthy, unless {@code -Force};
 * calls {@code SetState(Drain)} on the members that are Active (no new requests; those with affinity finish),
 * records their farms in {@code %ProgramData%\hakit\drain-<deployment>-<server>.txt}, waits until their
 * {@code currentRequests} reach 0 or {@code -WaitSeconds} elapse (a progress line per poll), then
 * {@code SetState(GracefulStop)}. The enable script calls {@code SetState(Start)} on exactly the farms recorded
 * there (members an operator had stopped before stay stopped) and removes the record. HL7 is not on ARR (ARR
 * proxies HTTP only). Scripts use CRLF line endings. Stateless and thread-safe.
 */
public final class ArrDrainScripts {

    /** ARR's {@code SetState} newState: Start. */
    public static final int START = 0;
    /** ARR's {@code SetState} newState: Drain. */
    public static final int DRAIN = 1;
    /** ARR's {@code SetState} newState: GracefulStop. */
    public static final int GRACEFUL_STOP = 2;

    private static final String CRLF = "\r\n";

    private ArrDrainScripts() {
    }

    /**
     * @param deployment the deployment
     * @param file what the server's {@code applicationHost.config} has (which of the deployment's farms exist)
     * @param server the server to drain
     * @param options the wait and poll become the script's defaults; force becomes {@code -Force}'s default
     * @return the drain script ({@code .ps1})
     * @throws IllegalArgumentException when the server is in none of the deployment's farms in the file
     */
    public static String drain(Deployment deployment, ArrConfig file, String server, DrainOptions options) {
        Objects.requireNonNull(options, "options");
        List<String> farms = farms(deployment, file, server);
        List<String> l = header(deployment, server, farms, "drain", "Exit 0 drained, 1 refused (nothing changed).");
        l.add("param(");
        l.add("    [int]$WaitSeconds = " + options.waitFor().toSeconds() + ",");
        l.add("    [int]$PollSeconds = " + Math.max(1, options.poll().toSeconds()) + ",");
        l.add("    [switch]$Force" + (options.force() ? " = $true" : ""));
        l.add(")");
        common(deployment, server, farms, l);
        l.add("");
        l.add("# 1. Refuse, changing nothing, when the server is the last available member of a farm");
        l.add("foreach ($name in $farmNames) {");
        l.add("    $up = 0");
        l.add("    foreach ($m in (Get-Farm $name).GetCollection()) {");
        l.add("        if ($m.GetAttributeValue('address') -eq $server -or -not $m.GetAttributeValue('enabled')) { continue }");
        l.add("        $c = Get-Counters $m");
        l.add("        if ($c.GetAttributeValue('state') -eq 0 -and $c.GetAttributeValue('isHealthy')) { $up++ }");
        l.add("    }");
        l.add("    if ($up -eq 0 -and -not $Force) {");
        l.add("        Write-Output \"refused: $server is the last available member of '$name'; nothing changed (-Force drains it anyway)\"");
        l.add("        exit 1");
        l.add("    }");
        l.add("}");
        l.add("");
        l.add("# 2. Drain the members that are Active (no new requests; requests with affinity finish); record them");
        l.add("$drained = @()");
        l.add("if (Test-Path $stateFile) { $drained = @(Get-Content -Path $stateFile) }");
        l.add("foreach ($name in $farmNames) {");
        l.add("    $m = Get-Member $name");
        l.add("    if ((Get-Counters $m).GetAttributeValue('state') -ne 0) {");
        l.add("        Write-Output \"${name}: not Active, left as it is\"");
        l.add("        continue");
        l.add("    }");
        l.add("    Invoke-SetState $m " + DRAIN + " # Drain");
        l.add("    if ($drained -notcontains $name) { $drained += $name }");
        l.add("    Set-Content -Path $stateFile -Value $drained -Encoding UTF8");
        l.add("    Write-Output \"${name}: draining\"");
        l.add("}");
        l.add("");
        l.add("# 3. Wait until the drained members' currentRequests reach 0, or WaitSeconds elapse");
        l.add("$deadline = (Get-Date).AddSeconds($WaitSeconds)");
        l.add("while ($true) {");
        l.add("    $current = 0");
        l.add("    foreach ($name in $drained) { $current += (Get-Counters (Get-Member $name)).GetAttributeValue('currentRequests') }");
        l.add("    $left = [math]::Max(0, [int]($deadline - (Get-Date)).TotalSeconds)");
        l.add("    Write-Output \"waiting: $current requests on $server, $left s left\"");
        l.add("    if ($current -eq 0 -or $left -eq 0) { break }");
        l.add("    Start-Sleep -Seconds $PollSeconds");
        l.add("}");
        l.add("");
        l.add("# 4. GracefulStop: nothing new reaches the server, affinity or not");
        l.add("foreach ($name in $drained) { Invoke-SetState (Get-Member $name) " + GRACEFUL_STOP + " } # GracefulStop");
        l.add("Write-Output \"drained: $server in $($drained.Count) farms, $current requests left\"");
        l.add("exit 0");
        return String.join(CRLF, l) + CRLF;
    }

    /**
     * @param deployment the deployment
     * @param file what the server's {@code applicationHost.config} has
     * @param server the server to enable
     * @return the enable script ({@code .ps1}): {@code SetState(Start)} on exactly the farms the drain recorded
     * @throws IllegalArgumentException when the server is in none of the deployment's farms in the file
     */
    public static String enable(Deployment deployment, ArrConfig file, String server) {
        List<String> farms = farms(deployment, file, server);
        List<String> l = header(deployment, server, farms, "enable", "Exit 0 enabled (or nothing recorded to enable).");
        common(deployment, server, farms, l);
        l.add("");
        l.add("if (-not (Test-Path $stateFile)) {");
        l.add("    Write-Output \"nothing to enable: no drain of $server is recorded in $stateFile\"");
        l.add("    exit 0");
        l.add("}");
        l.add("# Start exactly the members the drain took out; others stay as they are");
        l.add("foreach ($name in @(Get-Content -Path $stateFile)) {");
        l.add("    if ($farmNames -notcontains $name) { continue }");
        l.add("    Invoke-SetState (Get-Member $name) " + START + " # Start");
        l.add("    Write-Output \"${name}: started\"");
        l.add("}");
        l.add("Remove-Item -Path $stateFile");
        l.add("Write-Output \"enabled: $server\"");
        l.add("exit 0");
        return String.join(CRLF, l) + CRLF;
    }

    /**
     * @param deployment the deployment
     * @param file the file
     * @param server a server
     * @return the names of the deployment's farms in the file that have the server as a member, in the file's order
     * @throws IllegalArgumentException when there are none
     */
    public static List<String> farms(Deployment deployment, ArrConfig file, String server) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(server, "server");
        List<String> ours = ArrConfigRenderer.render(deployment).farms().stream().map(WebFarm::name).toList();
        List<String> out = new ArrayList<>();
        for (WebFarm f : file.farms()) {
            if (ours.contains(f.name()) && f.servers().stream()
                    .anyMatch(s -> s.address().toLowerCase(Locale.ROOT).equals(server.toLowerCase(Locale.ROOT)))) {
                out.add(f.name());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("server " + server + " is a member of none of deployment "
                    + deployment.name() + "'s farms in the file");
        }
        return out;
    }

    private static List<String> header(Deployment d, String server, List<String> farms, String verb, String exits) {
        List<String> l = new ArrayList<>();
        l.add("# hakit: " + verb + " " + server + " in the " + farms.size() + " farms of deployment '" + d.name()
                + "' through ARR's runtime SetState.");
        l.add("# Run as Administrator on the ARR server. " + exits);
        return l;
    }

    private static void common(Deployment d, String server, List<String> farms, List<String> l) {
        l.add("$ErrorActionPreference = 'Stop'");
        l.add("[void][System.Reflection.Assembly]::LoadFrom(\"$env:windir\\system32\\inetsrv\\Microsoft.Web.Administration.dll\")");
        l.add("$server = " + PowerShellScript.quote(server));
        l.add("$farmNames = @(");
        for (int i = 0; i < farms.size(); i++) {
            l.add("    " + PowerShellScript.quote(farms.get(i)) + (i + 1 < farms.size() ? "," : ""));
        }
        l.add(")");
        l.add("$stateFile = Join-Path $env:ProgramData " + PowerShellScript.quote("hakit\\drain-" + d.name() + "-"
                + server + ".txt"));
        l.add("New-Item -ItemType Directory -Force -Path (Split-Path $stateFile) | Out-Null");
        l.add("$manager = New-Object Microsoft.Web.Administration.ServerManager");
        l.add("$webFarms = $manager.GetApplicationHostConfiguration().GetSection('webFarms').GetCollection()");
        l.add("");
        l.add("# ARR's schema: SetState newState Start 0, Drain 1, GracefulStop 2, ForcefulStop 3;");
        l.add("# counters state Active 0, Draining 1, Inactive 2");
        l.add("function Get-Farm([string]$name) {");
        l.add("    foreach ($f in $webFarms) { if ($f.GetAttributeValue('name') -eq $name) { return $f } }");
        l.add("    throw \"webFarm '$name' is not in applicationHost.config\"");
        l.add("}");
        l.add("function Get-Member([string]$name) {");
        l.add("    foreach ($m in (Get-Farm $name).GetCollection()) { if ($m.GetAttributeValue('address') -eq $server) { return $m } }");
        l.add("    throw \"$server is not a member of webFarm '$name'\"");
        l.add("}");
        l.add("function Get-Counters($member) {");
        l.add("    return $member.GetChildElement('applicationRequestRouting').GetChildElement('counters')");
        l.add("}");
        l.add("function Invoke-SetState($member, [int]$newState) {");
        l.add("    $call = $member.GetChildElement('applicationRequestRouting').Methods['SetState'].CreateInstance()");
        l.add("    $call.Input.Attributes[0].Value = $newState");
        l.add("    $call.Execute()");
        l.add("}");
    }
}

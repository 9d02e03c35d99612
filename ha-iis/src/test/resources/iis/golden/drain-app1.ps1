# hakit: drain app1.hospital.org in the 8 farms of deployment 'example-hospital' through ARR's runtime SetState.
# Run as Administrator on the ARR server. Exit 0 drained, 1 refused (nothing changed).
param(
    [int]$WaitSeconds = 300,
    [int]$PollSeconds = 1,
    [switch]$Force
)
$ErrorActionPreference = 'Stop'
[void][System.Reflection.Assembly]::LoadFrom("$env:windir\system32\inetsrv\Microsoft.Web.Administration.dll")
$server = 'app1.hospital.org'
$farmNames = @(
    'PatientSecure Identity Server',
    'PatientSecure Web Services',
    'PatientSecure User Interface Server',
    'PatientSecure Reporting Service',
    'PatientSecure Admin Console',
    'PatientSecure Emergency Search Service',
    'PatientSecure Emergency Search Service 7006',
    'PatientSecure System Health Service'
)
$stateFile = Join-Path $env:ProgramData 'hakit\drain-example-hospital-app1.hospital.org.txt'
New-Item -ItemType Directory -Force -Path (Split-Path $stateFile) | Out-Null
$manager = New-Object Microsoft.Web.Administration.ServerManager
$webFarms = $manager.GetApplicationHostConfiguration().GetSection('webFarms').GetCollection()

# ARR's schema: SetState newState Start 0, Drain 1, GracefulStop 2, ForcefulStop 3;
# counters state Active 0, Draining 1, Inactive 2
function Get-Farm([string]$name) {
    foreach ($f in $webFarms) { if ($f.GetAttributeValue('name') -eq $name) { return $f } }
    throw "webFarm '$name' is not in applicationHost.config"
}
function Get-Member([string]$name) {
    foreach ($m in (Get-Farm $name).GetCollection()) { if ($m.GetAttributeValue('address') -eq $server) { return $m } }
    throw "$server is not a member of webFarm '$name'"
}
function Get-Counters($member) {
    return $member.GetChildElement('applicationRequestRouting').GetChildElement('counters')
}
function Invoke-SetState($member, [int]$newState) {
    $call = $member.GetChildElement('applicationRequestRouting').Methods['SetState'].CreateInstance()
    $call.Input.Attributes[0].Value = $newState
    $call.Execute()
}

# 1. Refuse, changing nothing, when the server is the last available member of a farm
foreach ($name in $farmNames) {
    $up = 0
    foreach ($m in (Get-Farm $name).GetCollection()) {
        if ($m.GetAttributeValue('address') -eq $server -or -not $m.GetAttributeValue('enabled')) { continue }
        $c = Get-Counters $m
        if ($c.GetAttributeValue('state') -eq 0 -and $c.GetAttributeValue('isHealthy')) { $up++ }
    }
    if ($up -eq 0 -and -not $Force) {
        Write-Output "refused: $server is the last available member of '$name'; nothing changed (-Force drains it anyway)"
        exit 1
    }
}

# 2. Drain the members that are Active (no new requests; requests with affinity finish); record them
$drained = @()
if (Test-Path $stateFile) { $drained = @(Get-Content -Path $stateFile) }
foreach ($name in $farmNames) {
    $m = Get-Member $name
    if ((Get-Counters $m).GetAttributeValue('state') -ne 0) {
        Write-Output "${name}: not Active, left as it is"
        continue
    }
    Invoke-SetState $m 1 # Drain
    if ($drained -notcontains $name) { $drained += $name }
    Set-Content -Path $stateFile -Value $drained -Encoding UTF8
    Write-Output "${name}: draining"
}

# 3. Wait until the drained members' currentRequests reach 0, or WaitSeconds elapse
$deadline = (Get-Date).AddSeconds($WaitSeconds)
while ($true) {
    $current = 0
    foreach ($name in $drained) { $current += (Get-Counters (Get-Member $name)).GetAttributeValue('currentRequests') }
    $left = [math]::Max(0, [int]($deadline - (Get-Date)).TotalSeconds)
    Write-Output "waiting: $current requests on $server, $left s left"
    if ($current -eq 0 -or $left -eq 0) { break }
    Start-Sleep -Seconds $PollSeconds
}

# 4. GracefulStop: nothing new reaches the server, affinity or not
foreach ($name in $drained) { Invoke-SetState (Get-Member $name) 2 } # GracefulStop
Write-Output "drained: $server in $($drained.Count) farms, $current requests left"
exit 0

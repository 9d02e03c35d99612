# hakit: enable app1.hospital.org in the 8 farms of deployment 'example-hospital' through ARR's runtime SetState.
# Run as Administrator on the ARR server. Exit 0 enabled (or nothing recorded to enable).
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

if (-not (Test-Path $stateFile)) {
    Write-Output "nothing to enable: no drain of $server is recorded in $stateFile"
    exit 0
}
# Start exactly the members the drain took out; others stay as they are
foreach ($name in @(Get-Content -Path $stateFile)) {
    if ($farmNames -notcontains $name) { continue }
    Invoke-SetState (Get-Member $name) 0 # Start
    Write-Output "${name}: started"
}
Remove-Item -Path $stateFile
Write-Output "enabled: $server"
exit 0

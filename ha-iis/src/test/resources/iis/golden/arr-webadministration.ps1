#Requires -RunAsAdministrator
# hakit: IIS + ARR configuration of deployment 'example-hospital' with WebAdministration.
# Idempotent: run it again at will. Objects are updated in place; every change below is committed
# at once by Stop-WebCommitDelay -Commit $true, or not at all when a step fails.
$ErrorActionPreference = 'Stop'
Import-Module WebAdministration
$ps = 'MACHINE/WEBROOT/APPHOST'

function Add-IfMissing([string]$filter, [string]$parent, [hashtable]$value, [int]$at = -1) {
    if (-not (Get-WebConfiguration -PSPath $ps -Filter $filter)) {
        if ($at -ge 0) {
            Add-WebConfigurationProperty -PSPath $ps -Filter $parent -Name '.' -Value $value -AtIndex $at
        } else {
            Add-WebConfigurationProperty -PSPath $ps -Filter $parent -Name '.' -Value $value
        }
    }
}
function Remove-IfPresent([string]$filter, [string]$parent, [hashtable]$key) {
    if (Get-WebConfiguration -PSPath $ps -Filter $filter) {
        Remove-WebConfigurationProperty -PSPath $ps -Filter $parent -Name '.' -AtElement $key
    }
}
function Set-Attr([string]$filter, [string]$name, $value) {
    Set-WebConfigurationProperty -PSPath $ps -Filter $filter -Name $name -Value $value
}
# Keeps exactly the listed entries of a collection, in their order, and appends the missing ones.
function Sync-Collection([string]$filter, [string[]]$keys, [hashtable[]]$wanted) {
    $id = { param($e) ($keys | ForEach-Object { [string]$e.$_ }) -join "`n" }
    $want = @($wanted | ForEach-Object { & $id ([pscustomobject]$_) })
    foreach ($e in @(Get-WebConfigurationProperty -PSPath $ps -Filter $filter -Name Collection)) {
        if ($want -notcontains (& $id $e)) {
            $at = @{}; $keys | ForEach-Object { $at[$_] = $e.$_ }
            Remove-WebConfigurationProperty -PSPath $ps -Filter $filter -Name '.' -AtElement $at
        }
    }
    $have = @(Get-WebConfigurationProperty -PSPath $ps -Filter $filter -Name Collection | ForEach-Object { & $id $_ })
    foreach ($w in $wanted) {
        if ($have -notcontains (& $id ([pscustomobject]$w))) {
            Add-WebConfigurationProperty -PSPath $ps -Filter $filter -Name '.' -Value $w
        }
    }
}

Start-WebCommitDelay
try {
# ARR forwards nothing until the server-level proxy is on.
Set-Attr 'system.webServer/proxy' 'enabled' $true

# ---- server farm PatientSecure Identity Server
Add-IfMissing 'webFarms/webFarm[@name=''PatientSecure Identity Server'']' 'webFarms' @{name='PatientSecure Identity Server'}
Sync-Collection 'webFarms/webFarm[@name=''PatientSecure Identity Server'']' @('address') @(@{address='app1.hospital.org'}, @{address='app2.hospital.org'})
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/healthCheck' 'url' 'https://patientsecure.hospital.org:7001/identityserver'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/healthCheck' 'interval' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/healthCheck' 'timeout' '00:00:10'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/healthCheck' 'retries' 3
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/healthCheck' 'statusCodeMatch' '200-399'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/healthCheck' 'responseMatch' 'IdentityServer4'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/healthCheck' 'minServers' 1
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/affinity' 'useCookie' $false
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/affinity' 'cookieName' 'ARRAffinity'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/loadBalancing' 'algorithm' 'WeightedRoundRobin'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/protocol' 'timeout' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/protocol' 'keepAlive' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/protocol' 'preserveHostHeader' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/applicationRequestRouting/protocol' 'reverseRewriteHostInResponseHeaders' $false
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/server[@address=''app1.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpsPort' 7001
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'weight' 100
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/server[@address=''app2.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpsPort' 7001
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Identity Server'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'weight' 100

# ---- server farm PatientSecure Web Services
Add-IfMissing 'webFarms/webFarm[@name=''PatientSecure Web Services'']' 'webFarms' @{name='PatientSecure Web Services'}
Sync-Collection 'webFarms/webFarm[@name=''PatientSecure Web Services'']' @('address') @(@{address='app1.hospital.org'}, @{address='app2.hospital.org'})
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/healthCheck' 'url' 'https://patientsecure.hospital.org:7002/psws/api/public/status'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/healthCheck' 'interval' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/healthCheck' 'timeout' '00:00:10'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/healthCheck' 'retries' 3
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/healthCheck' 'statusCodeMatch' '200-302'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/healthCheck' 'responseMatch' ''
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/healthCheck' 'minServers' 1
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/affinity' 'useCookie' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/affinity' 'cookieName' 'ARRAffinity'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/loadBalancing' 'algorithm' 'WeightedRoundRobin'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/protocol' 'timeout' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/protocol' 'keepAlive' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/protocol' 'preserveHostHeader' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/applicationRequestRouting/protocol' 'reverseRewriteHostInResponseHeaders' $false
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/server[@address=''app1.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpsPort' 7002
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'weight' 100
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/server[@address=''app2.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpsPort' 7002
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Web Services'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'weight' 100

# ---- server farm PatientSecure User Interface Server
Add-IfMissing 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']' 'webFarms' @{name='PatientSecure User Interface Server'}
Sync-Collection 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']' @('address') @(@{address='app1.hospital.org'}, @{address='app2.hospital.org'})
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/healthCheck' 'url' 'https://patientsecure.hospital.org:7003/'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/healthCheck' 'interval' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/healthCheck' 'timeout' '00:00:10'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/healthCheck' 'retries' 3
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/healthCheck' 'statusCodeMatch' '200-399'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/healthCheck' 'responseMatch' 'UserInterface3'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/healthCheck' 'minServers' 1
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/affinity' 'useCookie' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/affinity' 'cookieName' 'ARRAffinity'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/loadBalancing' 'algorithm' 'WeightedRoundRobin'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/protocol' 'timeout' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/protocol' 'keepAlive' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/protocol' 'preserveHostHeader' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/applicationRequestRouting/protocol' 'reverseRewriteHostInResponseHeaders' $false
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/server[@address=''app1.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpsPort' 7003
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'weight' 100
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/server[@address=''app2.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpsPort' 7003
Set-Attr 'webFarms/webFarm[@name=''PatientSecure User Interface Server'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'weight' 100

# ---- server farm PatientSecure Reporting Service
Add-IfMissing 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']' 'webFarms' @{name='PatientSecure Reporting Service'}
Sync-Collection 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']' @('address') @(@{address='app1.hospital.org'}, @{address='app2.hospital.org'})
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/healthCheck' 'url' 'https://patientsecure.hospital.org:7004/api'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/healthCheck' 'interval' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/healthCheck' 'timeout' '00:00:10'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/healthCheck' 'retries' 3
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/healthCheck' 'statusCodeMatch' '200-399'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/healthCheck' 'responseMatch' ''
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/healthCheck' 'minServers' 1
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/affinity' 'useCookie' $false
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/affinity' 'cookieName' 'ARRAffinity'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/loadBalancing' 'algorithm' 'WeightedRoundRobin'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/protocol' 'timeout' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/protocol' 'keepAlive' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/protocol' 'preserveHostHeader' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/applicationRequestRouting/protocol' 'reverseRewriteHostInResponseHeaders' $false
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/server[@address=''app1.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpsPort' 7004
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'weight' 100
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/server[@address=''app2.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpsPort' 7004
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Reporting Service'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'weight' 100

# ---- server farm PatientSecure Admin Console
Add-IfMissing 'webFarms/webFarm[@name=''PatientSecure Admin Console'']' 'webFarms' @{name='PatientSecure Admin Console'}
Sync-Collection 'webFarms/webFarm[@name=''PatientSecure Admin Console'']' @('address') @(@{address='app1.hospital.org'}, @{address='app2.hospital.org'})
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/healthCheck' 'url' 'https://patientsecure.hospital.org/AdminConsole'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/healthCheck' 'interval' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/healthCheck' 'timeout' '00:00:10'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/healthCheck' 'retries' 3
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/healthCheck' 'statusCodeMatch' '200-399'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/healthCheck' 'responseMatch' ''
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/healthCheck' 'minServers' 1
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/affinity' 'useCookie' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/affinity' 'cookieName' 'ARRAffinity'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/loadBalancing' 'algorithm' 'WeightedRoundRobin'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/protocol' 'timeout' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/protocol' 'keepAlive' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/protocol' 'preserveHostHeader' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/applicationRequestRouting/protocol' 'reverseRewriteHostInResponseHeaders' $false
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/server[@address=''app1.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpsPort' 443
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'weight' 100
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/server[@address=''app2.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpsPort' 443
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Admin Console'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'weight' 100

# ---- server farm PatientSecure Emergency Search Service
Add-IfMissing 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']' 'webFarms' @{name='PatientSecure Emergency Search Service'}
Sync-Collection 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']' @('address') @(@{address='app1.hospital.org'}, @{address='app2.hospital.org'})
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/healthCheck' 'url' 'https://patientsecure.hospital.org:7005/api'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/healthCheck' 'interval' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/healthCheck' 'timeout' '00:00:10'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/healthCheck' 'retries' 3
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/healthCheck' 'statusCodeMatch' '200-399'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/healthCheck' 'responseMatch' ''
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/healthCheck' 'minServers' 1
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/affinity' 'useCookie' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/affinity' 'cookieName' 'ARRAffinity'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/loadBalancing' 'algorithm' 'WeightedRoundRobin'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/protocol' 'timeout' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/protocol' 'keepAlive' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/protocol' 'preserveHostHeader' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/applicationRequestRouting/protocol' 'reverseRewriteHostInResponseHeaders' $false
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/server[@address=''app1.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpsPort' 7005
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'weight' 100
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/server[@address=''app2.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpsPort' 7005
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'weight' 100

# ---- server farm PatientSecure Emergency Search Service 7006
Add-IfMissing 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']' 'webFarms' @{name='PatientSecure Emergency Search Service 7006'}
Sync-Collection 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']' @('address') @(@{address='app1.hospital.org'}, @{address='app2.hospital.org'})
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/healthCheck' 'url' 'https://patientsecure.hospital.org:7006/api'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/healthCheck' 'interval' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/healthCheck' 'timeout' '00:00:10'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/healthCheck' 'retries' 3
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/healthCheck' 'statusCodeMatch' '200-399'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/healthCheck' 'responseMatch' ''
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/healthCheck' 'minServers' 1
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/affinity' 'useCookie' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/affinity' 'cookieName' 'ARRAffinity'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/loadBalancing' 'algorithm' 'WeightedRoundRobin'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/protocol' 'timeout' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/protocol' 'keepAlive' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/protocol' 'preserveHostHeader' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/applicationRequestRouting/protocol' 'reverseRewriteHostInResponseHeaders' $false
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/server[@address=''app1.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpsPort' 7006
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'weight' 100
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/server[@address=''app2.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpsPort' 7006
Set-Attr 'webFarms/webFarm[@name=''PatientSecure Emergency Search Service 7006'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'weight' 100

# ---- server farm PatientSecure System Health Service
Add-IfMissing 'webFarms/webFarm[@name=''PatientSecure System Health Service'']' 'webFarms' @{name='PatientSecure System Health Service'}
Sync-Collection 'webFarms/webFarm[@name=''PatientSecure System Health Service'']' @('address') @(@{address='app1.hospital.org'}, @{address='app2.hospital.org'})
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/healthCheck' 'url' 'https://patientsecure.hospital.org:7007/api'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/healthCheck' 'interval' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/healthCheck' 'timeout' '00:00:10'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/healthCheck' 'retries' 3
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/healthCheck' 'statusCodeMatch' '200-399'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/healthCheck' 'responseMatch' ''
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/healthCheck' 'minServers' 1
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/affinity' 'useCookie' $false
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/affinity' 'cookieName' 'ARRAffinity'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/loadBalancing' 'algorithm' 'WeightedRoundRobin'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/protocol' 'timeout' '00:00:30'
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/protocol' 'keepAlive' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/protocol' 'preserveHostHeader' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/applicationRequestRouting/protocol' 'reverseRewriteHostInResponseHeaders' $false
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/server[@address=''app1.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'httpsPort' 7007
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/server[@address=''app1.hospital.org'']/applicationRequestRouting' 'weight' 100
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/server[@address=''app2.hospital.org'']' 'enabled' $true
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpPort' 80
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'httpsPort' 7007
Set-Attr 'webFarms/webFarm[@name=''PatientSecure System Health Service'']/server[@address=''app2.hospital.org'']/applicationRequestRouting' 'weight' 100

# ARR-003: the wizard's non-SSL rule goes (SSL offloading stays off).
Remove-IfPresent 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Identity Server_loadbalance'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure Identity Server_loadbalance'}

# ARR-003: the wizard's non-SSL rule goes (SSL offloading stays off).
Remove-IfPresent 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Web Services_loadbalance'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure Web Services_loadbalance'}

# ARR-003: the wizard's non-SSL rule goes (SSL offloading stays off).
Remove-IfPresent 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure User Interface Server_loadbalance'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure User Interface Server_loadbalance'}

# ARR-003: the wizard's non-SSL rule goes (SSL offloading stays off).
Remove-IfPresent 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Reporting Service_loadbalance'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure Reporting Service_loadbalance'}

# ARR-003: the wizard's non-SSL rule goes (SSL offloading stays off).
Remove-IfPresent 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service_loadbalance'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure Emergency Search Service_loadbalance'}

# ARR-003: the wizard's non-SSL rule goes (SSL offloading stays off).
Remove-IfPresent 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service 7006_loadbalance'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure Emergency Search Service 7006_loadbalance'}

# ARR-003: the wizard's non-SSL rule goes (SSL offloading stays off).
Remove-IfPresent 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure System Health Service_loadbalance'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure System Health Service_loadbalance'}

# ---- global rule ARR_PatientSecure System Health Service_loadbalance_SSL: added at the top when missing, else updated in place
Add-IfMissing 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure System Health Service_loadbalance_SSL'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure System Health Service_loadbalance_SSL'} 0
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure System Health Service_loadbalance_SSL'']' 'patternSyntax' 'ECMAScript'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure System Health Service_loadbalance_SSL'']' 'stopProcessing' $true
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure System Health Service_loadbalance_SSL'']/match' 'url' '.*'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure System Health Service_loadbalance_SSL'']/conditions' 'logicalGrouping' 'MatchAll'
Sync-Collection 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure System Health Service_loadbalance_SSL'']/conditions' @('input', 'matchType', 'pattern', 'ignoreCase', 'negate') @(@{input='{HTTPS}'; matchType='Pattern'; pattern='^ON$'; ignoreCase=$true; negate=$false}, @{input='{SERVER_PORT}'; matchType='Pattern'; pattern='^7007$'; ignoreCase=$true; negate=$false})
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure System Health Service_loadbalance_SSL'']/action' 'type' 'Rewrite'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure System Health Service_loadbalance_SSL'']/action' 'url' 'https://PatientSecure System Health Service/{R:0}'

# ---- global rule ARR_PatientSecure Emergency Search Service 7006_loadbalance_SSL: added at the top when missing, else updated in place
Add-IfMissing 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service 7006_loadbalance_SSL'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure Emergency Search Service 7006_loadbalance_SSL'} 0
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service 7006_loadbalance_SSL'']' 'patternSyntax' 'ECMAScript'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service 7006_loadbalance_SSL'']' 'stopProcessing' $true
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service 7006_loadbalance_SSL'']/match' 'url' '.*'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service 7006_loadbalance_SSL'']/conditions' 'logicalGrouping' 'MatchAll'
Sync-Collection 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service 7006_loadbalance_SSL'']/conditions' @('input', 'matchType', 'pattern', 'ignoreCase', 'negate') @(@{input='{HTTPS}'; matchType='Pattern'; pattern='^ON$'; ignoreCase=$true; negate=$false}, @{input='{SERVER_PORT}'; matchType='Pattern'; pattern='^7006$'; ignoreCase=$true; negate=$false})
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service 7006_loadbalance_SSL'']/action' 'type' 'Rewrite'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service 7006_loadbalance_SSL'']/action' 'url' 'https://PatientSecure Emergency Search Service 7006/{R:0}'

# ---- global rule ARR_PatientSecure Emergency Search Service_loadbalance_SSL: added at the top when missing, else updated in place
Add-IfMissing 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service_loadbalance_SSL'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure Emergency Search Service_loadbalance_SSL'} 0
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service_loadbalance_SSL'']' 'patternSyntax' 'ECMAScript'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service_loadbalance_SSL'']' 'stopProcessing' $true
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service_loadbalance_SSL'']/match' 'url' '.*'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service_loadbalance_SSL'']/conditions' 'logicalGrouping' 'MatchAll'
Sync-Collection 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service_loadbalance_SSL'']/conditions' @('input', 'matchType', 'pattern', 'ignoreCase', 'negate') @(@{input='{HTTPS}'; matchType='Pattern'; pattern='^ON$'; ignoreCase=$true; negate=$false}, @{input='{SERVER_PORT}'; matchType='Pattern'; pattern='^7005$'; ignoreCase=$true; negate=$false})
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service_loadbalance_SSL'']/action' 'type' 'Rewrite'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Emergency Search Service_loadbalance_SSL'']/action' 'url' 'https://PatientSecure Emergency Search Service/{R:0}'

# ---- global rule ARR_PatientSecure Admin Console_loadbalance: added at the top when missing, else updated in place
Add-IfMissing 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure Admin Console_loadbalance'} 0
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance'']' 'patternSyntax' 'ECMAScript'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance'']' 'stopProcessing' $true
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance'']/match' 'url' '.*'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance'']/conditions' 'logicalGrouping' 'MatchAll'
Sync-Collection 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance'']/conditions' @('input', 'matchType', 'pattern', 'ignoreCase', 'negate') @(@{input='{HTTPS}'; matchType='Pattern'; pattern='^OFF$'; ignoreCase=$true; negate=$false}, @{input='{SERVER_PORT}'; matchType='Pattern'; pattern='^80$'; ignoreCase=$true; negate=$false})
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance'']/action' 'type' 'Rewrite'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance'']/action' 'url' 'http://PatientSecure Admin Console/{R:0}'

# ---- global rule ARR_PatientSecure Admin Console_loadbalance_SSL: added at the top when missing, else updated in place
Add-IfMissing 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance_SSL'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure Admin Console_loadbalance_SSL'} 0
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance_SSL'']' 'patternSyntax' 'ECMAScript'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance_SSL'']' 'stopProcessing' $true
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance_SSL'']/match' 'url' '.*'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance_SSL'']/conditions' 'logicalGrouping' 'MatchAll'
Sync-Collection 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance_SSL'']/conditions' @('input', 'matchType', 'pattern', 'ignoreCase', 'negate') @(@{input='{HTTPS}'; matchType='Pattern'; pattern='^ON$'; ignoreCase=$true; negate=$false}, @{input='{SERVER_PORT}'; matchType='Pattern'; pattern='^443$'; ignoreCase=$true; negate=$false})
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance_SSL'']/action' 'type' 'Rewrite'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Admin Console_loadbalance_SSL'']/action' 'url' 'https://PatientSecure Admin Console/{R:0}'

# ---- global rule ARR_PatientSecure Reporting Service_loadbalance_SSL: added at the top when missing, else updated in place
Add-IfMissing 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Reporting Service_loadbalance_SSL'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure Reporting Service_loadbalance_SSL'} 0
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Reporting Service_loadbalance_SSL'']' 'patternSyntax' 'ECMAScript'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Reporting Service_loadbalance_SSL'']' 'stopProcessing' $true
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Reporting Service_loadbalance_SSL'']/match' 'url' '.*'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Reporting Service_loadbalance_SSL'']/conditions' 'logicalGrouping' 'MatchAll'
Sync-Collection 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Reporting Service_loadbalance_SSL'']/conditions' @('input', 'matchType', 'pattern', 'ignoreCase', 'negate') @(@{input='{HTTPS}'; matchType='Pattern'; pattern='^ON$'; ignoreCase=$true; negate=$false}, @{input='{SERVER_PORT}'; matchType='Pattern'; pattern='^7004$'; ignoreCase=$true; negate=$false})
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Reporting Service_loadbalance_SSL'']/action' 'type' 'Rewrite'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Reporting Service_loadbalance_SSL'']/action' 'url' 'https://PatientSecure Reporting Service/{R:0}'

# ---- global rule ARR_PatientSecure User Interface Server_loadbalance_SSL: added at the top when missing, else updated in place
Add-IfMissing 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure User Interface Server_loadbalance_SSL'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure User Interface Server_loadbalance_SSL'} 0
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure User Interface Server_loadbalance_SSL'']' 'patternSyntax' 'ECMAScript'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure User Interface Server_loadbalance_SSL'']' 'stopProcessing' $true
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure User Interface Server_loadbalance_SSL'']/match' 'url' '.*'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure User Interface Server_loadbalance_SSL'']/conditions' 'logicalGrouping' 'MatchAll'
Sync-Collection 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure User Interface Server_loadbalance_SSL'']/conditions' @('input', 'matchType', 'pattern', 'ignoreCase', 'negate') @(@{input='{HTTPS}'; matchType='Pattern'; pattern='^ON$'; ignoreCase=$true; negate=$false}, @{input='{SERVER_PORT}'; matchType='Pattern'; pattern='^7003$'; ignoreCase=$true; negate=$false})
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure User Interface Server_loadbalance_SSL'']/action' 'type' 'Rewrite'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure User Interface Server_loadbalance_SSL'']/action' 'url' 'https://PatientSecure User Interface Server/{R:0}'

# ---- global rule ARR_PatientSecure Web Services_loadbalance_SSL: added at the top when missing, else updated in place
Add-IfMissing 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Web Services_loadbalance_SSL'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure Web Services_loadbalance_SSL'} 0
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Web Services_loadbalance_SSL'']' 'patternSyntax' 'ECMAScript'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Web Services_loadbalance_SSL'']' 'stopProcessing' $true
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Web Services_loadbalance_SSL'']/match' 'url' '.*'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Web Services_loadbalance_SSL'']/conditions' 'logicalGrouping' 'MatchAll'
Sync-Collection 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Web Services_loadbalance_SSL'']/conditions' @('input', 'matchType', 'pattern', 'ignoreCase', 'negate') @(@{input='{HTTPS}'; matchType='Pattern'; pattern='^ON$'; ignoreCase=$true; negate=$false}, @{input='{SERVER_PORT}'; matchType='Pattern'; pattern='^7002$'; ignoreCase=$true; negate=$false})
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Web Services_loadbalance_SSL'']/action' 'type' 'Rewrite'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Web Services_loadbalance_SSL'']/action' 'url' 'https://PatientSecure Web Services/{R:0}'

# ---- global rule ARR_PatientSecure Identity Server_loadbalance_SSL: added at the top when missing, else updated in place
Add-IfMissing 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Identity Server_loadbalance_SSL'']' 'system.webServer/rewrite/globalRules' @{name='ARR_PatientSecure Identity Server_loadbalance_SSL'} 0
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Identity Server_loadbalance_SSL'']' 'patternSyntax' 'ECMAScript'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Identity Server_loadbalance_SSL'']' 'stopProcessing' $true
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Identity Server_loadbalance_SSL'']/match' 'url' '.*'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Identity Server_loadbalance_SSL'']/conditions' 'logicalGrouping' 'MatchAll'
Sync-Collection 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Identity Server_loadbalance_SSL'']/conditions' @('input', 'matchType', 'pattern', 'ignoreCase', 'negate') @(@{input='{HTTPS}'; matchType='Pattern'; pattern='^ON$'; ignoreCase=$true; negate=$false}, @{input='{SERVER_PORT}'; matchType='Pattern'; pattern='^7001$'; ignoreCase=$true; negate=$false})
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Identity Server_loadbalance_SSL'']/action' 'type' 'Rewrite'
Set-Attr 'system.webServer/rewrite/globalRules/rule[@name=''ARR_PatientSecure Identity Server_loadbalance_SSL'']/action' 'url' 'https://PatientSecure Identity Server/{R:0}'

# ---- Default Web Site bindings (certificates: certificates.ps1)
Add-IfMissing 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7001:'']' 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings' @{protocol='https'; bindingInformation='*:7001:'}
Set-Attr 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7001:'']' 'sslFlags' 0
Add-IfMissing 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7002:'']' 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings' @{protocol='https'; bindingInformation='*:7002:'}
Set-Attr 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7002:'']' 'sslFlags' 0
Add-IfMissing 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7003:'']' 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings' @{protocol='https'; bindingInformation='*:7003:'}
Set-Attr 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7003:'']' 'sslFlags' 0
Add-IfMissing 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7004:'']' 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings' @{protocol='https'; bindingInformation='*:7004:'}
Set-Attr 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7004:'']' 'sslFlags' 0
Add-IfMissing 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''http'' and @bindingInformation=''*:80:'']' 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings' @{protocol='http'; bindingInformation='*:80:'}
Add-IfMissing 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:443:'']' 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings' @{protocol='https'; bindingInformation='*:443:'}
Set-Attr 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:443:'']' 'sslFlags' 0
Add-IfMissing 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7005:'']' 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings' @{protocol='https'; bindingInformation='*:7005:'}
Set-Attr 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7005:'']' 'sslFlags' 0
Add-IfMissing 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7006:'']' 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings' @{protocol='https'; bindingInformation='*:7006:'}
Set-Attr 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7006:'']' 'sslFlags' 0
Add-IfMissing 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7007:'']' 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings' @{protocol='https'; bindingInformation='*:7007:'}
Set-Attr 'system.applicationHost/sites/site[@name=''Default Web Site'']/bindings/binding[@protocol=''https'' and @bindingInformation=''*:7007:'']' 'sslFlags' 0

Stop-WebCommitDelay -Commit $true
} catch {
    Stop-WebCommitDelay -Commit $false
    throw
}
Write-Host 'hakit: ARR configuration applied.'

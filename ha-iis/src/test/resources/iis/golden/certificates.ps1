#Requires -RunAsAdministrator
# hakit: certificates of deployment 'example-hospital'. Idempotent.
$ErrorActionPreference = 'Stop'
Import-Module IISAdministration

# 1. Trust the CA that signed the application servers' certificates (TLS-004).
if (-not (Test-Path 'Cert:\LocalMachine\Root\B2A09F2EEECB8889CFC2A80441E2C48F30570010')) {
    Import-Certificate -FilePath (Join-Path $PSScriptRoot 'trust-ca.cer') -CertStoreLocation 'Cert:\LocalMachine\Root' | Out-Null
}

# 2. HTTPS bindings of the Default Web Site with their certificates.
if (-not (Test-Path 'Cert:\LocalMachine\My\4D0CA8E1B092A4BD96F405300500E022E96C3C11')) { throw 'hakit: certificate 4D0CA8E1B092A4BD96F405300500E022E96C3C11 is not in LocalMachine\My: import it with its private key first' }
if (-not (Get-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7001:' -Protocol https)) {
    New-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7001:' -Protocol https -CertificateThumbPrint '4D0CA8E1B092A4BD96F405300500E022E96C3C11' -CertStoreLocation 'Cert:\LocalMachine\My'
}
if ((netsh http show sslcert ipport=0.0.0.0:7001 | Out-String) -notmatch '4D0CA8E1B092A4BD96F405300500E022E96C3C11') {
    netsh http delete sslcert ipport=0.0.0.0:7001 | Out-Null
    netsh http add sslcert ipport=0.0.0.0:7001 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}' certstorename=MY
    if ($LASTEXITCODE -ne 0) { throw 'hakit: netsh could not bind port 7001' }
}
if (-not (Get-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7002:' -Protocol https)) {
    New-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7002:' -Protocol https -CertificateThumbPrint '4D0CA8E1B092A4BD96F405300500E022E96C3C11' -CertStoreLocation 'Cert:\LocalMachine\My'
}
if ((netsh http show sslcert ipport=0.0.0.0:7002 | Out-String) -notmatch '4D0CA8E1B092A4BD96F405300500E022E96C3C11') {
    netsh http delete sslcert ipport=0.0.0.0:7002 | Out-Null
    netsh http add sslcert ipport=0.0.0.0:7002 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}' certstorename=MY
    if ($LASTEXITCODE -ne 0) { throw 'hakit: netsh could not bind port 7002' }
}
if (-not (Get-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7003:' -Protocol https)) {
    New-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7003:' -Protocol https -CertificateThumbPrint '4D0CA8E1B092A4BD96F405300500E022E96C3C11' -CertStoreLocation 'Cert:\LocalMachine\My'
}
if ((netsh http show sslcert ipport=0.0.0.0:7003 | Out-String) -notmatch '4D0CA8E1B092A4BD96F405300500E022E96C3C11') {
    netsh http delete sslcert ipport=0.0.0.0:7003 | Out-Null
    netsh http add sslcert ipport=0.0.0.0:7003 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}' certstorename=MY
    if ($LASTEXITCODE -ne 0) { throw 'hakit: netsh could not bind port 7003' }
}
if (-not (Get-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7004:' -Protocol https)) {
    New-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7004:' -Protocol https -CertificateThumbPrint '4D0CA8E1B092A4BD96F405300500E022E96C3C11' -CertStoreLocation 'Cert:\LocalMachine\My'
}
if ((netsh http show sslcert ipport=0.0.0.0:7004 | Out-String) -notmatch '4D0CA8E1B092A4BD96F405300500E022E96C3C11') {
    netsh http delete sslcert ipport=0.0.0.0:7004 | Out-Null
    netsh http add sslcert ipport=0.0.0.0:7004 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}' certstorename=MY
    if ($LASTEXITCODE -ne 0) { throw 'hakit: netsh could not bind port 7004' }
}
if (-not (Get-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:443:' -Protocol https)) {
    New-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:443:' -Protocol https -CertificateThumbPrint '4D0CA8E1B092A4BD96F405300500E022E96C3C11' -CertStoreLocation 'Cert:\LocalMachine\My'
}
if ((netsh http show sslcert ipport=0.0.0.0:443 | Out-String) -notmatch '4D0CA8E1B092A4BD96F405300500E022E96C3C11') {
    netsh http delete sslcert ipport=0.0.0.0:443 | Out-Null
    netsh http add sslcert ipport=0.0.0.0:443 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}' certstorename=MY
    if ($LASTEXITCODE -ne 0) { throw 'hakit: netsh could not bind port 443' }
}
if (-not (Get-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7005:' -Protocol https)) {
    New-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7005:' -Protocol https -CertificateThumbPrint '4D0CA8E1B092A4BD96F405300500E022E96C3C11' -CertStoreLocation 'Cert:\LocalMachine\My'
}
if ((netsh http show sslcert ipport=0.0.0.0:7005 | Out-String) -notmatch '4D0CA8E1B092A4BD96F405300500E022E96C3C11') {
    netsh http delete sslcert ipport=0.0.0.0:7005 | Out-Null
    netsh http add sslcert ipport=0.0.0.0:7005 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}' certstorename=MY
    if ($LASTEXITCODE -ne 0) { throw 'hakit: netsh could not bind port 7005' }
}
if (-not (Get-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7006:' -Protocol https)) {
    New-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7006:' -Protocol https -CertificateThumbPrint '4D0CA8E1B092A4BD96F405300500E022E96C3C11' -CertStoreLocation 'Cert:\LocalMachine\My'
}
if ((netsh http show sslcert ipport=0.0.0.0:7006 | Out-String) -notmatch '4D0CA8E1B092A4BD96F405300500E022E96C3C11') {
    netsh http delete sslcert ipport=0.0.0.0:7006 | Out-Null
    netsh http add sslcert ipport=0.0.0.0:7006 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}' certstorename=MY
    if ($LASTEXITCODE -ne 0) { throw 'hakit: netsh could not bind port 7006' }
}
if (-not (Get-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7007:' -Protocol https)) {
    New-IISSiteBinding -Name 'Default Web Site' -BindingInformation '*:7007:' -Protocol https -CertificateThumbPrint '4D0CA8E1B092A4BD96F405300500E022E96C3C11' -CertStoreLocation 'Cert:\LocalMachine\My'
}
if ((netsh http show sslcert ipport=0.0.0.0:7007 | Out-String) -notmatch '4D0CA8E1B092A4BD96F405300500E022E96C3C11') {
    netsh http delete sslcert ipport=0.0.0.0:7007 | Out-Null
    netsh http add sslcert ipport=0.0.0.0:7007 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}' certstorename=MY
    if ($LASTEXITCODE -ne 0) { throw 'hakit: netsh could not bind port 7007' }
}

Write-Host 'hakit: certificates in place.'

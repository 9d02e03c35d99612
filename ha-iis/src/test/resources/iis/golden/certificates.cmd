@echo off
REM hakit: certificates of deployment 'example-hospital'. Idempotent; run as Administrator.
setlocal

REM 1. Trust the CA that signed the application servers' certificates (TLS-004).
certutil -f -addstore Root "%~dp0trust-ca.cer" >nul || goto :fail

REM 2. HTTP.sys certificate bindings of the Default Web Site's HTTPS ports.
certutil -store My 4D0CA8E1B092A4BD96F405300500E022E96C3C11 >nul 2>&1 || (echo hakit: certificate 4D0CA8E1B092A4BD96F405300500E022E96C3C11 is not in LocalMachine\My: import it with its private key first 1>&2 & goto :fail)
netsh http show sslcert ipport=0.0.0.0:7001 | findstr /i /c:"4d0ca8e1b092a4bd96f405300500e022e96c3c11" >nul || (netsh http delete sslcert ipport=0.0.0.0:7001 >nul 2>&1 & netsh http add sslcert ipport=0.0.0.0:7001 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 appid="{4dc3e181-e14b-4a21-b022-59fc669b0914}" certstorename=MY || goto :fail)
netsh http show sslcert ipport=0.0.0.0:7002 | findstr /i /c:"4d0ca8e1b092a4bd96f405300500e022e96c3c11" >nul || (netsh http delete sslcert ipport=0.0.0.0:7002 >nul 2>&1 & netsh http add sslcert ipport=0.0.0.0:7002 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 appid="{4dc3e181-e14b-4a21-b022-59fc669b0914}" certstorename=MY || goto :fail)
netsh http show sslcert ipport=0.0.0.0:7003 | findstr /i /c:"4d0ca8e1b092a4bd96f405300500e022e96c3c11" >nul || (netsh http delete sslcert ipport=0.0.0.0:7003 >nul 2>&1 & netsh http add sslcert ipport=0.0.0.0:7003 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 appid="{4dc3e181-e14b-4a21-b022-59fc669b0914}" certstorename=MY || goto :fail)
netsh http show sslcert ipport=0.0.0.0:7004 | findstr /i /c:"4d0ca8e1b092a4bd96f405300500e022e96c3c11" >nul || (netsh http delete sslcert ipport=0.0.0.0:7004 >nul 2>&1 & netsh http add sslcert ipport=0.0.0.0:7004 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 appid="{4dc3e181-e14b-4a21-b022-59fc669b0914}" certstorename=MY || goto :fail)
netsh http show sslcert ipport=0.0.0.0:443 | findstr /i /c:"4d0ca8e1b092a4bd96f405300500e022e96c3c11" >nul || (netsh http delete sslcert ipport=0.0.0.0:443 >nul 2>&1 & netsh http add sslcert ipport=0.0.0.0:443 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 appid="{4dc3e181-e14b-4a21-b022-59fc669b0914}" certstorename=MY || goto :fail)
netsh http show sslcert ipport=0.0.0.0:7005 | findstr /i /c:"4d0ca8e1b092a4bd96f405300500e022e96c3c11" >nul || (netsh http delete sslcert ipport=0.0.0.0:7005 >nul 2>&1 & netsh http add sslcert ipport=0.0.0.0:7005 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 appid="{4dc3e181-e14b-4a21-b022-59fc669b0914}" certstorename=MY || goto :fail)
netsh http show sslcert ipport=0.0.0.0:7006 | findstr /i /c:"4d0ca8e1b092a4bd96f405300500e022e96c3c11" >nul || (netsh http delete sslcert ipport=0.0.0.0:7006 >nul 2>&1 & netsh http add sslcert ipport=0.0.0.0:7006 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 appid="{4dc3e181-e14b-4a21-b022-59fc669b0914}" certstorename=MY || goto :fail)
netsh http show sslcert ipport=0.0.0.0:7007 | findstr /i /c:"4d0ca8e1b092a4bd96f405300500e022e96c3c11" >nul || (netsh http delete sslcert ipport=0.0.0.0:7007 >nul 2>&1 & netsh http add sslcert ipport=0.0.0.0:7007 certhash=4D0CA8E1B092A4BD96F405300500E022E96C3C11 appid="{4dc3e181-e14b-4a21-b022-59fc669b0914}" certstorename=MY || goto :fail)

echo hakit: certificates in place.
exit /b 0
:fail
echo hakit: a certificate step failed; fix it and run this script again. 1>&2
exit /b 1

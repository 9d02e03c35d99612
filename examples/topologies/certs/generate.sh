#!/usr/bin/env bash
# Regenerates the reference topologies' certificates (public parts only).
#
#   bash examples/topologies/certs/generate.sh
#
# Makes two throwaway CAs with OpenSSL: a "public" CA that issues the load balancer's
# certificate (TLS-002/TLS-003) and the hospital's internal CA that issues the application
# servers' certificates (TLS-004). Every certificate is valid for 20 years from the day it
# is generated, carries SANs and extended key usage serverAuth (TLS-007). Private keys are
# made in a temporary directory and deleted: nothing secret is ever written here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
days=7300

ca() { # name subject
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$days" -subj "$2" \
    -keyout "$work/$1.key" -out "$here/$1.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}

leaf() { # name subject sans ca
  openssl req -newkey rsa:2048 -nodes -sha256 -subj "$2" -keyout "$work/$1.key" -out "$work/$1.csr" 2>/dev/null
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' "$3" > "$work/$1.ext"
  openssl x509 -req -in "$work/$1.csr" -CA "$here/$4.pem" -CAkey "$work/$4.key" -CAcreateserial \
    -days "$days" -sha256 -extfile "$work/$1.ext" -out "$work/$1.crt" 2>/dev/null
  cat "$work/$1.crt" "$here/$4.pem" > "$here/$1.pem"
}

selfsigned() { # name subject sans
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$days" -subj "$2" \
    -keyout "$work/$1.key" -out "$here/$1.pem" -addext "subjectAltName=$3" \
    -addext "extendedKeyUsage=serverAuth" 2>/dev/null
}

ca public-ca "/O=Reference Public CA/CN=Reference Public Root CA"
ca hospital-ca "/O=Example Hospital/CN=Example Hospital Internal CA"
leaf lb "/O=Example Hospital/CN=patientsecure.hospital.org" \
  "DNS:patientsecure.hospital.org,DNS:patientsecurehl7.hospital.org" public-ca
for n in 1 2; do
  leaf "app$n" "/O=Example Hospital/CN=app$n.hospital.org" "DNS:app$n.hospital.org" hospital-ca
done
selfsigned lb-test "/O=Example Hospital/CN=patientsecure-test.hospital.org" "DNS:patientsecure-test.hospital.org"
for n in 1 2; do
  leaf "test$n" "/O=Example Hospital/CN=test$n.hospital.org" "DNS:test$n.hospital.org" hospital-ca
done
rm -f "$here"/*.srl
echo "certificates written to $here (valid $days days; private keys discarded)"

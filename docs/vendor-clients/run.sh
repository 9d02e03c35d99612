#!/usr/bin/env bash
# Runs the vendors' public clients against `hakit simulate f5` and `hakit simulate citrix`.
#
#   ./run.sh [JAR] [OUTDIR]
#     JAR     the hakit CLI jar (default ../../examples/target/hakit.jar, built with
#             `mvn -B -q -pl examples -am package -DskipTests`)
#     OUTDIR  where logs, traces and the summary go (default ${TMPDIR:-/tmp}/hakit-vendor-clients/<UTC timestamp>)
#
# Not run by CI: it needs Python and Ansible. Results: docs/vendor-clients.md.
#
# What it does:
#   1. starts both simulators from JAR on loopback (port 0, --tls with a throwaway CA);
#   2. puts a recording HTTPS proxy (tools/recproxy.py) in front of each, so every request
#      a client makes and the simulator's answer land in OUTDIR/{f5,citrix}-trace.jsonl;
#   3. runs every playbook in f5/ (f5networks.f5_modules) and citrix/ (netscaler.adc) in
#      order, then all of them a second time, and prints per playbook ok/changed/failed for
#      run 1 and run 2 (once the simulators are right, run 2 shows changed=0 failed=0);
#   4. runs F5's Python SDK (f5-sdk) ManagementRoot connect + a few loads (sdk/f5sdk_connect.py)
#      and bigrest's BIGIP connect (sdk/bigrest_connect.py);
#   5. prints, per failed playbook, the failed task's message and the HTTP calls the
#      simulator answered with >= 400.
#
# Needs: java 17, ansible (Debian's `ansible` brings f5networks.f5_modules), python3, openssl.
# netscaler.adc: taken from ANSIBLE_COLLECTIONS_PATH if installed, else from NETSCALER_ADC_SRC
# (a checkout of netscaler/ansible-collection-netscaleradc), else from the bare mirror
# $MIRROR/netscaler+ansible-collection-netscaleradc/repo.
# f5-sdk: imported if installed, else from F5_SDK_SRC / F5_ICR_SRC checkouts or the mirrors
# $MIRROR/F5Networks+f5-common-python/repo and $MIRROR/F5Networks+f5-icontrol-rest-python/repo.
# Environment: ONLY="f5" or ONLY="citrix" runs one vendor's playbooks. SHIM=1 is a research aid to see
# the failures behind the first ones, never the verdict: the F5 proxy answers the simulator's 404s on
# paths a BIG-IP serves (version discovery, provisioning, util/bash, tunnels, profile collections,
# echo-query) with BIG-IP-shaped bodies and sends ipProtocol as a name; the Citrix proxy asks for
# systemfile/<name> in the args form the simulator filters by name. Traces mark all of it ("shim").
# Exit status: 0 when every playbook passes both runs with changed=0 on run 2 and f5-sdk works, else 1.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
JAR="${1:-$HERE/../../examples/target/hakit.jar}"
OUT="${2:-${TMPDIR:-/tmp}/hakit-vendor-clients/$(date -u +%Y%m%dT%H%M%SZ)}"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
MIRROR="${MIRROR:-/work/.mirror}"
[ -f "$JAR" ] || { echo "no jar at $JAR" >&2; exit 2; }
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
WORK="$OUT/work"
rm -rf "$WORK"; mkdir -p "$WORK"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
}
trap cleanup EXIT INT TERM

log() { echo "[run.sh] $*" >&2; }

# ---------------------------------------------------------------- collections and SDK sources
export ANSIBLE_COLLECTIONS_PATH="$WORK/collections:${ANSIBLE_COLLECTIONS_PATH:-$HOME/.ansible/collections:/usr/share/ansible/collections}"
if ! ansible-galaxy collection list netscaler.adc 2>/dev/null | grep -q "^netscaler\.adc "; then
  dest="$WORK/collections/ansible_collections/netscaler/adc"
  mkdir -p "$dest"
  if [ -n "${NETSCALER_ADC_SRC:-}" ]; then
    cp -a "$NETSCALER_ADC_SRC"/. "$dest"/
  elif [ -d "$MIRROR/netscaler+ansible-collection-netscaleradc/repo" ]; then
    git -C "$MIRROR/netscaler+ansible-collection-netscaleradc/repo" archive HEAD | tar -x -C "$dest"
  else
    log "netscaler.adc not found; citrix playbooks will fail"
  fi
fi
SDKPATH=""
if ! "$PY" -c "import f5.bigip" 2>/dev/null; then
  mkdir -p "$WORK/pysrc"
  sdk="${F5_SDK_SRC:-}"; icr="${F5_ICR_SRC:-}"
  if [ -n "$sdk" ]; then cp -a "$sdk/f5" "$WORK/pysrc/"; elif [ -d "$MIRROR/F5Networks+f5-common-python/repo" ]; then
    git -C "$MIRROR/F5Networks+f5-common-python/repo" archive HEAD f5 | tar -x -C "$WORK/pysrc"; fi
  if [ -n "$icr" ]; then cp -a "$icr/icontrol" "$WORK/pysrc/"; elif [ -d "$MIRROR/F5Networks+f5-icontrol-rest-python/repo" ]; then
    git -C "$MIRROR/F5Networks+f5-icontrol-rest-python/repo" archive HEAD icontrol | tar -x -C "$WORK/pysrc"; fi
  SDKPATH="$WORK/pysrc"
fi
if ! "$PY" -c "import bigrest" 2>/dev/null; then
  mkdir -p "$WORK/pysrc"
  if [ -n "${BIGREST_SRC:-}" ]; then cp -a "$BIGREST_SRC/bigrest" "$WORK/pysrc/"; elif [ -d "$MIRROR/leonardobdes+BIGREST/repo" ]; then
    git -C "$MIRROR/leonardobdes+BIGREST/repo" archive HEAD bigrest | tar -x -C "$WORK/pysrc"; fi
  SDKPATH="$WORK/pysrc"
fi
ANSIBLE_VERSION="$(ansible --version 2>/dev/null | head -1)"
F5COLL="$(ansible-galaxy collection list f5networks.f5_modules 2>/dev/null | awk '/f5networks.f5_modules/{print $2}' | head -1)"
NSCOLL="$(ansible-galaxy collection list netscaler.adc 2>/dev/null | awk '/netscaler.adc/{print $2}' | head -1)"

# ---------------------------------------------------------------- certificates
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=lb.example.org" \
  -keyout "$WORK/lb.key" -out "$WORK/lb.crt" >/dev/null 2>&1
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=127.0.0.1" \
  -keyout "$WORK/proxy.key" -out "$WORK/proxy.pem" >/dev/null 2>&1

# ---------------------------------------------------------------- simulators and proxies
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_sim() { # vendor -> sets SIM_URL (not in a subshell: PIDS must keep the pid)
  local v="$1" tls="$WORK/$1-tls" url=""
  mkdir -p "$tls"
  java -jar "$JAR" simulate "$v" --port 0 --tls "$tls" --stop-after 60m >"$OUT/$v-simulator.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    url="$(grep -o 'https\?://127\.0\.0\.1:[0-9]*' "$OUT/$v-simulator.log" | head -1)"
    [ -n "$url" ] && break
    sleep 0.5
  done
  [ -n "$url" ] || { log "$v simulator did not start:"; cat "$OUT/$v-simulator.log" >&2; exit 2; }
  SIM_URL="$url"
}
start_proxy() { # vendor upstream -> sets PROXY_PORT
  local v="$1" up="$2" port
  port="$(free_port)"
  : >"$OUT/$v-trace.jsonl"
  "$PY" "$HERE/tools/recproxy.py" --listen "$port" --upstream "$up" --ca "$(ls "$WORK/$v-tls"/*simulator-ca.pem | head -1)" \
    --cert "$WORK/proxy.pem" --key "$WORK/proxy.key" --trace "$OUT/$v-trace.jsonl" \
    ${SHIM:+--shim $v} >"$OUT/$v-proxy.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 40); do grep -qs recproxy "$OUT/$v-proxy.log" && break; sleep 0.25; done
  PROXY_PORT="$port"
}
start_sim f5; F5_URL="$SIM_URL"
start_sim citrix; CX_URL="$SIM_URL"
start_proxy f5 "$F5_URL"; F5_PORT="$PROXY_PORT"
start_proxy citrix "$CX_URL"; CX_PORT="$PROXY_PORT"
log "f5 simulator $F5_URL via proxy :$F5_PORT; citrix simulator $CX_URL via proxy :$CX_PORT"

cat >"$WORK/provider.yml" <<EOF
provider:
  server: 127.0.0.1
  server_port: $F5_PORT
  user: admin
  password: admin
  validate_certs: false
  no_f5_teem: true
EOF
cat >"$WORK/nitro.yml" <<EOF
nitro:
  nsip: 127.0.0.1:$CX_PORT
  protocol: https
  user: admin
  password: admin
certs_dir: $WORK
EOF

# ---------------------------------------------------------------- playbooks, twice
export ANSIBLE_NOCOLOR=1 ANSIBLE_HOST_KEY_CHECKING=False ANSIBLE_RETRY_FILES_ENABLED=False \
       ANSIBLE_LOCALHOST_WARNING=False ANSIBLE_INVENTORY_UNPARSED_WARNING=False F5_TELEMETRY_OFF=yes
SUMMARY="$OUT/summary.tsv"
printf 'playbook\trun\tok\tchanged\tfailed\ttrace_from\ttrace_to\n' >"$SUMMARY"
run_pb() { # vendor playbook run
  local v="$1" pb="$2" r="$3" name trace from to recap
  name="$(basename "$pb" .yml)"
  trace="$OUT/$v-trace.jsonl"
  from="$(wc -l <"$trace")"
  ansible-playbook -i localhost, -e ansible_python_interpreter="$PY" \
    -e provider_file="$WORK/provider.yml" -e nitro_file="$WORK/nitro.yml" "$pb" \
    >"$OUT/$v-$name-run$r.log" 2>&1
  to="$(wc -l <"$trace")"
  recap="$(grep -E '^localhost +:' "$OUT/$v-$name-run$r.log" | tail -1)"
  ok="$(sed -n 's/.*ok=\([0-9]*\).*/\1/p' <<<"$recap")"; ch="$(sed -n 's/.*changed=\([0-9]*\).*/\1/p' <<<"$recap")"
  fl="$(sed -n 's/.*failed=\([0-9]*\).*/\1/p' <<<"$recap")"
  [ -n "$recap" ] || { ok=0; ch=0; fl="error"; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$v/$name" "$r" "${ok:-0}" "${ch:-0}" "${fl:-0}" "$from" "$to" >>"$SUMMARY"
}
ONLY="${ONLY:-f5 citrix}"
for r in 1 2; do
  for v in $ONLY; do
    for pb in "$HERE/$v"/[0-9]*.yml; do run_pb "$v" "$pb" "$r"; done
  done
done

# ---------------------------------------------------------------- f5-sdk
PYTHONPATH="$SDKPATH${PYTHONPATH:+:$PYTHONPATH}" "$PY" "$HERE/sdk/f5sdk_connect.py" 127.0.0.1 "$F5_PORT" \
  >"$OUT/f5sdk.log" 2>&1
SDK_RC=$?
PYTHONPATH="$SDKPATH${PYTHONPATH:+:$PYTHONPATH}" "$PY" "$HERE/sdk/bigrest_connect.py" 127.0.0.1 "$F5_PORT" \
  >"$OUT/bigrest.log" 2>&1
BIGREST_RC=$?

# ---------------------------------------------------------------- report
[ -n "${SHIM:-}" ] && echo "NOTE: SHIM=$SHIM was on: tools/recproxy.py answered or rewrote some exchanges (marked \"shim\" in the traces); not a verdict on the simulators." | tee "$OUT/SHIM-WAS-ON"
"$PY" "$HERE/tools/report.py" "$OUT" "$SDK_RC:$BIGREST_RC" "$JAR" "$ANSIBLE_VERSION" "$F5COLL" "$NSCOLL" | tee "$OUT/report.txt"
exit "${PIPESTATUS[0]}"

#!/usr/bin/env python3
"""Recording HTTPS reverse proxy: vendor client -> this proxy -> hakit simulator.

Serves HTTPS on 127.0.0.1:<listen> with a throwaway certificate, forwards every request
unchanged to the upstream simulator (https, trusting its CA file, or http) and appends one
JSON line per exchange to the trace file: method, path, query, request body (passwords
masked), status and the response body (truncated).  Standard library only.

usage: recproxy.py --listen PORT --upstream https://127.0.0.1:N --ca sim-ca.pem \
                   --cert proxy.pem --key proxy.key --trace trace.jsonl
"""
import argparse
import http.client
import http.server
import json
import re
import socketserver
import ssl
import sys
import threading
import time
import urllib.parse

VER = "17.1.2.1"
SELF = "https://localhost/mgmt/tm/"


def _collection(path, kind, names):
    items = [{"kind": kind.replace("collectionstate", "state"), "name": n, "partition": "Common",
              "fullPath": "/Common/" + n, "generation": 1,
              "selfLink": SELF + path + "/~Common~" + n + "?ver=" + VER} for n in names]
    body = {"kind": kind, "selfLink": SELF + path + "?ver=" + VER}
    if items:
        body["items"] = items
    return body


def _provision():
    levels = {"ltm": "nominal", "gtm": "nominal", "afm": "none", "apm": "none", "asm": "none", "avr": "none",
              "dos": "none", "fps": "none", "ilx": "none", "lc": "none", "pem": "none", "sslo": "none",
              "swg": "none", "urldb": "none"}
    return {"kind": "tm:sys:provision:provisioncollectionstate", "selfLink": SELF + "sys/provision?ver=" + VER,
            "items": [{"kind": "tm:sys:provision:provisionstate", "name": n, "fullPath": n, "generation": 1,
                       "selfLink": SELF + "sys/provision/" + n + "?ver=" + VER, "cpuRatio": 0, "diskRatio": 0,
                       "level": lv, "memoryRatio": 0} for n, lv in levels.items()]}


# The --shim f5 answers: what a BIG-IP 17.1 returns where the simulator answers 404 (only used
# when the simulator's answer is 404, so a simulator that implements a path wins).
F5_SHIM_GET = {
    "/mgmt/tm/sys/": lambda: {"kind": "tm:sys:syscollectionstate", "selfLink": SELF + "sys?ver=" + VER,
                              "items": [{"reference": {"link": SELF + "sys/" + x + "?ver=" + VER}}
                                        for x in ("application", "config", "db", "file", "provision", "version")]},
    "/mgmt/tm/sys/provision": _provision,
    "/mgmt/tm/net/tunnels/gre": lambda: _collection("net/tunnels/gre", "tm:net:tunnels:gre:grecollectionstate",
                                                    ["gre", "nvgre"]),
    "/mgmt/tm/net/tunnels/ipip": lambda: _collection("net/tunnels/ipip", "tm:net:tunnels:ipip:ipipcollectionstate",
                                                     ["ip4ip4", "ip4ip6", "ip6ip4", "ip6ip6", "ipip"]),
    "/mgmt/tm/ltm/profile/fastl4": lambda: _collection("ltm/profile/fastl4", "tm:ltm:profile:fastl4:fastl4collectionstate",
                                                       ["fastL4", "full-acceleration"]),
    "/mgmt/tm/ltm/profile/fasthttp": lambda: _collection("ltm/profile/fasthttp",
                                                         "tm:ltm:profile:fasthttp:fasthttpcollectionstate", ["fasthttp"]),
    "/mgmt/tm/ltm/profile/diameter": lambda: _collection("ltm/profile/diameter",
                                                         "tm:ltm:profile:diameter:diametercollectionstate", ["diameter"]),
    "/mgmt/tm/ltm/profile/sip": lambda: _collection("ltm/profile/sip", "tm:ltm:profile:sip:sipcollectionstate", ["sip"]),
    "/mgmt/tm/ltm/message-routing/sip/profile/session": lambda: _collection(
        "ltm/message-routing/sip/profile/session",
        "tm:ltm:message-routing:sip:profile:session:sessioncollectionstate", ["sipsession"]),
    "/mgmt/tm/ltm/profile/udp": lambda: _collection("ltm/profile/udp", "tm:ltm:profile:udp:udpcollectionstate",
                                                    ["udp", "udp_decrement_ttl", "udp_gtm_dns"]),
    "/mgmt/tm/ltm/profile/dhcpv4": lambda: _collection("ltm/profile/dhcpv4", "tm:ltm:profile:dhcpv4:dhcpv4collectionstate",
                                                       ["dhcpv4"]),
    "/mgmt/tm/ltm/profile/dhcpv6": lambda: _collection("ltm/profile/dhcpv6", "tm:ltm:profile:dhcpv6:dhcpv6collectionstate",
                                                       ["dhcpv6"]),
    "/mgmt/shared/echo-query": lambda: {"kind": "shared:echo:echoworkerstate", "generation": 0, "lastUpdateMicros": 0,
                                        "selfLink": "https://localhost/mgmt/shared/echo"},
}


def f5_shim(method, path, raw):
    p = path.rstrip("/") if path != "/mgmt/tm/sys/" else path
    if method == "GET" and path.rstrip("/") == "/mgmt/tm/sys":
        p = "/mgmt/tm/sys/"
    if method == "GET" and p in F5_SHIM_GET:
        return F5_SHIM_GET[p]()
    if method == "POST" and p == "/mgmt/tm/util/bash":
        try:
            args = json.loads(raw).get("utilCmdArgs", "")
        except ValueError:
            args = ""
        out = {"kind": "tm:util:bash:runstate", "command": "run", "utilCmdArgs": args}
        if "tmsh save sys config" in args:
            out["commandResult"] = ("Saving running configuration...\n  /config/bigip.conf\n  /config/bigip_base.conf\n"
                                    "  /config/bigip_user.conf\nSaving Ethernet mapping...done\n")
        return out
    return None


PROTOCOLS = {1: "icmp", 6: "tcp", 17: "udp", 58: "ipv6-icmp", 132: "sctp"}


def f5_rewrite(raw):
    """ipProtocol as a number (bigip_virtual_server always sends one) -> the name a BIG-IP stores."""
    try:
        body = json.loads(raw)
    except ValueError:
        return raw, None
    if isinstance(body, dict) and isinstance(body.get("ipProtocol"), int) and body["ipProtocol"] in PROTOCOLS:
        before = body["ipProtocol"]
        body["ipProtocol"] = PROTOCOLS[before]
        return json.dumps(body).encode(), "ipProtocol %d -> %s" % (before, body["ipProtocol"])
    return raw, None


def citrix_rewrite(path):
    """GET systemfile/<name>?args=filelocation:<dir> (what netscaler.adc sends) -> the form the
    simulator answers with that one file and its filecontent: systemfile?args=filelocation:<dir>,filename:<name>."""
    split = urllib.parse.urlsplit(path)
    m = re.match(r"^(/nitro/v1/config/systemfile)/([^/?]+)$", split.path)
    if not m or "filelocation:" not in split.query or "filename:" in split.query:
        return path, None
    name = urllib.parse.unquote(urllib.parse.unquote(m.group(2)))
    query = re.sub(r"(args=[^&]*)", lambda a: a.group(1) + ",filename:" + urllib.parse.quote(name, safe=""),
                   split.query, count=1)
    new = m.group(1) + "?" + query
    return new, "GET %s -> %s" % (path, new)


MASK = ("password", "nitro_pass", "passphrase", "passwd")
HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
       "content-length"}


def masked(obj):
    if isinstance(obj, dict):
        return {k: ("***" if k.lower() in MASK else masked(v)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [masked(v) for v in obj]
    return obj


def body_for_log(raw, limit):
    if not raw:
        return None
    try:
        return masked(json.loads(raw))
    except ValueError:
        text = raw.decode("utf-8", "replace")
        return text if len(text) <= limit else text[:limit] + "...(%d bytes)" % len(raw)


def shorten(obj, limit):
    text = json.dumps(obj)
    if len(text) <= limit:
        return obj
    return text[:limit] + "...(%d chars)" % len(text)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet
        pass

    def _forward(self):
        cfg = self.server.cfg
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        rewrote = None
        target = self.path
        if cfg.shim == "f5" and raw and self.command in ("POST", "PUT", "PATCH"):
            raw, rewrote = f5_rewrite(raw)
        if cfg.shim == "citrix" and self.command == "GET":
            target, rewrote = citrix_rewrite(self.path)
        up = urllib.parse.urlsplit(cfg.upstream)
        if up.scheme == "https":
            ctx = ssl.create_default_context(cafile=cfg.ca) if cfg.ca else ssl._create_unverified_context()
            ctx.check_hostname = False
            conn = http.client.HTTPSConnection(up.hostname, up.port, context=ctx, timeout=120)
        else:
            conn = http.client.HTTPConnection(up.hostname, up.port, timeout=120)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP and k.lower() != "host"}
        headers["Host"] = "%s:%s" % (up.hostname, up.port)
        status, rheaders, rbody, error = 502, [], b"", None
        try:
            conn.request(self.command, target, body=raw if raw else None, headers=headers)
            resp = conn.getresponse()
            status, rheaders, rbody = resp.status, resp.getheaders(), resp.read()
        except Exception as e:  # upstream down or dropped the connection
            error = "%s: %s" % (type(e).__name__, e)
            rbody = json.dumps({"proxyError": error}).encode()
            rheaders = [("Content-Type", "application/json")]
        finally:
            conn.close()
        shimmed = None
        if cfg.shim == "f5" and status == 404:
            fake = f5_shim(self.command, urllib.parse.unquote(urllib.parse.urlsplit(self.path).path), raw)
            if fake is not None:
                shimmed = shorten(body_for_log(rbody, cfg.limit), 600)
                status, rbody = 200, json.dumps(fake).encode()
                rheaders = [("Content-Type", "application/json; charset=UTF-8")]
        self.send_response(status)
        for k, v in rheaders:
            if k.lower() not in HOP:
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(rbody)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(rbody)
        split = urllib.parse.urlsplit(self.path)
        entry = {
            "t": round(time.time(), 3),
            "method": self.command,
            "path": urllib.parse.unquote(split.path),
            "rawPath": split.path,
            "query": urllib.parse.unquote(split.query),
            "coordination": self.headers.get("X-F5-REST-Coordination-Id"),
            "request": body_for_log(raw, cfg.limit),
            "status": status,
            "response": shorten(body_for_log(rbody, cfg.limit), cfg.limit),
        }
        if error:
            entry["error"] = error
        if rewrote:
            entry["shimRewroteRequest"] = rewrote
        if shimmed:
            entry["shim"] = True
            entry["simulatorAnswer"] = shimmed
        with self.server.lock:
            with open(cfg.trace, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry) + "\n")

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _forward


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--listen", type=int, required=True)
    p.add_argument("--upstream", required=True)
    p.add_argument("--ca")
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--trace", required=True)
    p.add_argument("--limit", type=int, default=4000)
    p.add_argument("--shim", choices=["f5", "citrix"],
                   help="research aid: f5 answers the simulator's 404s on known BIG-IP paths and sends ipProtocol "
                        "as a name; citrix asks for systemfile/<name> in the form the simulator filters by name")
    cfg = p.parse_args()
    srv = Server(("127.0.0.1", cfg.listen), Handler)
    srv.cfg = cfg
    srv.lock = threading.Lock()
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cfg.cert, cfg.key)
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    print("recproxy on https://127.0.0.1:%d -> %s" % (srv.server_address[1], cfg.upstream), flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    sys.exit(main())

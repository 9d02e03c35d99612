#!/usr/bin/env python3
"""bigrest (leonardobdes/BIGREST) BIGIP against `hakit simulate f5`.

BIGIP("host:port", user, pw, session_verify=False) with Basic auth connects with
GET /mgmt/shared/echo-query (must answer 200); with request_token=True it POSTs
/mgmt/shared/authn/login (Basic credentials too) and reads token.token and token.timeout.
Then a load, an exist check and `tmsh save sys config` through /mgmt/tm/util/bash.
Exit 0 when every step works.
"""
import os
import sys
import urllib3

# requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override a session's verify=False; the
# simulator (behind the recording proxy) has a throwaway certificate, so drop them here.
for var in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
    os.environ.pop(var, None)

urllib3.disable_warnings()
from bigrest.bigip import BIGIP  # noqa: E402

dev = "%s:%s" % (sys.argv[1], sys.argv[2])
failed = 0


def step(name, fn):
    global failed
    try:
        out = fn()
        print("ok     %s%s" % (name, (": " + str(out)) if out is not None else ""))
        return out
    except Exception as e:
        failed += 1
        print("FAILED %s: %s: %s" % (name, type(e).__name__, str(e).replace("\n", " ")[:600]))
        return None


b = step("BIGIP(basic auth) connect (GET /mgmt/shared/echo-query)",
         lambda: BIGIP(dev, "admin", "admin", session_verify=False))
if b is not None:
    step("load /mgmt/tm/ltm/pool", lambda: [p.properties["name"] for p in b.load("/mgmt/tm/ltm/pool")])
    step("exist /mgmt/tm/ltm/virtual/~Common~ps-vs-443", lambda: b.exist("/mgmt/tm/ltm/virtual/~Common~ps-vs-443"))
    step("command /mgmt/tm/util/bash tmsh save sys config", lambda: repr(b.command(
        "/mgmt/tm/util/bash", {"command": "run", "utilCmdArgs": "-c \"tmsh save sys config\""}))[:80])
t = step("BIGIP(request_token=True) connect", lambda: BIGIP(dev, "admin", "admin", request_token=True,
                                                           session_verify=False))
if t is not None:
    step("token session load /mgmt/tm/sys/version", lambda: t.load("/mgmt/tm/sys/version").properties.get("kind"))
sys.exit(1 if failed else 0)

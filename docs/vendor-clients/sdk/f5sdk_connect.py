#!/usr/bin/env python3
"""f5-sdk (F5Networks/f5-common-python) ManagementRoot against `hakit simulate f5`.

ManagementRoot(host, user, pw, port=P) with the default token=False uses HTTP Basic
auth and, on construction, only does GET https://host:P/mgmt/tm/sys/ and parses
selfLink's ?ver=. With token=True the icontrol session first POSTs
/mgmt/shared/authn/login (Basic credentials + JSON body).  After connecting this script
also loads the objects the playbooks created, through the SDK's own resource classes.
Exit 0 when every step works, 1 otherwise; one line per step.
"""
import sys
import traceback
import urllib3

urllib3.disable_warnings()
from f5.bigip import ManagementRoot  # noqa: E402

host, port = sys.argv[1], int(sys.argv[2])
failed = 0


def step(name, fn):
    global failed
    try:
        out = fn()
        print("ok     %s%s" % (name, (": " + str(out)) if out is not None else ""))
        return out
    except Exception as e:  # report and continue
        failed += 1
        msg = str(e).replace("\n", " ")
        print("FAILED %s: %s: %s" % (name, type(e).__name__, msg[:600]))
        if "-v" in sys.argv:
            traceback.print_exc()
        return None


mgmt = step("ManagementRoot(basic auth) connect", lambda: ManagementRoot(host, "admin", "admin", port=port))
if mgmt is not None:
    step("tmos_version", lambda: mgmt.tmos_version)
    step("ltm.pools.get_collection()", lambda: [p.name for p in mgmt.tm.ltm.pools.get_collection()])
    step("ltm.pools.pool.load(ps-pool-443) + members", lambda: [
        (m.name, getattr(m, "priorityGroup", None))
        for m in mgmt.tm.ltm.pools.pool.load(name="ps-pool-443", partition="Common").members_s.get_collection()])
    step("ltm.virtuals.virtual.load(ps-vs-443) persist", lambda: mgmt.tm.ltm.virtuals.virtual.load(
        name="ps-vs-443", partition="Common").attrs.get("persist"))
    step("ltm.nodes.node.exists(app1.example.org)", lambda: mgmt.tm.ltm.nodes.node.exists(
        name="app1.example.org", partition="Common"))
    step("sys.config.exec_cmd('save')", lambda: mgmt.tm.sys.config.exec_cmd("save") and "saved")
tok = step("ManagementRoot(token=True) connect", lambda: ManagementRoot(host, "admin", "admin", port=port, token=True))
if tok is not None:
    step("token session tmos_version", lambda: tok.tmos_version)
sys.exit(1 if failed else 0)

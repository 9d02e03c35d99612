#!/usr/bin/env python3
"""Markdown table of every distinct HTTP call per playbook run, from run.sh's output:
method, path (object names kept), query, request body keys, status (and 'shim' when the
answer came from recproxy's shim, not the simulator).

usage: calls.py OUTDIR [f5|citrix]
"""
import csv
import json
import os
import re
import sys

out = sys.argv[1]
only = sys.argv[2] if len(sys.argv) > 2 else None
rows = list(csv.DictReader(open(os.path.join(out, "summary.tsv")), delimiter="\t"))
traces = {}


def keys(body):
    if not isinstance(body, dict):
        return ""
    if len(body) == 1:
        (k, v), = body.items()
        if isinstance(v, dict):  # NITRO wraps the object in its resource name
            return "%s{%s}" % (k, ",".join(v.keys()))
    return ",".join(body.keys())


for r in rows:
    vendor = r["playbook"].split("/")[0]
    if only and vendor != only:
        continue
    if vendor not in traces:
        with open(os.path.join(out, vendor + "-trace.jsonl"), encoding="utf-8") as f:
            traces[vendor] = [json.loads(x) for x in f]
    print("\n#### %s, run %s (ok=%s changed=%s failed=%s)\n" % (r["playbook"], r["run"], r["ok"], r["changed"],
                                                               r["failed"]))
    print("| # | method | path | query | body keys | status |")
    print("|---|---|---|---|---|---|")
    seen = []
    for e in traces[vendor][int(r["trace_from"]):int(r["trace_to"])]:
        path = re.sub(r"/authz/tokens/[A-Z0-9]+", "/authz/tokens/<token>", e["path"])
        status = str(e["status"]) + (" (shim; simulator: 404)" if e.get("shim") else "")
        if e.get("shimRewroteRequest"):
            rw = e["shimRewroteRequest"]
            status += " (shim: sent as `systemfile?args=…,filename:<name>`)" if rw.startswith("GET") else \
                " (shim: sent %s)" % rw
        key = (e["method"], path, e["query"], keys(e.get("request")), status)
        if seen and seen[-1][0] == key:
            seen[-1][1] += 1
            continue
        seen.append([key, 1])
    for i, (k, n) in enumerate(seen, 1):
        q = k[2].replace("|", "\\|")
        print("| %d | %s | `%s` | %s | %s | %s%s |" % (i, k[0], k[1], ("`%s`" % q) if q else "", k[3], k[4],
                                                     (" ×%d" % n) if n > 1 else ""))

#!/usr/bin/env python3
"""Prints run.sh's summary: per playbook ok/changed/failed for run 1 and run 2, the failed
tasks' messages, the HTTP calls the simulator answered with >= 400 (from the proxy traces),
and the f5-sdk result.  Exit 0 only when every playbook passed both runs, run 2 changed
nothing and f5-sdk worked.

usage: report.py OUTDIR SDK_RC JAR ANSIBLE_VERSION F5_COLLECTION NETSCALER_COLLECTION
"""
import csv
import json
import os
import re
import sys

out, sdk_rc, jar, ansible_version, f5coll, nscoll = sys.argv[1:7]
rows = list(csv.DictReader(open(os.path.join(out, "summary.tsv")), delimiter="\t"))
by = {}
for r in rows:
    by.setdefault(r["playbook"], {})[r["run"]] = r


def trace(vendor, a, b):
    path = os.path.join(out, vendor + "-trace.jsonl")
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()[int(a):int(b)]
    return [json.loads(x) for x in lines]


def short(obj, n=300):
    s = obj if isinstance(obj, str) else json.dumps(obj)
    return s if len(s) <= n else s[:n] + "..."


print("hakit vendor-client harness")
print("  jar: %s" % jar)
print("  %s; f5networks.f5_modules %s; netscaler.adc %s" % (ansible_version, f5coll or "?", nscoll or "?"))
print()
print("%-34s | %-26s | %-26s" % ("playbook", "run 1", "run 2"))
print("-" * 92)
good = True
for pb, runs in by.items():
    cells = []
    for r in ("1", "2"):
        x = runs.get(r)
        cells.append("ok=%s changed=%s failed=%s" % (x["ok"], x["changed"], x["failed"]) if x else "-")
        if not x or x["failed"] != "0":
            good = False
    if runs.get("2") and runs["2"]["changed"] != "0":
        good = False
    print("%-34s | %-26s | %-26s" % (pb, cells[0], cells[1]))
print()
for (label, logname), rc in zip((("f5-sdk ManagementRoot (sdk/f5sdk_connect.py)", "f5sdk.log"),
                                  ("bigrest BIGIP (sdk/bigrest_connect.py)", "bigrest.log")), sdk_rc.split(":")):
    try:
        text = open(os.path.join(out, logname), encoding="utf-8", errors="replace").read().strip()
    except OSError:
        text = ""
    print("%s: %s" % (label, "ok" if rc == "0" else "FAILED"))
    for line in text.splitlines():
        if line.startswith(("ok ", "FAILED")):
            print("  " + short(line, 240))
    if rc != "0":
        good = False
print()
print("Details of failures and of run-2 changes")
print("=" * 92)
for pb, runs in by.items():
    vendor, name = pb.split("/", 1)
    for r in ("1", "2"):
        x = runs.get(r)
        if not x:
            continue
        if x["failed"] == "0" and not (r == "2" and x["changed"] != "0"):
            continue
        print("%s run %s: ok=%s changed=%s failed=%s  (log: %s-%s-run%s.log)" % (
            pb, r, x["ok"], x["changed"], x["failed"], vendor, name, r))
        logtext = open(os.path.join(out, "%s-%s-run%s.log" % (vendor, name, r)), encoding="utf-8",
                       errors="replace").read()
        for task, body in re.findall(r"TASK \[([^\]]*)\][^\n]*\n((?:(?!TASK \[|RUNNING HANDLER|PLAY RECAP).*\n)*)",
                                     logtext):
            if "fatal:" in body or "changed:" in body and r == "2":
                kind = "FAILED" if "fatal:" in body else "changed"
                msg = ""
                m = re.search(r'"msg": "((?:[^"\\]|\\.)*)"', body)
                if m:
                    msg = m.group(1)
                print("  %s task [%s] %s" % (kind, task, short(msg, 500)))
                d = re.search(r'"diff_list": \[(.*?)\]', body, re.S)
                if d:
                    print("    diff_list: %s" % short(" ".join(d.group(1).split()), 500))
        for h, body in re.findall(r"RUNNING HANDLER \[([^\]]*)\][^\n]*\n((?:(?!TASK \[|RUNNING HANDLER|PLAY RECAP).*\n)*)",
                                  logtext):
            if "fatal:" in body:
                m = re.search(r'"msg": "((?:[^"\\]|\\.)*)"', body)
                print("  FAILED handler [%s] %s" % (h, short(m.group(1) if m else "", 500)))
        bad = [e for e in trace(vendor, x["trace_from"], x["trace_to"]) if int(e["status"]) >= 400]
        seen = set()
        for e in bad:
            key = (e["method"], e["path"], e["query"], e["status"])
            if key in seen:
                continue
            seen.add(key)
            print("    HTTP %s %s%s -> %s %s" % (e["method"], e["path"], ("?" + e["query"]) if e["query"] else "",
                                               e["status"], short(e.get("response"), 260)))
            if e.get("request") is not None:
                print("         request body: %s" % short(e["request"], 260))
        print()
print("RESULT: %s" % ("PASS (both runs clean, run 2 changed=0, f5-sdk and bigrest ok)" if good else "FAIL"))
sys.exit(0 if good else 1)

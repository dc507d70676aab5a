#!/usr/bin/env python3
"""A deadline rush against a running `truongso serve` (loopback only).

Each school of the given list starts at a random moment of the window
(seeded: the same schedule every run), autosaves its answers SAVES times
GAP seconds apart through the JSON API (each save a different value of
item 1.3e), then its head submits. Sessions are given, not signed in:
Argon2id is not what this measures (rush.sh writes them to the database).

Prints the number of requests, errors (any status but 200, or no answer),
p50/p99/max latency in ms, then checks the database: every acknowledged
save and submit must be there (the stored answers carry the last
acknowledged save's value; an acknowledged submit left state 'submitted'
and snapshot version 1). Exit status 1 on any error or lost write.

Usage: rush.py PORT DB SCHOOLS_FILE CAMPAIGN WINDOW_S SAVES GAP_S
SCHOOLS_FILE: lines "CODE EDITOR_TOKEN HEAD_TOKEN".
"""
import http.client
import json
import random
import sqlite3
import sys
import threading
import time

PORT, DB, LIST, CAMPAIGN = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
WINDOW, SAVES, GAP = float(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
ANSWERS = json.load(open("examples/qd4725-gdtx-duongkinh-2022-2023.json"))
# Seed 003's answers without the unit and year of their own record, so
# the server takes them for any school of the rush campaign.
ANSWERS.pop("unit", None)
ANSWERS.pop("school_year", None)
TIMEOUT = 30.0

lock = threading.Lock()
lat = []
errors = []
acked = {}  # code -> (last acknowledged 1.3e value, submitted?)


def call(token, path, body=None):
    """One request on its own connection; returns (status, body, ms)."""
    t0 = time.monotonic()
    try:
        c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=TIMEOUT)
        h = {"Cookie": "ts_session=" + token}
        if body is None:
            c.request("GET", path, headers=h)
        else:
            h["Content-Type"] = "application/json"
            h["X-CSRF-Token"] = csrf[token]
            c.request("POST", path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        st = r.status
    except OSError as e:
        st, data = 0, str(e).encode()
    ms = (time.monotonic() - t0) * 1000
    return st, data, ms


def record(code, what, st, data, ms):
    with lock:
        lat.append(ms)
        if st != 200:
            errors.append("%s %s: %d %s" % (code, what, st, data[:200]))
    return st == 200


def school(code, editor, head, start):
    time.sleep(max(0.0, start - time.monotonic()))
    base = "/api/campaigns/%s/units/%s" % (CAMPAIGN, code)
    last = None
    for i in range(SAVES):
        doc = json.loads(json.dumps(ANSWERS))
        doc["answers"]["1.3e"] = i
        st, data, ms = call(editor, base + "/answers", json.dumps(doc))
        if record(code, "save %d" % i, st, data, ms):
            last = i
        time.sleep(GAP)
    st, data, ms = call(head, base + "/submit", "{}")
    ok = record(code, "submit", st, data, ms)
    with lock:
        acked[code] = (last, ok)


def check_db():
    """Acknowledged writes that the database does not have."""
    lost = []
    db = sqlite3.connect(DB)
    for code, (last, submitted) in acked.items():
        row = db.execute(
            "SELECT s.state, s.version, json_extract(s.answers, "
            "'$.answers.\"1.3e\"') FROM submission s JOIN org_unit o ON "
            "o.id = s.unit_id WHERE s.campaign_id = ? AND o.code = ?",
            (CAMPAIGN, code)).fetchone()
        if last is not None and (row is None or row[2] != last):
            lost.append("%s: save %s acknowledged, stored %s" % (code, last, row))
        if submitted and (row is None or row[0] != "submitted" or row[1] != 1):
            lost.append("%s: submit acknowledged, stored %s" % (code, row))
    db.close()
    return lost


schools = [l.split() for l in open(LIST) if l.strip()]
csrf = {}
for code, editor, head in schools:  # CSRF tokens, before the clock starts
    for tok in (editor, head):
        st, data, _ = call(tok, "/api/session")
        if st != 200:
            sys.exit("session for %s: %d" % (code, st))
        csrf[tok] = json.loads(data)["csrf_token"]
rng = random.Random(12)
t0 = time.monotonic()
threads = [threading.Thread(target=school, args=(c, e, h, t0 + rng.uniform(0, WINDOW)))
           for c, e, h in schools]
for t in threads:
    t.start()
for t in threads:
    t.join()
took = time.monotonic() - t0
lost = check_db()
lat.sort()
n = len(lat)
pct = lambda p: lat[min(n - 1, int(p * n))] if n else 0.0
print("rush: %d schools, %d requests in %.1f s (window %.0f s, %d saves %.1f s "
      "apart, then submit)" % (len(schools), n, took, WINDOW, SAVES, GAP))
print("rush: errors %d, lost %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms"
      % (len(errors), len(lost), pct(0.50), pct(0.99), lat[-1] if n else 0.0))
for e in (errors + lost)[:20]:
    print("  " + e)
sys.exit(1 if errors or lost else 0)

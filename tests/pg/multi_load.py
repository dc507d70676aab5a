#!/usr/bin/env python3
"""Bounded load for tests/pg/multi.sh: through nginx (a unix socket),
each school's editor saves its answers and its head submits; a reviewer
approves or returns already submitted schools. After KILL_AFTER
acknowledged writes the script kill -9s one app process (failover), and
goes on. Every request is tried at most 3 times; only a 200 counts as
acknowledged. Prints one line per write:
    ack|lost|refusedSTATUS ACTION CODE
(lost: never answered; the write may or may not have happened), and a
line "maybe ACTION CODE" for every try without an answer (a 502 from
nginx when the process died holding it) before the next. Usage: multi_load.py SOCKET ANSWERS KILL_PID KILL_AFTER
SCHOOLS(comma) REVIEWED(comma, each REVIEWER:CODE)"""
import http.client
import json
import os
import signal
import socket
import sys
import threading

SOCK, ANSWERS, KILL_PID, KILL_AFTER = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
SCHOOLS = [s for s in sys.argv[5].split(",") if s]
REVIEWED = [s for s in sys.argv[6].split(",") if s]
ANS = open(ANSWERS, "rb").read()
lock = threading.Lock()
acks = 0
killed = False
out = []


class UnixConn(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(120)
        self.sock.connect(SOCK)


def request(method, path, cookie=None, body=None, headers=None):
    h = dict(headers or {})
    if cookie:
        h["Cookie"] = cookie
    c = UnixConn("localhost", timeout=120)
    try:
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        return r.status, r.getheader("Set-Cookie"), r.read()
    except (OSError, http.client.HTTPException):
        return 0, None, b""
    finally:
        c.close()


def login(user):
    seen = []
    for _ in range(3):
        st, sc, _ = request("POST", "/login", body=f"login={user}&password=truongso-demo",
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
        seen.append(str(st))
        if st == 303 and sc:
            cookie = sc.split(";")[0]
            st, _, body = request("GET", "/api/session", cookie)
            seen.append(str(st))
            if st == 200:
                return cookie, json.loads(body)["csrf_token"]
    with lock:
        out.append(f"nologin {user} {'/'.join(seen)}")
    return None


def acked():
    global acks, killed
    with lock:
        acks += 1
        if acks >= KILL_AFTER and not killed:
            killed = True
            os.kill(KILL_PID, signal.SIGKILL)


def write(name, code, sess, path, body=b"", ctype=None):
    """One write, tried until answered (3 times at most); records it."""
    h = {"X-CSRF-Token": sess[1]}
    if ctype:
        h["Content-Type"] = ctype
    for _ in range(3):
        st, _, _ = request("POST", path, sess[0], body, h)
        if st == 200:
            with lock:
                out.append(f"ack {name} {code}")
            acked()
            return True
        if st not in (0, 502, 503, 504):
            with lock:
                out.append(f"refused{st} {name} {code}")
            return False
        # No answer: it may have been written all the same.
        with lock:
            out.append(f"maybe {name} {code}")
    with lock:
        out.append(f"lost {name} {code}")
    return False


def school(code):
    low = code.lower()
    p = f"/api/campaigns/1/units/{code}"
    editor = login(f"cntt.{low}")
    head = login(f"ht.{low}")
    if editor is None or head is None:
        return
    write("save", code, editor, p + "/answers", ANS, "application/json")
    write("save", code, editor, p + "/answers", ANS, "application/json")
    write("submit", code, head, p + "/submit")


def reviewer():
    sessions = {}
    for i, pair in enumerate(REVIEWED):
        who, code = pair.split(":")
        if who not in sessions:
            sessions[who] = login(who)
        rev = sessions[who]
        if rev is None:
            continue
        p = f"/api/campaigns/1/units/{code}"
        if i % 2 == 0:
            write("approve", code, rev, p + "/approve")
        else:
            body = json.dumps({"reasons": [{"criterion": "1.1", "text": "Bổ sung minh chứng"}]})
            write("return", code, rev, p + "/return", body.encode(), "application/json")


def main():
    threads = [threading.Thread(target=reviewer)]
    # Four school workers, each taking every fourth school.
    for k in range(4):
        mine = SCHOOLS[k::4]
        threads.append(threading.Thread(target=lambda m=mine: [school(c) for c in m]))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("\n".join(out))
    print(f"killed {1 if killed else 0}")


main()

#!/usr/bin/python3
"""Uploads held half-way, for tests/http/hostile.sh: COUNT connections to
HOST:PORT (loopback only) each send a multipart POST to PATH announcing a
10 MiB body, send its first 256 KiB (FIELDS first, then the start of a
file part) and wait until ANSWERS of them are answered (the server
refused them before reading the body; at most 20 s) or, with ANSWERS 0,
for one second while the server reads. Writes one line to STATE_FILE:
"answered 415 1 held 0", counting each status and the connections still
held (being read); then holds the open connections until RELEASE_FILE
exists (at most 30 s) and closes them.
Usage: held_upload.py HOST PORT PATH COUNT ANSWERS STATE_FILE RELEASE_FILE
       [-H 'Header: value']... [FIELD=VALUE]...
"""
import ipaddress
import os
import select
import socket
import sys
import time

BOUNDARY = "heldheldheld"


def request(path, port, headers, fields):
    body = b""
    for f in fields:
        name, value = f.split("=", 1)
        body += (f"--{BOUNDARY}\r\nContent-Disposition: form-data; "
                 f"name=\"{name}\"\r\n\r\n{value}\r\n").encode()
    body += (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; "
             "filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n"
             ).encode()
    body += b"x" * (256 * 1024)
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
            f"Content-Length: {10 * 1024 * 1024}\r\n")
    for h in headers:
        head += h + "\r\n"
    return (head + "\r\n").encode() + body


def main():
    host, port, path, count, answers, state, release = sys.argv[1:8]
    if not ipaddress.ip_address(host).is_loopback:
        sys.exit("loopback only")
    headers, fields, rest = [], [], sys.argv[8:]
    while rest:
        if rest[0] == "-H":
            headers.append(rest[1])
            rest = rest[2:]
        else:
            fields.append(rest[0])
            rest = rest[1:]
    data = request(path, int(port), headers, fields)
    socks = []
    for _ in range(int(count)):
        s = socket.create_connection((host, int(port)), timeout=5)
        s.setblocking(False)
        try:
            s.send(data)  # as much as the kernel takes; enough to start
        except BlockingIOError:
            pass
        socks.append(s)
    statuses = {}
    want = int(answers)
    deadline = time.monotonic() + (20 if want > 0 else 1)
    pending = list(socks)
    while pending and time.monotonic() < deadline and (
            want == 0 or len(socks) - len(pending) < want):
        readable, _, _ = select.select(pending, [], [], 0.2)
        for s in readable:
            try:
                line = s.recv(64).split(b"\r\n")[0].decode()
            except OSError:
                line = "HTTP/1.1 closed"
            code = line.split(" ")[1] if " " in line else "closed"
            statuses[code] = statuses.get(code, 0) + 1
            pending.remove(s)
    held = len(pending)
    with open(state + ".tmp", "w") as f:
        parts = [f"answered {c} {n}" for c, n in sorted(statuses.items())]
        f.write(" ".join(parts + [f"held {held}"]) + "\n")
    os.rename(state + ".tmp", state)
    deadline = time.monotonic() + 30
    while not os.path.exists(release) and time.monotonic() < deadline:
        time.sleep(0.1)
    for s in socks:
        s.close()


main()

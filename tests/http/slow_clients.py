#!/usr/bin/python3
"""Slow clients for tests/http/hostile.sh: COUNT connections to HOST:PORT
(loopback only), each sending a request line, then one more header line
every INTERVAL seconds and never the end of the headers. Runs until the
server has closed every connection or SECONDS have passed, whichever comes
first, then prints one line:
  slow: opened N refused N closed_by_server N still_open N longest S
"refused" counts connections closed before the first header line was sent
back (refused at accept). Writes READY_FILE once every connection is open.
Usage: slow_clients.py HOST PORT COUNT INTERVAL SECONDS READY_FILE
"""
import ipaddress
import select
import socket
import sys
import time


def main():
    host, port, count, interval, seconds, ready = sys.argv[1:7]
    if not ipaddress.ip_address(host).is_loopback:
        sys.exit("loopback only")
    port, count = int(port), int(count)
    interval, seconds = float(interval), float(seconds)
    start = time.monotonic()
    socks = {}  # socket -> time opened
    refused = 0
    for _ in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(5)
        try:
            s.connect((host, port))
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            socks[s] = time.monotonic()
        except OSError:
            refused += 1
            s.close()
    # Connections the server closed at accept show up as readable (EOF)
    # right away; count them as refused, not as timed out.
    time.sleep(0.5)
    readable, _, _ = select.select(list(socks), [], [], 0)
    for s in readable:
        try:
            data = s.recv(1)
        except OSError:
            data = b""
        if data == b"":
            refused += 1
            del socks[s]
            s.close()
    opened = count - refused
    with open(ready, "w") as f:
        f.write(f"{opened}\n")
    closed, longest, n = 0, 0.0, 0
    while socks and time.monotonic() - start < seconds:
        readable, _, _ = select.select(list(socks), [], [], interval)
        now = time.monotonic()
        for s in readable:
            data = b""
            try:
                data = s.recv(4096)
            except OSError:
                pass
            if data == b"":
                longest = max(longest, now - socks.pop(s))
                closed += 1
                s.close()
        if not readable:
            n += 1
            for s in list(socks):
                try:
                    s.sendall(b"X-Slow-%d: 1\r\n" % n)
                except OSError:
                    longest = max(longest, now - socks.pop(s))
                    closed += 1
                    s.close()
    print(f"slow: opened {opened} refused {refused} closed_by_server "
          f"{closed} still_open {len(socks)} longest {longest:.1f}")
    for s in socks:
        s.close()


main()

#!/usr/bin/env python3
"""A client that closes early (issue 17 item 2): sends one GET and, in the
same TCP segment, its FIN (TCP_CORK holds the request until shutdown adds
the FIN to it), so the server can never read the request without also
seeing that nobody will read the answer. Prints the status line the server
still sends on the half-open connection, or "closed" when none came.

    gone_client.py HOST PORT PATH COOKIE
"""
import socket
import sys

host, port, path, cookie = sys.argv[1], int(sys.argv[2]), sys.argv[3], \
    sys.argv[4]
s = socket.create_connection((host, port), timeout=120)
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)
s.sendall(("GET %s HTTP/1.1\r\nHost: %s\r\nCookie: ts_session=%s\r\n"
           "Connection: close\r\n\r\n" % (path, host, cookie)).encode())
s.shutdown(socket.SHUT_WR)
data = b""
while True:  # ends at the server's close (or the 120 s timeout)
    chunk = s.recv(65536)
    if not chunk:
        break
    data += chunk
s.close()
print(data.split(b"\r\n", 1)[0].decode() if data else "closed")

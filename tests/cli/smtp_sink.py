#!/usr/bin/env python3
"""A local SMTP sink for the reminder tests: listens on 127.0.0.1, port 0
(the kernel picks one, written to PORTFILE), accepts every message and
writes each as DIR/N.eml with its envelope in DIR/N.rcpt. Speaks just
enough SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for libcurl.
With --refuse it answers every MAIL FROM with 550, to test a refusing
relay. Stops when killed. Usage: smtp_sink.py DIR PORTFILE [--refuse]"""
import os
import socketserver
import sys

OUT, PORTFILE = sys.argv[1], sys.argv[2]
REFUSE = "--refuse" in sys.argv[3:]
count = [0]


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def data(self):
        lines = []
        while True:
            raw = self.rfile.readline()
            if not raw:
                return None
            if raw in (b".\r\n", b".\n"):
                return b"".join(lines)
            if raw.startswith(b".."):
                raw = raw[1:]  # undo dot-stuffing
            lines.append(raw)

    def handle(self):
        rcpt = []
        self.reply("220 sink ESMTP")
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            cmd = raw.decode("ascii", "replace").strip()
            verb = cmd.split(" ", 1)[0].upper()
            if verb == "EHLO":
                self.reply("250-sink")
                self.reply("250 8BITMIME")
            elif verb == "HELO":
                self.reply("250 sink")
            elif verb == "MAIL":
                rcpt = []
                self.reply("550 refused by the test" if REFUSE else "250 ok")
            elif verb == "RCPT":
                rcpt.append(cmd.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 ok")
            elif verb == "DATA":
                self.reply("354 go on")
                body = self.data()
                if body is None:
                    return
                count[0] += 1
                base = os.path.join(OUT, str(count[0]))
                with open(base + ".rcpt", "w") as f:
                    f.write("\n".join(rcpt) + "\n")
                with open(base + ".eml", "wb") as f:
                    f.write(body)
                self.reply("250 queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 ok")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not here")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


with Server(("127.0.0.1", 0), Session) as srv:
    tmp = PORTFILE + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(tmp, PORTFILE)  # the test never reads half a number
    srv.serve_forever()

"""Rewrites a report CSV in the default dialect (';' between fields,
codes as ="1.1") as plain RFC 4180 with ',' and the codes bare, so the
CLI tests can compare rows as they read them before the dialect existed.
The numbers keep their decimal comma ("12,5"). Filter: stdin to stdout,
BOM kept. The dialect itself is checked by tests/report/csv_check.py."""
import csv
import io
import re
import sys

raw = sys.stdin.buffer.read()
bom = raw.startswith(b"\xef\xbb\xbf")
text = raw.decode("utf-8-sig")
out = io.StringIO(newline="")
w = csv.writer(out, lineterminator="\r\n")
for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
    if not row:
        out.write("\r\n")
        continue
    w.writerow([re.sub(r'^="(.*)"$', r"\1", c, flags=re.S) for c in row])
sys.stdout.buffer.write((b"\xef\xbb\xbf" if bom else b"") +
                        out.getvalue().encode("utf-8"))

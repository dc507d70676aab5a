#!/usr/bin/python3
"""The peer of bench_xlsx: openpyxl (write_only, its streaming mode)
writes the same 50,000-row listing with the same number formats. Prints
"peer_ms=<ms>"."""
import sys
import time

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
out = sys.argv[2] if len(sys.argv) > 2 else "build/bench-listing-peer.xlsx"
t0 = time.monotonic()
wb = Workbook(write_only=True)
ws = wb.create_sheet("Danh sách")
bold = Font(bold=True)
head = []
for h in ("STT", "Trường", "Xã/phường", "Điểm", "Tỷ lệ", "Mức"):
    c = WriteOnlyCell(ws, value=h)
    c.font = bold
    head.append(c)
ws.append(head)
for i in range(n):
    pts = WriteOnlyCell(ws, value=(i % 10001) / 100.0)
    pts.number_format = "0.0#"
    pct = WriteOnlyCell(ws, value=(i % 10001) / 10000.0)
    pct.number_format = "0.00%"
    ws.append([i + 1, "Trường THCS số %d" % (i + 1),
               "Phường %d" % (i % 700 + 1), pts, pct,
               "Mức 2" if i % 3 else "Mức 3"])
wb.save(out)
print("peer_ms=%.1f" % ((time.monotonic() - t0) * 1000))

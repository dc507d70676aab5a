#!/usr/bin/python3
"""The peer of `truongso report ket-qua` (issue 17 item 3): openpyxl 3
(write_only, its streaming mode) writes the same national results table
from the same database, read by the same query through Python's sqlite3:
one row per unit, 7 columns and 4 per group (points and level, self and
reviewed). Prints "peer_ms=<ms> rows=<n>".

    results_peer.py DB CAMPAIGN OUT.xlsx
"""
import sqlite3
import sys
import time

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

NAMES = {None: "Chưa bắt đầu", "draft": "Bản nháp", "submitted": "Đã nộp",
         "returned": "Trả lại (yêu cầu bổ sung)",
         "approved": "Đã phê duyệt", "published": "Đã công bố"}
LEVELS = ["MN", "TH", "THCS", "THPT", "GDTX"]
SQL = ("SELECT cu.unit_id, o.code, o.name, p.name, cu.school_levels, "
       "s.state, coalesce(s.late, 0), g.grp, g.self_points, g.self_level, "
       "g.reviewed_points, g.reviewed_level FROM campaign_unit cu JOIN "
       "org_unit o ON o.id = cu.unit_id LEFT JOIN org_unit p ON p.id = "
       "o.parent_id LEFT JOIN submission s ON s.campaign_id = "
       "cu.campaign_id AND s.unit_id = cu.unit_id LEFT JOIN "
       "submission_score g ON g.submission_id = s.id WHERE "
       "cu.campaign_id = ? ORDER BY cu.path, g.grp")


def levels(bits):
    return ", ".join(n for i, n in enumerate(LEVELS) if bits & (1 << i))


def main():
    db, cid, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    t0 = time.monotonic()
    con = sqlite3.connect(db)
    ngroups = 2
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Kết quả")
    bold = Font(bold=True)
    head = ["STT", "Mã đơn vị", "Tên đơn vị", "Đơn vị quản lý", "Cấp học",
            "Trạng thái", "Nộp muộn"]
    for g in range(ngroups):
        head += ["Nhóm tiêu chí %d - %s" % (g + 1, w) for w in (
            "Điểm tự đánh giá", "Mức tự đánh giá", "Điểm sau kiểm tra",
            "Mức sau kiểm tra")]
    cells = []
    for h in head:
        c = WriteOnlyCell(ws, value=h)
        c.font = bold
        cells.append(c)
    ws.append(cells)
    row, last, n = None, None, 0
    for r in con.execute(SQL, (cid,)):
        if r[0] != last:
            if row:
                ws.append(row)
            n += 1
            last = r[0]
            row = [n, r[1], r[2], r[3], levels(r[4]), NAMES[r[5]],
                   "Có" if r[6] else None] + [None] * (4 * ngroups)
        if r[7] is None or r[5] in (None, "draft"):
            continue
        c = 7 + 4 * r[7]
        row[c], row[c + 1] = r[8] / 100, r[9] or None
        if r[5] in ("approved", "published"):
            row[c + 2], row[c + 3] = r[10] / 100, r[11] or None
    if row:
        ws.append(row)
    wb.save(out)
    print("peer_ms=%.1f rows=%d" % ((time.monotonic() - t0) * 1000, n))


if __name__ == "__main__":
    main()

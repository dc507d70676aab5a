#!/usr/bin/python3
"""Independent oracle for the XLSX writer: openpyxl loads the fixture that
tests/unit/test_report_xlsx.c leaves in build/report-samples/fixture.xlsx
and checks types, values, merges, panes and page setup. Prints what it
read; exits 1 on the first mismatch."""
import sys

import openpyxl

HOSTILE = "<script>&\"'</script>"
path = sys.argv[1] if len(sys.argv) > 1 else "build/report-samples/fixture.xlsx"
wb = openpyxl.load_workbook(path)
fails = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        fails.append(what)


check(wb.sheetnames == ["Báo cáo", "Phụ lục 1"], "sheet names %r" % wb.sheetnames)
ws = wb["Báo cáo"]
rows = {r[1].value: r for r in ws.iter_rows() if len(r) > 4}
r = rows.get("Chuyển đổi số trong dạy, học")
check(r is not None, "row 'Chuyển đổi số trong dạy, học'")
if r:
    for cell, want, typ in ((r[2], 100, int), (r[3], 73, int), (r[4], 0.73, float)):
        print("     %s = %r (%s, %s)" % (cell.coordinate, cell.value,
              type(cell.value).__name__, cell.number_format))
        check(isinstance(cell.value, typ) and cell.value == want,
              "%s is the number %r" % (cell.coordinate, want))
    check(r[4].number_format == "0.00%", "percentage format")
r = [x for x in ws.iter_rows() if isinstance(x[1].value, str)
     and x[1].value.startswith("Chuyển đổi số trong quản trị")]
check(len(r) == 1, "row 'quản trị'")
if r:
    r = r[0]
    check(r[1].value.endswith("- Quản trị: " + HOSTILE), "hostile text exact")
    check(r[3].value == 12.5 and r[4].value == 0.4567, "12.5 and 0.4567")
merged = [str(m) for m in ws.merged_cells.ranges]
print("     merged:", " ".join(merged))
check(any(":" in m for m in merged) and len(merged) >= 4, "merged ranges")
check(ws.page_setup.paperSize in (9, "9"), "A4 paper")
check(abs(ws.page_margins.left - 30 / 25.4) < 1e-3, "left margin 30 mm")
ap = wb["Phụ lục 1"]
check(ap.freeze_panes is not None, "appendix frozen at %s" % ap.freeze_panes)
check(ap.page_setup.orientation == "landscape", "appendix landscape")
nums = [c.value for c in ap["C"] if isinstance(c.value, (int, float))]
check(len(nums) >= 60, "appendix has %d numeric rows" % len(nums))
print("%d passed, %d failed" % (0 if fails else 1, 1 if fails else 0))
sys.exit(1 if fails else 0)

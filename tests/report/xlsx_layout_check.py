#!/usr/bin/python3
"""Print layout of one XLSX document (issue 18 item 15), read with
openpyxl, independently of the writer's own estimates.

Usage: xlsx_layout_check.py FILE.xlsx

Excel and LibreOffice do not fit a row to wrapped text when they open a
file, so the height written is the height printed. Checks, one "ok" /
"FAIL" line each, exit status 1 on any failure:
  page    every sheet: A4, fit to one page wide (any height), a footer
          with the page number (&P);
  titles  a sheet that is one bordered table (a listing, an appendix)
          repeats its header rows on every printed page, and holds no
          chart: Calc printed the table's header above the charts' page
          with no row of the table under it (Phụ lục 1 and 2 of
          tu-danh-gia); its charts go to a sheet of their own;
  rows    every text cell's row (the rows of a merged range together) is
          tall enough for its text wrapped in its width: an optimistic
          count of lines (about 5 pt per 12 pt character, a word never
          split) times 1.1 × the font size;
  header  the left half of the NĐ 30 header (cơ quan chủ quản, tên đơn
          vị) has no line so long in upper case (1.3 times the average
          letter, Times) that it would wrap: the writer breaks it before
          the unit's own name instead of leaving Calc to break inside it
          ("… QUẬN DƯƠNG / KINH");
  numbers every number cell is wider than the number it shows (Calc
          shows "###" otherwise): its formatted length plus one;
  short   a short text outside the tables (a cell with no border whose
          lines have at most four words: a signer's title or name, "THƯ
          KÝ" beside "CHỦ TRÌ") shows each of its lines on one line: the
          meeting record's two signers sat in the STT and name columns
          and Calc printed "THƯ / KÝ";
  charts  no chart straddles a page: from the sheet's top or the last
          manual page break above it, the rows down to the chart's last
          fit on one page at 100 % (fit-to-width only ever shrinks), the
          repeated header rows included; and its title, axes and legend
          are in the cells' font (Calc drew them in its sans serif).
"""
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter

DEFAULT_ROW = 15.0
DEFAULT_COL = 8.43
MM = 72 / 25.4


def col_width(ws, c):
    d = ws.column_dimensions.get(get_column_letter(c))
    return d.width if d is not None and d.width else DEFAULT_COL


def row_height(ws, r):
    d = ws.row_dimensions.get(r)
    return d.height if d is not None and d.height else DEFAULT_ROW


def lines_needed(text, width_units, size, bold):
    # Optimistic: more characters per line than the writer assumes.
    per = max(1.0, width_units * 13.2 / size * (0.93 if bold else 1) - 1)
    n = 0
    for para in text.split("\n"):
        used, lines = 0, 1
        for w in para.split():
            need = len(w) if used == 0 else used + 1 + len(w)
            if used and need > per:
                lines += 1
                need = len(w)
            while need > per:
                lines += 1
                need -= per
            used = need
        n += lines
    return n


def merged_ranges(ws):
    out = {}
    for m in ws.merged_cells.ranges:
        out[(m.min_row, m.min_col)] = m
    return out


def check_rows(ws):
    bad = []
    merged = merged_ranges(ws)
    covered = set()
    for m in ws.merged_cells.ranges:
        for r in range(m.min_row, m.max_row + 1):
            for c in range(m.min_col, m.max_col + 1):
                if (r, c) != (m.min_row, m.min_col):
                    covered.add((r, c))
    for row in ws.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value.strip() \
                    or (cell.row, cell.column) in covered:
                continue
            m = merged.get((cell.row, cell.column))
            c0, c1 = (m.min_col, m.max_col) if m else (cell.column,
                                                      cell.column)
            r0, r1 = (m.min_row, m.max_row) if m else (cell.row, cell.row)
            width = sum(col_width(ws, c) for c in range(c0, c1 + 1))
            size = cell.font.sz or 11
            # A cell that does not wrap shows one line (and is cut).
            lines = lines_needed(cell.value, width, size, cell.font.b) \
                if cell.alignment.wrap_text else 1
            have = sum(row_height(ws, r) for r in range(r0, r1 + 1))
            if have < lines * size * 1.1:
                bad.append("%s!%s: %d line(s) of %g pt in %.1f pt: %r"
                           % (ws.title, cell.coordinate, lines, size, have,
                              cell.value[:40]))
    return bad


A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def check_chart_fonts(path, font):
    """Each chart's title, axes and legend name the cells' font."""
    bad = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist()
                           if n.startswith("xl/charts/chart")):
            root = ET.fromstring(z.read(name))
            for part in ("title", "valAx", "catAx", "legend"):
                for el in root.iter(C + part):
                    faces = {l.get("typeface") for l in el.iter(A + "latin")}
                    if faces != {font}:
                        bad.append("%s: %s in %s, not %s"
                                   % (name, part, sorted(faces) or "the "
                                      "default font", font))
                    break
    return bad


def bordered(cell):
    b = cell.border
    return any(s is not None and s.style for s in (b.left, b.right, b.top,
                                                     b.bottom))


def check_short(ws):
    bad = []
    merged = merged_ranges(ws)
    for row in ws.iter_rows(min_row=3):  # rows 1-2: the header's check
        for cell in row:
            v = cell.value
            if not isinstance(v, str) or not v.strip() or bordered(cell) \
                    or any(len(l.split()) > 4 for l in v.split("\n")):
                continue
            m = merged.get((cell.row, cell.column))
            c0, c1 = (m.min_col, m.max_col) if m else (cell.column,
                                                      cell.column)
            width = sum(col_width(ws, c) for c in range(c0, c1 + 1))
            size = cell.font.sz or 11
            caps = 1.3 if v.isupper() else 1
            if lines_needed(v, width / caps, size, cell.font.b) > \
                    len(v.split("\n")):
                bad.append("%s!%s: %r wraps in %.1f units"
                           % (ws.title, cell.coordinate, v, width))
    return bad


def page_height(ws):
    landscape = ws.page_setup.orientation == "landscape"
    return ((210 if landscape else 297) - 40) * MM


def title_rows(ws):
    t = ws.print_title_rows
    if not t:
        return None
    m = re.match(r"\$?(\d+):\$?(\d+)", t)
    return (int(m.group(1)), int(m.group(2))) if m else None


def check_charts(ws):
    bad = []
    page = page_height(ws)
    breaks = sorted(b.id + 1 for b in ws.row_breaks.brk)  # first row after
    titles = title_rows(ws)
    for ch in ws._charts:
        a = ch.anchor
        first, last = a._from.row + 1, a.to.row + 1
        start = max([b for b in breaks if b <= first], default=1)
        used = 0
        if titles and start > titles[1]:
            used = sum(row_height(ws, r) for r in range(titles[0],
                                                        titles[1] + 1))
        used += sum(row_height(ws, r) for r in range(start, last + 1))
        if used > page:
            bad.append("%s: chart rows %d-%d may straddle a page "
                       "(%.0f pt from row %d, page %.0f pt)"
                       % (ws.title, first, last, used, start, page))
    return bad


def check_header(ws):
    """Rows 1-2, column A: each line fits its merged width in capitals."""
    bad = []
    merged = merged_ranges(ws)
    for r in (1, 2):
        cell = ws.cell(row=r, column=1)
        m = merged.get((r, 1))
        if not isinstance(cell.value, str) or m is None:
            continue
        width = sum(col_width(ws, c) for c in range(m.min_col,
                                                     m.max_col + 1))
        size = cell.font.sz or 11
        per = width * 13.2 / size * (0.93 if cell.font.b else 1) / 1.3
        for line in cell.value.split("\n"):
            if len(line) > per:
                bad.append("%s!A%d: %r wraps in %.0f characters"
                           % (ws.title, r, line, per))
    return bad


def shown(value, fmt):
    """The text a number cell shows with its format."""
    if fmt.endswith("%"):
        return "%.2f%%" % (value * 100)
    if fmt == "0":
        return "%d" % round(value)
    return ("%.2f" % value).rstrip("0").rstrip(".")


def check_numbers(ws):
    bad = []
    merged = merged_ranges(ws)
    for row in ws.iter_rows():
        for cell in row:
            if not isinstance(cell.value, (int, float)) or \
                    isinstance(cell.value, bool):
                continue
            m = merged.get((cell.row, cell.column))
            c0, c1 = (m.min_col, m.max_col) if m else (cell.column,
                                                      cell.column)
            width = sum(col_width(ws, c) for c in range(c0, c1 + 1))
            size = cell.font.sz or 11
            text = shown(cell.value, cell.number_format or "General")
            need = (len(text) + 1) * size / 12 * (1.1 if cell.font.b
                                                  else 1)
            if width < need:
                bad.append("%s!%s: %r in %.1f units (needs %.1f)"
                           % (ws.title, cell.coordinate, text, width, need))
    return bad


def one_table(ws):
    """A listing or an appendix; not an appendix's charts sheet."""
    return ws.title.startswith(("Danh sách", "Phụ lục")) and \
        not ws.title.endswith("Biểu đồ")


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    fails = []

    def check(name, bad):
        print(("FAIL " if bad else "ok   ") + name)
        for b in bad[:10]:
            print("     " + b)
        if bad:
            fails.append(name)

    bad = []
    for ws in wb.worksheets:
        ps = ws.page_setup
        if str(ps.paperSize) != "9":
            bad.append("%s: paper %r, not A4" % (ws.title, ps.paperSize))
        if not ws.sheet_properties.pageSetUpPr.fitToPage or \
                ps.fitToWidth not in (None, 1) or ps.fitToHeight != 0:
            bad.append("%s: not fit to one page wide" % ws.title)
        footer = ws.oddFooter.center.text or ""
        if "&P" not in footer:
            bad.append("%s: no page number in the footer" % ws.title)
    check("page", bad)
    check("titles", ["%s: no repeated header rows" % ws.title
                     for ws in wb.worksheets
                     if one_table(ws) and not title_rows(ws)] +
          ["%s: repeats rows %s above its charts too" % (ws.title,
                                                         ws.print_title_rows)
           for ws in wb.worksheets if title_rows(ws) and ws._charts])
    check("rows", [b for ws in wb.worksheets for b in check_rows(ws)])
    check("header", check_header(wb.worksheets[0]))
    check("numbers", [b for ws in wb.worksheets for b in check_numbers(ws)])
    check("short", [b for ws in wb.worksheets for b in check_short(ws)])
    font = next((c.font.name for ws in wb.worksheets for row in
                 ws.iter_rows() for c in row if isinstance(c.value, str)),
                None)
    check("charts", [b for ws in wb.worksheets for b in check_charts(ws)] +
          check_chart_fonts(sys.argv[1], font))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())

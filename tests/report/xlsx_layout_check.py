#!/usr/bin/python3
"""Print layout of one XLSX document (issue 18 item 15), read with
openpyxl, independently of the writer's own estimates.

Usage: xlsx_layout_check.py FILE.xlsx

Excel and LibreOffice do not fit a row to wrapped text when they open a
file, so the height written is the height printed. Checks, one "ok" /
"FAIL" line each, exit status 1 on any failure:
  page    every sheet: A4, fit to one page wide (any height; or one page
          tall too, for a sheet with no manual break that needs at most
          an eighth less to fit: a one-page decision), a footer with the
          page number (&P);
  onepage a sheet that fits one page with its text at 7/8 or more has
          no manual page break (its closing block and a table's last
          rows went to a second page of a one-page decision);
  tail    no manual page break starts a page whose first subtotal or
          total ("Cộng", "Tổng cộng") has no numbered row above it on
          that page, nor fewer than two above the total when the table
          ends there: Calc
          printed a Sở listing's subtotal, total and signature alone on
          its last page;
  titles  a sheet that is one bordered table (a listing, an appendix)
          of more than four rows repeats its header rows on every
          printed page, and holds no
          chart: Calc printed the table's header above the charts' page
          with no row of the table under it (Phụ lục 1 and 2 of
          tu-danh-gia); its charts go to a sheet of their own; and no
          manual page break falls below that table (the header would
          print above the text and signature after it);
  rows    every text cell's row (the rows of a merged range together) is
          tall enough for its text wrapped in its width: an optimistic
          count of lines (about 5 pt per 12 pt character, a word never
          split) times 1.1 × the font size; a cell of several lines
          ("\n") by the writer's stricter count (12 letters a width
          unit at 12 pt) times 1.25 × the size;
  header  the left half of the NĐ 30 header (cơ quan chủ quản, tên đơn
          vị) has no line so long in upper case (1.3 times the average
          letter, Times) that it would wrap: the writer breaks it before
          the unit's own name instead of leaving Calc to break inside it
          ("… QUẬN DƯƠNG / KINH"); in Excel's geometry (0.6 em a
          capital, 5 % to spare) every cơ quan line and the Quốc hiệu
          fits, all at 12-13 pt (NĐ 30);
  numbers every number cell is wider than the number it shows (Calc
          shows "###" otherwise): its formatted length plus one;
  short   a short text outside the tables (a cell with no border whose
          lines have at most four words: a signer's title or name, "THƯ
          KÝ" beside "CHỦ TRÌ") shows each of its lines on one line: the
          meeting record's two signers sat in the STT and name columns
          and Calc printed "THƯ / KÝ";
  widths  every bordered row of a sheet ends at the sheet's layout
          width (its text rows' merged width), neither past it (a chart's
          data with more series than the sheet has columns less one is
          turned: a row per series) nor short of it: a table narrower than the widest one (the
          chart data, Phụ lục 3's gaps table, Phụ lục 6's last table) is
          spread over the sheet's columns instead of squeezed into its
          first few (Calc wrapped "Mức độ / 2" in an SL column);
  cut     no text cell that does not wrap is wider than its merged range
          or runs into a filled neighbour (Calc cuts it: a table caption
          ended at "… (tính trên 46");
  align   an amount of money written as text ("109.350.000" under a
          "(đồng)" header) is right-aligned;
  units   no "%" above rows of counts (a stacked chart's data);
  joiners no word joiner (U+2060, put after a hyphen so that Calc does
          not break "GDNN-" / "GDTX") in a line of a cell that fits
          on one line even by a narrow count (capitals 1.5 letters, one
          12 pt letter a unit of the width set, bold 8 % wider, two
          letters to spare):
          Excel's search for "GDNN-GDTX" does not find a joined one;
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


def lines_needed(text, width_units, size, bold, per_unit=13.2):
    # Optimistic: more characters per line than the writer assumes.
    per = max(1.0, width_units * per_unit / size * (0.93 if bold else 1) - 1)
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
            if have < lines * size * 1.1 or not multi_fits(cell, width,
                                                            have):
                bad.append("%s!%s: %d line(s) of %g pt in %.1f pt: %r"
                           % (ws.title, cell.coordinate, lines, size, have,
                              cell.value[:40]))
    return bad


def multi_fits(cell, width, have):
    """A text of several lines ("\\n") that wraps: each line ends
    part-filled and may wrap once more in a reader's face, so the row
    holds the strict count (12 letters a unit at 12 pt, the writer's) at
    1.25 x the size a line: Calc cut Phụ lục 6's results, 22 lines by
    this count in a row of 20."""
    if "\n" not in cell.value or not cell.alignment.wrap_text:
        return True
    size = cell.font.sz or 11
    return have >= lines_needed(cell.value, width, size, cell.font.b,
                                12.0) * size * 1.25


def letters(text):
    return sum(1.5 if ch.isupper() else 1 for ch in text)


def check_joiners(ws):
    bad = []
    merged = merged_ranges(ws)
    for row in ws.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str) or "\u2060" not in cell.value:
                continue
            m = merged.get((cell.row, cell.column))
            c0, c1 = (m.min_col, m.max_col) if m else (cell.column,
                                                      cell.column)
            # The width as the writer set it: the stored width less the
            # 5 px of padding libxlsxwriter adds to each column.
            width = sum(col_width(ws, c) - 5 / 7 for c in range(c0, c1 + 1))
            size = cell.font.sz or 11
            per = width * 12 / size * (0.92 if cell.font.b else 1) - 2
            for line in cell.value.split("\n"):
                if "\u2060" in line and \
                        letters(line.replace("\u2060", "")) <= per:
                    bad.append("%s!%s: joiner in %r, one line of %.0f"
                               % (ws.title, cell.coordinate, line[:50],
                                  per))
    return bad


def bordered(cell):
    b = cell.border
    return b is not None and b.left is not None and b.left.style is not None


def check_widths(ws):
    """Every row with bordered cells ends at the sheet's last bordered
    column (merged ranges counted to their last column)."""
    ends = {}
    merged = merged_ranges(ws)
    for row in ws.iter_rows():
        for cell in row:
            if not bordered(cell):
                continue
            m = merged.get((cell.row, cell.column))
            last = m.max_col if m else cell.column
            ends[cell.row] = max(ends.get(cell.row, 0), last)
    if not ends:
        return []
    # The layout width: the text rows merged across the sheet. A grid
    # past it (cntt's years chart data had its fourth group in a fifth,
    # narrow column of a four-column sheet) is as wrong as one short of it.
    text = [m.max_col for m in ws.merged_cells.ranges
            if m.min_col == 1 and m.min_row == m.max_row and
            not bordered(ws.cell(row=m.min_row, column=1))]
    right = max(text) if text else max(ends.values())
    bad = ["%s: row %d's table ends at column %d of %d"
           % (ws.title, r, e, right) for r, e in sorted(ends.items())
           if e != right]
    return bad[:1] + (["%s: %d more rows" % (ws.title, len(bad) - 1)]
                      if len(bad) > 1 else [])


def check_cut(ws):
    """Text that does not wrap and is wider than its cell is cut where
    the cell is merged or its right neighbour holds something."""
    bad = []
    merged = merged_ranges(ws)
    for row in ws.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str) or cell.alignment.wrap_text:
                continue
            m = merged.get((cell.row, cell.column))
            c0, c1 = (m.min_col, m.max_col) if m else (cell.column,
                                                      cell.column)
            nxt = ws.cell(row=cell.row, column=c1 + 1).value
            if m is None and (nxt is None or nxt == ""):
                continue
            width = sum(col_width(ws, c) for c in range(c0, c1 + 1))
            size = cell.font.sz or 11
            if max(lines_needed(l, 1e9, size, cell.font.b) and
                   len(l) for l in cell.value.split("\n")) > \
                    width * 13.2 / size * (0.93 if cell.font.b else 1):
                bad.append("%s!%s: %r is cut at %.1f units"
                           % (ws.title, cell.coordinate, cell.value[:50],
                              width))
    return bad


def check_units(ws):
    """No "%" heads rows of counts: a stacked chart's data are counts
    (Excel makes the shares), and its corner read "%" above 14, 4, 2."""
    bad = []
    for row in ws.iter_rows():
        for cell in row:
            if cell.value != "%":
                continue
            r = cell.row + 1
            while ws.cell(row=r, column=cell.column).value is not None:
                vals = [c.value for c in ws[r]
                        if isinstance(c.value, (int, float))]
                if any(v > 1 for v in vals):
                    bad.append("%s!%s: \"%%\" heads counts %r"
                               % (ws.title, cell.coordinate, vals))
                    break
                r += 1
    return bad


AMOUNT = re.compile(r"^\d{1,3}(\.\d{3})+$")


def money_column(ws, cell):
    """Whether a header above cell, in its column, counts in đồng."""
    for r in range(cell.row - 1, max(0, cell.row - 40), -1):
        v = ws.cell(row=r, column=cell.column).value
        if isinstance(v, str) and "(đồng)" in v:
            return True
    return False


def check_align(ws):
    """An amount of money written as text ("109.350.000", under a
    "(đồng)" header) is right-aligned like the numbers: the software
    table's sums stood at the left border. (Phụ lục 2's figures, "1.030
    (91,07%)", are text aligned left in every format.)"""
    return ["%s!%s: %r is not right-aligned" % (ws.title, c.coordinate,
                                                 c.value)
            for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and AMOUNT.match(c.value) and
            c.alignment.horizontal != "right" and money_column(ws, c)]


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


def any_border(cell):
    b = cell.border
    return any(s is not None and s.style for s in (b.left, b.right, b.top,
                                                     b.bottom))


def check_short(ws):
    bad = []
    merged = merged_ranges(ws)
    for row in ws.iter_rows(min_row=3):  # rows 1-2: the header's check
        for cell in row:
            v = cell.value
            if not isinstance(v, str) or not v.strip() or any_border(cell) \
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


# Excel's geometry: a column unit is 7 px (5.25 pt) plus 5 px (3.75 pt)
# of padding per column, less about 3 pt of cell margins; an upper-case
# Times letter (Liberation Serif, its metric twin) is about 0.6 em wide
# ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" 197 pt bold at 13 pt, the Quốc hiệu 263).
# Calc's units are wider: what fits in Excel with 5 % to spare fits there.
EXCEL_EM = 0.6
EXCEL_SPARE = 1.05


def excel_room(ws, m):
    units = sum(col_width(ws, c) for c in range(m.min_col, m.max_col + 1))
    return units * 5.25 + (m.max_col - m.min_col + 1) * 3.75 - 3


def check_header_excel(ws):
    """NĐ 30's header in Excel: the cơ quan lines (rows 1-2 left) and
    the Quốc hiệu (row 1 right) at 12-13 pt, each line with room to
    spare in its merged width (the Phòng's name was 14 pt and fitted
    only tightly)."""
    bad = []
    for m in ws.merged_cells.ranges:
        if m.min_row > header_rows(ws) or m.min_row != m.max_row:
            continue
        cell = ws.cell(row=m.min_row, column=m.min_col)
        if not isinstance(cell.value, str) or \
                (m.min_col > 1 and m.min_row != 1):
            continue
        size = cell.font.sz or 11
        if not 12 <= size <= 13:
            bad.append("%s!%s: %g pt, not 12-13 pt (NĐ 30): %r"
                       % (ws.title, cell.coordinate, size, cell.value))
        room = excel_room(ws, m)
        for line in cell.value.split("\n"):
            need = len(line) * EXCEL_EM * size * EXCEL_SPARE
            if need > room:
                bad.append("%s!%s: %r needs %.0f pt in Excel, has %.0f"
                           % (ws.title, cell.coordinate, line, need, room))
    return bad


def header_rows(ws):
    """How many rows the header's top block takes: rows 1.. up to the
    first empty one (the cơ quan lines beside Quốc hiệu and Tiêu ngữ)."""
    n = 0
    while n < 6 and any(isinstance(c.value, str) and c.value
                        for c in ws[n + 1]):
        n += 1
    return n


def check_motto(ws):
    """The Tiêu ngữ sits in the row right under the Quốc hiệu, and each
    row of the header's top block holds one line in each half: beside a
    two-line cơ quan chủ quản in one cell, Calc printed a blank line
    between the Quốc hiệu and the Tiêu ngữ."""
    bad = []
    qh = [c for c in ws[1] if c.value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    if not qh:
        return bad
    below = ws.cell(row=2, column=qh[0].column).value
    if below != "Độc lập - Tự do - Hạnh phúc":
        bad.append("%s: row 2 under the Quốc hiệu holds %r"
                   % (ws.title, below))
    for r in range(1, header_rows(ws) + 1):
        for c in ws[r]:
            if isinstance(c.value, str) and "\n" in c.value:
                bad.append("%s!%s: two lines in one header row: %r"
                           % (ws.title, c.coordinate, c.value))
    return bad


def check_header(ws):
    """The header's left lines, column A: each fits its merged width in
    capitals."""
    bad = check_header_excel(ws) + check_motto(ws)
    merged = merged_ranges(ws)
    for r in range(1, header_rows(ws) + 1):
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


def one_page_fit(ws):
    """Fit to one page tall too: only a sheet with no manual break whose
    rows shrink by at most an eighth to fit (xlsx_rows.c XLSX_FIT_MIN)."""
    rows = sum(row_height(ws, r) for r in range(1, ws.max_row + 1))
    return ws.page_setup.fitToHeight in (None, 1) and \
        not ws.row_breaks.brk and rows * 0.875 <= page_height(ws)


def check_title_breaks(ws):
    """A manual break below the table whose header rows repeat starts a
    page with that header above no row of it (the mầm non report's
    "III. Kiến nghị" and signature under the criteria table's header)."""
    titles = title_rows(ws)
    if not titles:
        return []
    end = titles[1]
    while any(bordered(c) for c in ws[end + 1]):
        end += 1
    return ["%s: break above row %d repeats rows %d-%d below the table "
            "(its last row %d)" % (ws.title, b.id + 1, titles[0],
                                    titles[1], end)
            for b in ws.row_breaks.brk if b.id + 1 > end]


def check_one_page(ws):
    """A sheet that fits one page shrunk by at most an eighth is not broken
    in two by a manual break (the GDNN-GDTX centre's committee decision
    put its table's last rows and its closing on a page of their own)."""
    rows = sum(row_height(ws, r) for r in range(1, ws.max_row + 1))
    if ws.row_breaks.brk and rows * 0.875 <= page_height(ws) and \
            not ws._charts:
        return ["%s: %.0f pt of rows (page %.0f pt) broken at row %d"
                % (ws.title, rows, page_height(ws),
                   ws.row_breaks.brk[0].id + 1)]
    return []


SUM_ROW = re.compile(r"^(Cộng|Tổng cộng)\b")


def check_tail(ws):
    """Each page a manual break starts carries at least one numbered row
    (STT) above its first subtotal or total, and two above the total when
    the table ends on that page (the closing rows take the last units
    along)."""
    bad = []
    starts = sorted(b.id + 1 for b in ws.row_breaks.brk)
    for i, start in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else ws.max_row + 1
        col = [ws.cell(r, 1).value for r in range(start, stop)]
        sums = [k for k, v in enumerate(col)
                if isinstance(v, str) and SUM_ROW.match(v)]
        if not sums:
            continue
        ends = [k for k in sums if col[k].startswith("Tổng cộng")]
        units = sum(isinstance(v, int) for v in col[:sums[0]])
        whole = sum(isinstance(v, int) for v in col[:ends[0]]) if ends else 0
        if units < 1 or (ends and whole < 2):
            k = ends[0] if units >= 1 else sums[0]
            bad.append("%s: the page from row %d has %d unit row(s) above "
                       "\"%s\"" % (ws.title, start,
                                    whole if k != sums[0] else units, col[k]))
    return bad


def one_table(ws):
    """A listing or an appendix; not an appendix's charts sheet, nor a
    table of four rows or fewer (a head and two rows that start on one
    page together never need the head again)."""
    rows = {c.row for row in ws.iter_rows() for c in row if bordered(c)}
    return ws.title.startswith(("Danh sách", "Phụ lục")) and \
        not ws.title.endswith("Biểu đồ") and len(rows) > 4


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
                ps.fitToWidth not in (None, 1) or \
                (ps.fitToHeight != 0 and not one_page_fit(ws)):
            bad.append("%s: not fit to one page wide" % ws.title)
        footer = ws.oddFooter.center.text or ""
        if "&P" not in footer:
            bad.append("%s: no page number in the footer" % ws.title)
    check("page", bad)
    check("onepage", [b for ws in wb.worksheets for b in check_one_page(ws)])
    check("tail", [b for ws in wb.worksheets for b in check_tail(ws)])
    check("titles", ["%s: no repeated header rows" % ws.title
                     for ws in wb.worksheets
                     if one_table(ws) and not title_rows(ws)] +
          ["%s: repeats rows %s above its charts too" % (ws.title,
                                                         ws.print_title_rows)
           for ws in wb.worksheets if title_rows(ws) and ws._charts] +
          [b for ws in wb.worksheets for b in check_title_breaks(ws)])
    check("rows", [b for ws in wb.worksheets for b in check_rows(ws)])
    check("header", check_header(wb.worksheets[0]))
    check("numbers", [b for ws in wb.worksheets for b in check_numbers(ws)])
    check("widths", [b for ws in wb.worksheets for b in check_widths(ws)])
    check("cut", [b for ws in wb.worksheets for b in check_cut(ws)])
    check("joiners",
          [b for ws in wb.worksheets for b in check_joiners(ws)])
    check("align", [b for ws in wb.worksheets for b in check_align(ws)])
    check("units", [b for ws in wb.worksheets for b in check_units(ws)])
    check("short", [b for ws in wb.worksheets for b in check_short(ws)])
    font = next((c.font.name for ws in wb.worksheets for row in
                 ws.iter_rows() for c in row if isinstance(c.value, str)),
                None)
    check("charts", [b for ws in wb.worksheets for b in check_charts(ws)] +
          check_chart_fonts(sys.argv[1], font))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())

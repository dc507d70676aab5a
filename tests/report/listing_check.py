"""Checks on one listing (danh-sach) or chase list (chua-nop), issue 18
items 2, 11 and 12.

Usage: listing_check.py CSV DOCX RUBRIC_JSON [PDF]
       listing_check.py --chase CSV DOCX [PDF]

  CSV          the listing as CSV (every cell as the documents print it)
  DOCX         the same listing as DOCX (for the NĐ 30 header/signature)
  RUBRIC_JSON  the campaign's rubric file (data/rubrics/*.json): the
               columns must follow its shape, not its id
  --chase      the chase list: one header row, no result columns; its
               subtotals count units per state, its head column holds
               people's names (never a login or "Hiệu trưởng …")

Checks, one "ok"/"FAIL" line each, exit status 1 on any failure:
  columns  groups with levels: per group "Mức" columns; otherwise the
           total ("Tổng điểm") and, with grades, "Xếp loại"; no "Mức"
           column without levels, no "Trực thuộc" column;
  order    unit codes ascend in natural order within each group
           (31DK001 < 31DK010), each group closed by a subtotal row
           whose unit count is its number of rows;
  totals   the grand total counts every unit, and the level/grade counts
           of each subtotal are those of its rows;
  nd30     the DOCX has the NĐ 30 header, number "…/DS-…" and a
           signature block;
  names    (with the PDF) a unit's name of at most NAME_ONE_LINE
           characters is on one line, the line of its code: the name
           column gets what the others do not need (issue 18 item 3),
           but may wrap on a row two cấp học make two lines tall;
  states   (with the PDF) so is a state of at most STATE_ONE_LINE
           characters ("Đã phê duyệt");
  stt      (with the PDF, chase) the STT column is at most half as
           wide as the name's, also in a list of no unit.
"""
import csv
import io
import subprocess
import json
import re
import sys
import unicodedata

import docx
import docx_text  # noqa: F401 (w:noBreakHyphen reads as "-")


def nfc(s):
    return unicodedata.normalize("NFC", s)


def natkey(code):
    return [(0, int(p), len(p)) if p.isdigit() else (1, p, 0)
            for p in re.findall(r"\d+|\D+", code)]


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        sample = f.read()
    # Both dialects: ',' (--csv-dialect=comma) or ';' (the default).
    line = max(sample.splitlines()[:2] or [""], key=len)
    delim = ";" if line.count(";") > line.count(",") else ","
    rows = list(csv.reader(io.StringIO(sample, newline=""),
                           delimiter=delim))
    return [[nfc(c) for c in r] for r in rows]


def unquote(s):
    # ="1.1" style text protection, if the writer uses it.
    m = re.fullmatch(r'="(.*)"', s)
    return m.group(1) if m else s


FAILS = []


def check(name, bad):
    print(("FAIL " if bad else "ok   ") + name)
    for b in bad[:10]:
        print("     " + b)
    if bad:
        FAILS.append(name)


def check_columns(rubric, head0, head1):
    levels = any(g.get("levels") for g in rubric["groups"])
    grades = bool(rubric.get("grades"))
    labels = head0 + head1
    bad = []
    if "Trực thuộc" in labels:
        bad.append("a 'Trực thuộc' column")
    if levels and labels.count("Mức") != 2 * len(rubric["groups"]):
        bad.append("%d Mức columns for %d groups with levels"
                   % (labels.count("Mức"), len(rubric["groups"])))
    if not levels and "Mức" in labels:
        bad.append("Mức columns for a rubric without group levels")
    if not levels and labels.count("Tổng điểm") != 2:
        bad.append("no self and reviewed 'Tổng điểm'")
    if grades and labels.count("Xếp loại") != 2:
        bad.append("no self and reviewed 'Xếp loại'")
    check("columns", bad)


def check_order(body):
    """The groups as (subtotal row, unit rows), checked for order."""
    bad, groups, cur = [], [], []
    for r in body:
        if re.fullmatch(r"\d+", r[0]):
            cur.append(r)
        elif r[0].startswith(("Cộng:", "Tổng cộng:")):
            m = re.match(r".*: (\d+) đơn vị", r[0])
            if cur or r[0].startswith("Cộng"):
                groups.append((r, cur))
                if not m or int(m.group(1)) != len(cur):
                    bad.append("subtotal %r over %d rows" % (r[0], len(cur)))
            cur = []
        elif r[0] and not re.fullmatch(r"[IVX]+", r[0]):
            bad.append("unexpected row %r" % r[:3])
    if cur:
        bad.append("%d rows after the last subtotal" % len(cur))
    for _, g in groups:
        codes = [r[1] for r in g]
        if codes != sorted(codes, key=natkey):
            bad.append("codes not in natural order: %r" % codes)
        if [r[0] for r in g] != [str(i) for i in range(1, len(g) + 1)]:
            bad.append("STT not 1..n in a group")
    if not groups and not (body and body[-1][0] == "Tổng cộng: 0 đơn vị"):
        bad.append("no subtotal row")
    check("order", bad)
    return groups


def grand_total(body, groups):
    bad = []
    units = sum(len(g) for _, g in groups)
    last = body[-1][0] if body else ""
    m = re.match(r"Tổng cộng: (\d+) đơn vị", last)
    if not m or int(m.group(1)) != units:
        bad.append("grand total %r for %d units" % (last, units))
    return bad


def check_totals(body, groups, head1):
    bad = grand_total(body, groups)
    for total, g in groups:
        for c, label in enumerate(head1):
            if label not in ("Mức", "Xếp loại"):
                continue
            want = {}
            for r in g:
                if r[c]:
                    k = ("Mức " + r[c]) if label == "Mức" else r[c]
                    want[k] = want.get(k, 0) + 1
            # The counts sit in the points column before (spanned).
            got = {}
            for line in (total[c - 1] or total[c]).splitlines():
                k, _, n = line.rpartition(": ")
                got[k] = int(n)
            if got != want:
                bad.append("%s: counts %r, rows say %r" % (total[0], got,
                                                         want))
    check("totals", bad)


def check_chase(body, groups, head):
    """Per-state counts of each subtotal; people's names as heads."""
    bad = grand_total(body, groups)
    if "Trực thuộc" in head:
        bad.append("a 'Trực thuộc' column")
    st = head.index("Trạng thái")
    for total, g in groups:
        want = {}
        for r in g:
            want[r[st]] = want.get(r[st], 0) + 1
        got = {}
        for line in total[st].splitlines():
            k, _, n = line.rpartition(": ")
            got[k] = int(n)
        if got != want:
            bad.append("%s: counts %r, rows say %r" % (total[0], got, want))
    check("totals", bad)
    bad = []
    hc = [c for c, label in enumerate(head) if label.startswith("Hiệu trưởng")]
    if hc:
        h = hc[0]
        for _, g in groups:
            for r in g:
                name = r[h]
                if name and (name.startswith(("Hiệu trưởng", "Giám đốc",
                                              "Trường", "Trung tâm"))
                             or re.search(r"[.@_]|\d", name)):
                    bad.append("%s: head %r is not a person's name"
                               % (r[1], name))
    units = [r for _, g in groups for r in g]
    for c, label in enumerate(head):
        if units and not any(r[c] for r in units):
            bad.append("column %r is empty on every row" % label)
    check("heads", bad)


def check_nd30(docx_path):
    d = docx.Document(docx_path)
    text = "\n".join(p.text for p in d.paragraphs)
    # The closing block sits in a table nested in a layout table's cell
    # (docx_table.c keeps it with the last rows that way).
    tables = list(d.tables)
    while tables:
        t = tables.pop()
        for row in t.rows:
            text += "\n" + "\n".join(c.text for c in row.cells)
            tables.extend(x for c in row.cells for x in c.tables)
    text = nfc(text)
    bad = [s for s in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                       "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:", "Số:",
                       "/DS-")
           if s not in text]
    check("nd30", bad)


# Every school name of the demo fits on one line beside the listing's
# other columns; the GDTX centres' longer names may take two.
NAME_ONE_LINE = 30
# A state this short ("Đã phê duyệt") is never wrapped: in a round where
# every unit has it, wrapping it makes every row two lines tall.
STATE_ONE_LINE = 14


def on_code_line(lines, code, text):
    """text is whole on a line of the PDF that holds code."""
    at = [x for x in lines if re.search(r"(^|\s)%s(\s|$)"
                                        % re.escape(code), x)]
    return any(" ".join(text.split()) in " ".join(x.split()) for x in at)


def check_names(pdf_path, groups, head):
    """Short names and states on their code's line; a name may wrap on a
    row that two cấp học ("THCS, THPT") make two lines tall anyway."""
    state = head.index("Trạng thái")
    level = head.index("Cấp học") if "Cấp học" in head else None
    text = subprocess.run(["pdftotext", "-layout", pdf_path, "-"],
                          capture_output=True, check=True,
                          encoding="utf-8").stdout
    lines = [nfc(x) for x in text.splitlines()]
    bad, states = [], []
    for _, g in groups:
        for r in g:
            code, name = r[1], r[2]
            tall = level is not None and "," in r[level]
            if len(name) <= NAME_ONE_LINE and not tall and \
                    not on_code_line(lines, code, name):
                bad.append("%s: name %r not on one line" % (code, name))
            if len(r[state]) <= STATE_ONE_LINE and \
                    not on_code_line(lines, code, r[state]):
                states.append("%s: state %r not on one line"
                              % (code, r[state]))
    check("names", bad)
    check("states", states)
    if "Cấp học" in head:
        return
    # The chase list's STT is at most half as wide as the name, even
    # over no row (each column was a quarter of the line); its one-line
    # header shows where the columns start.
    top = [x for x in lines if re.match(r"\s*STT\s", x)][:1]
    at = [[x.find(w) for w in ("STT", "Mã đơn vị", "Tên đơn vị",
                               "Trạng thái")] for x in top]
    check("stt", [x.strip() for x, a in zip(top, at) if min(a) >= 0 and
                  2 * (a[1] - a[0]) > a[3] - a[2]])


def main():
    chase = sys.argv[1] == "--chase"
    args = sys.argv[2:] if chase else sys.argv[1:]
    rows = [[unquote(c) for c in r] for r in read_rows(args[0])]
    # The table has no caption row any more (its title said it twice);
    # an older CSV's caption is one cell.
    if rows and len([c for c in rows[0] if c]) == 1 and len(rows[0]) < 3:
        rows = rows[1:]
    rows = [[]] + rows  # rows[1] is the header, as it was
    if chase and len(rows) < 2:
        # Every unit submitted: a sentence says so, and no table.
        check_nd30(args[1])
        return 1 if FAILS else 0
    if chase:
        head, body = rows[1], rows[2:]
        groups = check_order(body)
        check_chase(body, groups, head)
    else:
        rubric = json.load(open(args[2], encoding="utf-8"))
        head0, head1 = rows[1], rows[2]
        body = rows[3:]
        check_columns(rubric, head0, head1)
        groups = check_order(body)
        check_totals(body, groups, head1)
    check_nd30(args[1])
    pdf = args[2 if chase else 3:][:1]
    if pdf:
        head = rows[1] if chase else head0
        check_names(pdf[0], groups, head)
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())

"""Layout checks on one PDF document, read back with poppler-utils.

Usage: layout_check.py PDF DOCX NAMES

  PDF    the document
  DOCX   the same document as DOCX: its words are the data (Word wraps
         lines itself, so the DOCX text has no line breaks we made)
  NAMES  a file with one unit name per line (the org tree's names)

Checks, one "ok"/"FAIL" line each, exit status 1 on any failure:
  closing   no page whose first text is the closing block (Nơi nhận, the
            signer's title, or the date line of a closing): it always
            keeps the last lines of the body with it; nor one that
            starts with a table's note ("Ghi chú: … liên cấp");
  header    no line of the NĐ 30 header's left column ends inside a unit's
            proper name ("TRƯỜNG THCS TRẦN HƯNG / ĐẠO"), and the Quốc
            hiệu is one line (Calc printed "… CHỦ NGHĨA VIỆT / NAM");
  words     no word of the data printed split across two lines, with or
            without an inserted hyphen ("TH-" / "CS", "31DK0" / "11",
            "18," / "5"), and no inserted line-final hyphen;
  shares    every table row of three or more percentages (Phụ lục 3's
            Mức độ 1/2/3) adds up to exactly 100 with one number of
            decimals (read from the DOCX: the writers share
            rp_value_format, so the PDF prints the same digits);
  decimals  every percentage of a table column, and of a table row, has
            the same number of decimals (issue 18: "91,3%" beside
            "60,87%"), cells like "12 (60,87%)" included (from the DOCX);
  basis     the last căn cứ line before the body ends with "." (or ","
            ":" where the sentence goes on), never ";" (from the DOCX);
  addresses "- Như trên;" in Nơi nhận only with a Kính gửi, no "Nơi nhận:"
            without a list, "- Lưu: …" last (from the DOCX);
  labels    no row label of a table by cấp học ("Tiểu học", "Tổng số")
            wrapped onto two lines (a cramped table);
  heads     no page but the last ends with a group's heading row (a row
            whose STT is bold, "2." of Phụ lục 1, "I" of the listing):
            it keeps its first row with it;
  repeat    every page that shows rows of a table with header rows shows
            its header above them (Writer printed the last page of a
            DOCX listing without it: its last rows were in a table of
            their own, kept with the closing block).
"""
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

import docx
import docx_text  # noqa: F401 (w:noBreakHyphen reads as "-")

PUNCT = ",.;:()“”\"'!?"
WORD_MAX = 48  # src/report/pdf_int.h PDF_WORD_MAX
# src/report/report.h RP_NOBREAK_WORD: a longer word (a file name) may
# break after a hyphen of its own.
NOBREAK_WORD = 12
CLOSING = re.compile(
    r"^\s*(Nơi nhận:|(KT|TM|Q|TL|TUQ)\.\s|HIỆU TRƯỞNG|GIÁM ĐỐC|"
    r"TRƯỞNG PHÒNG|CHỦ TỊCH)|, ngày \S+ tháng \S+ năm")
# The note under a table ("Ghi chú: 2 CSGD liên cấp …") stays with it.
NOTE = re.compile(r"^\s*Ghi chú:")


def nfc(s):
    return unicodedata.normalize("NFC", s)


def pdftotext(path, *args):
    out = subprocess.run(["pdftotext", *args, path, "-"], check=True,
                         capture_output=True).stdout
    return nfc(out.decode("utf-8"))


def pages(path):
    return pdftotext(path, "-layout").split("\f")


def check_closing(path):
    bad = []
    for n, text in enumerate(pages(path), 1):
        lines = [l for l in text.splitlines()
                 if l.strip() and not l.strip().isdigit()]
        if lines and CLOSING.search(lines[0]):
            bad.append("page %d starts with the closing block: %r"
                       % (n, lines[0].strip()))
        elif lines and NOTE.match(lines[0]):
            bad.append("page %d starts with a table's note: %r"
                       % (n, lines[0].strip()))
    return bad


def proper_name(name):
    """The words after the unit kind: the Title-case words at the end
    ("Trường THCS Trần Hưng Đạo" → "Trần Hưng Đạo")."""
    words = name.split()
    tail = []
    for w in reversed(words[1:]):
        if not w.istitle():
            break
        tail.insert(0, w)
    return " ".join(tail)


def header_left_lines(path):
    """Page 1's left header column, down to the "Số:" line."""
    # Text area: 30 mm left margin, left column 42 % of 165 mm.
    right = int((30 + 0.42 * 165) * 72 / 25.4)
    text = pdftotext(path, "-f", "1", "-l", "1", "-x", "0", "-y", "0",
                     "-W", str(right), "-H", "200", "-layout")
    lines = []
    for l in text.splitlines():
        if l.strip().startswith("Số:"):
            break
        if l.strip():
            lines.append(" ".join(l.split()))
    return lines


MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def check_header(path, names):
    lines = header_left_lines(path)
    joined = " ".join(lines)
    bad, seen = [], set()
    page1 = [" ".join(l.split()) for l in
             pdftotext(path, "-f", "1", "-l", "1", "-layout").splitlines()]
    if any("CỘNG HÒA" in l for l in page1) and \
            not any(MOTTO in l for l in page1):
        bad.append("the Quốc hiệu is not one line")
    for name in sorted(set(names)):
        p = proper_name(name).upper()
        if len(p.split()) < 2 or p not in joined:
            continue
        if not any(p in l for l in lines) and p not in seen:
            seen.add(p)
            bad.append("header splits %r: %r" % (p, lines))
    return bad


def all_tables(d):
    """Every table of the document, those nested in a cell included (the
    closing block and the last rows of the table before it share one
    layout cell)."""
    out, todo = [], list(d.tables)
    while todo:
        t = todo.pop(0)
        out.append(t)
        todo.extend(x for row in t.rows for c in row.cells for x in c.tables)
    return out


def data_words(path):
    d = docx.Document(path)
    texts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                texts.append(c.text)
                for inner in c.tables:
                    for r2 in inner.rows:
                        texts.extend(x.text for x in r2.cells)
    words = set()
    for t in texts:
        for w in nfc(t).split():
            words.add(w)
            words.add(w.strip(PUNCT))
    return words


def check_words(path, words):
    toks = pdftotext(path).split()
    bad = set()
    for a, b in zip(toks, toks[1:]):
        if a in words and b in words or a.isdigit() and b.isdigit():
            continue
        # The data's own hyphen, set a little apart (italic "dạy-học"):
        # a break after it is the dehyphenation check's below.
        if a.endswith("-") and (a + b in words or
                                (a + b).strip(PUNCT) in words):
            continue
        joined = [a + b]
        if a.endswith("-"):
            joined.append(a[:-1] + b)
        for j in joined:
            # A link or a word longer than PDF_WORD_MAX may break; so may
            # a blank to fill by hand ("…………", dots only): not a word.
            if len(j.encode()) > WORD_MAX or "://" in j or \
                    j.startswith("www.") or not j.strip("….:"):
                continue
            if j in words or j.strip(PUNCT) in words:
                bad.add("word split across lines: %r + %r" % (a, b))
    for a, b in zip(toks, toks[1:] + [""]):
        if a.endswith("-") and a not in words and len(a) > 1 and \
                a + b not in words and (a + b).strip(PUNCT) not in words:
            bad.add("inserted hyphen: %r" % a)
    # pdftotext joins a word broken after its own hyphen and drops the
    # hyphen ("2025-" / "2026" reads "20252026"): Writer breaks there.
    unhyphen = {}
    for w in words:
        for i, ch in enumerate(w):
            if ch == "-" and 0 < i < len(w) - 1:
                unhyphen.setdefault(w[:i] + w[i + 1:], w)
    for a in toks:
        for t in (a, a.strip(PUNCT)):
            if t not in words and t in unhyphen and \
                    len(unhyphen[t].encode()) <= NOBREAK_WORD:
                bad.add("word broken at its hyphen: %r" % unhyphen[t])
    return sorted(bad)


PCT = re.compile(r"^(\d+)(?:,(\d+))?%$")


def check_shares(path):
    """Every table row with three or more percentages (the shares of
    Mức độ 1/2/3) adds up to exactly 100, all with the same decimals."""
    bad = []
    for t in all_tables(docx.Document(path)):
        for row in t.rows:
            cells = []
            for c in row.cells:
                m = PCT.match(c.text.strip())
                if m and (not cells or c._tc is not cells[-1][0]):
                    cells.append((c._tc, m))
            if len(cells) < 3:
                continue
            total = sum(int(m.group(1)) * 100 + int((m.group(2) or "0")
                        .ljust(2, "0")) for _, m in cells)
            decs = {len(m.group(2) or "") for _, m in cells}
            texts = [m.group(0) for _, m in cells]
            # A cấp học with no counted school has no shares (0 % each).
            if total != 10000 and total != 0 or len(decs) != 1:
                bad.append("shares %s add up to %s%% or differ in decimals"
                           % (texts, total / 100))
    return bad


ANY_PCT = re.compile(r"(?<![\d,])(\d+)(?:,(\d+))?%")


CELL_MAX = 32  # a figure's cell ("12 CSGD (60,87%)"), not prose


def cell_decimals(text):
    """The decimals of a cell's one rate; prose (a target's wording
    "50% học sinh và 100% nhà giáo") is no figure."""
    found = list(ANY_PCT.finditer(text))
    if len(found) != 1 or len(text.strip()) > CELL_MAX:
        return set()
    return {len(found[0].group(2) or "")}


def check_decimals(path):
    """One number of decimals for the percentages down each column and
    across each row of every table."""
    bad = []
    for t in all_tables(docx.Document(path)):
        cols = {}
        for row in t.rows:
            seen, across = set(), set()
            for i, c in enumerate(row.cells):
                if c._tc in seen:
                    continue
                seen.add(c._tc)
                d = cell_decimals(c.text)
                across |= d
                cols.setdefault(i, set()).update(d)
            if len(across) > 1:
                bad.append("row mixes decimals %s: %r" % (
                    sorted(across), [c.text for c in row.cells]))
        for i, d in sorted(cols.items()):
            if len(d) > 1:
                bad.append("column %d mixes decimals %s" % (i, sorted(d)))
    return bad


BASIS = re.compile(r"^(Căn cứ|Thực hiện) ")
BASIS_GOES_ON = re.compile(r"^(Căn cứ|Thực hiện|Theo đề nghị|Xét) ")


def check_basis(path):
    """NĐ 30: căn cứ lines end with ";", the last one with "."."""
    lines = [l.strip() for l in docx_lines(path)]
    lines = [l for l in lines if l]
    bad = []
    for i, l in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if BASIS.match(l) and l.endswith(";") and \
                not BASIS_GOES_ON.match(nxt):
            bad.append("last căn cứ line ends with ';': %r" % l[-60:])
    return bad


def level_labels(path):
    """The row labels of every table by cấp học (Phụ lục 3: "Cấp học"
    is the second column) that have more than one word (from the DOCX).
    The listing's "Cấp học" column ("TH, THCS") may wrap."""
    labels = set()
    for t in all_tables(docx.Document(path)):
        rows = [[nfc(c.text.strip()) for c in r.cells] for r in t.rows]
        col = 1
        if not any(len(r) > 1 and r[1] == "Cấp học" for r in rows[:3]):
            continue
        for r in rows:
            if col < len(r) and len(r[col].split()) > 1 and \
                    r[col] != "Cấp học":
                labels.add(" ".join(r[col].split()))
    return labels


def check_labels(path, labels):
    """No cấp học label printed as a block of more than one line."""
    out = subprocess.run(["pdftotext", "-bbox-layout", path, "-"],
                         check=True, capture_output=True).stdout
    x = "{http://www.w3.org/1999/xhtml}"
    bad = set()
    for block in ET.fromstring(out).iter(x + "block"):
        lines = list(block.iter(x + "line"))
        text = nfc(" ".join(w.text or "" for w in block.iter(x + "word")))
        if len(lines) > 1 and text in labels:
            bad.add("label wrapped in its cell: %r" % text)
    return sorted(bad)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def heading_rows(path):
    """The start of the text of every table row whose first cell is
    bold and not a header row: a group's row."""
    heads = set()
    for t in all_tables(docx.Document(path)):
        for row in t.rows:
            if row._tr.find(".//" + W + "tblHeader") is not None:
                continue
            cells = row.cells
            runs = [r for p in cells[0].paragraphs for r in p.runs
                    if r.text.strip()]
            if len(cells) < 2 or not runs or \
                    not all(r.bold for r in runs):
                continue
            words = nfc(cells[1].text).split()
            if words and words[0] not in ("Cộng", "Tổng"):
                heads.add(" ".join([nfc(cells[0].text.strip())] +
                                   words[:3]))
    return heads


def check_heads(path, heads):
    bad = []
    texts = pages(path)
    texts = [t for t in texts if t.strip()]
    for n, text in enumerate(texts[:-1], 1):
        lines = [" ".join(l.split()) for l in text.splitlines()
                 if l.strip() and not l.strip().isdigit()]
        if lines and any(lines[-1].startswith(h) for h in heads):
            bad.append("page %d ends with a group's row: %r"
                       % (n, lines[-1]))
    return bad


STT = re.compile(r"^(\d+|[IVXLC]+)$")


def row_key(row):
    """The first two words of a body row whose first cell is its number
    ("20 31DK030", "I Phòng"), as pdftotext -layout starts its line."""
    words = []
    for c in row.cells:
        if not words or c._tc is not row.cells[0]._tc:
            words.extend(nfc(c.text).split()[:2])
        if len(words) >= 2:
            break
    if len(words) >= 2 and STT.match(words[0]):
        return " ".join(words[:2])
    return None


def table_rows(path):
    """The header's first words, and the keys of the body rows, of every
    table with header rows (and of a table with as many columns nested
    after it: the tail kept with the closing block)."""
    heads, keys, widths = set(), set(), set()
    tables = all_tables(docx.Document(path))
    for t in tables:
        hdr = [r for r in t.rows
               if r._tr.find(".//" + W + "tblHeader") is not None]
        if hdr and hdr[0].cells[0].text.split():
            heads.add(nfc(hdr[0].cells[0].text.split()[0]))
            widths.add(len(t.columns))
    for t in tables:
        if len(t.columns) not in widths:
            continue
        for r in t.rows:
            if r._tr.find(".//" + W + "tblHeader") is None:
                k = row_key(r)
                if k:
                    keys.add(k)
    return heads, keys


def check_repeat(path, rows):
    heads, keys = rows
    bad = []
    for n, text in enumerate(pages(path), 1):
        seen = False
        for line in text.splitlines():
            words = line.split()
            if heads.intersection(words):
                seen = True
            if not seen and " ".join(words[:2]) in keys:
                bad.append("page %d shows table rows without the header "
                           "rows: %r" % (n, " ".join(words)[:60]))
                break
    return bad


def docx_lines(path):
    """Every paragraph of the DOCX in document order, table cells
    included (the signature block is a layout table)."""
    body = docx.Document(path).element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return [nfc("".join(t.text or "" if t.tag == w + "t" else "-"
                        for t in p.iter(w + "t", w + "noBreakHyphen")))
            for p in body.iter(w + "p")]


def check_closing_text(path):
    """NĐ 30's addresses: "- Như trên;" only with a Kính gửi, no bare
    "Nơi nhận:", "- Lưu: …" the last line of the list."""
    lines = docx_lines(path)
    bad = []
    if any(l.startswith("- Như trên") for l in lines) and \
            not any(l.startswith("Kính gửi") for l in lines):
        bad.append("Nơi nhận says '- Như trên;' but there is no Kính gửi")
    for i, l in enumerate(lines):
        if l.strip() != "Nơi nhận:":
            continue
        items = []
        for m in lines[i + 1:]:
            if not m.startswith("- "):
                break
            items.append(m)
        if not items:
            bad.append("'Nơi nhận:' with no list")
        elif not items[-1].startswith("- Lưu"):
            bad.append("Nơi nhận does not end with '- Lưu: …': %r" % items)
    return bad


def main():
    pdf, docx_path, names_file = sys.argv[1:4]
    with open(names_file, encoding="utf-8") as f:
        names = [nfc(l.strip()) for l in f if l.strip()]
    results = [
        ("closing", check_closing(pdf)),
        ("header", check_header(pdf, names)),
        ("words", check_words(pdf, data_words(docx_path))),
        ("shares", check_shares(docx_path)),
        ("decimals", check_decimals(docx_path)),
        ("basis", check_basis(docx_path)),
        ("addresses", check_closing_text(docx_path)),
        ("labels", check_labels(pdf, level_labels(docx_path))),
        ("heads", check_heads(pdf, heading_rows(docx_path))),
        ("repeat", check_repeat(pdf, table_rows(docx_path))),
    ]
    failed = 0
    for name, bad in results:
        if bad:
            failed += 1
            print("FAIL %s %s" % (name, pdf))
            for b in bad[:20]:
                print("     " + b)
        else:
            print("ok   %s %s" % (name, pdf))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""A document's CSV as Excel reads it on a double-click (issue 18 item 16).

Usage: csv_check.py VN_CSV INTL_CSV

  VN_CSV    the CSV in the default dialect (--csv-dialect vn): Excel under
            Vietnamese regional settings, ';' list separator, ',' decimal
  INTL_CSV  the same document with --csv-dialect intl (',' and '.')

Excel splits a double-clicked CSV at the regional list separator and turns
every field that looks like a number, a percentage or a date in that
locale into one; a field written as ="text" stays that text. Checks, one
"ok"/"FAIL" line each, exit status 1 on any failure:
  bom      UTF-8 BOM first, CRLF line ends;
  fields   every row of a table splits into as many fields as its header
           row, at least two (a ',' file opened with ';' is one column);
  numbers  the two files hold the same cells; a number cell of one is a
           number of its own locale in the other ("12,5" / "12.5",
           "45,67%" / "45.67%"), never text;
  codes    no field Excel would change is left bare: "1.1", "1.", "01",
           "1/2", "2022-2023" are written ="…" and read back as text.
"""
import csv
import io
import re
import sys

SEP = {"vn": ";", "intl": ","}
DEC = {"vn": ",", "intl": "."}
PROTECTED = re.compile(r'^="(.*)"$', re.S)


def number(s, dialect):
    """The value Excel gives a bare field in this locale, or None."""
    d = re.escape(DEC[dialect])
    m = re.fullmatch(r"(-?\d+)(?:%s(\d+))?(%%?)" % d, s)
    if not m:
        return None
    v = float(m.group(1) + "." + (m.group(2) or "0"))
    return v / 100 if m.group(3) else v


def converted(s):
    """A bare text field Excel turns into something else in some locale:
    numbers with separators, leading zeros, dates, codes like 1.1."""
    return bool(re.fullmatch(r"[\d.,/:%+\-eE ]*\d[\d.,/:%+\-eE ]*", s)) and \
        not re.fullmatch(r"[1-9]\d{0,8}", s)


def tables(path, dialect):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""),
                           delimiter=SEP[dialect]))
    out, cur = [], []
    for r in rows:
        if not r:
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(r)
    if cur:
        out.append(cur)
    return raw, out


def main():
    vn_path, intl_path = sys.argv[1:3]
    fails = []

    def check(name, bad):
        print(("FAIL " if bad else "ok   ") + name)
        for b in bad[:10]:
            print("     " + b)
        if bad:
            fails.append(name)

    raw, vn = tables(vn_path, "vn")
    _, intl = tables(intl_path, "intl")
    bad = []
    if not raw.startswith(b"\xef\xbb\xbf"):
        bad.append("no UTF-8 BOM")
    if b"\n" in raw.replace(b"\r\n", b"") and raw.count(b"\r\n") == 0:
        bad.append("no CRLF")
    check("bom", bad)

    bad = []
    for name, tabs in (("vn", vn), ("intl", intl)):
        for t in tabs:
            body = t[1:] if len(t[0]) == 1 else t  # caption row
            width = len(body[0]) if body else 0
            if width < 2:
                bad.append("%s: table %r splits into %d field(s)"
                           % (name, t[0][:1], width))
            for r in body:
                if len(r) != width:
                    bad.append("%s: row %r has %d fields, header %d"
                               % (name, r[:2], len(r), width))
    check("fields", bad)

    bad = []
    flat_vn = [c for t in vn for r in t for c in r]
    flat_intl = [c for t in intl for r in t for c in r]
    if len(flat_vn) != len(flat_intl):
        bad.append("%d cells in vn, %d in intl" % (len(flat_vn),
                                                   len(flat_intl)))
    decimals = 0
    for a, b in zip(flat_vn, flat_intl):
        na, nb = number(a, "vn"), number(b, "intl")
        if (na is None) != (nb is None) or \
                na is not None and abs(na - nb) > 1e-9:
            bad.append("vn %r / intl %r: not the same number" % (a, b))
        if na is None and a != b:
            bad.append("text differs: %r / %r" % (a, b))
        decimals += na is not None and ("," in a or "%" in a)
    check("numbers (%d decimal or percent cells)" % decimals, bad)

    bad = []
    for name, flat in (("vn", flat_vn), ("intl", flat_intl)):
        for c in flat:
            if PROTECTED.match(c):
                continue
            if number(c, name) is None and converted(c):
                bad.append("%s: bare %r (Excel turns it into a number "
                           "or date)" % (name, c))
    check("codes", sorted(set(bad)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())

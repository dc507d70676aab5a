#!/usr/bin/python3
"""Pages of one XLSX document as Calc printed it (`make check-docs`).

Usage: calc_pages_check.py FILE.xlsx FILE.pdf

Checks, one "ok" / "FAIL" line each, exit status 1 on any failure:
  onepage  a workbook of one sheet set to fit one page tall (fitToHeight
           1: xlsx_rows.c fit_one_page) prints one page: Calc split a
           ward's four-row list of units not submitted over two;
  subtotal no page's first unit row or sum row (under the repeated head)
           is a subtotal or total ("Cộng", "Tổng cộng"): Calc printed a
           Sở listing's "Cộng: 20 đơn vị", total and signature alone.
           Rows without a number in front (a report's criteria) count
           by their scores: a total takes two lines with a result (a
           number, "Đạt", "Chưa trả lời") or "Tối đa: " with it
           (tu-kiem-tra's "Tổng cộng" atop page 4 had one);
  lonely   no page holds three lines of text or fewer besides its
           number: Calc printed the last row of a Phòng's Phụ lục 2
           table 1.4 alone on page 3;
  section  no page holds only a heading, its dotted lines and the
           closing block ("Nơi nhận:", the signature): Calc printed
           Phụ lục 3's "4. Kiến nghị, đề xuất", two dotted lines and
           the signature alone on its last page (issue 18 item 1: the
           closing keeps the last lines of the body).
"""
import re
import subprocess
import sys

import openpyxl

ROW = re.compile(r"^\s*(\d+\s+\S|Cộng:|Tổng cộng)")
FOOTER = re.compile(r"^Trang \d+ / \d+$")
DOTS = re.compile(r"^[…. ]+$")
SCORE = re.compile(r"\s(\d+([,.]\d+)?%?|Đạt|lời)$|Tối đa: ")


def pdf_pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True,
                         check=True).stdout
    return int(re.search(r"^Pages:\s*(\d+)", out, re.M).group(1))


def page_text(pdf, p):
    return subprocess.run(["pdftotext", "-f", str(p), "-l", str(p),
                           "-layout", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    pdf = sys.argv[2]
    n = pdf_pages(pdf)
    fails = []

    def check(name, bad):
        print(("FAIL " if bad else "ok   ") + name + " " + pdf)
        for b in bad[:10]:
            print("     " + b)
        if bad:
            fails.append(name)

    ws = wb.worksheets[0]
    one = len(wb.worksheets) == 1 and ws.page_setup.fitToHeight in (None, 1) \
        and ws.sheet_properties.pageSetUpPr.fitToPage
    check("onepage", ["set to fit one page, printed on %d" % n]
          if one and n > 1 else [])
    bad = []
    for p in range(2, n + 1):
        lines = page_text(pdf, p).splitlines()
        i = next((k for k, line in enumerate(lines) if ROW.match(line)),
                 len(lines))
        first = lines[i] if i < len(lines) else ""
        scored = sum(1 for line in lines[:i] if SCORE.search(line.rstrip()))
        if re.match(r"^\s*(Cộng:|Tổng cộng)", first) and \
                (first.lstrip().startswith("Cộng:") or scored < 2):
            bad.append("page %d starts with \"%s\"" %
                       (p, " ".join(first.split())[:40]))
    check("subtotal", bad)
    bad = []
    for p in range(1, n + 1):
        lines = [" ".join(line.split()) for line in
                 page_text(pdf, p).splitlines() if line.strip()]
        lines = [line for line in lines if not FOOTER.match(line)]
        if len(lines) <= 3:
            bad.append("page %d holds only %s" % (p, lines))
    check("lonely", bad)
    bad = []
    for p in range(2, n + 1):
        lines = [" ".join(line.split()) for line in
                 page_text(pdf, p).splitlines() if line.strip()]
        end = next((k for k, line in enumerate(lines)
                    if line.startswith("Nơi nhận")), None)
        if end and all(DOTS.match(line) for line in lines[1:end]) and \
                not DOTS.match(lines[0]):
            bad.append("page %d holds only %r, dotted lines and the "
                       "closing" % (p, lines[0]))
    check("section", bad)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Reads the fixture DOCX back with python-docx (Debian python3-docx), an
independent reader of our hand-written WordprocessingML, prints the table
texts, and checks what tests/unit/report_fixture.h put in.

Usage: docx_check.py FILE.docx   (exit 0 = every check passed)
"""
import sys

import docx
import docx_text  # noqa: F401 (w:noBreakHyphen reads as "-")
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

HOSTILE = "<script>&\"'</script>"


def cell_texts(table):
    return [[c.text for c in row.cells] for row in table.rows]


def main(path):
    d = docx.Document(path)
    problems = []

    def check(cond, what):
        if not cond:
            problems.append(what)

    for i, t in enumerate(d.tables):
        print(f"table {i}: {len(t.rows)} rows")
        for row in cell_texts(t)[:4]:
            print("  | " + " | ".join(x.replace("\n", " / ") for x in row))

    header, body, sign, appendix = d.tables
    top = cell_texts(header)
    check("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in top[0][1], "Quốc hiệu")
    check("Độc lập - Tự do - Hạnh phúc" in top[0][1], "Tiêu ngữ")
    check("TRUNG TÂM GDNN-GDTX" in top[0][0], "tên đơn vị")
    check(top[1][0] == "Số:      /BC-GDNN-GDTX", "Số: " + top[1][0])
    check(top[1][1] == "Dương Kinh, ngày 05 tháng 01 năm 2023",
          "date line: " + top[1][1])

    rows = cell_texts(body)
    # python-docx repeats a merged cell's text in every grid cell it spans.
    check(rows[0][3] == rows[0][4] == "Tự đánh giá", "gridSpan header")
    check(rows[0][0] == rows[1][0] == "STT", "vMerge STT")
    check(rows[2][2:] == ["100", "73", "73,00%"], f"row 1: {rows[2]}")
    check(rows[3][3:] == ["12,5", "45,67%"], f"row 2: {rows[3]}")
    check(rows[3][1].endswith("- Quản trị: " + HOSTILE), "hostile cell")

    s = cell_texts(sign)[0]
    check(s[0].startswith("Nơi nhận:"), "Nơi nhận")
    check("GIÁM ĐỐC" in s[1] and s[1].endswith("Lưu Thị Thuận"), "signature")

    check(len(appendix.rows) == 61, f"appendix rows: {len(appendix.rows)}")
    check(all(r[4] == "Mức 3" for r in cell_texts(appendix)[1:]), "Mức 3")

    paras = [p.text for p in d.paragraphs]
    check("BÁO CÁO" in paras, "tên loại")
    check(any(HOSTILE in p for p in paras), "hostile paragraph")
    check("Phụ lục 1" in paras, "appendix heading")

    first, last = d.sections[0], d.sections[-1]
    check(len(d.sections) == 2, "two sections")
    check(first.orientation == WD_ORIENT.PORTRAIT, "portrait body")
    check(last.orientation == WD_ORIENT.LANDSCAPE, "landscape appendix")
    check(first.different_first_page_header_footer, "titlePg")
    check(abs(first.left_margin - Mm(30)) < Mm(0.1), "left margin 30 mm")
    check(abs(first.right_margin - Mm(15)) < Mm(0.1), "right margin 15 mm")
    fonts = d.styles.element.xpath("w:docDefaults//w:rFonts/@w:ascii")
    check(fonts == ["Times New Roman"], f"default font: {fonts}")
    check(d.core_properties.title ==
          "Báo cáo tự đánh giá mức độ chuyển đổi số", "core title")

    for p in problems:
        print("FAIL: " + p)
    print("docx_check: %d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

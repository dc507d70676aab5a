#!/bin/bash
# The demo's official documents in every format, checked by independent
# readers (not pixels): pdftotext and pdfinfo for PDF, python-docx for
# DOCX, openpyxl for XLSX, and the CSV itself. The seed 003 centre
# (31GDTX1) must show 73/100 Mức độ 2 and 79/100 Mức độ 3 in the body and
# in Phụ lục 1, and every format must carry the same Phụ lục 3 numbers.
# Usage: tests/cli/documents.sh PATH/TO/truongso
set -u
T=${1:?usage: documents.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/doc-lib.sh # $W, $DB (demo)
PY=/usr/bin/python3 # Debian's, with python3-docx and python3-openpyxl
R() { "$T" --db "$DB" "$@"; }

# has NAME FILE TEXT: the text occurs in the file (lines joined, spaces
# squeezed, so a wrapped PDF line still matches).
has() {
	if tr '\n' ' ' <"$2" | tr -s ' ' | grep -qF -- "$3"; then ok "$1"
	else echo "missing: $3" >"$ERR"; cp "$2" "$OUT"; bad "$1"; fi
}

# --- the school report (seed 003) in every format
for f in pdf docx xlsx csv; do
	if run 0 env TRUONGSO_NOW=2026-01-04T18:00:00Z "$T" --db "$DB" \
		report tu-danh-gia --campaign 1 --unit 31GDTX1 --format $f -o "$W/s.$f"; then
		ok "school report $f"; else bad "school report $f"; fi
done
# -layout keeps a line-final " -" that plain pdftotext drops as a hyphen.
pdftotext -layout "$W/s.pdf" "$W/s.txt"
has pdf-group1 "$W/s.txt" "“Chuyển đổi số trong dạy, học”: 73/100 điểm - đạt Mức độ 2"
has pdf-group2 "$W/s.txt" "“Chuyển đổi số trong quản trị cơ sở giáo dục”: 79/100 điểm - đạt Mức độ 3"
has pdf-header "$W/s.txt" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
has pdf-motto "$W/s.txt" "Độc lập - Tự do - Hạnh phúc"
has pdf-org "$W/s.txt" "TRUNG TÂM GDNN-GDTX QUẬN"
# The header's columns wrap side by side: check each one's first line.
# The centre is the Sở's since 1/7/2025 (rules.md §12).
has pdf-parent "$W/s.txt" "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
# Too long for one line: broken before the city's name, never in it.
has pdf-parent-name "$W/s.txt" "THÀNH PHỐ HẢI PHÒNG"
# An untyped date is the day the document is made, never "năm 20…".
has pdf-date-today "$W/s.txt" "Dương Kinh, ngày 05 tháng 01 năm 2026"
has pdf-number-blank "$W/s.txt" "Số: /BC-……"
has pdf-appendix "$W/s.txt" "Phụ lục 1"
has pdf-appendix-title "$W/s.txt" "KẾT QUẢ TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ"
has pdf-signer "$W/s.txt" "Lưu Thị Thuận"
has pdf-recipients "$W/s.txt" "Nơi nhận:"
has pdf-evidence "$W/s.txt" "Phần mềm: Network Magic"
pdffonts "$W/s.pdf" >"$W/fonts.txt"
has pdf-font-embedded "$W/fonts.txt" "LiberationSerif"
pdfinfo -f 1 -l 99 "$W/s.pdf" >"$W/info.txt"
has pdf-a4-portrait "$W/info.txt" "Page 1 size: 595.276 x 841.89 pts (A4)"
has pdf-appendix-landscape "$W/info.txt" "size: 841.89 x 595.276 pts (A4)"
# Phụ lục 1 rows: group 1 is 100 / 73 / Mức 2, criterion 1.4 is 10 / 10.
if grep -qE '^ *1\. +Chuyển đổi số trong dạy, học +100 +73 +Mức 2' "$W/s.txt"; then
	ok pdf-appendix-group-row; else cp "$W/s.txt" "$OUT"; bad pdf-appendix-group-row; fi

$PY - "$W/s.docx" >"$W/docx.txt" <<'PYEOF' || bad docx-readable
import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    print(p.text)
for t in d.tables:
    for row in t.rows:
        print(" | ".join(c.text for c in row.cells))
for s in d.sections:
    print("section", int(s.orientation), round(s.page_width.mm),
          round(s.page_height.mm))
PYEOF
has docx-group1 "$W/docx.txt" "“Chuyển đổi số trong dạy, học”: 73/100 điểm - đạt Mức độ 2"
has docx-group2 "$W/docx.txt" "79/100 điểm - đạt Mức độ 3"
has docx-appendix-row "$W/docx.txt" "1. | Chuyển đổi số trong dạy, học | 100 | 73 | Mức 2"
# QĐ 4725 levels each group on its own: no combined total (rules.md §3).
if grep -q "Tổng cộng" "$W/docx.txt" "$W/s.txt"; then
	grep "Tổng cộng" "$W/docx.txt" "$W/s.txt" >"$ERR"; bad no-combined-total
else ok no-combined-total; fi
has docx-criterion-row "$W/docx.txt" "1.4. | Số lượng học liệu được số hóa"
has docx-header "$W/docx.txt" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
has docx-portrait "$W/docx.txt" "section 0 210 297"
has docx-landscape "$W/docx.txt" "section 1 297 210"

$PY - "$W/s.xlsx" >"$W/xlsx.txt" <<'PYEOF' || bad xlsx-readable
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    print("sheet", ws.title)
    for row in ws.iter_rows(values_only=True):
        vals = [v for v in row if v is not None]
        if vals:
            print(" | ".join(f"{type(v).__name__}:{v}" for v in vals))
PYEOF
has xlsx-appendix-sheet "$W/xlsx.txt" "sheet Phụ lục 1"
has xlsx-group1-numbers "$W/xlsx.txt" "str:1. | str:Chuyển đổi số trong dạy, học | int:100 | int:73 | str:Mức 2"
has xlsx-group2-numbers "$W/xlsx.txt" "str:2. | str:Chuyển đổi số trong quản trị cơ sở giáo dục | int:100 | int:79 | str:Mức 3"
# The default dialect: ';' between fields, the code "1." kept as text.
has csv-group1 "$W/s.csv" '"=""1.""";Chuyển đổi số trong dạy, học;100;73;Mức 2'

# --- a draft (31DK018 has answered part of campaign 1) is marked as one
# and never prints a level for a group it has not finished.
if ! grep -q "DỰ THẢO" "$W/s.txt"; then ok final-not-draft
else echo "DỰ THẢO on an approved report" >"$ERR"; bad final-not-draft; fi
for f in pdf docx; do
	run 0 R report tu-danh-gia --campaign 1 --unit 31DK018 --format $f \
		-o "$W/draft.$f" || bad "draft $f"
done
pdftotext -layout "$W/draft.pdf" "$W/draft.txt"
has draft-stamp "$W/draft.txt" "DỰ THẢO"
has draft-open-items "$W/draft.txt" "0/100 điểm (còn 8 nội dung chưa trả lời)"
has draft-unanswered-cell "$W/draft.txt" "Chưa trả"
if grep -q "đạt Mức độ" "$W/draft.txt"; then
	grep "đạt Mức độ" "$W/draft.txt" >"$ERR"; bad draft-no-level
else ok draft-no-level; fi
$PY -c 'import sys, docx
print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
	"$W/draft.docx" >"$W/draft-docx.txt" || bad draft-docx-readable
has draft-docx-stamp "$W/draft-docx.txt" "DỰ THẢO"

# --- Phụ lục 3 of the Sở: the same numbers in every format
for f in pdf docx xlsx csv; do
	if run 0 R report phu-luc-3 --campaign 1 --unit 31 --format $f -o "$W/p.$f"; then
		ok "phu-luc-3 $f"; else bad "phu-luc-3 $f"; fi
done
# The CSV row of group 1 (count, %, count, %, count, %) must appear as
# numbers in the XLSX and as printed text in the PDF and DOCX.
$PY tests/report/csv_plain.py <"$W/p.csv" >"$W/p-plain.csv"
row=$(grep '^1,"Chuyển đổi số trong dạy, học"' "$W/p-plain.csv" | tr -d '\r')
[ -n "$row" ] && ok phu-luc-3-csv-row || bad phu-luc-3-csv-row
cells=$(echo "$row" | $PY -c 'import csv,sys; print(" ".join(next(csv.reader(sys.stdin))[2:]))')
pdftotext -layout "$W/p.pdf" "$W/p.txt"
# The group's name wraps in its cell; its numbers share one line with "1"
# (centred in the STT column, so after some spaces).
if grep -E "^ *1 " "$W/p.txt" | tr -s ' ' | grep -qF -- "1 $cells"; then
	ok phu-luc-3-pdf-same-numbers; else echo "want: $cells" >"$ERR"; cp "$W/p.txt" "$OUT"; bad phu-luc-3-pdf-same-numbers; fi
$PY - "$W/p.docx" "$cells" <<'PYEOF' && ok phu-luc-3-docx-same-numbers || bad phu-luc-3-docx-same-numbers
import sys, docx
want = sys.argv[2].split()
for t in docx.Document(sys.argv[1]).tables:
    for row in t.rows:
        texts = [c.text for c in row.cells]
        if texts[:2] == ["1", "Chuyển đổi số trong dạy, học"]:
            sys.exit(0 if texts[2:] == want else 1)
sys.exit(1)
PYEOF
$PY - "$W/p.xlsx" "$cells" <<'PYEOF' && ok phu-luc-3-xlsx-numbers || bad phu-luc-3-xlsx-numbers
import sys, openpyxl
want = sys.argv[2].split()
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
for row in ws.iter_rows(values_only=True):
    vals = [v for v in row if v is not None]
    if vals[:2] == ["1", "Chuyển đổi số trong dạy, học"]:
        got = vals[2:]
        # counts are ints; shares are fractions the CSV prints as "50%"
        ok = all(isinstance(got[i], int) and str(got[i]) == want[i]
                 for i in (0, 2, 4))
        ok = ok and all(abs(got[i] * 100 - float(want[i].rstrip("%").replace(",", "."))) < 1e-9
                        for i in (1, 3, 5))
        sys.exit(0 if ok else 1)
sys.exit(1)
PYEOF
has phu-luc-3-scale "$W/p.txt" "Số CSGD đã"
has phu-luc-3-chart-title "$W/p.txt" "Nhóm tiêu chí 1: tỷ lệ CSGD theo mức độ"

# --- the listing, and a kind that does not fit the unit
if run 0 R report danh-sach --campaign 1 --unit 31DK --format xlsx -o "$W/l.xlsx"; then ok listing-xlsx; else bad listing-xlsx; fi
check school-kind-for-office 2 err "không lập" R report tu-danh-gia --campaign 1 --unit 31DK --format pdf -o "$W/x.pdf"
check office-kind-for-school 2 err "không lập" R report phu-luc-3 --campaign 1 --unit 31GDTX1 --format pdf -o "$W/x.pdf"
check unknown-kind 2 err "không có loại báo cáo" R report bao-cao-la --campaign 1 --format pdf -o "$W/x.pdf"
check unknown-format 2 err "--format" R report tu-danh-gia --campaign 1 --unit 31GDTX1 --format odt -o "$W/x.odt"
check outside-scope 2 err "phạm vi" R --as cv.lc report tu-danh-gia --campaign 1 --unit 31GDTX1 --format pdf -o "$W/x.pdf"
check unwritable 1 err "không ghi được tệp" R report tu-danh-gia --campaign 1 --unit 31GDTX1 --format pdf -o /nonexistent/x.pdf
[ ! -e "$W/x.pdf" ] && ok "refused reports write nothing" || bad "refused reports write nothing"
if run 0 R report tu-danh-gia --campaign 1 --unit 31GDTX1 --format pdf -o - && head -c 5 "$OUT" | grep -q '%PDF-'; then
	ok report-to-stdout; else bad report-to-stdout; fi
check fields-all-lists-every-field 0 out "# I.2. Khó khăn (đoạn văn)" R report fields --campaign 1 --unit 31GDTX1 --all
check fields-all-shows-values 0 out "nguoi_ky=Lưu Thị Thuận" R report fields --campaign 1 --unit 31GDTX1 --all
# Every df_kind has a name (a signer's title had none: out of bounds), and
# a deputy's two lines stay on the field's one line, as report set takes them.
check fields-all-signer-kind 0 out "(một hoặc hai dòng: KT./TM. rồi chức vụ)" R report fields --campaign 1 --unit 31GDTX1 --all
check fields-all-signer-one-line 0 out "cv_chuc_vu_ky=KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC	#" R report fields --campaign 1 --unit 31 --all
finish

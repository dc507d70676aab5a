#!/bin/sh
# What the demo's documents say (issue 18 items 6, 9, 10, 11, 13; issue 13
# item 5): drafts marked and every open item said in words in every school
# document, Phụ lục 3's quy mô per kind of CSGD and reconciled with its
# tables, cơ quan chủ quản from the org tree and the date, an office
# summary for every rubric shape, report kinds chosen by the rubric's
# shape (not its id), nothing internal printed.
# Usage: tests/cli/doc-content.sh PATH/TO/truongso
set -u
T=${1:?usage: doc-content.sh TRUONGSO}
case $T in
/*) ;;
*/*) T=$(pwd)/$T ;;
esac
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/doc-lib.sh # $W, $DB (demo), has, lacks

# text KIND CAMPAIGN UNIT: the document's words on one line (PDF through
# pdftotext) in $W/doc.txt; the CSV in $W/doc.csv as plain ',' CSV
# (tests/report/csv_plain.py).
text() {
	rm -f "$W/doc.csv"
	pdf_text "$1" "$2" "$3" &&
		"$T" --db "$DB" report "$1" --campaign "$2" --unit "$3" \
			--format csv -o "$W/doc.raw.csv" >>"$OUT" 2>>"$ERR" &&
		python3 tests/report/csv_plain.py <"$W/doc.raw.csv" >"$W/doc.csv"
}

# --- Item 6: a draft is stamped and says "Chưa trả lời" for every open
# item, in every document built from a submission.

# rows_answered RULE_COL RESULT_COL: every table row of the CSV with a
# rule or maximum in RULE_COL has a result in RESULT_COL (0-based).
rows_answered() {
	python3 - "$W/doc.csv" "$1" "$2" <<'EOF'
import csv, sys
path, rule, res = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
bad = 0
with open(path, encoding="utf-8-sig", newline="") as f:
    for row in csv.reader(f):
        if len(row) <= max(rule, res) or row[0] == "STT":
            continue
        if row[rule].strip() and not row[res].strip():
            print("no result: %r" % row[:2])
            bad += 1
sys.exit(1 if bad else 0)
EOF
}

# draft KIND CAMPAIGN UNIT RULE_COL RESULT_COL
draft() {
	name="draft $1 $3"
	if ! text "$1" "$2" "$3"; then
		bad "$name"
		return
	fi
	has "$name: stamped DỰ THẢO" "DỰ THẢO"
	has "$name: says Chưa trả lời" "Chưa trả lời"
	if rows_answered "$4" "$5" >"$OUT" 2>"$ERR"; then
		ok "$name: every row has a result or Chưa trả lời"
	else
		bad "$name: every row has a result or Chưa trả lời"
	fi
}

for c in 2 3; do
	case $c in
	2) k=tu-kiem-tra rule=2 res=4 ;;
	3) k=cntt rule=2 res=3 ;;
	esac
	# A draft with some answers, and a school that has not started.
	d=$(q "SELECT min(u.code) FROM submission s JOIN org_unit u ON
		u.id = s.unit_id WHERE s.campaign_id = $c AND s.state = 'draft'")
	n=$(q "SELECT min(u.code) FROM campaign_unit cu JOIN org_unit u ON
		u.id = cu.unit_id WHERE cu.campaign_id = $c AND NOT EXISTS
		(SELECT 1 FROM submission s WHERE s.campaign_id = $c AND
		s.unit_id = cu.unit_id)")
	for u in $d $n; do
		draft $k $c "$u" $rule $res
	done
done
# A partial draft has no Xếp loại yet: "Yếu (45 điểm)" would read as final.
u=$(q "SELECT min(u.code) FROM submission s JOIN org_unit u ON
	u.id = s.unit_id WHERE s.campaign_id = 3 AND s.state = 'draft'")
text cntt 3 "$u"
has "draft cntt: no grade while items are open" "Xếp loại: ………… ("

# --- Item 9: quy mô per kind of CSGD (seed 000), tables reconciled.

# took LIKE LEVELMASK: "took/expected" of campaign 1's units under the
# path LIKE with a cấp học bit in LEVELMASK.
took() {
	q "SELECT sum(CASE WHEN s.first_submitted_at IS NOT NULL THEN 1
		ELSE 0 END) || '/' || count(*)
		FROM campaign_unit cu LEFT JOIN submission s ON
		s.campaign_id = cu.campaign_id AND s.unit_id = cu.unit_id
		WHERE cu.campaign_id = 1 AND cu.path LIKE '$1%' AND
		(cu.school_levels & $2) <> 0"
}
so=$(q "SELECT path FROM org_unit WHERE code = '31'")
dk=$(q "SELECT path FROM org_unit WHERE code = '31DK'")
text phu-luc-3 1 31
has "phu-luc-3 Sở: a line for CSGD phổ thông" "Tổng số cơ sở giáo dục \
(CSGD) phổ thông (Tiểu học, THCS, THPT) thuộc địa bàn quản lý triển khai \
đánh giá mức độ chuyển đổi số: $(took "$so" 14) CSGD"
has "phu-luc-3 Sở: a line for CSGD thường xuyên" "Tổng số CSGD thường \
xuyên thuộc địa bàn quản lý triển khai đánh giá mức độ chuyển đổi số: \
$(took "$so" 16) CSGD"
text phu-luc-3 1 31DK
has "phu-luc-3 Phòng: phổ thông only" "(CSGD) phổ thông (Tiểu học, THCS) \
thuộc địa bàn quản lý triển khai đánh giá mức độ chuyển đổi số: \
$(took "$dk" 6) CSGD"
lacks "phu-luc-3 Phòng: no GDTX line" "CSGD thường xuyên"
# The liên cấp schools of the Phòng make the table by cấp học add up to
# more than the headline: a note says so.
multi=$(q "SELECT count(*) FROM campaign_unit WHERE campaign_id = 1 AND
	path LIKE '$dk%' AND (school_levels & (school_levels - 1)) <> 0")
has "phu-luc-3 Phòng: liên cấp note under the quy mô table" "Ghi chú: \
$multi CSGD liên cấp được tính ở mỗi cấp học của trường, nên tổng theo cấp \
học"

# --- Item 11: an office summary for every rubric shape, not a refusal.
# approved CAMPAIGN LIKE: approved or published results under the path.
approved() {
	q "SELECT count(*) FROM submission s JOIN campaign_unit cu ON
		cu.campaign_id = s.campaign_id AND cu.unit_id = s.unit_id
		WHERE s.campaign_id = $1 AND cu.path LIKE '$2%' AND
		s.state IN ('approved', 'published')"
}
# csv_cells CAPTION KEY COL STEP: in the table captioned CAPTION of the
# last CSV, the row whose second cell is KEY: cell COL and every STEP-th
# after it, added up as integers.
csv_cells() {
	python3 - "$W/doc.csv" "$@" <<'EOF'
import csv, sys
path, caption, key, col, step = sys.argv[1:6]
table = None
with open(path, encoding="utf-8-sig", newline="") as f:
    for row in csv.reader(f):
        if len(row) == 1 or not row:
            table = row[0] if row else None
        elif table == caption and len(row) > 1 and row[1] == key:
            print(sum(int(c) for c in row[int(col)::int(step)]))
            break
EOF
}
# Thủ Dầu Một (100 points, Xếp loại): count and % per Xếp loại.
if text phu-luc-3 3 31DK; then ok "phu-luc-3 of a graded campaign"; else
	bad "phu-luc-3 of a graded campaign"; fi
has "graded summary: a table per Xếp loại" "Kết quả xếp loại theo cấp học"
has "graded summary: one chart of the grades" "Tỷ lệ CSGD theo xếp loại"
# The "Tổng số" row counts every approved school once, over the grades.
same "graded summary: Tổng số row adds up to the approved schools" \
	"$(csv_cells "Kết quả xếp loại theo cấp học" "Tổng số" 2 2)" \
	"$(approved 3 "$dk")"
# Mầm non (groups with gates, no levels, no grade): gates and points. The
# commune offices review this round (issue 16); the Sở's summary counts
# every school under them.
if text phu-luc-3 2 31; then ok "phu-luc-3 of a mầm non campaign"; else
	bad "phu-luc-3 of a mầm non campaign"; fi
has "mầm non summary: gates and mean points by group" "Đạt điều kiện bắt \
buộc"
same "mầm non summary: schools counted in group 1" "$(csv_cells \
	"Kết quả theo nhóm tiêu chí (CSGD Mầm non)" \
	"Chuyển đổi số trong dạy, học" 2 99)" "$(approved 2 "$so")"
# One fact once (issue 18 item 13): with one cấp học, no "1.1 CSGD Mầm
# non" row repeating its group's figures, and no one-row table by cấp
# học repeating the quy mô line.
same "mầm non summary: no cấp học row under a group" "$(csv_cells \
	"Kết quả theo nhóm tiêu chí (CSGD Mầm non)" "CSGD Mầm non" 2 99)" ""
lacks "mầm non summary: no one-row quy mô table" \
	"Quy mô triển khai theo cấp học"
lacks "mầm non summary: no Mức độ" "Mức độ 1"
# One fact once: the software table's caption was also a heading above.
n=$(grep -o "Phần mềm các trường đang sử dụng" "$W/doc.txt" | wc -l)
if [ "$n" -eq 1 ]; then ok "mầm non summary: software title once"; else
	echo "$n times" >"$ERR"; bad "mầm non summary: software title once"; fi
# One fact once: the listings' tables had a caption saying their title
# again ("Danh sách kết quả từng đơn vị" under "Kết quả đánh giá của
# từng đơn vị"), a line that cost a Phòng's listing a row on page 1.
text danh-sach 1 31DK
has "danh-sach: its title" "Kết quả đánh giá của từng đơn vị"
lacks "danh-sach: no caption saying the title again" \
	"Danh sách kết quả từng đơn vị"
# The band over a group's four columns numbers it ("Nhóm tiêu chí 1")
# and the line above the table names it once: the band with the name
# took three lines in the header every page repeats, and the 20-unit
# ward and Phòng listings printed their last two units and the
# signature on page 3.
has "danh-sach: group names once, above the table" \
	"Nhóm tiêu chí 1: Chuyển đổi số trong dạy, học; Nhóm tiêu chí 2: Chuyển đổi số trong quản trị cơ sở giáo dục."
n=$(grep -o "Chuyển đổi số trong dạy, học" "$W/doc.txt" | wc -l)
if [ "$n" -eq 1 ]; then ok "danh-sach: group name not in the band"; else
	echo "$n times" >"$ERR"; bad "danh-sach: group name not in the band"; fi
for x in "1 31DK" "4 31PGD-DK" "4 31PGD-TN"; do
	set -- $x
	pdf_text danh-sach "$1" "$2" || bad "danh-sach $1 $2 builds"
	p=$(pdfinfo "$W/doc.pdf" | awk '/^Pages:/ { print $2 }')
	if [ "$p" = 2 ]; then ok "danh-sach $1 $2: 20 units on 2 pages"; else
		echo "$p pages" >"$ERR"; bad "danh-sach $1 $2: 20 units on 2 pages"; fi
done
text chua-nop 1 31
has "chua-nop: its title" "Đơn vị chưa nộp bản tự đánh giá"
n=$(grep -o "Đơn vị chưa nộp" "$W/doc.txt" | wc -l)
if [ "$n" -eq 1 ]; then ok "chua-nop: no caption saying the title again"
else echo "$n times" >"$ERR"; bad "chua-nop: no caption saying the title again"; fi
# Every unit submitted (the 2022-2023 round): the sentence says so, with
# no empty table under it (a header and "Tổng cộng: 0 đơn vị").
text chua-nop 4 31
has "chua-nop, all submitted: says so" "Tất cả các đơn vị đã nộp bản tự đánh giá"
lacks "chua-nop, all submitted: no empty table" "Tổng cộng: 0 đơn vị"

# --- Issue 13 item 5: the rubric's shape picks the documents, not its
# id. A copy of QĐ 4725 under another id makes tu-danh-gia; a graded
# rubric whose id starts with "qd4725" makes cntt, not tu-danh-gia.
D=$W/data
cp -r data "$D"
sed 's/"id": "qd4725-2022-pt"/"id": "hp-cds-2026"/' \
	data/rubrics/qd4725-2022-pt.json >"$D/rubrics/hp-cds-2026.json"
sed 's/"id": "tdm-cntt-2022"/"id": "qd4725-tdm"/' \
	data/rubrics/tdm-cntt-2022.json >"$D/rubrics/qd4725-tdm.json"
R() { "$T" --db "$DB" --data "$D" "$@"; }
for r in hp-cds-2026 qd4725-tdm; do
	R campaign create --owner 31DK --rubric $r --year 2025-2026 \
		--title "Thử $r" --opens 2026-01-01 --due 2026-12-31 \
		--levels TH,THCS >/dev/null 2>&1 || bad "campaign $r"
done
c4=$(q "SELECT id FROM campaign WHERE rubric_id = 'hp-cds-2026'")
c5=$(q "SELECT id FROM campaign WHERE rubric_id = 'qd4725-tdm'")
check "QĐ 4725 shape under another id: tu-danh-gia" 0 out "" \
	R report tu-danh-gia --campaign "$c4" --unit 31DK011 --format csv -o -
check "QĐ 4725 shape under another id: not cntt" 2 err "không lập" \
	R report cntt --campaign "$c4" --unit 31DK011 --format csv -o -
check "graded rubric with a qd4725 id: not tu-danh-gia" 2 err "không lập" \
	R report tu-danh-gia --campaign "$c5" --unit 31DK011 --format csv -o -
check "graded rubric with a qd4725 id: cntt" 0 out "Tự chấm" \
	R report cntt --campaign "$c5" --unit 31DK011 --format csv -o -
check "graded rubric with a qd4725 id: graded office summary" 0 out \
	"Kết quả xếp loại theo cấp học" R report phu-luc-3 --campaign "$c5" --unit 31DK \
	--format csv -o -

# --- Item 10: cơ quan chủ quản from the org tree and the date (the rule
# itself, with 30/6 vs 1/7/2025: tests/unit/test_governing.c), and item 5:
# the địa danh of the date line from the same body (NĐ 30 Phụ lục I; the
# place read from a name: tests/unit/test_place.c), never the dotted
# blank a clerk would fill by hand.
# header NAME WANT: the left column of page 1's header (30 mm margin +
# 42 % of 165 mm, as tests/report/layout_check.py) starts with WANT.
header() {
	n=$(echo "$2" | wc -w)
	got=$(pdftotext -f 1 -l 1 -x 0 -y 0 -W 281 -H 200 "$W/doc.pdf" - |
		tr -s ' \n\f' '\n\n\n' | grep -v '^$' | head -n "$n" |
		tr '\n' ' ' | sed 's/ $//')
	same "$1" "$got" "$2"
}
text phu-luc-3 1 31
header "cơ quan chủ quản of a Sở: the UBND of its thành phố" \
	"ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
has "địa danh of a Sở: its thành phố" "Hải Phòng, ngày"
lacks "địa danh of a Sở: not dotted" "…, ngày"
# The Phòng closed on 30/6/2025: its 2024-2025 report (campaign 6, dated
# within that year).
text phu-luc-3 6 31PGD-DK
header "cơ quan chủ quản of a Phòng: the UBND of its quận" \
	"ỦY BAN NHÂN DÂN QUẬN DƯƠNG KINH"
has "địa danh of a Phòng: its quận" "Dương Kinh, ngày"
# Its school's report of that year: the Phòng it was under then.
text tu-danh-gia 6 31DK018
header "cơ quan chủ quản of a school in 2024-2025: its Phòng" \
	"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN DƯƠNG KINH"
has "địa danh of a school in 2024-2025: its Phòng's quận" \
	"Dương Kinh, ngày"
# A commune office heads its own branch: no line above its own name,
# which the header spells out in full.
text phu-luc-3 1 31DK
header "commune office: its own name, spelled out" \
	"ỦY BAN NHÂN DÂN PHƯỜNG DƯƠNG KINH"
has "địa danh of a commune office: its phường" "Dương Kinh, ngày"
# Before 1/7/2025 that commune office had no school: its Phụ lục 3 of the
# 2022-2023 round (campaign 4) was "0/0 CSGD" over empty tables and
# charts (issue 18). It is refused, saying why.
check "phu-luc-3 of an office with no school that year: refused" 2 err \
	"không có cơ sở giáo dục nào tham gia đợt này" \
	R report phu-luc-3 --campaign 4 --unit 31DK --format pdf -o "$W/x.pdf"
# A mầm non school under a phường after 1/7/2025 (the documents are dated
# today): its UBND phường, spelled out.
u=$(q "SELECT min(u.code) FROM campaign_unit cu JOIN org_unit u ON
	u.id = cu.unit_id JOIN org_unit p ON p.id = u.parent_id WHERE
	cu.campaign_id = 2 AND p.kind = 'xa' AND p.code = '31HB'")
text tu-kiem-tra 2 "$u"
header "cơ quan chủ quản of a mầm non school: its UBND phường" \
	"ỦY BAN NHÂN DÂN PHƯỜNG HỒNG BÀNG"
has "địa danh of a mầm non school: its phường" "Hồng Bàng, ngày"
# A THPT school: the Sở.
u=$(q "SELECT min(u.code) FROM campaign_unit cu JOIN org_unit u ON
	u.id = cu.unit_id WHERE cu.campaign_id = 1 AND u.school_levels = 8")
text tu-danh-gia 1 "$u"
header "cơ quan chủ quản of a THPT school: the Sở" \
	"SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HẢI PHÒNG"
has "địa danh of a THPT school: the Sở's thành phố" "Hải Phòng, ngày"
# Typed, another place wins.
"$T" --db "$DB" --as "cntt.$(echo "$u" | tr 'A-Z' 'a-z')" report set \
	--campaign 1 --unit "$u" "dia_danh=Kiến An" >/dev/null ||
	bad "report set dia_danh"
text tu-danh-gia 1 "$u"
has "địa danh typed per document" "Kiến An, ngày"
lacks "địa danh typed: the derived one gone" "Hải Phòng, ngày"
# The centre is the Sở's since 1/7/2025; typed, another body wins.
text tu-danh-gia 1 31GDTX1
header "cơ quan chủ quản of a GDTX centre in 2026: the Sở" \
	"SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HẢI PHÒNG"
"$T" --db "$DB" --as cntt.31gdtx1 report set --campaign 1 --unit 31GDTX1 \
	"co_quan_chu_quan=Ủy ban nhân dân thành phố Hải Phòng" >/dev/null ||
	bad "report set co_quan_chu_quan"
text tu-danh-gia 1 31GDTX1
header "cơ quan chủ quản typed per document" \
	"ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"

# --- Item 13: nothing internal reaches a document; one fact once.
# once: no cell of the CSV says the same line twice.
once() {
	python3 - "$W/doc.csv" <<'EOF'
import csv, sys
bad = 0
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    for row in csv.reader(f):
        for cell in row:
            seen = set()
            for line in cell.split("\n"):
                t = line.strip()
                for what in ("- Đường link: ", "- Tệp: ", "- "):
                    if t.startswith(what):
                        t = t[len(what):]
                        break
                if t and t in seen:
                    print("printed twice: %r" % t)
                    bad += 1
                seen.add(t)
sys.exit(1 if bad else 0)
EOF
}
for spec in "tu-danh-gia 1 31GDTX1" "tu-kiem-tra 2 31DK001" \
	"cntt 3 31DK023" "phu-luc-3 1 31" "phu-luc-3 1 31DK"; do
	set -- $spec
	if ! text "$1" "$2" "$3"; then bad "internal $spec"; continue; fi
	for w in "giả định" "dựng lại" "seed 0" "không còn trong bản báo cáo" \
		"bảng Phụ lục 1 ghi" "bên thứ ba" "Ghi chú nguồn" "báo cáo gốc"; do
		lacks "$spec: no \"$w\"" "$w"
	done
	if once >"$OUT" 2>"$ERR"; then ok "$spec: one fact printed once"
	else bad "$spec: one fact printed once"; fi
done
# The demo's own marker never reaches a document: every kind the demo
# makes (tools/render-demo-docs.sh), for every campaign and office, once
# printed "(dữ liệu mẫu)" after the căn cứ (the campaign's basis) and
# after a vendor in the software inventory.
marker() { # marker KIND CAMPAIGN UNIT: the PDF lacks the demo's marker
	"$T" --db "$DB" report "$1" --campaign "$2" --unit "$3" --format pdf \
		-o "$W/m.pdf" >"$OUT" 2>"$ERR"
	case $? in
	2) return 0 ;; # the unit does not make this kind
	0) ;;
	*) bad "marker: report $*"; return 0 ;;
	esac
	pdftotext "$W/m.pdf" - | tr -s ' \n\f' '  ' >"$W/doc.txt"
	lacks "$1 $2 $3: no \"dữ liệu mẫu\"" "dữ liệu mẫu"
}
for c in $(q "SELECT id FROM campaign ORDER BY id"); do
	for u in $(q "SELECT DISTINCT u.code FROM campaign_unit cu JOIN
		org_unit u ON u.id = cu.unit_id WHERE cu.campaign_id = $c AND
		u.code IN ('31GDTX1', '31DK001', '31DK023', '31HB001')"); do
		for k in tu-danh-gia tu-kiem-tra cntt qd-ban-chi-dao bien-ban \
			qd-phe-duyet; do
			marker $k "$c" "$u"
		done
	done
	for u in 31 31DK 31HB; do
		for k in phu-luc-3 danh-sach chua-nop cong-van phu-luc-2 \
			phu-luc-6; do
			marker $k "$c" "$u"
		done
	done
done
sw=$(q "SELECT s.campaign_id || ' ' || o.code FROM software s
	JOIN org_unit o ON o.id = s.unit_id ORDER BY 1 LIMIT 1")
marker tu-kiem-tra $sw

# --- Phụ lục 2 of the statistics campaign (issue 15), found by kind and
# year: its figures are the approved reports' last snapshots rolled up by
# bậc học, computed here in SQL from the same rows.
S=$(q "SELECT id FROM campaign WHERE kind = 'thong-ke' AND school_year = '2025-2026'")
APPROVED="FROM submission s JOIN snapshot sn ON sn.submission_id = s.id AND
	sn.version = s.version JOIN campaign_unit cu ON cu.campaign_id =
	s.campaign_id AND cu.unit_id = s.unit_id WHERE s.campaign_id = $S AND
	s.state IN ('approved', 'published')"
printf '{"values": {"quy_che_attt": true, "ra_soat_quy_che": false, "tinh_hinh_chung": "Toàn tỉnh có 150 cơ sở giáo dục."}}' >"$W/office.json"
"$T" --db "$DB" --as cv.so stats office "$S" 31 "$W/office.json" >/dev/null ||
	bad "phu-luc-2: office answers saved"
if text phu-luc-2 "$S" 31; then ok "phu-luc-2 Sở"; else bad "phu-luc-2 Sở"; fi
# value KEY: the sum of an integer value over the approved snapshots.
value() { q "SELECT sum(CAST($(jx sn.answers values "$1") AS INTEGER)) $APPROVED"; }
GV=$(value gv_tong)
CBGV=$(value cbgv_tong)
# The rate of teachers among staff, rounded half up to hundredths.
RATE=$(python3 -c "from decimal import Decimal as D, ROUND_HALF_UP as H
r = (D($GV) * 100 / D($CBGV)).quantize(D('0.01'), H)
print(str(r).rstrip('0').rstrip('.').replace('.', ','))")
if grep -qF "Tổng số giáo viên,\"" "$W/doc.csv" &&
   grep "^2,Tổng số giáo viên," "$W/doc.csv" | grep -qF "\"$GV ($RATE%)\""; then
	ok "phu-luc-2: teachers in all bậc học, with their rate"
else echo "want $GV ($RATE%)" >"$ERR"; cp "$W/doc.csv" "$OUT"; bad "phu-luc-2: teachers in all bậc học, with their rate"; fi
TH=$(q "SELECT count(*) $APPROVED AND (cu.school_levels & 2) <> 0")
THU=$(q "SELECT count(*) FROM campaign_unit WHERE campaign_id = $S AND (school_levels & 2) <> 0")
has "phu-luc-2: TH reported of participants" "TH $TH/$THU"
has "phu-luc-2: missing is not zero" "Đơn vị chưa báo cáo không được tính là 0."
# The bậc học columns count a liên cấp school in each of its columns: they
# add up to more than Tổng, and the document says why.
has "phu-luc-2: liên cấp note under the headline" "CSGD liên cấp được tính ở mỗi cấp học của trường, nên tổng theo cấp học"
has "phu-luc-2: office yes answer" "Có ban hành quy chế đảm bảo an toàn thông tin mạng: Có"
has "phu-luc-2: office no answer" "khai thác sử dụng các hệ thống CNTT hiện có: Không"
has "phu-luc-2: office narrative" "Toàn tỉnh có 150 cơ sở giáo dục."
has "phu-luc-2: NĐ 30 title" "BÁO CÁO Kết quả triển khai ứng dụng công nghệ thông tin, chuyển đổi số và thống kê giáo dục"
# A commune office signs for its People's Committee, a collective body
# (NĐ 30, Phụ lục I: "TM. ỦY BAN NHÂN DÂN" above "CHỦ TỊCH"); a Sở's
# director signs in his own name.
if text phu-luc-2 "$S" 31DK; then ok "phu-luc-2 UBND phường"; else bad "phu-luc-2 UBND phường"; fi
has "commune office: signs TM. ỦY BAN NHÂN DÂN" "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"
if text phu-luc-3 1 31; then ok "phu-luc-3 Sở signer"; else bad "phu-luc-3 Sở signer"; fi
lacks "Sở: no TM. line" "TM. "
# Phụ lục 6 (QĐ 131, the Sở's): the office's answers against the
# targets, at the boundary (95% of files against "90%": đạt; a share of
# 49,99% against 50% before 31/12/2025: tiến độ, 0,01% short).
printf '{"values": {"ho_so_cong_viec_tong": 1000, "ho_so_cong_viec_so": 950, "kho_hoc_lieu_ty_le": 49.99, "csdl_ket_noi": false, "p6_lanh_dao": "Sở đã ban hành Kế hoạch số 12/KH-SGDĐT."}}' >"$W/office6.json"
"$T" --db "$DB" --as cv.so stats office "$S" 31 "$W/office6.json" >/dev/null ||
	bad "phu-luc-6: office answers saved"
if text phu-luc-6 "$S" 31; then ok "phu-luc-6 Sở"; else bad "phu-luc-6 Sở"; fi
has "phu-luc-6: title" "Tổng kết thực hiện Quyết định 131/QĐ-TTg ngày 25/01/2022"
has "phu-luc-6: narrative" "Sở đã ban hành Kế hoạch số 12/KH-SGDĐT."
has "phu-luc-6: a target met" "Số lượng hồ sơ công việc được vận hành dựa trên dữ liệu và công nghệ số: đạt (95,00%)"
has "phu-luc-6: a target in progress" "tiến độ (49,99%; còn 0,01%)"
has "phu-luc-6: a typed target not met" "kết nối thông suốt với tất cả các cơ sở giáo dục: không đạt"
# Section III: teachers with a computer over the province in the round's
# column, thousands with a dot ("2.613"), as SQL sums them.
GVM=$(value gv_may_tinh)
GVMF=$(python3 -c "from decimal import Decimal as D, ROUND_HALF_UP as H
r = (D($GVM) * 100 / D($GV)).quantize(D('0.01'), H)
print('{:,}'.format($GVM).replace(',', '.') + ' (' + str(r).rstrip('0').rstrip('.').replace('.', ',') + '%)')")
has "phu-luc-6: teachers over the province" "$GVMF"
case $GVMF in *.*\ *) ok "phu-luc-6: thousands dot" ;; *) bad "phu-luc-6: thousands dot" ;; esac
if "$T" --db "$DB" report phu-luc-6 --campaign "$S" --unit 31DK --format pdf -o "$W/x.pdf" 2>"$ERR"; then
	bad "phu-luc-6: the Sở's only"; else ok "phu-luc-6: the Sở's only"; fi
# A school has no Phụ lục 2, a CĐS campaign none either.
if "$T" --db "$DB" report phu-luc-2 --campaign "$S" --unit 31DK011 --format pdf -o "$W/x.pdf" 2>"$ERR"; then
	bad "phu-luc-2: not a school's"; else ok "phu-luc-2: not a school's"; fi
if "$T" --db "$DB" report phu-luc-2 --campaign 1 --unit 31 --format pdf -o "$W/x.pdf" 2>"$ERR"; then
	bad "phu-luc-2: not of a CĐS campaign"; else ok "phu-luc-2: not of a CĐS campaign"; fi

# --- Issue 16: "So với năm học trước" in the school's report. 31007 has
# approved results in 2022-2023 .. 2024-2025 and a draft in 2025-2026;
# the figures printed are the stored summaries of each year.
if text tu-danh-gia 1 31007; then ok "years: tu-danh-gia"; else bad "years: tu-danh-gia"; fi
has "years: appendix title" "SO VỚI NĂM HỌC TRƯỚC"
has "years: draft year labelled" "2025-2026 (Bản nháp)"
for y in 2022-2023 2023-2024 2024-2025; do
	has "years: column $y" "$y"
done
# points HUNDREDTHS: "67" or "67,5", as the documents print points.
points() { awk -v p="$1" 'BEGIN { s = sprintf("%g", p / 100); sub(/\./, ",", s); print s }'; }
pts() { # pts YEAR GROUP: "67 điểm, Mức độ 2", the reviewed summary
	q "SELECT g.reviewed_points, g.reviewed_level FROM submission s JOIN org_unit o ON o.id = s.unit_id JOIN campaign c ON c.id = s.campaign_id JOIN submission_score g ON g.submission_id = s.id WHERE o.code = '31007' AND c.school_year = '$1' AND c.rubric_id = 'qd4725-2022-pt' AND g.grp = $2" | {
		IFS='|' read -r p l
		echo "$(points "$p") điểm, Mức độ $l"
	}
}
SELF=$(points "$(q "SELECT g.self_points FROM submission s JOIN org_unit o ON o.id = s.unit_id JOIN submission_score g ON g.submission_id = s.id WHERE o.code = '31007' AND s.campaign_id = 1 AND g.grp = 0")")
has "years: compared with 2024-2025" "- Nhóm tiêu chí 1: $SELF điểm (năm học 2024-2025: $(pts 2024-2025 0))"
has "years: 2022-2023 group 2" "$(pts 2022-2023 1)"
has "years: approved only" "Chỉ tính kết quả đã được phê duyệt của các năm học trước."
# QĐ 4725 levels each group on its own: no combined total to compare.
lacks "years: no total (levels, no grade)" "Tổng cộng"
has "years: chart" "Điểm từng nhóm tiêu chí qua các năm học"
"$T" --db "$DB" report tu-danh-gia --campaign 1 --unit 31007 --format xlsx -o "$W/y.xlsx" 2>"$ERR" &&
	unzip -p "$W/y.xlsx" xl/workbook.xml | grep -qF 'name="So với năm học trước"' &&
	ok "years: XLSX sheet" || bad "years: XLSX sheet"
"$T" --db "$DB" report tu-danh-gia --campaign 1 --unit 31007 --format docx -o "$W/y.docx" 2>"$ERR" &&
	unzip -p "$W/y.docx" word/document.xml | grep -qF "SO VỚI NĂM HỌC TRƯỚC" &&
	ok "years: DOCX" || bad "years: DOCX"

# --- Issue 16: the same appendix in the mầm non self-inspection and the
# Thủ Dầu Một report, for a school with an approved result of 2024-2025
# on the same rubric (the demo's MN and TDM rounds of that year); group
# figures without levels ("17 điểm").
for spec in "tu-kiem-tra q7-mn-2023 31DK0" "cntt tdm-cntt-2022 31DK0"; do
	set -- $spec
	KIND=$1 RUB=$2 PREFIX=$3
	NOW=$(q "SELECT id FROM campaign WHERE rubric_id = '$RUB' AND school_year = '2025-2026' AND kind = 'cds'")
	WAS=$(q "SELECT id FROM campaign WHERE rubric_id = '$RUB' AND school_year = '2024-2025' AND kind = 'cds'")
	U=$(q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id JOIN submission s2 ON s2.unit_id = s.unit_id AND s2.campaign_id = $WAS WHERE s.campaign_id = $NOW AND s2.state IN ('approved', 'published') AND o.code LIKE '$PREFIX%' ORDER BY o.code LIMIT 1")
	if [ -n "$NOW" ] && [ -n "$WAS" ] && [ -n "$U" ]; then ok "years $KIND: demo has 2024-2025"; else bad "years $KIND: demo has 2024-2025"; continue; fi
	if text "$KIND" "$NOW" "$U"; then ok "years $KIND: built"; else bad "years $KIND: built"; fi
	has "years $KIND: appendix" "Phụ lục SO VỚI NĂM HỌC TRƯỚC"
	has "years $KIND: columns" "2024-2025"
	for g in 0 1; do
		FROM_G="FROM submission s JOIN org_unit o ON o.id = s.unit_id JOIN submission_score g ON g.submission_id = s.id WHERE o.code = '$U' AND s.campaign_id = $WAS AND g.grp = $g"
		P=$(qd "SELECT replace(printf('%g', g.reviewed_points / 100.0), '.', ',') || ' điểm' $FROM_G" \
			"SELECT replace(trim_scale(g.reviewed_points / 100.0)::text, '.', ',') || ' điểm' $FROM_G")
		has "years $KIND: group $((g + 1)) against 2024-2025" "(năm học 2024-2025: $P)"
	done
	# The school's own result is compared too, not only its parts: the
	# total of the reviewed groups and, for the graded Thủ Dầu Một
	# rubric, its Xếp loại (issue 18, item 11).
	TOT=$(points "$(q "SELECT sum(g.reviewed_points) FROM submission s JOIN org_unit o ON o.id = s.unit_id JOIN submission_score g ON g.submission_id = s.id WHERE o.code = '$U' AND s.campaign_id = $WAS")")
	case $KIND in
	cntt) TOT_CELL="$TOT điểm, Xếp loại " ;;
	*) TOT_CELL="$TOT điểm)" ;;
	esac
	has "years $KIND: total against 2024-2025" "- Tổng cộng: "
	has "years $KIND: total of 2024-2025" "(năm học 2024-2025: $TOT_CELL"
	lacks "years $KIND: no levels" "điểm, Mức độ"
	has "years $KIND: approved only" "Chỉ tính kết quả đã được phê duyệt của các năm học trước. Điểm nhóm sau đánh giá ngoài"
	has "years $KIND: chart" "Điểm từng nhóm tiêu chí qua các năm học"
	"$T" --db "$DB" report "$KIND" --campaign "$NOW" --unit "$U" --format xlsx -o "$W/y.xlsx" 2>"$ERR" &&
		unzip -p "$W/y.xlsx" xl/workbook.xml | grep -qF 'name="So với năm học trước"' &&
		ok "years $KIND: XLSX sheet" || bad "years $KIND: XLSX sheet"
	"$T" --db "$DB" report "$KIND" --campaign "$NOW" --unit "$U" --format docx -o "$W/y.docx" 2>"$ERR" &&
		unzip -p "$W/y.docx" word/document.xml | grep -qF "SO VỚI NĂM HỌC TRƯỚC" &&
		ok "years $KIND: DOCX" || bad "years $KIND: DOCX"
	# Two years: the criteria's names take the room the year columns
	# do not need (they wrapped in 40 % beside two 26 % columns).
	/usr/bin/python3 - "$W/y.docx" <<'PY' && ok "years $KIND: names column wide" || bad "years $KIND: names column wide"
import sys, docx
for t in docx.Document(sys.argv[1]).tables:
    if t.rows[0].cells[1].text == "Nhóm tiêu chí, tiêu chí":
        w = [int(c.get(docx.oxml.ns.qn("w:w"))) for c in t._tbl.tblGrid]
        sys.exit(0 if w[1] >= sum(w) / 2 else 1)
sys.exit(1)
PY
	# Its first year has nothing earlier to compare with.
	if text "$KIND" "$WAS" "$U"; then ok "years $KIND: first year built"; else bad "years $KIND: first year built"; fi
	has "years $KIND: first year says so" "Chưa có kết quả năm học trước được phê duyệt để so sánh."
done

# --- Issue 16: the office's Phụ lục 3 lists the items most of its
# schools still lack (the dashboard's list), with count and share.
if text phu-luc-3 1 31DK; then ok "gaps: phu-luc-3"; else bad "gaps: phu-luc-3"; fi
has "gaps: heading" "Những nội dung nhiều trường còn thiếu để lên mức"
GAPN=$(q "SELECT count(*) FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id JOIN submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = cu.unit_id WHERE cu.campaign_id = 1 AND o.code LIKE '31DK0%' AND s.state IN ('approved', 'published')")
has "gaps: over the approved results" "Những nội dung nhiều trường còn thiếu để lên mức (tính trên $GAPN CSGD có kết quả được phê duyệt)"
grep -qE "^[^,]*1,\"?1\.3a\. Có triển khai phần mềm dạy học trực tuyến trực tiếp \(có bản quyền\)\"?,[0-9]+,\"?[0-9]+(,[0-9]+)?%" "$W/doc.csv" &&
	ok "gaps: CSV row with count and share" || { cp "$W/doc.csv" "$OUT"; bad "gaps: CSV row with count and share"; }
for f in docx xlsx; do
	"$T" --db "$DB" report phu-luc-3 --campaign 1 --unit 31DK --format $f -o "$W/g.$f" 2>"$ERR" &&
		unzip -p "$W/g.$f" | grep -qF "Những nội dung nhiều trường còn thiếu để lên mức" &&
		ok "gaps: $f" || bad "gaps: $f"
done

# --- Item 5: the meeting record's body says the day of its header. The
# demo's records have no typed date: the header is filled (rb_header),
# and the body said "Vào lúc …, ngày ……" under it.
for spec in "1 31GDTX1" "2 31DK001" "3 31DK023"; do
	set -- $spec
	if pdf_text bien-ban "$1" "$2"; then ok "meeting day: $2"; else bad "meeting day: $2"; continue; fi
	DAY=$(sed -n 's/.*, ngày \([0-9]*\) tháng \([0-9]*\) năm \([0-9]*\).*/\1 \2 \3/p' "$W/doc.txt" | head -1)
	if [ -n "$DAY" ]; then ok "meeting day: $2 header dated"; else bad "meeting day: $2 header dated"; continue; fi
	has "meeting day: $2 body" "$(echo "$DAY" | awk '{ printf "ngày %02d/%02d/%04d", $1, $2, $3 }'), tại"
done

# --- Issue 18 item 4 (docsC): "- Lưu: VT, <drafting unit>." last in
# Nơi nhận. The demo types each office's abbreviation once, in the Sở's
# first campaign; every document of every campaign reuses it.
text phu-luc-3 1 31 || bad "drafter: phu-luc-3 1 31"
has "drafter: Sở's Phụ lục 3" "- Lưu: VT, GDPT."
text phu-luc-3 1 31DK || bad "drafter: phu-luc-3 1 31DK"
has "drafter: ward's Phụ lục 3" "- Lưu: VT, VHXH."
text phu-luc-2 8 31 || bad "drafter: phu-luc-2 8 31"
has "drafter: carried to another campaign" "- Lưu: VT, GDPT."
for f in docx xlsx; do
	"$T" --db "$DB" report danh-sach --campaign 1 --unit 31 --format $f -o "$W/l.$f" 2>"$ERR" &&
		unzip -p "$W/l.$f" | grep -qF -- "- Lưu: VT, GDPT." &&
		ok "drafter: $f" || bad "drafter: $f"
done
# A school has none: "- Lưu: VT." as the seed.
text tu-danh-gia 1 31GDTX1 || bad "drafter: school report"
has "drafter: school keeps Lưu: VT." "- Lưu: VT."
lacks "drafter: no office's unit on a school's" "- Lưu: VT, "
# Per document from the CLI, over the stored one, and "" for none.
if run 0 "$T" --db "$DB" report phu-luc-3 --campaign 1 --unit 31 --format pdf \
	-o "$W/doc.pdf" --drafter KHTC; then ok "drafter: --drafter builds"; else bad "drafter: --drafter builds"; fi
pdftotext "$W/doc.pdf" - | tr -s ' \n\f' '  ' >"$W/doc.txt"
has "drafter: --drafter prints" "- Lưu: VT, KHTC."
lacks "drafter: --drafter over the stored one" "GDPT"
run 0 "$T" --db "$DB" report phu-luc-3 --campaign 1 --unit 31 --format pdf \
	-o "$W/doc.pdf" --drafter "" || bad "drafter: --drafter '' builds"
pdftotext "$W/doc.pdf" - | tr -s ' \n\f' '  ' >"$W/doc.txt"
has "drafter: --drafter '' prints Lưu: VT." "- Lưu: VT."
lacks "drafter: --drafter '' drops the unit" "- Lưu: VT, "
check "drafter: two lines refused" 2 err "--drafter" "$T" --db "$DB" report \
	phu-luc-3 --campaign 1 --unit 31 --format pdf -o "$W/x.pdf" --drafter "A
B"
[ ! -e "$W/x.pdf" ] && ok "drafter: refused writes nothing" || bad "drafter: refused writes nothing"
# Typed per unit like địa danh: the ward's own admin changes its own.
run 0 "$T" --db "$DB" --as qt.dk report set --campaign 1 --unit 31DK luu_don_vi=VP ||
	bad "drafter: ward admin sets luu_don_vi"
text phu-luc-3 1 31DK || bad "drafter: phu-luc-3 1 31DK after set"
has "drafter: typed value printed" "- Lưu: VT, VP."

# --- Issue 18 item 6 in the charts (docsC): a draft's unanswered
# criterion has no bar but "Chưa trả lời", never a 0 bar, in the PDF's
# drawing and the XLSX's chart data alike (one chart model).
u=$(q "SELECT min(u.code) FROM submission s JOIN org_unit u ON
	u.id = s.unit_id WHERE s.campaign_id = 1 AND s.state = 'draft'")
"$T" --db "$DB" report tu-danh-gia --campaign 1 --unit "$u" --format xlsx -o "$W/d.xlsx" 2>"$ERR" ||
	bad "draft chart: xlsx $u"
/usr/bin/python3 - "$W/d.xlsx" >"$OUT" 2>>"$ERR" <<'PY' && ok "draft chart: xlsx data says Chưa trả lời, no 0" || bad "draft chart: xlsx data says Chưa trả lời, no 0"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Phụ lục 1 - Biểu đồ"]
said = zero = 0
for row in ws.iter_rows(values_only=True):
    vals = [v for v in row if v is not None]
    if len(vals) == 3 and isinstance(vals[1], (int, float)):
        said += vals[2] == "Chưa trả lời"
        zero += vals[2] == 0
print(said, zero)
sys.exit(0 if said > 0 and zero == 0 else 1)
PY
"$T" --db "$DB" report tu-danh-gia --campaign 1 --unit "$u" --format pdf -o "$W/d.pdf" 2>"$ERR" ||
	bad "draft chart: pdf $u"
n=$(pdfinfo "$W/d.pdf" | sed -n 's/^Pages: *//p')
said=0
for p in $(seq 1 "$n"); do
	pdftotext -f "$p" -l "$p" "$W/d.pdf" "$W/p.txt"
	# A page of charts only: what it says is the charts' own text.
	if grep -q "so với điểm tối đa" "$W/p.txt" && ! grep -q "Mức độ đánh giá" "$W/p.txt"; then
		said=$((said + $(grep -c "^Chưa trả lời$" "$W/p.txt")))
	fi
done
[ "$said" -gt 0 ] && ok "draft chart: pdf chart says Chưa trả lời" || bad "draft chart: pdf chart says Chưa trả lời"

# The draft's own year in "So với năm học trước" is its answers, as its
# Phụ lục 1 has them: not "chưa có" for every criterion it scored.
"$T" --db "$DB" report tu-danh-gia --campaign 1 --unit "$u" --format csv --csv-dialect intl -o "$W/d.csv" 2>"$ERR" ||
	bad "draft years: csv $u"
/usr/bin/python3 - "$W/d.csv" >"$OUT" 2>>"$ERR" <<'PY' && ok "draft years: own year from its answers" || bad "draft years: own year from its answers"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
at = [i for i, r in enumerate(rows) if r and "(Bản nháp)" in r[-1]][0]
last = [r[-1] for r in rows[at + 1:] if len(r) == len(rows[at]) and r[0]]
print(last)
crit = [v for v in last if not v.endswith("điểm") and "Mức" not in v]
sys.exit(0 if "chưa có" not in last and any(v[0].isdigit() for v in crit)
         and "Chưa trả lời" in last else 1)
PY

# --- Issue 18 (docsC): every table reconciles with its headline or says
# why. A ward's guidance letter in the Sở's round speaks of the schools
# it reviews itself, not of "các xã, phường" beside it.
text cong-van 1 31DK || bad "reviewers: ward's letter"
has "reviewers: the ward reviews its schools" "- UBND phường Dương Kinh xem xét, phê duyệt kết quả của các đơn vị trước ngày"
lacks "reviewers: no other communes in a ward's letter" "các xã, phường xem xét"
text cong-van 1 31 || bad "reviewers: Sở's letter"
has "reviewers: the Sở's letter names the communes" "- Ủy ban nhân dân các xã, phường xem xét, phê duyệt kết quả của các trường thuộc phạm vi quản lý; Sở Giáo dục"
# The listing's subtotal counts the returned units its level counts
# include: "Đã nộp: 13" beside 15 levels read as a miscount.
text danh-sach 1 31DK || bad "listing: returned"
RET=$(q "SELECT count(*) FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code LIKE '31DK0%' AND s.state = 'returned'")
has "listing: returned in the subtotal" "Trả lại: $RET"
# Phụ lục 3's tables across years say why their cấp học rows add up to
# more than the year's "Tổng số" (liên cấp), as this year's table does.
text phu-luc-3 1 31 || bad "years note: phu-luc-3 1 31"
has "years note: liên cấp said with the years tables" "nên tổng các dòng cấp học của một năm học lớn hơn dòng Tổng số."

# Phụ lục 2's tin học row says how many schools reach each level (seed
# 000: "theo mức 1, 2 và 3"), not only how many answered.
text phu-luc-2 8 31 || bad "choice: phu-luc-2 8 31"
has "choice: levels of tin học counted" "Chưa đáp ứng: "
lacks "choice: not only a count of answers" "CSGD trả lời"

# One fact once: Phụ lục 6 said "không được tính là 0" twice in a row.
text phu-luc-6 8 31 || bad "once: phu-luc-6 8 31"
n=$(grep -o "không được tính là 0" "$W/doc.txt" | wc -l)
same "once: a unit not reporting is not a 0, said once" "$n" 1
lacks "once: no 'toàn tỉnh' for a thành phố" "toàn tỉnh"

# --- Issue 18 item 2 (docsC): NĐ 30 ends the last căn cứ line with ".",
# the campaign's basis and a typed one that ends as a list item alike.
text phu-luc-3 1 31 || bad "basis: phu-luc-3 1 31"
has "basis: ends with a full stop" "Thực hiện Kế hoạch số 45/KH-SGDĐT ngày 20/02/2026 của Sở GD&ĐT."
lacks "basis: no list semicolon" "của Sở GD&ĐT;"
text tu-danh-gia 1 31GDTX1 || bad "basis: typed can_cu"
has "basis: typed ';' made '.'" "năm học 2025-2026. Trung tâm"

echo "doc-content: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

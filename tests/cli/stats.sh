#!/bin/sh
# Statistics campaigns through the command line (issue 15): create, save,
# submit refused then accepted, pre-fill from the CĐS self-assessment,
# return with reasons per indicator, approve, the roll-up by bậc học with
# missing apart from zero, and the QĐ 131 targets. One demo database.
# Usage: tests/cli/stats.sh PATH/TO/truongso
set -u
T=${1:?usage: stats.sh TRUONGSO}
case $T in
/*) ;;
*/*) T=$(pwd)/$T ;;
esac
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
WORK=$(mktemp -d) || exit 2
trap 'rm -rf "$WORK" "$OUT" "$ERR"' EXIT
trap 'exit 2' HUP INT TERM
unset TRUONGSO_DB TRUONGSO_DATA
C=tests/cli/cases
. tests/lib/sql.sh
# SQLite in $WORK, or tests/pg/run.sh's cluster (tests/lib/sql.sh).
sql_db $WORK/stats.db
S="$T --db $DB"

finish() {
	echo "stats: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

run 0 $S demo || bad demo
CREATE="--owner 31 --rubric qd4725-2022-pt --indicators thong-ke-cds-truong \
--year 2025-2026 --title Thống-kê --opens 2025-09-15 --due 2027-10-16"
check create-bad-period 2 err "kỳ báo cáo phải là một kỳ của bộ chỉ số" \
	$S stats create $CREATE --period giua-nam
check create 0 out "Đã tạo đợt thống kê số" \
	$S stats create $CREATE --period dau-nam
# The new campaign by its title (the demo has statistics campaigns too).
ID=$(q "SELECT id FROM campaign WHERE title = 'Thống-kê'")
check create-kind 0 out "$ID|thong-ke|dau-nam|2025-09-30" q \
	"SELECT c.id, c.kind, s.period, s.as_of FROM campaign c JOIN stats_campaign s ON s.campaign_id = c.id WHERE c.id = $ID"

# A school saves part of its values: submission is refused, naming each.
printf '{"values": {"gv_tong": 45, "gv_may_tinh": 46}}' >"$WORK/part.json"
check save-part 0 out "Đã lưu số liệu thống kê của 31DK011" \
	$S --as cntt.31dk011 stats save $ID 31DK011 "$WORK/part.json"
check submit-part-above-whole 2 err "gv_may_tinh: “Tổng số giáo viên có máy tính” (46) lớn hơn “Tổng số giáo viên” (45)" \
	$S --as ht.31dk011 stats submit $ID 31DK011
check submit-missing 2 err "hs_tong: “Tổng số học sinh” chưa được nhập" \
	$S --as ht.31dk011 stats submit $ID 31DK011
printf '{"values": {"gv_tong": -1}}' >"$WORK/bad.json"
check save-bad-value 2 err "chỉ số gv_tong: số lượng phải từ 0 đến 10.000.000" \
	$S --as cntt.31dk011 stats save $ID 31DK011 "$WORK/bad.json"
check save-bad-kept 0 out '"gv_may_tinh":46' q \
	"SELECT answers FROM submission WHERE campaign_id = $ID"
# The CĐS commands refuse a statistics campaign's values.
check cds-save-refused 2 err 'trường "values" không được hỗ trợ' \
	$S --as cntt.31dk011 submission save $ID 31DK011 $C/stats-values.json

# The full values leave LMS, tests on computers, studio, e-transcripts and
# cashless fees to the school's CĐS self-assessment of the same year.
check save-full 0 out "Đã lưu" \
	$S --as cntt.31dk011 stats save $ID 31DK011 $C/stats-values.json
check show-prefill 0 out "theo tự đánh giá CĐS (đợt 1, qd4725-2022-pt 1.3a):" \
	$S --as cntt.31dk011 stats show $ID 31DK011
if grep -q "1.3a): .* — điền sẵn" "$OUT"; then ok show-prefill-used; else bad show-prefill-used; fi
check submit 0 out "Đã nộp số liệu thống kê của 31DK011 (lần 1)" \
	$S --as ht.31dk011 stats submit $ID 31DK011
check snapshot-has-prefill 0 out '"lms":true' q \
	"SELECT answers FROM snapshot WHERE submission_id = (SELECT id FROM submission WHERE campaign_id = $ID)"
check return-bad-syntax 2 err "--reason MÃ_CHỈ_SỐ=LÝ_DO" \
	$S --as cv.dk stats return $ID 31DK011 --reason "thiếu dấu bằng"
check return-unknown 2 err 'không có chỉ số "hs_may" trong bộ thong-ke-cds-truong' \
	$S --as cv.dk stats return $ID 31DK011 --reason hs_may=Sai
check return 0 out "Đã trả lại số liệu của 31DK011 với 1 lý do" \
	$S --as cv.dk stats return $ID 31DK011 --reason "hs_may_tinh=Kiểm tra lại"
check school-cannot-approve 2 err "không được phê duyệt" \
	$S --as ht.31dk011 stats approve $ID 31DK011
check resubmit 0 out "(lần 2)" $S --as ht.31dk011 stats submit $ID 31DK011
check approve 0 out "Đã phê duyệt" $S --as cv.dk stats approve $ID 31DK011

# Roll-up: 1 of 12 TH schools of Dương Kinh reported; THCS is missing,
# never 0; the rate of teachers with Internet is 44 of 45.
check table-reported 0 out "Số CSGD đã báo cáo: TH 1/12; THCS 0/10; Tổng 1/20;" \
	$S --as cv.dk stats table $ID
if grep -q "^|                        | THCS    |            0/10 | chưa có số liệu" "$OUT"; then
	ok table-missing-not-zero; else bad table-missing-not-zero; fi
if grep -q "^| gv_internet            | TH      |            1/12 | 44 giáo viên .*| *97,78% |" "$OUT"; then
	ok table-rate; else bad table-rate; fi
# The roll-up reads each report's stored values (migration 0021, written
# with every change), never its answers: the snapshot's 44 is stored in
# hundredths; changed behind the app's back, the table follows the
# stored row; its summary dropped, `db migrate` writes it again.
qrows() { q "$1" | paste -sd,; }
SUBID=$(q "SELECT id FROM submission WHERE campaign_id = $ID AND unit_id = (SELECT id FROM org_unit WHERE code = '31DK011')")
check stored-value 0 out "4400" q \
	"SELECT v.num FROM stats_value v JOIN stats_summary s ON s.submission_id = v.submission_id WHERE v.submission_id = $SUBID AND v.code = 'gv_internet' AND s.version = 2"
check stored-names 0 out "0|2|,1|1|VNEdu LMS,2|0|Microsoft Teams" qrows \
	"SELECT seq, num, text FROM stats_value WHERE submission_id = $SUBID AND code = 'nen_tang' ORDER BY seq"
q "UPDATE stats_value SET num = 4300 WHERE submission_id = $SUBID AND code = 'gv_internet'"
check table-reads-stored 0 out "43 giáo viên" $S --as cv.dk stats table $ID
q "DELETE FROM stats_value WHERE submission_id = $SUBID; DELETE FROM stats_summary WHERE submission_id = $SUBID"
check migrate-fills-stored 0 out "Đã lưu số liệu của 1 báo cáo thống kê." $S db migrate
check table-after-fill 0 out "44 giáo viên" $S --as cv.dk stats table $ID
check targets-progress 0 out "gv_internet: tiến độ (97,78%; còn 2,22%," \
	$S --as cv.dk stats targets $ID
if grep -q "| thiếu 1; 1/20 CSGD báo cáo) " "$OUT"; then ok targets-short-by; else bad targets-short-by; fi
check targets-no-data 0 out "kho_hoc_lieu_ty_le: chưa có số liệu" \
	$S --as cv.dk stats targets $ID
printf '{"values": {"csdl_ket_noi": true, "ho_so_cong_viec_tong": 1000, "ho_so_cong_viec_so": 900, "kho_hoc_lieu_ty_le": 49.99}}' >"$WORK/office.json"
check targets-office 0 out "ho_so_cong_viec_so: đạt (90,00%)" \
	$S --as cv.dk stats targets $ID --office "$WORK/office.json"
if grep -qF "kho_hoc_lieu_ty_le: tiến độ (49,99%; còn" "$OUT"; then
	ok targets-office-below; else bad targets-office-below; fi
# The office's own answers are stored per campaign and office: only that
# office's staff save them, and the targets read them.
check office-school-refused 2 err "chỉ cơ quan chủ trì đợt thống kê hoặc cơ quan cấp dưới" \
	$S --as cv.so stats office $ID 31DK011 "$WORK/office.json"
check office-other-refused 2 err "chỉ chuyên viên hoặc quản trị của chính cơ quan này" \
	$S --as cv.dk stats office $ID 31 "$WORK/office.json"
check office-bad-value 2 err "chỉ số kho_hoc_lieu_ty_le: tỷ lệ 101% phải từ 0 đến 100%" \
	$S --as cv.so stats office $ID 31 tests/cli/cases/office-bad.json
check office-save 0 out "Đã lưu câu trả lời của cơ quan 31" \
	$S --as cv.so stats office $ID 31 "$WORK/office.json"
check office-audited 0 out "stats.office" $S audit --limit 1
check targets-stored-office 0 out "ho_so_cong_viec_so: đạt (90,00%)" \
	$S --as cv.so stats targets $ID
check targets-manual 0 out "csdl_ket_noi: đạt" $S --as cv.so stats targets $ID

# --- Phụ lục 6, section III: one column per school year 2022-2023 ..
# 2025-2026. Years before truongso are typed by the Sở (audited; refused
# for anyone else and for a part above its whole, nothing written); the
# Phòng's 2024-2025 round and the demo's 2025-2026 one are summed from
# their approved reports; a year with neither is missing, never 0.
P6=$(q "SELECT id FROM campaign WHERE kind = 'thong-ke' AND school_year = '2025-2026' AND id <> $ID")
typed_rows() { q "SELECT unit_id, school_year, revision FROM stats_typed ORDER BY unit_id, school_year" | paste -sd,; }
BEFORE=$(typed_rows)
printf '{"values": {"gv_tong": 2000, "gv_may_tinh": 1500, "gv_internet": 2001}}' >"$WORK/typed-bad.json"
printf '{"values": {"gv_tong": 2000, "gv_may_tinh": 1500, "gv_internet": 1999, "hs_tong": 30000, "hs_may_tinh": 12345, "ty_trong_truc_tuyen": 6.5, "so_csgd": 90, "quan_tri_du_lieu": 30}}' >"$WORK/typed.json"
check typed-part-above-whole 2 err "“Tổng số giáo viên có đường truyền Internet” (2001) lớn hơn “Tổng số giáo viên” (2000)" \
	$S --as cv.so stats typed 31 2022-2023 "$WORK/typed-bad.json"
check typed-bad-year 2 err "năm học phải có dạng 2022-2023" \
	$S --as cv.so stats typed 31 2022-2024 "$WORK/typed.json"
check typed-school-refused 2 err "tài khoản của trường không xem hoặc sửa" \
	$S --as cntt.31dk011 stats typed 31 2022-2023 "$WORK/typed.json"
check typed-other-office-refused 2 err "đơn vị không thuộc phạm vi" \
	$S --as cv.dk stats typed 31 2022-2023 "$WORK/typed.json"
check typed-not-a-school 2 err "chỉ cơ quan quản lý mới nhập số liệu" \
	$S --as cv.so stats typed 31DK011 2022-2023 "$WORK/typed.json"
same typed-refused-not-written "$(typed_rows)" "$BEFORE"
check typed-save 0 out "Đã lưu số liệu năm học 2022-2023 của 31" \
	$S --as cv.so stats typed 31 2022-2023 "$WORK/typed.json"
check typed-audited 0 out "stats-typed:31/2022-2023" $S audit --limit 1
check typed-read 0 out "(nhập bởi cv.so lúc " $S --as cv.so stats typed 31 2022-2023
# 2023-2024 forgotten: missing, not zero.
q "DELETE FROM stats_typed WHERE school_year = '2023-2024'"
run 0 $S --as cv.so report phu-luc-6 --campaign "$P6" --unit 31 --format csv --csv-dialect intl -o "$WORK/p6.csv" || bad p6-csv
run 0 $S --as cv.so report phu-luc-6 --campaign "$P6" --unit 31 --format pdf -o "$WORK/p6.pdf" || bad p6-pdf
pdftotext "$WORK/p6.pdf" - | tr -s ' \n\f' '  ' >"$WORK/p6.txt"
# The rounds' figures, summed here from the approved reports' last
# snapshots of each year: "part (rate%)" with the rate over its whole.
fig() { # fig YEAR PART WHOLE FMT: FMT vn (PDF) or raw (CSV)
	q "SELECT sum(CAST($(jx sn.answers values "$2") AS INTEGER)), sum(CAST($(jx sn.answers values "$3") AS INTEGER))
		FROM submission s JOIN snapshot sn ON sn.submission_id = s.id AND sn.version = s.version
		JOIN campaign c ON c.id = s.campaign_id JOIN stats_campaign sc ON sc.campaign_id = c.id
		WHERE c.school_year = '$1' AND c.id <> $ID AND s.state IN ('approved', 'published')" |
	python3 -c "import sys
from decimal import Decimal as D, ROUND_HALF_UP as H
p, w = sys.stdin.read().strip().split('|')
r = str((D(p) * 100 / D(w)).quantize(D('0.01'), H)).rstrip('0').rstrip('.')
n = '{:,}'.format(int(p)).replace(',', '.') if sys.argv[1] == 'vn' else p
print('%s (%s%%)' % (n, r.replace('.', ',')))" "$4"
}
G24=$(fig 2024-2025 gv_may_tinh gv_tong vn)
G25=$(fig 2025-2026 gv_may_tinh gv_tong vn)
H25=$(fig 2025-2026 hs_may_tinh hs_tong vn)
H25I=$(fig 2025-2026 hs_may_tinh hs_tong raw)
G24I=$(fig 2024-2025 gv_may_tinh gv_tong raw)
G25I=$(fig 2025-2026 gv_may_tinh gv_tong raw)
# Typed by hand above: 1500/2000 = 75%, 12345/30000 = 41,15%, 30/90 =
# 33,33%, a share of 6,5%.
p6has() { if grep -qF -- "$2" "$WORK/p6.txt"; then ok "$1"; else echo "missing: $2" >"$ERR"; cp "$WORK/p6.txt" "$OUT"; bad "$1"; fi; }
p6has p6-year-columns "Năm học 2022-2023 (Sở nhập) Năm học 2023-2024 (chưa có số liệu) Năm học 2024-2025 Năm học 2025-2026 (thời điểm hiện tại)"
p6has p6-teachers-by-year "- Tổng số giáo viên có máy tính 1.500 (75,00%) chưa có số liệu $G24 $G25"
p6has p6-students-thousands "- Tổng số học sinh có máy tính 12.345 (41,15%) chưa có số liệu"
p6has p6-students-round "$H25"
p6has p6-schools-typed "30 (33,33%)"
p6has p6-typed-marked "Năm học 2022-2023: số liệu do Sở Giáo dục và Đào tạo thành phố Hải Phòng nhập"
p6has p6-missing-year "Năm học 2023-2024: chưa có số liệu."
R24=$(q "SELECT sum(CASE WHEN s.state IN ('approved', 'published') THEN 1 ELSE 0 END) || '/' || count(*) FROM campaign_unit cu
	JOIN campaign c ON c.id = cu.campaign_id JOIN stats_campaign sc ON sc.campaign_id = c.id
	LEFT JOIN submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = cu.unit_id
	WHERE c.school_year = '2024-2025'")
p6has p6-round-note "Năm học 2024-2025: tổng hợp từ 1 đợt thống kê, $R24 cơ sở giáo dục đã báo cáo"
# CSV keeps raw numbers (no thousands dots); a text cell reads the same
# in both dialects, so its decimal mark stays the comma. The rows as a
# CSV reader splits them (intl: fields with a comma are quoted).
csvrow() { # csvrow NAME LABEL WANT...: the row LABEL's cells from the 3rd
	name=$1 label=$2
	shift 2
	if python3 - "$WORK/p6.csv" "$label" "$@" <<'PY'
import csv, sys
rows = csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))
row = next((r for r in rows if len(r) > 1 and r[1] == sys.argv[2]), None)
want = sys.argv[3:]
ok = row is not None and all(w == "*" or (w.endswith("*") and c.startswith(w[:-1])) or c == w
                             for c, w in zip(row[2:], want)) and len(row[2:]) == len(want)
sys.exit(0 if ok else 1)
PY
	then ok "$name"; else cp "$WORK/p6.csv" "$OUT"; echo "want $*" >"$ERR"; bad "$name"; fi
}
csvrow p6-csv-raw "- Tổng số giáo viên có máy tính" "1500 (75,00%)" "chưa có số liệu" "$G24I" "$G25I"
csvrow p6-csv-students "- Tổng số học sinh có máy tính" "12345 (41,15%)" "chưa có số liệu" "*" "$H25I"
# A typed share is the province's own, not a mean of schools' (written
# ="6,5%" so Excel keeps it as text).
csvrow p6-share-typed "Tỉ trọng nội dung chương trình giáo dục phổ thông được triển khai dưới hình thức trực tuyến" \
	'="6,50%"' "chưa có số liệu" "bình quân *" "bình quân *"
for f in docx xlsx; do
	run 0 $S --as cv.so report phu-luc-6 --campaign "$P6" --unit 31 --format $f -o "$WORK/p6.$f" && ok "p6-$f" || bad "p6-$f"
done
# In the XLSX, section IV starts a page (a manual row break before its
# heading): Calc paginates by its own row heights, and once left the
# heading and the table's head alone at the foot of page 2.
if /usr/bin/python3 - "$WORK/p6.xlsx" <<'PY'
import sys
import openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
rows = [c.row for r in ws.iter_rows() for c in r
        if isinstance(c.value, str) and c.value.startswith("IV. MỤC TIÊU")]
breaks = [b.id for b in ws.row_breaks.brk]
# openpyxl's break id is the last row of the page before it (1-based).
sys.exit(0 if len(rows) == 1 and rows[0] - 1 in breaks else 1)
PY
then ok p6-xlsx-section-iv-page; else bad p6-xlsx-section-iv-page; fi
finish

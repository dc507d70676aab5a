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
if grep -q "^| gv_internet            | TH      |            1/12 | 44 giáo viên .*| 97,78% |" "$OUT"; then
	ok table-rate; else bad table-rate; fi
check targets-progress 0 out "gv_internet: tiến độ (97,78%; còn 2,22%," \
	$S --as cv.dk stats targets $ID
if grep -q "| thiếu 1; 1/20 CSGD báo cáo) " "$OUT"; then ok targets-short-by; else bad targets-short-by; fi
check targets-no-data 0 out "kho_hoc_lieu_ty_le: chưa có số liệu" \
	$S --as cv.dk stats targets $ID
printf '{"values": {"csdl_ket_noi": true, "ho_so_cong_viec_tong": 1000, "ho_so_cong_viec_so": 900, "kho_hoc_lieu_ty_le": 49.99}}' >"$WORK/office.json"
check targets-office 0 out "ho_so_cong_viec_so: đạt (90%)" \
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
check targets-stored-office 0 out "ho_so_cong_viec_so: đạt (90%)" \
	$S --as cv.so stats targets $ID
check targets-manual 0 out "csdl_ket_noi: đạt" $S --as cv.so stats targets $ID
finish

#!/bin/sh
# School and office documents of the demo province through the command
# line, checked against numbers worked out here without the report code:
#  - the seed 003 centre's QĐ 4725 report (73 → Mức 2, 79 → Mức 3);
#  - Phụ lục 3 for the Sở and for one Phòng against a hand count
#    (tests/cli/handcount-levels.sh: SQL + `submission show` + awk);
#  - every mầm non school's "Báo cáo tự kiểm tra" (seed 004) against the
#    seed's rules applied in SQL to the stored answers;
#  - every school's seed 001 report of the Thủ Dầu Một campaign against
#    the sums of its stored "Tự chấm";
#  - the fields a school types: round trip, refusals (exit 2, nothing
#    changed), who may edit.
# The staff lines, blanks and grades are paragraphs, which CSV does not
# carry: tests/unit/test_report_docs.c reads those through the model.
# Usage: tests/cli/reports.sh PATH/TO/truongso
set -u
T=${1:?usage: reports.sh TRUONGSO}
case $T in
/*) ;;
*/*) T=$(pwd)/$T ;;
esac
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
WORK=$(mktemp -d) || exit 2
trap 'rm -rf "$WORK" "$OUT" "$ERR"' EXIT
trap 'exit 2' HUP INT TERM
unset TRUONGSO_DB TRUONGSO_DATA TRUONGSO_NOW
. tests/lib/sql.sh
# SQLite in $WORK, or tests/pg/run.sh's cluster (tests/lib/sql.sh).
sql_db "$WORK/demo.db"

# Reports as CSV come back as plain ',' CSV with bare codes
# (tests/report/csv_plain.py): the rows below are written that way; the
# dialect itself is checked by tests/report/csv_check.py (layout.sh).
ts() {
	case " $* " in
	*" --format csv "*)
		"$T" --db "$DB" "$@" >"$WORK/csv.raw"
		_rc=$?
		/usr/bin/python3 tests/report/csv_plain.py <"$WORK/csv.raw"
		return $_rc ;;
	esac
	"$T" --db "$DB" "$@"
}
as() {
	_u=$1
	shift
	"$T" --db "$DB" --as "$_u" "$@"
}
# has_line NAME LINE: a whole line of $OUT (CR stripped) equals PATTERN.
has_line() {
	if tr -d '\r' <"$OUT" | grep -qxF -- "$2"; then ok "$1"; else
		echo "missing line: $2" >>"$ERR"
		bad "$1"
	fi
}
# csv KIND CAMPAIGN UNIT FILE: the document's CSV, BOM removed.
csv() {
	ts report "$1" --campaign "$2" --unit "$3" --format csv -o - |
		sed '1s/^\xEF\xBB\xBF//' >"$4"
}
# csvq FILE SQL: SQL over a document's CSV as table t (tests/lib/sql.sh).
# fields UNIT CAMPAIGN: the unit's stored fields, one name=value a line.
fields() {
	q "SELECT f.name || '=' || f.value FROM doc_field f JOIN
		org_unit o ON o.id = f.unit_id WHERE f.campaign_id = $2 AND
		o.code = '$1' ORDER BY f.name"
}

if ! ts demo >"$OUT" 2>"$ERR"; then
	bad "demo database"
	finish
	exit 1
fi

# ---- 1. seed 003: the 4725 school report of the Dương Kinh centre ------
check 4725-report 0 out '1.,"Chuyển đổi số trong dạy, học",100,73,Mức 2,' \
	ts report tu-danh-gia --campaign 1 --unit 31GDTX1 --format csv -o -
has_line 4725-group2-79-muc3 "2.,Chuyển đổi số trong quản trị cơ sở giáo dục,100,79,Mức 3,"
# The demo's reconstruction notes are not the centre's evidence (they
# stay in examples/, the documented reconstruction).
has_line 4725-criterion-1.3 "1.3.,Triển khai phần mềm dạy học trực tuyến,30,21,Mức 3,"
has_line 4725-criterion-2.4 ',- Có triển khai dịch vụ thu phí dịch vụ giáo dục theo hình thức không dùng tiền mặt,10,4,,'

# ---- 2. Phụ lục 3 against a hand count ---------------------------------
for root in 31 31DK; do
	tests/cli/handcount-levels.sh "$T" "$DB" 1 "$root" >"$WORK/hand-$root"
	check "phu-luc-3 $root" 0 out "Kết quả đánh giá theo nhóm tiêu chí và cấp học" \
		ts report phu-luc-3 --campaign 1 --unit "$root" --format csv -o -
	rows=0
	while IFS= read -r line; do
		case $line in
		'?'*) # a cấp học the root has no school of: zeros, or no row
			tr -d '\r' <"$OUT" | grep -qxF -- "${line#?}" &&
				rows=$((rows + 1)) ;;
		*)
			has_line "phu-luc-3 $root: $line" "$line"
			rows=$((rows + 1)) ;;
		esac
	done <"$WORK/hand-$root"
	# And nothing else: every data row is one of the hand count's (up
	# to the list of common gaps, whose rows are items).
	same "phu-luc-3 $root: row count" \
		"$(tr -d '\r' <"$OUT" | sed '/^Những nội dung nhiều trường còn thiếu/,$d' |
			grep -cE '^[0-9]+(\.[0-9]+)?,')" "$rows"
done
# The hand counts above exercise liên cấp schools (counted under each
# cấp học): the Sở has 3 THCS&THPT schools, Phòng 31DK 2 TH&THCS ones.
same phu-luc-3-demo-has-lien-cap \
	"$(q "SELECT count(*) FROM campaign_unit WHERE campaign_id = 1 AND (school_levels & 4) <> 0 AND (school_levels & 8) <> 0")/$(q "SELECT count(*) FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id WHERE cu.campaign_id = 1 AND o.code LIKE '31DK%' AND cu.school_levels = 6")" 3/2
check phu-luc-3-other-phong-refused 2 err "phạm vi" \
	as cv.dk report phu-luc-3 --campaign 1 --unit 31LC --format csv -o -

# ---- 3. seed 004: every mầm non school's self-inspection table ---------
# The stored answers in a SQLite file (tests/lib/sql.sh), whose JSON
# functions the hand counts below use, whatever the backend.
sql_snapshot "$T" "$WORK/calc.db" || exit 1
# The seed's rules applied to the stored answers in SQL: a failed (or
# unanswered) gate zeroes its mục; 2.3 = base (4 separate / 6 connected)
# minus 1 per missing module, at least 0, plus the budget plan, capped at
# 10.
cat >"$WORK/mn.sql" <<'EOF'
WITH v AS (
  SELECT o.code AS code, j.key AS id,
    CASE WHEN j.type = 'object' AND json_type(j.value, '$.value') IS NOT NULL
      THEN json_extract(j.value, '$.value') ELSE j.value END AS val
  FROM submission s JOIN org_unit o ON o.id = s.unit_id,
    json_each(s.answers, '$.answers') j
  WHERE s.campaign_id = 2),
u AS (SELECT code,
    max(CASE WHEN id = '1.1' THEN val END) AS g11,
    max(CASE WHEN id = '2.1' THEN val END) AS g21,
    max(CASE WHEN id = '2.2' THEN val END) AS g22,
    sum(CASE WHEN id IN ('1.2a', '1.2b', '1.2c', '1.3') THEN val ELSE 0 END) AS p1,
    sum(CASE WHEN id IN ('2.4a', '2.4b', '2.4c') THEN val ELSE 0 END) AS p24,
    sum(CASE WHEN id = '2.3b' THEN val ELSE 0 END) AS p23b,
    max(CASE WHEN id = '2.3a' THEN max(0,
      CASE json_extract(val, '$.base') WHEN 'ket-noi' THEN 6
        WHEN 'rieng-le' THEN 4 ELSE 0 END
      - (6 - json_array_length(val, '$.present'))) END) AS p23a
  FROM v GROUP BY code)
SELECT code, g1, g2, g1 + g2 FROM (SELECT code,
  CASE WHEN g11 = 1 THEN p1 ELSE 0 END AS g1,
  CASE WHEN g21 = 1 AND g22 = 1 THEN min(10, ifnull(p23a, 0) + p23b) + p24
    ELSE 0 END AS g2 FROM u) ORDER BY code;
EOF
calc <"$WORK/mn.sql" >"$WORK/mn-hand"
same mn-hand-count-schools "$(wc -l <"$WORK/mn-hand" | tr -d ' ')" \
	"$(q "SELECT count(*) FROM submission WHERE campaign_id = 2")"
n=0
while IFS='|' read -r code g1 g2 total; do
	csv tu-kiem-tra 2 "$code" "$WORK/mn.csv"
	got=$(csvq "$WORK/mn.csv" "SELECT group_concat(\"Kết quả đánh giá\", '|')
		FROM (SELECT * FROM t WHERE (STT IN ('1.', '2.') OR
		\"Tiêu chí\" = 'Tổng cộng') AND rowid <= (SELECT min(rowid)
		FROM t WHERE \"Tiêu chí\" = 'Tổng cộng') ORDER BY rowid)")
	if [ "$got" = "$g1|$g2|$total" ]; then n=$((n + 1)); else
		echo "tu-kiem-tra $code: got $got, want $g1|$g2|$total"
	fi
done <"$WORK/mn-hand"
same "tu-kiem-tra: every school's groups and total match the seed's rules" \
	"$n" "$(wc -l <"$WORK/mn-hand" | tr -d ' ')"

# One school line by line: 31DK001 (Trường Mầm non Hoa Sen).
answer() { # answer CAMPAIGN UNIT ITEM: a stored answer's value
	q "SELECT coalesce($(jx s.answers answers "$3" value), $(jx s.answers \
		answers "$3")) FROM submission s JOIN org_unit o ON
		o.id = s.unit_id WHERE s.campaign_id = $1 AND o.code = '$2'"
}
check mn-report 0 out "Mức độ đánh giá" \
	ts report tu-kiem-tra --campaign 2 --unit 31DK001 --format csv -o -
same mn-header-row-first "$(head -n 1 "$OUT" | tr -d '\r')" \
	"$(printf '\357\273\277')STT,Tiêu chí,Mức độ đánh giá,\"Ghi chú, minh chứng\",Kết quả đánh giá"
has_line mn-group1 "1.,\"Chuyển đổi số trong dạy, học\",Tối đa: 55 điểm,,$(grep '^31DK001|' "$WORK/mn-hand" | cut -d'|' -f2)"
has_line mn-1.1-gate "1.1.,Có ban hành kế hoạch ứng dụng công nghệ thông tin trong tổ chức hoạt động giáo dục. (kết hợp với dạy học trực tiếp; ban hành riêng hoặc lồng ghép trong kế hoạch tổ chức dạy học hằng năm),Nếu không đạt thì không có điểm của mục 1,Văn bản,Đạt"
has_line mn-1.2a "1.2.,\"Có triển khai phòng học, đồ dùng dạy học thông minh\",Tối đa: 15 điểm,Tên giải pháp,$(answer 2 31DK001 1.2a)"
has_line mn-1.2b ",Cha mẹ trẻ tham gia vào các hoạt động giáo dục,Tối đa: 10 điểm,Lượt tương tác của Phụ huynh học sinh,$(answer 2 31DK001 1.2b)"
has_line mn-1.3 "1.3.,\"Số hóa hồ sơ, triển khai kho học liệu số\",Tối đa: 15 điểm,Số lượng clip xây dựng kho học liệu được phê duyệt.,$(answer 2 31DK001 1.3)"
has_line mn-2.2-gate "2.2.,\"Có ban hành kế hoạch ứng dụng CNTT, chuyển đổi số\",Nếu không đạt thì không có điểm của mục 2,Quyết định/Kế hoạch,Đạt"
has_line mn-2.3-deduction-rule "* Thiếu 1 phân hệ trừ 1 điểm (-1 điểm)"
has_line mn-2.3-cap-rule "Tối đa phần 2.3: 10 điểm\",Phần mềm có kết nối và trao đổi đầy đủ dữ liệu giữa các phân hệ với nhau; 6/6 phân hệ,6"
has_line mn-2.3-counted ",Cộng tiêu chí 2.3,Tối đa: 10 điểm,,9"
has_line mn-total ",Tổng cộng,Tối đa: 95 điểm,,$(grep '^31DK001|' "$WORK/mn-hand" | cut -d'|' -f4)"
# A school that has not started: rules, and "Chưa trả lời" for every
# result (never 0, never a blank that reads like one; issue 18 item 6).
check mn-not-started 0 out ",Tổng cộng,Tối đa: 95 điểm,,Chưa trả lời" \
	ts report tu-kiem-tra --campaign 2 --unit 31LC002 --format csv -o -
has_line mn-not-started-group-unanswered "1.,\"Chuyển đổi số trong dạy, học\",Tối đa: 55 điểm,,Chưa trả lời"
if tr -d '\r' <"$OUT" | grep -qE ',0$'; then bad mn-not-started-no-zero; else ok mn-not-started-no-zero; fi

# ---- 4. seed 001: the Thủ Dầu Một campaign of Phòng Dương Kinh ---------
check tdm-campaign-listed 0 out "tdm-cntt-2022@1" as cv.dk campaign list
check tdm-campaign-school-sees-both 0 out "tdm-cntt-2022@1" as ht.31dk023 campaign list
contains tdm-campaign-school-sees-4725 out "qd4725-2022-pt@2"
same tdm-campaign-participants \
	"$(q "SELECT count(*) FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id WHERE cu.campaign_id = 3 AND o.code LIKE '31DK%'")/$(q "SELECT count(*) FROM campaign_unit WHERE campaign_id = 3")" "20/20"
check tdm-mn-school-not-in-it 0 out "q7-mn-2023@2" as ht.31dk001 campaign list
if grep -qF "tdm-cntt" "$OUT"; then bad tdm-mn-school-not-listed; else ok tdm-mn-school-not-listed; fi
# Group sums and the total of every school's "Tự chấm", from the stored
# answers (the rubric has no gates or caps: a plain sum, half points).
calc "SELECT o.code, group_concat(g, '|') FROM (SELECT s.unit_id,
	substr(j.key, 1, 1) AS k, printf('%g', sum(coalesce(json_extract(
	j.value, '\$.value'), j.value))) AS g FROM submission s,
	json_each(s.answers, '\$.answers') j WHERE s.campaign_id = 3 GROUP BY
	s.unit_id, k ORDER BY s.unit_id, k) x JOIN org_unit o ON o.id =
	x.unit_id GROUP BY o.code ORDER BY o.code" | tr '.' ',' >"$WORK/tdm-groups"
calc "SELECT o.code, printf('%g', sum(coalesce(json_extract(j.value,
	'\$.value'), j.value))) FROM submission s JOIN org_unit o ON o.id =
	s.unit_id, json_each(s.answers, '\$.answers') j WHERE s.campaign_id = 3
	GROUP BY o.code ORDER BY o.code" | tr '.' ',' >"$WORK/tdm-total"
n=0
while IFS='|' read -r code total; do
	csv cntt 3 "$code" "$WORK/tdm.csv"
	groups=$(grep "^$code|" "$WORK/tdm-groups" | cut -d'|' -f2-)
	# The rubric sheet only: the years appendix after it has its own
	# "Tổng cộng" row (its year columns fall under "Tự chấm" here).
	got=$(csvq "$WORK/tdm.csv" "SELECT group_concat(\"Tự chấm\", '|') FROM
		(SELECT * FROM t WHERE (STT IN ('1', '2', '3', '4') OR
		\"NỘI DUNG\" = 'Tổng cộng') AND rowid <= (SELECT min(rowid)
		FROM t WHERE \"NỘI DUNG\" = 'Tổng cộng') ORDER BY rowid)")
	# A group with nothing answered prints no sum at all.
	if [ "$(echo "$got" | tr -s '|' | sed 's/^|//')" = "$groups|$total" ]; then
		n=$((n + 1))
	else
		echo "cntt $code: got $got, want $groups|$total"
	fi
done <"$WORK/tdm-total"
same "cntt: every school's groups and total match its Tự chấm" "$n" \
	"$(q "SELECT count(*) FROM submission WHERE campaign_id = 3")"
# The seed school: its answers are seed 001's sample, 88,5 points.
check tdm-report 0 out "Kèm minh chứng" \
	ts report cntt --campaign 3 --unit 31DK023 --format csv -o -
same tdm-header-row-first "$(head -n 1 "$OUT" | tr -d '\r')" \
	"$(printf '\357\273\277')STT,NỘI DUNG,Điểm chuẩn,Tự chấm,Kèm minh chứng"
has_line tdm-total ",Tổng cộng,100,\"88,5\","
has_line tdm-group1 "1,\"Ứng dụng CNTT trong đổi mới phương pháp dạy - học và kiểm tra, đánh giá\",20,\"19,5\","
has_line tdm-4.4 "4.4,\"Xây dựng và triển khai kế hoạch về xây dựng và phát triển thành phố Thủ Dầu Một theo hướng đô thị thông minh, giai đoạn 2020-2025 và các năm tiếp theo, lĩnh vực giáo dục và đào tạo\",10,7,- KH-do-thi-thong-minh-2025-2026.pdf"
same tdm-seed-total-is-sample "$(grep '^31DK023|' "$WORK/tdm-total" | cut -d'|' -f2)" "88,5"
check tdm-wrong-kind 2 err "không lập" \
	ts report tu-kiem-tra --campaign 3 --unit 31DK023 --format csv -o -
check mn-wrong-kind 2 err "không lập" \
	ts report cntt --campaign 2 --unit 31DK001 --format csv -o -
check tdm-other-phong-school 2 err "không tham gia" \
	ts report cntt --campaign 3 --unit 31LC011 --format csv -o -

# ---- 5. typed fields ----------------------------------------------------
check fields-demo-mn 0 out "tong_cbgvcnv=38" as ht.31dk001 report fields --campaign 2 --unit 31DK001
contains fields-demo-mn-signer out "nguoi_ky=Nguyễn Thị Hoa"
check fields-reviewer-may-read 0 out "cbql=3" as cv.so report fields --campaign 2 --unit 31DK001
# The mầm non round is reviewed by the commune office that administers
# the school (issue 16): it reads the school's fields, another does not.
check fields-commune-reviewer-may-read 0 out "cbql=3" \
	as cv.dk report fields --campaign 2 --unit 31DK001
check fields-other-commune-not 2 err "đơn vị không thuộc phạm vi của tài khoản" \
	as cv.lc report fields --campaign 2 --unit 31DK001
check fields-other-school-may-not-read 2 err "phạm vi" \
	as ht.31dk002 report fields --campaign 2 --unit 31DK001

# Round trip: numbers, a one-line text, a multi-line text from a file, an
# NFD value stored as NFC; then clearing one.
printf 'Dòng một của kiến nghị.\nDòng hai: thêm 02 máy tính.\n' >"$WORK/de-xuat.txt"
nfd=$(printf 'Nguyen Thi Hoa\314\200')   # "Hoà" written with a combining grave
check fields-set 0 out "đã lưu 5 mục" as cntt.31dk005 report set --campaign 2 \
	--unit 31DK005 giao_vien=25 gv_thieu=0 dia_danh="Dương Kinh" \
	de_xuat=@"$WORK/de-xuat.txt" nguoi_ky="$nfd"
check fields-get 0 out "giao_vien=25" as cntt.31dk005 report fields --campaign 2 --unit 31DK005
contains fields-get-zero-kept out "gv_thieu=0"
contains fields-get-line out "dia_danh=Dương Kinh"
contains fields-get-multiline out "de_xuat=Dòng một của kiến nghị."
contains fields-get-multiline-2 out "Dòng hai: thêm 02 máy tính."
contains fields-get-nfc out "nguoi_ky=Nguyen Thi Hoà"
same fields-stored "$(fields 31DK005 2 | tr '\n' '#')" \
	"de_xuat=Dòng một của kiến nghị.#Dòng hai: thêm 02 máy tính.#dia_danh=Dương Kinh#giao_vien=25#gv_thieu=0#nguoi_ky=Nguyen Thi Hoà#"
check fields-head-may-edit 0 out "đã lưu 1 mục" as ht.31dk005 report set --campaign 2 \
	--unit 31DK005 giao_vien=26
check fields-clear 0 out "đã lưu 1 mục" as cntt.31dk005 report set --campaign 2 \
	--unit 31DK005 gv_thieu=
same fields-cleared "$(fields 31DK005 2 | grep -c '^gv_thieu=')" 0
same fields-audited "$(q "SELECT count(*) FROM audit WHERE action = 'report.fields' AND object = 'campaign:2/31DK005'")" 3

# Refusals: exit 2, a message naming the field, and nothing written.
before=$(fields 31DK005 2)
audits=$(q "SELECT count(*) FROM audit")
refused() { # refused NAME PATTERN LOGIN UNIT ARGS...
	_n=$1 _p=$2 _l=$3 _u=$4
	shift 4
	check "$_n" 2 err "$_p" as "$_l" report set --campaign 2 --unit "$_u" "$@"
	same "$_n: nothing changed" "$(fields 31DK005 2)" "$before"
}
refused set-not-a-number 'Giáo viên: phải là số nguyên từ 0 đến 1000000 (đã nhập "hai mươi")' \
	cntt.31dk005 31DK005 "giao_vien=hai mươi"
refused set-negative 'Nhân viên hợp đồng trường: phải là số nguyên từ 0 đến 1000000 (đã nhập "-3")' \
	cntt.31dk005 31DK005 nv_hop_dong=-3
refused set-decimal 'Cán bộ quản lý: phải là số nguyên' cntt.31dk005 31DK005 cbql=2.5
refused set-one-bad-of-two 'Giáo viên thiếu: phải là số nguyên' cntt.31dk005 31DK005 giao_vien=30 gv_thieu=x
refused set-unknown-field 'khong_co: báo cáo của đơn vị này không có mục này' \
	cntt.31dk005 31DK005 khong_co=1
refused set-other-documents-field 'thuan_loi: báo cáo của đơn vị này không có mục này' \
	cntt.31dk005 31DK005 thuan_loi=x
refused set-bad-date 'Ngày ban hành: ngày không hợp lệ "2026-02-30"' \
	cntt.31dk005 31DK005 ngay_ban_hanh=2026-02-30
refused set-two-lines-in-a-line 'Địa danh: chỉ được nhập một dòng' \
	cntt.31dk005 31DK005 "dia_danh=$(printf 'Dương\nKinh')"
refused set-no-equals 'cần dạng TÊN=GIÁ_TRỊ' cntt.31dk005 31DK005 giao_vien
# A signer's title takes two lines (a deputy: "KT. HIỆU TRƯỞNG" over
# "PHÓ HIỆU TRƯỞNG"), never three nor one too long to sign under.
refused set-signer-three-lines 'Chức vụ người ký: nhập tối đa hai dòng: thẩm quyền ký (KT., TM., Q., TL., TUQ.) rồi chức vụ' \
	cntt.31dk005 31DK005 'chuc_vu_ky=KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\nTHƯỜNG TRỰC'
refused set-signer-long-line 'Chức vụ người ký: mỗi dòng tối đa 48 ký tự' \
	cntt.31dk005 31DK005 'chuc_vu_ky=KT. HIỆU TRƯỞNG TRƯỜNG TRUNG HỌC CƠ SỞ TRẦN HƯNG ĐẠO\nPHÓ HIỆU TRƯỞNG'
refused set-other-school 'đơn vị không thuộc phạm vi của tài khoản' \
	cntt.31dk001 31DK005 giao_vien=1
refused set-reviewer 'chỉ đơn vị lập báo cáo mới được sửa nội dung báo cáo' \
	cv.dk 31DK005 giao_vien=1
refused set-so-reviewer 'chỉ đơn vị lập báo cáo mới được sửa nội dung báo cáo' \
	cv.so 31DK005 giao_vien=1
same set-refusals-not-audited "$(q "SELECT count(*) FROM audit")" "$audits"
# A school's own fields in a campaign it is not in.
check set-not-in-campaign 2 err "không có đợt đánh giá này" as cntt.31dk005 report set \
	--campaign 3 --unit 31DK005 giao_vien=1

# Where a document goes: a device or a pipe is written into, never replaced
# (a report to /dev/null once replaced the machine's /dev/null with a PDF);
# a symlink keeps pointing at its file; a directory is refused.
doc() { ts report tu-danh-gia --campaign 1 --unit 31GDTX1 --format "$@"; }
for f in pdf docx xlsx csv; do
	mkfifo "$WORK/pipe.$f"
	# Bounded: if the pipe were replaced, nobody would ever open it.
	timeout 120 sh -c 'wc -c <"$1"' _ "$WORK/pipe.$f" >"$WORK/pipe.$f.n" &
	reader=$!
	if doc "$f" -o "$WORK/pipe.$f" >"$OUT" 2>"$ERR" && wait "$reader" &&
		[ -p "$WORK/pipe.$f" ] && [ "$(cat "$WORK/pipe.$f.n")" -gt 100 ]; then
		ok "output-into-a-pipe-$f"
	else
		kill "$reader" 2>/dev/null
		bad "output-into-a-pipe-$f"
	fi
done
doc pdf -o "$WORK/real.pdf" >/dev/null 2>&1
ln -s real.pdf "$WORK/link.pdf"
: >"$WORK/real.pdf"
if doc pdf -o "$WORK/link.pdf" >"$OUT" 2>"$ERR" && [ -L "$WORK/link.pdf" ] &&
	[ -s "$WORK/real.pdf" ] && ! ls "$WORK" | grep -q part; then
	ok output-through-a-symlink
else
	bad output-through-a-symlink
fi
mkdir "$WORK/dir.pdf"
check output-to-a-directory 1 err "đây là một thư mục" doc pdf -o "$WORK/dir.pdf"

finish

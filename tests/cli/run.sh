#!/bin/sh
# End-to-end tests of the truongso command line (usually the ASan+UBSan
# build). Usage: tests/cli/run.sh PATH/TO/truongso
set -u
T=${1:?usage: run.sh TRUONGSO}
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
C=tests/cli/cases
EX=examples
R4725=qd4725-2022-pt

# The seed 003 centre, end to end: 73 -> Mức 2, 79 -> Mức 3.
check seed003-group1 0 out "“Chuyển đổi số trong dạy, học”: 73/100 điểm - đạt Mức độ 2" \
	"$T" score --rubric $R4725 $EX/qd4725-gdtx-duongkinh-2022-2023.json
check seed003-group2 0 out "“Chuyển đổi số trong quản trị cơ sở giáo dục”: 79/100 điểm - đạt Mức độ 3" \
	"$T" score --rubric $R4725 $EX/qd4725-gdtx-duongkinh-2022-2023.json
check seed003-no-combined-total 0 out "Mức độ 3 (Mức đáp ứng tốt)" \
	"$T" score --rubric $R4725 $EX/qd4725-gdtx-duongkinh-2022-2023.json
if grep -q "Tổng cộng" "$OUT"; then bad seed003-no-sum-of-groups; else ok seed003-no-sum-of-groups; fi
check seed003-advice 0 out "Để đạt Mức độ 3 (trên 75 điểm): cần thêm 3 điểm" \
	"$T" score --rubric $R4725 $EX/qd4725-gdtx-duongkinh-2022-2023.json
# The per-criterion levels seed 003 prints (1.3 verified; the others by
# the exact thirds rule), read from each criterion's row of the sheet.
run 0 "$T" score --rubric $R4725 $EX/qd4725-gdtx-duongkinh-2022-2023.json
for row in "1.3.|30|21|Mức 3" "1.4.|10*|10|Mức 3" "1.5.|20|12|Mức 2" \
	"1.6.|20|20|Mức 3" "1.7.|20|10|Mức 2" "2.3.|70|69|Mức 3" \
	"2.4.|30|10|Mức 2"; do
	id=${row%%|*} rest=${row#*|}
	mx=${rest%%|*} rest=${rest#*|}
	pt=${rest%%|*} lv=${rest#*|}
	if grep -a "^| $id " "$OUT" | tr -s ' ' | grep -qF "| $mx | $pt | $lv |"; then
		ok "seed003-level-$id"
	else
		grep -a "^| $id " "$OUT" >>"$ERR"; bad "seed003-level-$id"
	fi
done
# 1.3: the LMS/LCMS deployment line is a heading without points; the
# functions (1)-(4) below it are the scored lines.
if grep -aq "^|      | Triển khai hệ thống LMS/LCMS (cung cấp thông   |        |         |        |" "$OUT" &&
	grep -aq "^|      | - (1) Giáo viên giao bài giảng cho học sinh tự |     6\* |       6 |" "$OUT"; then
	ok seed003-lms-heading; else bad seed003-lms-heading; fi
check seed003-json 0 out '"points": 73' \
	"$T" score --rubric $R4725 --format json $EX/qd4725-gdtx-duongkinh-2022-2023.json
check seed003-json-level 0 out '"name": "Mức đáp ứng tốt"' \
	"$T" score --format json --rubric $R4725 $EX/qd4725-gdtx-duongkinh-2022-2023.json
check stdin-answers 0 out "73/100" \
	sh -c "\"$T\" score --rubric $R4725 - < $EX/qd4725-gdtx-duongkinh-2022-2023.json"

# Over-max and unknown ids: exit 2, every problem named by item id.
check overmax-item 2 err "nội dung 1.5a: điểm tự chấm 18 vượt quá điểm tối đa 15" \
	"$T" score --rubric $R4725 $EX/bad-overmax.json
check overmax-unknown 2 err "không có nội dung mã \"9.9\"" \
	"$T" score --rubric $R4725 $EX/bad-overmax.json
check overmax-nothing-printed 2 err "Tổng cộng 2 lỗi" \
	"$T" score --rubric $R4725 $EX/bad-overmax.json
if [ -s "$OUT" ]; then bad overmax-no-stdout; else ok overmax-no-stdout; fi
check answers-many-problems 2 err "nội dung 1.6a: không được là số âm" \
	"$T" score --rubric $R4725 $C/answers-many-problems.json
for pat in "nội dung 1.1: phải là true" "nội dung 1.4: phải là một số" \
	"nội dung 2.3c: điểm 2,5 phải là bội số của 1" "tệp trả lời dành cho bộ chỉ số"; do
	if grep -qF "$pat" "$ERR"; then ok "answers-lists: $pat"; else bad "answers-lists: $pat"; fi
done
# More than two decimals is refused, not rounded: the double of
# 9.999999999999999999 is 10, so only the text shows it.
check answers-too-precise 2 err "nội dung 1.4: giá trị 9.999999999999999999 có nhiều hơn 2 chữ số thập phân" \
	"$T" score --rubric $R4725 $C/answers-too-precise.json
check answers-too-precise-value 2 err "\$.answers.1.5a.value: nội dung 1.5a: giá trị 7.125 có nhiều hơn 2 chữ số thập phân" \
	"$T" score --rubric $R4725 $C/answers-too-precise.json
check answers-too-precise-once 2 err "Tổng cộng 2 lỗi" \
	"$T" score --rubric $R4725 $C/answers-too-precise.json
check answers-bad-json 2 err "JSON không hợp lệ ở dòng 3" \
	"$T" score --rubric $R4725 $C/answers-bad-json.json
check answers-bad-json-vi 2 err "answers-bad-json.json: JSON không hợp lệ ở dòng 3, cột 25 (byte thứ 42): cần tên khóa trong dấu \" hoặc dấu } (thừa dấu phẩy?), gần “,”" \
	"$T" score --rubric $R4725 $C/answers-bad-json.json
check answers-duplicate-key 2 err "answers-duplicate.json: JSON không hợp lệ ở dòng 1, cột 42 (byte thứ 42): khóa xuất hiện hơn một lần, gần “\"1.4\"”" \
	"$T" score --rubric $R4725 $C/answers-duplicate.json
check answers-missing-file 2 err "does-not-exist.json: không mở được tệp: không có tệp hoặc thư mục này" \
	"$T" score --rubric $R4725 $C/does-not-exist.json
check answers-directory 1 err "$C: lỗi khi đọc tệp: đây là một thư mục, không phải tệp" \
	"$T" score --rubric $R4725 $C
# No English from strerror or jansson reaches the user.
for f in $C/answers-bad-json.json $C/answers-duplicate.json $C/does-not-exist.json $C; do
	"$T" score --rubric $R4725 "$f" >"$OUT" 2>"$ERR"
	if sed 's/^[^:]*: //' "$ERR" | grep -qiE "expected|duplicate|no such|directory|near"; then
		bad "messages-vietnamese: $f"
	else
		ok "messages-vietnamese: $f"
	fi
done
check unknown-rubric 2 err "không có bộ chỉ số \"khong-co\"" \
	"$T" score --rubric khong-co $EX/qd4725-gdtx-duongkinh-2022-2023.json
check bad-format-flag 2 err "--format chỉ nhận text hoặc json" \
	"$T" score --rubric $R4725 --format xml $EX/qd4725-gdtx-duongkinh-2022-2023.json
check score-usage 2 err "cách dùng: truongso score" "$T" score
check unknown-command 2 err "không có lệnh \"bogus\"" "$T" bogus

# Draft: unanswered items score 0; a missing gate zeroes its group.
check draft-gate-zeroes-group 0 out "Chưa đạt điều kiện bắt buộc: 1.1 1.2 → nhóm không có điểm (15 điểm nếu đạt)" \
	"$T" score --rubric $R4725 $C/answers-draft.json
check draft-unanswered 0 out "Chưa trả lời:" \
	"$T" score --rubric $R4725 $C/answers-draft.json

# The other two rubrics.
check q7-cap-and-checklist 0 out "Nhóm tiêu chí 2 “Chuyển đổi số trong quản trị cơ sở giáo dục”: 39/40 điểm" \
	"$T" score --rubric q7-mn-2023 $EX/q7-mn-sample.json
# Quận 7, 2.3a: a school with no management software says so (0 points);
# the sheet names the chosen base and the missing modules. The notes
# column wraps, so its lines are joined before looking.
notes_has() { # notes_has NAME TEXT: TEXT in the last column of $OUT
	if awk -F'|' 'NF > 2 { print $(NF - 1) }' "$OUT" | tr -s ' \n' '  ' |
		grep -qF -- "$2"; then ok "$1"; else
		echo "missing in the notes column: $2" >>"$ERR"; bad "$1"; fi
}
check q7-no-software-group 0 out "“Chuyển đổi số trong quản trị cơ sở giáo dục”: 5/40 điểm" \
	"$T" score --rubric q7-mn-2023 $C/q7-no-software.json
notes_has q7-no-software "Chưa triển khai phần mềm quản trị nhà trường; 0/6 phân hệ. Còn thiếu: Phân hệ quản lý học sinh (quản lý hồ sơ, kết quả học tập);"
notes_has q7-no-software-deduction "Sổ điểm điện tử, học bạ điện tử (−6 điểm). Trường chưa có phần mềm quản trị."
check q7-sample-group 0 out "39/40 điểm" "$T" score --rubric q7-mn-2023 $EX/q7-mn-sample.json
notes_has q7-base-shown "Phần mềm có kết nối và trao đổi đầy đủ dữ liệu giữa các phân hệ với nhau; 6/6 phân hệ. Phần mềm quản lý"
check tdm-grade 0 out "Tổng cộng: 88,5/100 điểm - Xếp loại: Tốt" \
	"$T" score --rubric tdm-cntt-2022 $EX/tdm-cntt-sample.json

# Rubric commands.
check rubric-list 0 out "qd4725-2022-pt" "$T" rubric list
check rubric-list-q7 0 out "q7-mn-2023" "$T" rubric list
check rubric-show 0 out "Mức 1: dưới 10; Mức 2:" \
	"$T" rubric show $R4725
check rubric-show-group-levels 0 out "Mức độ 1: dưới 50; Mức độ 2: từ 50 đến 75; Mức độ 3: trên 75" \
	"$T" rubric show $R4725
check rubric-show-version 0 out "Mã: qd4725-2022-pt, phiên bản 2" \
	"$T" rubric show $R4725@2
check rubric-show-missing 2 err "không có bộ chỉ số" "$T" rubric show $R4725@9
check rubric-show-q7-checklist 0 out "thiếu 1 phân hệ trừ 1 điểm" \
	"$T" rubric show q7-mn-2023
check rubric-show-grades 0 out "Xuất sắc: từ 90 trở lên" \
	"$T" rubric show tdm-cntt-2022
# Provenance only with --sources (issue 18 item 13).
run 0 "$T" rubric show $R4725
if grep -qF -e "Ghi chú nguồn" -e "Điểm tối đa 6 điểm" "$OUT"; then
	bad rubric-show-no-sources; else ok rubric-show-no-sources; fi
check rubric-show-sources 0 out "Ghi chú nguồn: Đã xác minh" \
	"$T" rubric show $R4725 --sources
contains rubric-show-item-sources out "Điểm tối đa 6 điểm"
for f in data/rubrics/*.json; do
	check "rubric-check $(basename "$f")" 0 out "hợp lệ" "$T" rubric check "$f"
done
check rubric-check-sums 2 err "tổng điểm tối đa của các nội dung (15) khác điểm tối đa của tiêu chí (30)" \
	"$T" rubric check $C/rubric-bad.json
for pat in \
	'$.groups[0].criteria[0].items[0].kind: loại nội dung "score" không hợp lệ' \
	'$.groups[0].levels: các mức: giữa [0,49] và [50,75] có chỗ hở' \
	'$.groups[1].levels: các mức: [0,50] và [50,100] chồng lên nhau' \
	'$.groups[0].criteria[1].items[0].maxx: trường "maxx" không được hỗ trợ' \
	'$.groups[0].criteria[1].items[0].max: thiếu trường bắt buộc "max"' \
	'$.groups[1]: tổng điểm tối đa của các tiêu chí (90) khác điểm tối đa của nhóm (100)' \
	'$: mã nội dung "x1" bị trùng' \
	'$.groups[1].criteria[0].items[1].max: số 10.125 có nhiều hơn 2 chữ số thập phân' \
	'$.groups[1].criteria[0].items[2].bands: các mức (bands): khoảng cuối [50,90] phải kết thúc ở 100' \
	'$.source: thiếu trường bắt buộc "source"'; do
	if grep -qF -- "rubric-bad.json: $pat" "$ERR"; then ok "rubric-check: $pat"; else bad "rubric-check: $pat"; fi
done
check rubric-check-invalid-json 2 err "JSON không hợp lệ" "$T" rubric check $C/answers-bad-json.json
check rubric-dir-invalid 2 err "rubric-bad.json" \
	env TRUONGSO_DATA=tests/cli/baddata "$T" rubric list
# Indicator sets (docs/indicator-format.md): the shipped ones are valid,
# every problem of a bad one is named by its JSON path.
for f in data/indicators/*.json; do
	check "indicators-check $(basename "$f")" 0 out "hợp lệ" "$T" indicators check "$f"
done
run 2 "$T" indicators check $C/indicators-bad.json
for pat in '$.periods[0].as_of: ngày "31/9" không hợp lệ' \
	'$.sections[0].indicators[1].part_of: không có chỉ số "gv_tongg" trong bộ' \
	'$.sections[0].indicators[2].unit: trường "unit" không dùng cho loại yesno' \
	'$.sections[0].indicators[3].source: thiếu trường bắt buộc "source"'; do
	if grep -qF -- "indicators-bad.json: $pat" "$ERR"; then ok "indicators-check: $pat"; else bad "indicators-check: $pat"; fi
done
check indicators-show 0 out "| gv_may_tinh            | Tổng số giáo viên có máy tính" \
	"$T" indicators show thong-ke-cds-truong
check indicators-show-unknown 2 err "không có bộ chỉ số thống kê \"khong-co\"" \
	"$T" indicators show khong-co
check help 0 out "score --rubric MÃ TỆP_TRẢ_LỜI" "$T" help
check version 0 out "truongso " "$T" version

finish

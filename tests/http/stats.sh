#!/bin/bash
# A statistics campaign on the web (issue 15), over HTTP on 127.0.0.1
# against the demo: the school's form (a refused value kept on screen with
# its reason while the rest is saved, autosave's JSON, a lost race shown
# with what was typed), pre-filled facts with their CĐS source, warnings
# far from last year blocking submission until confirmed, submit, return
# with a reason per indicator, approve after a confirmation showing the
# confirmed warnings, the office's roll-up by bậc học counting the
# approval, the office's own answers, and the two kinds of campaign never
# showing each other's form.
# Usage: tests/http/stats.sh PATH/TO/truongso
# Ends with "stats: N passed, N failed".
set -u
T=${1:?usage: stats.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/http/lib.sh
http_demo
http_serve

field() { # field FILE NAME: the value of the hidden input NAME
	grep -o "name=\"$2\" value=\"[0-9a-f]*\"" "$1" | head -1 | sed 's/.*value="//; s/"//'
}

# The campaigns by kind and year, never by id.
STATS=$(q "SELECT id FROM campaign WHERE kind = 'thong-ke' AND school_year = '2025-2026'")
CDS=$(q "SELECT min(id) FROM campaign WHERE kind = 'cds'")
# The demo's draft whose student count doubled since last year's report
# (unconfirmed): a draft this year with an approved report last year.
LAST=$(q "SELECT id FROM campaign WHERE kind = 'thong-ke' AND school_year = '2024-2025'")
SCH=$(q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	 JOIN submission p ON p.unit_id = s.unit_id AND p.campaign_id = $LAST
	 WHERE s.campaign_id = $STATS AND s.state = 'draft' AND p.state = 'approved'
	 ORDER BY o.code LIMIT 1")
[ -n "$STATS" ] && [ -n "$SCH" ] || { echo "demo lacks a statistics draft"; exit 1; }
P="/campaigns/$STATS/units/$SCH"
val() { q "SELECT json_extract(answers, '$.values.$1') FROM submission WHERE campaign_id = $STATS AND unit_id = (SELECT id FROM org_unit WHERE code = '$SCH')"; }
# Staff numbers near the school's own (far ones would ask to confirm).
C0=$(val cbgv_tong)
G0=$(val gv_tong)
login "$W/ed" "cntt.$(lower "$SCH")"
login "$W/ht" "ht.$(lower "$SCH")"
login "$W/cv" cv.dk
login "$W/so" cv.so

# --- the form: one control per indicator, pre-fill with its source
req form 200 -b "$W/ed" "$BASE$P"
cp "$OUT" "$W/form.html"
has form-is-statistics "$OUT" "Kiểm tra số liệu"
hasnt form-no-cds-score "$OUT" "Kết quả tự đánh giá"
has form-count-field "$OUT" 'name="v:hs_tong"'
has form-prefill-source "$OUT" "Điền sẵn từ tự đánh giá CĐS, tiêu chí 1.3a"
has form-warning-to-confirm "$OUT" "(lệch quá 30%); cần xác nhận số liệu"
has form-confirm-box "$OUT" 'name="c:hs_tong"'
TOK=$(field "$W/form.html" _csrf)
REV=$(field "$W/form.html" rev)

# A CĐS campaign's page of the same school is the CĐS form, never this one.
req cds-form 200 -b "$W/ed" "$BASE/campaigns/$CDS/units/$SCH"
has cds-form-score "$OUT" "Kết quả tự đánh giá"
hasnt cds-form-not-statistics "$OUT" "Kiểm tra số liệu"

# --- a refused value is kept with its reason, the valid ones are saved
req save-refused 422 -b "$W/ed" --data-urlencode "_csrf=$TOK" -d "rev=$REV" \
	--data-urlencode "v:gv_tong=12,5" -d "v:cbgv_tong=$((C0 + 1))" "$BASE$P/save"
has save-refused-reason "$OUT" "số lượng phải là số nguyên"
has save-refused-kept "$OUT" 'value="12,5"'
same save-valid-stored "$(val cbgv_tong)" $((C0 + 1))

# --- a save on a page older than the last save: shown again, typed kept
req save-stale 409 -b "$W/ed" --data-urlencode "_csrf=$TOK" -d "rev=$REV" \
	-d "v:cbgv_tong=$((C0 + 2))" "$BASE$P/save"
has save-stale-said "$OUT" "đã được người khác thay đổi"
has save-stale-kept "$OUT" "value=\"$((C0 + 2))\""
same save-stale-not-written "$(val cbgv_tong)" $((C0 + 1))
REV=$(q "SELECT revision FROM submission WHERE campaign_id = $STATS AND unit_id = (SELECT id FROM org_unit WHERE code = '$SCH')")

# --- autosave answers JSON as app.js reads it
req autosave 422 -b "$W/ed" --data-urlencode "_csrf=$TOK" -d "rev=$REV&_ajax=1" \
	-d "v:cbgv_tong=$((C0 + 3))&v:gv_tong=abc" "$BASE$P/save"
has autosave-saved "$OUT" '"saved":true'
has autosave-field "$OUT" '"field":"f-gv_tong"'
REV=$((REV + 1))

# --- the live check runs the rules on what is typed
req preview 200 -b "$W/ed" --data-urlencode "_csrf=$TOK" -d "rev=$REV" \
	-d "v:gv_tong=$((C0 + 10))&v:cbgv_tong=$((C0 + 3))" "$BASE$P/preview"
has preview-part-above-whole "$OUT" 'href="#c-gv_tong"'

# --- unconfirmed warnings block submitting
req check-blocked 200 -b "$W/ht" "$BASE$P/check"
hasnt check-blocked-no-confirm "$OUT" "Xác nhận nộp"
req submit-refused 422 -b "$W/ht" --data-urlencode "_csrf=$(field "$OUT" _csrf)" \
	-d "rev=$REV&confirm=1" "$BASE$P/submit"
has submit-refused-reason "$OUT" "cần xác nhận"
same submit-refused-state "$(q "SELECT state FROM submission WHERE campaign_id = $STATS AND unit_id = (SELECT id FROM org_unit WHERE code = '$SCH')")" draft

# --- confirm them (and name the LMS the self-assessment says is used),
# then the head submits
req save-confirm 303 -b "$W/ed" --data-urlencode "_csrf=$TOK" -d "rev=$REV" \
	-d "n:lms_ten:0=VNEdu LMS&d:lms_ten:0=1&n:lms_ten:1=" \
	-d "v:gv_tong=$G0&c:hs_tong=1&c:hs_may_tinh=1&c:hs_internet=1&c:hs_nen_tang=1" \
	--data-urlencode "cr:hs_tong=Sáp nhập điểm trường" \
	-d "cr:hs_may_tinh=&cr:hs_internet=&cr:hs_nen_tang=&then=submit" "$BASE$P/save"
has save-then-check "$ERR" "Location: $P/check"
req check 200 -b "$W/ht" "$BASE$P/check"
has check-ok "$OUT" "Số liệu đủ và hợp lệ để nộp."
has check-confirmed-shown "$OUT" "đơn vị đã xác nhận: Sáp nhập điểm trường"
req submit 303 -b "$W/ht" --data-urlencode "_csrf=$(field "$OUT" _csrf)" \
	-d "rev=$(field "$OUT" rev)&confirm=1" "$BASE$P/submit"
same submit-state "$(q "SELECT state FROM submission WHERE campaign_id = $STATS AND unit_id = (SELECT id FROM org_unit WHERE code = '$SCH')")" submitted

# --- the reviewer returns it with a reason on one indicator
req review-page 200 -b "$W/cv" "$BASE$P"
has review-sees-confirmed "$OUT" "đơn vị đã xác nhận: Sáp nhập điểm trường"
has review-reason-box "$OUT" 'name="r:hs_tong"'
req return 303 -b "$W/cv" --data-urlencode "_csrf=$(field "$OUT" _csrf)" \
	-d "rev=$(field "$OUT" rev)" --data-urlencode "r:hs_tong=Kiểm tra lại sĩ số" "$BASE$P/return"
req returned-form 200 -b "$W/ed" "$BASE$P"
has returned-reason-at-field "$OUT" '<p class="returned">Kiểm tra lại sĩ số'

# --- resubmitted, then approved after its confirmation page
req check-again 200 -b "$W/ht" "$BASE$P/check"
req resubmit 303 -b "$W/ht" --data-urlencode "_csrf=$(field "$OUT" _csrf)" \
	-d "rev=$(field "$OUT" rev)&confirm=1" "$BASE$P/submit"
BEFORE=$(q "SELECT count(*) FROM submission s JOIN campaign_unit cu ON cu.campaign_id = s.campaign_id AND cu.unit_id = s.unit_id WHERE s.campaign_id = $STATS AND s.state IN ('approved', 'published') AND cu.school_levels & 2")
req review-again 200 -b "$W/cv" "$BASE$P"
req approve-asks 200 -b "$W/cv" --data-urlencode "_csrf=$(field "$OUT" _csrf)" \
	-d "rev=$(field "$OUT" rev)" "$BASE$P/approve"
has approve-confirm-page "$OUT" "Xác nhận phê duyệt"
has approve-shows-warnings "$OUT" "đơn vị đã xác nhận"
req approve 303 -b "$W/cv" --data-urlencode "_csrf=$(field "$OUT" _csrf)" \
	-d "rev=$(field "$OUT" rev)&confirm=1" "$BASE$P/approve"
same approve-state "$(q "SELECT state FROM submission WHERE campaign_id = $STATS AND unit_id = (SELECT id FROM org_unit WHERE code = '$SCH')")" approved

# --- the Sở's dashboard: TH schools reported, counted as sqlite3 counts
UNITS=$(q "SELECT count(*) FROM campaign_unit WHERE campaign_id = $STATS AND school_levels & 2")
req dashboard 200 -b "$W/so" "$BASE/campaigns/$STATS"
has dashboard-rollup "$OUT" "Số liệu thống kê theo bậc học"
has dashboard-th-reported "$OUT" ">$((BEFORE + 1))/$UNITS<"
hasnt dashboard-not-phu-luc-3 "$OUT" "Mức độ 1"

# --- the office's own answers
req office 200 -b "$W/so" "$BASE/campaigns/$STATS/office"
has office-question "$OUT" 'name="v:quy_che_attt"'
req office-save 303 -b "$W/so" --data-urlencode "_csrf=$(field "$OUT" _csrf)" \
	-d "v:quy_che_attt=co&v:ho_so_cong_viec_tong=1000&v:ho_so_cong_viec_so=950" \
	--data-urlencode "v:tinh_hinh_chung=Toàn ngành có 150 trường." "$BASE/campaigns/$STATS/office"
req office-read 200 -b "$W/so" "$BASE/campaigns/$STATS/office"
has office-kept "$OUT" 'value="950"'
has office-text-kept "$OUT" "Toàn ngành có 150 trường."
req office-refused 422 -b "$W/so" --data-urlencode "_csrf=$(field "$OUT" _csrf)" \
	-d "v:ho_so_cong_viec_so=chín" "$BASE/campaigns/$STATS/office"
has office-refused-kept "$OUT" 'value="chín"'
same office-refused-not-written "$(q "SELECT json_extract(answers, '$.values.ho_so_cong_viec_so') FROM stats_office")" 950
req office-below-refused 403 -b "$W/cv" "$BASE/campaigns/$STATS/office?unit=31"

# --- Phụ lục 2 from the office's report page, with the office's answers
req report-page 200 -b "$W/so" "$BASE/campaigns/$STATS/units/31/report"
has report-page-pl2 "$OUT" "/campaigns/$STATS/units/31/report/phu-luc-2.pdf"
req report-pdf 200 -b "$W/so" "$BASE/campaigns/$STATS/units/31/report/phu-luc-2.pdf"
if pdftotext "$OUT" - | tr -s ' \n' '  ' | grep -qF "Toàn ngành có 150 trường."; then
	ok report-pdf-narrative; else bad report-pdf-narrative; fi
req report-outside 403 -b "$W/cv" "$BASE/campaigns/$STATS/units/31/report/phu-luc-2.pdf"
req report-dashboard-link 200 -b "$W/so" "$BASE/campaigns/$STATS"
has report-dashboard-link-pl2 "$OUT" "(Phụ lục 2)"

echo "stats: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

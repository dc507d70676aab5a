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
val() { q "SELECT $(jx answers values "$1") FROM submission WHERE campaign_id = $STATS AND unit_id = (SELECT id FROM org_unit WHERE code = '$SCH')"; }
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
BEFORE=$(q "SELECT count(*) FROM submission s JOIN campaign_unit cu ON cu.campaign_id = s.campaign_id AND cu.unit_id = s.unit_id WHERE s.campaign_id = $STATS AND s.state IN ('approved', 'published') AND (cu.school_levels & 2) <> 0")
req review-again 200 -b "$W/cv" "$BASE$P"
req approve-asks 200 -b "$W/cv" --data-urlencode "_csrf=$(field "$OUT" _csrf)" \
	-d "rev=$(field "$OUT" rev)" "$BASE$P/approve"
has approve-confirm-page "$OUT" "Xác nhận phê duyệt"
has approve-shows-warnings "$OUT" "đơn vị đã xác nhận"
req approve 303 -b "$W/cv" --data-urlencode "_csrf=$(field "$OUT" _csrf)" \
	-d "rev=$(field "$OUT" rev)&confirm=1" "$BASE$P/approve"
same approve-state "$(q "SELECT state FROM submission WHERE campaign_id = $STATS AND unit_id = (SELECT id FROM org_unit WHERE code = '$SCH')")" approved

# --- the Sở's dashboard: TH schools reported, counted here by SQL
UNITS=$(q "SELECT count(*) FROM campaign_unit WHERE campaign_id = $STATS AND (school_levels & 2) <> 0")
req dashboard 200 -b "$W/so" "$BASE/campaigns/$STATS"
has dashboard-rollup "$OUT" "Số liệu thống kê theo bậc học"
has dashboard-th-reported "$OUT" ">$((BEFORE + 1))/$UNITS<"
hasnt dashboard-not-phu-luc-3 "$OUT" "Mức độ 1"
# Thousands with a dot, Vietnamese style ("35.024 (70,86%)"), never "35024".
if grep -qE '<td class="num">[0-9]{1,3}\.[0-9]{3} \(' "$OUT" &&
   ! grep -qE '<td class="num">[0-9]{4,} \(' "$OUT"; then
	ok dashboard-thousands; else bad dashboard-thousands; fi

# --- the drill-down of one indicator: each sub-unit's own roll-up (the
# Tổng of UBND phường Dương Kinh's subtree as sqlite3 sums it, linked one
# level down) and the schools that have not answered it
has dashboard-drill-link "$OUT" "/campaigns/$STATS?chi_so=hs_may_tinh"
DKPATH=$(q "SELECT path FROM org_unit WHERE code = '31DK'")
DKSUM=$(q "SELECT sum(CAST($(jx sn.answers values hs_may_tinh) AS INTEGER)) FROM submission s
	JOIN snapshot sn ON sn.submission_id = s.id AND sn.version = s.version
	JOIN campaign_unit cu ON cu.campaign_id = s.campaign_id AND cu.unit_id = s.unit_id
	WHERE s.campaign_id = $STATS AND s.state IN ('approved', 'published') AND substr(cu.path, 1, length('$DKPATH')) = '$DKPATH'")
DKFMT=$(python3 -c "print('{:,}'.format($DKSUM).replace(',', '.'))")
req drill 200 -b "$W/so" "$BASE/campaigns/$STATS?chi_so=hs_may_tinh"
has drill-title "$OUT" "Tổng số học sinh có máy tính"
if python3 - "$OUT" "$DKFMT" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
row = re.search(r'<tr><th scope="row"><a href="[^"]*unit=31DK#chi-so">.*?</tr>', html).group(0)
cells = re.findall(r'<td class="num">([^<]*)<', row)
sys.exit(0 if cells and cells[-1].startswith(sys.argv[2] + " (") else 1)
PY
then ok drill-subunit-sum; else echo "want $DKFMT in the 31DK row" >>"$ERR"; bad drill-subunit-sum; fi
has drill-link-down "$OUT" "/campaigns/$STATS?chi_so=hs_may_tinh&amp;unit=31DK"
# Missing: a school that has not reported (never started) is listed; one
# whose approved report has the figure is not.
NOTSTARTED=$(q "SELECT o.code FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id
	LEFT JOIN submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = cu.unit_id
	WHERE cu.campaign_id = $STATS AND s.id IS NULL ORDER BY o.code LIMIT 1")
ANSWERED=$(q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	JOIN snapshot sn ON sn.submission_id = s.id AND sn.version = s.version
	WHERE s.campaign_id = $STATS AND s.state = 'approved'
	AND $(jx sn.answers values hs_may_tinh) IS NOT NULL ORDER BY o.code LIMIT 1")
python3 -c "import sys; t = open(sys.argv[1], encoding='utf-8').read(); print(t[t.find('Trường chưa có số liệu'):])" "$OUT" >"$W/missing.html"
has drill-missing-listed "$W/missing.html" "/campaigns/$STATS/units/$NOTSTARTED\""
hasnt drill-answered-not-listed "$W/missing.html" "/campaigns/$STATS/units/$ANSWERED\""
has drill-missing-state "$W/missing.html" "<td>Chưa bắt đầu</td>"
has drill-queue-link "$OUT" "/campaigns/$STATS/queue"
req drill-down 200 -b "$W/so" "$BASE/campaigns/$STATS?chi_so=hs_may_tinh&unit=31DK"
hasnt drill-down-only-below "$OUT" "unit=31LC"
req drill-outside 403 -b "$W/cv" "$BASE/campaigns/$STATS?chi_so=hs_may_tinh&unit=31"
req drill-unknown 404 -b "$W/so" "$BASE/campaigns/$STATS?chi_so=khong_co"
has drill-unknown-why "$OUT" "bộ chỉ số của đợt không có chỉ số này"

# --- the reviewer's queue serves the statistics round through the same
# code: its states and filters, the warnings each school confirmed in
# place of the CĐS levels, next school, and bulk approve.
CONF=$(q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	WHERE s.campaign_id = $STATS AND s.state = 'submitted' AND s.answers LIKE '%\"confirmed\":{\"%'
	ORDER BY o.code LIMIT 1")
NCONF=$(q "SELECT answers FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = $STATS AND o.code = '$CONF'" |
	python3 -c "import json, sys; print(len(json.load(sys.stdin).get('confirmed', {})))")
req queue 200 -b "$W/so" "$BASE/campaigns/$STATS/queue?state=submitted"
has queue-stats-column "$OUT" "Cảnh báo đã xác nhận"
hasnt queue-no-cds-levels "$OUT" "Mức tự đánh giá"
hasnt queue-no-score-sort "$OUT" "Điểm sau đánh giá"
hasnt queue-no-signed-filter "$OUT" "Bản đã ký"
if [ -n "$CONF" ] && python3 - "$OUT" "$CONF" "$NCONF" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
row = re.search(r'<tr id="u-%s">.*?</tr>' % re.escape(sys.argv[2]), html).group(0)
sys.exit(0 if '<td class="num">%s cảnh báo</td>' % sys.argv[3] in row else 1)
PY
then ok queue-confirmed-count; else echo "want $NCONF cảnh báo for $CONF" >>"$ERR"; bad queue-confirmed-count; fi
same queue-state-filter "$(grep -o '<td>Đã nộp</td>' "$OUT" | wc -l)" "$(grep -o '<tr id="u-' "$OUT" | wc -l)"
# Next school from a school reached through the queue, and back.
FIRST=$(grep -o '<tr id="u-[^"]*"' "$OUT" | head -1 | sed 's/<tr id="u-//; s/"//')
req queue-school 200 -b "$W/so" "$BASE/campaigns/$STATS/units/$FIRST?queue=state%3Dsubmitted"
has queue-next "$OUT" 'id="queue-next"'
has queue-back "$OUT" 'id="queue-back"'
# Bulk approve: the confirmation page writes nothing, then each school is
# approved through sub_approve with its own audit row.
QTOK=$(field "$OUT" _csrf)
QREV=$(q "SELECT revision FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = $STATS AND o.code = '$FIRST'")
req queue-bulk-confirm 200 -b "$W/so" --data-urlencode "_csrf=$QTOK" -d "action=approve" \
	--data-urlencode "queue=state=submitted" --data-urlencode "pick=$QREV:$FIRST" "$BASE/campaigns/$STATS/queue/bulk"
has queue-bulk-asks "$OUT" "Xác nhận phê duyệt 1 trường"
same queue-bulk-nothing-yet "$(q "SELECT s.state FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = $STATS AND o.code = '$FIRST'")" submitted
req queue-bulk-apply 200 -b "$W/so" --data-urlencode "_csrf=$QTOK" -d "action=approve&confirm=1" \
	--data-urlencode "queue=state=submitted" --data-urlencode "pick=$QREV:$FIRST" "$BASE/campaigns/$STATS/queue/bulk"
same queue-bulk-approved "$(q "SELECT s.state FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = $STATS AND o.code = '$FIRST'")" approved

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
same office-refused-not-written "$(q "SELECT $(jx answers values ho_so_cong_viec_so) FROM stats_office")" 950
req office-below-refused 403 -b "$W/cv" "$BASE/campaigns/$STATS/office?unit=31"
# A school's account opening the office page: refused by the policy
# (403 with its reason), not a 422 about its own school.
req office-school-refused 403 -b "$W/ed" "$BASE/campaigns/$STATS/office"
has office-school-reason "$OUT" "tài khoản của trường không xem hoặc sửa"

# --- the Sở types a year before truongso (Phụ lục 6, section III)
req office-years 200 -b "$W/so" "$BASE/campaigns/$STATS/office"
has office-years-link "$OUT" "/campaigns/$STATS/office?nam=2022-2023&amp;unit=31"
req typed-form 200 -b "$W/so" "$BASE/campaigns/$STATS/office?nam=2022-2023&unit=31"
has typed-form-title "$OUT" "Số liệu năm học 2022-2023"
has typed-form-demo "$OUT" 'id="f-gv_tong" value="2745"'
has typed-form-year "$OUT" 'name="nam" value="2022-2023"'
TTOK=$(field "$OUT" _csrf)
req typed-refused 422 -b "$W/so" --data-urlencode "_csrf=$TTOK" \
	-d "nam=2022-2023&unit=31&v:gv_tong=2000&v:gv_may_tinh=2100" "$BASE/campaigns/$STATS/office"
has typed-refused-why "$OUT" "lớn hơn"
has typed-refused-kept "$OUT" 'value="2100"'
same typed-refused-not-written "$(q "SELECT $(jx answers values gv_tong) FROM stats_typed WHERE school_year = '2022-2023'")" 2745
req typed-save 303 -b "$W/so" --data-urlencode "_csrf=$TTOK" \
	-d "nam=2022-2023&unit=31&v:gv_tong=2000&v:gv_may_tinh=1500&v:gv_internet=1900" "$BASE/campaigns/$STATS/office"
same typed-saved "$(q "SELECT $(jx answers values gv_may_tinh) || '/' || updated_by FROM stats_typed WHERE school_year = '2022-2023'")" "1500/cv.so"
same typed-audited "$(q "SELECT actor FROM audit WHERE action = 'stats.typed' ORDER BY id DESC LIMIT 1")" cv.so
req typed-school-refused 403 -b "$W/ed" "$BASE/campaigns/$STATS/office?nam=2022-2023&unit=31"
req typed-below-refused 403 -b "$W/cv" "$BASE/campaigns/$STATS/office?nam=2022-2023&unit=31"
req typed-bad-year 422 -b "$W/so" "$BASE/campaigns/$STATS/office?nam=2022&unit=31"
req p6-pdf 200 -b "$W/so" "$BASE/campaigns/$STATS/units/31/report/phu-luc-6.pdf"
if pdftotext "$OUT" - | tr -s ' \n' '  ' | grep -aqF "Tổng số giáo viên có máy tính 1.500 (75,00%)"; then
	ok p6-typed-in-pdf; else bad p6-typed-in-pdf; fi

# --- Phụ lục 2 from the office's report page, with the office's answers
req report-page 200 -b "$W/so" "$BASE/campaigns/$STATS/units/31/report"
has report-page-pl2 "$OUT" "/campaigns/$STATS/units/31/report/phu-luc-2.pdf"
req report-pdf 200 -b "$W/so" "$BASE/campaigns/$STATS/units/31/report/phu-luc-2.pdf"
if pdftotext "$OUT" - | tr -s ' \n' '  ' | grep -qF "Toàn ngành có 150 trường."; then
	ok report-pdf-narrative; else bad report-pdf-narrative; fi
req report-outside 403 -b "$W/cv" "$BASE/campaigns/$STATS/units/31/report/phu-luc-2.pdf"
req report-dashboard-link 200 -b "$W/so" "$BASE/campaigns/$STATS"
has report-dashboard-link-pl2 "$OUT" "(Phụ lục 2)"

# --- the JSON API of a statistics campaign: the CĐS URLs with the
# statistics rules (If-Match, the set's validation, warnings to confirm),
# the roll-up by bậc học, Phụ lục 2/6 downloads
JS="Content-Type: application/json"
tok() { curl -s -b "$1" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/'; }
API=$(q "SELECT o.code FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id
	LEFT JOIN submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = cu.unit_id
	WHERE cu.campaign_id = $STATS AND s.id IS NULL AND o.code LIKE '31DK%' ORDER BY o.code LIMIT 1")
login "$W/apied" "cntt.$(lower "$API")"
ATOK=$(tok "$W/apied")
AP="$BASE/api/campaigns/$STATS/units/$API"
req api-view 200 -b "$W/apied" "$AP"
has api-view-kind "$OUT" '"kind":"thong-ke"'
has api-view-check "$OUT" '"submittable":false'
printf '{"values": {"gv_tong": 40, "gv_may_tinh": 45}}' >"$W/api-bad.json"
printf '{"values": {"cbgv_tong": 45, "gv_tong": 40, "gv_may_tinh": 30}}' >"$W/api-ok.json"
req api-save 200 -b "$W/apied" -H "X-CSRF-Token: $ATOK" -H "$JS" -H 'If-Match: "0"' --data-binary @"$W/api-ok.json" "$AP/answers"
rev_of() { q "SELECT revision FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = $STATS AND o.code = '$1'"; }
AREV=$(rev_of "$API")
req api-save-again 200 -b "$W/apied" -H "X-CSRF-Token: $ATOK" -H "$JS" -H "If-Match: \"$AREV\"" --data-binary @"$W/api-ok.json" "$AP/answers"
req api-save-stale 409 -b "$W/apied" -H "X-CSRF-Token: $ATOK" -H "$JS" -H "If-Match: \"$AREV\"" --data-binary @"$W/api-ok.json" "$AP/answers"
req api-save-bad-if-match 400 -b "$W/apied" -H "X-CSRF-Token: $ATOK" -H "$JS" -H 'If-Match: "x"' --data-binary @"$W/api-ok.json" "$AP/answers"
req api-save-part-above-whole 200 -b "$W/apied" -H "X-CSRF-Token: $ATOK" -H "$JS" -H "If-Match: \"$(rev_of "$API")\"" --data-binary @"$W/api-bad.json" "$AP/answers"
printf '{"values": {"gv_tong": "bốn mươi"}}' >"$W/api-invalid.json"
BEFORE_API=$(q "SELECT answers FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = $STATS AND o.code = '$API'")
req api-save-invalid 422 -b "$W/apied" -H "X-CSRF-Token: $ATOK" -H "$JS" --data-binary @"$W/api-invalid.json" "$AP/answers"
has api-save-invalid-where "$OUT" "gv_tong"
same api-save-invalid-not-written "$(q "SELECT answers FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = $STATS AND o.code = '$API'")" "$BEFORE_API"
req api-view-after 200 -b "$W/apied" "$AP"
has api-part-above-whole-is-an-error "$OUT" '"where":"gv_may_tinh"'
login "$W/apiht" "ht.$(lower "$API")"
HTOK=$(tok "$W/apiht")
req api-submit-refused 422 -b "$W/apiht" -H "X-CSRF-Token: $HTOK" -H "$JS" -X POST "$AP/submit"
has api-submit-problems "$OUT" '"problems":[{'
same api-submit-not-written "$(q "SELECT s.state FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = $STATS AND o.code = '$API'")" draft
# Return and approve through the API, as the reviewer.
SUBM=$(q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	WHERE s.campaign_id = $STATS AND s.state = 'submitted' AND o.code LIKE '31DK%' ORDER BY o.code LIMIT 2")
S1=$(echo "$SUBM" | sed -n 1p)
S2=$(echo "$SUBM" | sed -n 2p)
CTOK=$(tok "$W/cv")
printf '{"reasons": [{"indicator": "hs_tong", "text": "Số học sinh chưa khớp sổ."}]}' >"$W/api-return.json"
req api-return 200 -b "$W/cv" -H "X-CSRF-Token: $CTOK" -H "$JS" --data-binary @"$W/api-return.json" "$BASE/api/campaigns/$STATS/units/$S1/return"
same api-returned "$(q "SELECT s.state FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = $STATS AND o.code = '$S1'")" returned
req api-approve 200 -b "$W/cv" -H "X-CSRF-Token: $CTOK" -H "$JS" -X POST "$BASE/api/campaigns/$STATS/units/$S2/approve"
same api-approved "$(q "SELECT s.state FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = $STATS AND o.code = '$S2'")" approved
req api-no-external 404 -b "$W/cv" -H "X-CSRF-Token: $CTOK" -H "$JS" -X POST "$BASE/api/campaigns/$STATS/units/$S2/external"
# The roll-up: raw numbers, each level's reported count; an office's only.
req api-rollup 200 -b "$W/so" "$BASE/api/campaigns/$STATS/stats"
if python3 - "$OUT" "$(q "SELECT count(*) FROM campaign_unit WHERE campaign_id = $STATS")" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f = {x["code"]: x for x in d["figures"]}
ok = d["reported"]["all"]["units"] == int(sys.argv[2]) and \
     isinstance(f["gv_tong"]["levels"]["all"]["sum"], int) and "rate" in f["gv_tong"]["levels"]["all"]
sys.exit(0 if ok else 1)
PY
then ok api-rollup-doc; else bad api-rollup-doc; fi
req api-rollup-school-refused 403 -b "$W/ed" "$BASE/api/campaigns/$STATS/stats"
req api-rollup-outside 403 -b "$W/cv" "$BASE/api/campaigns/$STATS/stats?unit=31"
req api-pl2 200 -b "$W/so" "$BASE/api/campaigns/$STATS/units/31/reports/phu-luc-2.csv"
has api-pl2-csv "$OUT" ";Tổng số giáo viên;"
req api-pl6 200 -b "$W/so" "$BASE/api/campaigns/$STATS/units/31/reports/phu-luc-6.pdf"

echo "stats: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/bash
# HTTP tests of the admin side of the officer's desk (issue 17, small
# defects found working at it): a move through the API takes its first
# day as the unit's page does; dates in the page's refusals read
# dd/mm/yyyy; a method a path does not take is 405 with Allow (not a 404
# from the generic action route); importing units outside one's scope is
# 403, not 422. Demo database, server on 127.0.0.1 port 0.
# Usage: tests/http/desk_walk.sh PATH/TO/truongso
set -u
T=${1:?usage: desk_walk.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/http/lib.sh
http_demo
http_serve
has() { page_has "$1" "$OUT" "$2"; }
hasnt() { page_hasnt "$1" "$OUT" "$2"; }
header() { page_has "$1" "$ERR" "$2"; }
for u in qt.so qt.dk cntt.31dk018; do login "$W/$u" "$u"; done
tok() { curl -s -b "$W/$1" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/'; }
jpost() { # jpost NAME STATUS LOGIN PATH BODY
	req "$1" "$2" -b "$W/$3" -H "X-CSRF-Token: $(tok "$3")" -H 'Content-Type: application/json' --data-binary "$5" "$BASE$4"
}
parent_of() { q "SELECT p.code FROM org_unit o JOIN org_unit p ON p.id = o.parent_id WHERE o.code = '$1'"; }
history_of() { q "SELECT p.code || ' ' || h.valid_from || ' ' || coalesce(h.valid_to, '-') FROM org_parent h JOIN org_unit o ON o.id = h.unit_id JOIN org_unit p ON p.id = h.parent_id WHERE o.code = '$1' ORDER BY h.valid_from" | paste -sd,; }

# --- POST /api/org/{code}: a move with its first day ("from"), checked
# by the same rules as the unit's page, its refusals dated dd/mm/yyyy.
U=31AL016 # under its commune office since 01/07/2025 (the demo)
BEFORE=$(history_of $U)
jpost api-move-before-placing 422 qt.so /api/org/$U '{"parent":"31HB","from":"2025-06-01"}'
has api-move-before-placing-vn-dates "ngày chuyển 01/06/2025 trước ngày đơn vị"
hasnt api-move-before-placing-no-iso "2025-06-01"
jpost api-move-from-alone 422 qt.so /api/org/$U '{"name":"Trường khác","from":"2025-09-01"}'
has api-move-from-alone-says '\"from\" chỉ dùng khi chuyển đơn vị'
jpost api-move-from-malformed 422 qt.so /api/org/$U '{"parent":"31HB","from":"01/09/2025"}'
has api-move-from-malformed-says "ngày chuyển phải có dạng YYYY-MM-DD"
jpost api-move-from-future 422 qt.so /api/org/$U '{"parent":"31HB","from":"2099-01-01"}'
jpost api-move-from-type 422 qt.so /api/org/$U '{"parent":"31HB","from":20250901}'
if [ "$(history_of $U)" = "$BEFORE" ] && [ "$(parent_of $U)" != 31HB ]; then ok api-move-refused-nothing-changed; else history_of $U >"$ERR"; bad api-move-refused-nothing-changed; fi
OLD=$(parent_of $U)
jpost api-move-from 200 qt.so /api/org/$U '{"parent":"31HB","from":"2025-09-01"}'
if [ "$(parent_of $U)" = 31HB ]; then ok api-move-from-moved; else bad api-move-from-moved; fi
# Under its old office until 1/9/2025, under the new one from that day
# (not from today, as the API did before "from").
case "$(history_of $U)" in
*"$OLD 2025-07-01 2025-09-01,31HB 2025-09-01 -") ok api-move-from-history ;;
*) history_of $U >"$ERR"; bad api-move-from-history ;;
esac
if [ "$(q "SELECT count(*) FROM audit WHERE action = 'org.move' AND detail LIKE '%2025-09-01%'")" -ge 1 ]; then ok api-move-from-audited; else q "SELECT action, detail FROM audit ORDER BY id DESC LIMIT 3" >"$ERR"; bad api-move-from-audited; fi

# --- the unit's admin page: dates in its refusals and notes as users
# read them.
EDTOK=$(curl -s -b "$W/qt.so" "$BASE/admin/org/$U" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
req page-move-before-placing 422 -b "$W/qt.so" --data-urlencode "_csrf=$EDTOK" --data-urlencode "name=$(q "SELECT name FROM org_unit WHERE code = '$U'")" --data-urlencode "parent=31" --data-urlencode "move_day=2025-08-01" "$BASE/admin/org/$U/edit"
has page-move-before-placing-vn "ngày chuyển 01/08/2025 trước ngày đơn vị về đơn vị cấp trên hiện tại (01/09/2025)"
req page-close-before-start 422 -b "$W/qt.so" --data-urlencode "_csrf=$EDTOK" --data-urlencode "code=$U" --data-urlencode "confirm=1" --data-urlencode "close_day=1990-01-01" "$BASE/admin/org/close"
has page-close-before-start-vn "ngày đóng 01/01/1990 trước ngày đơn vị bắt đầu hoạt động ("
hasnt page-close-before-start-no-iso "1990-01-01 trước"
jpost api-close 200 qt.so /api/org/$U/close '{"date":"2026-01-31"}'
req page-closed-since 200 -b "$W/qt.so" "$BASE/admin/org/$U"
has page-closed-since-vn "Đơn vị đã đóng từ ngày 31/01/2026."
jpost api-reopen 200 qt.so /api/org/$U/reopen ''

# --- 405 with Allow: the plan takes GET and PUT; the generic action
# route does not answer for it (it said 404 "no such action").
PLAN=/api/campaigns/1/units/31DK018/plan
jpost api-plan-post-405 405 cntt.31dk018 $PLAN '{"items": []}'
header api-plan-post-allow "Allow: GET, PUT"
has api-plan-post-json '"error":"phương thức không được hỗ trợ ở địa chỉ này"'
req page-plan-put-405 405 -b "$W/cntt.31dk018" -X PUT "$BASE/campaigns/1/units/31DK018/plan"
header page-plan-put-allow "Allow: GET, POST"
req api-close-get-405 405 -b "$W/qt.so" "$BASE/api/org/$U/close"
header api-close-get-allow "Allow: POST"
req page-wrong-method-allow 405 -b "$W/qt.so" -X DELETE "$BASE/campaigns"
header page-wrong-method-allow-get "Allow: GET"
# A real action and an unknown one are as before.
jpost api-action-unknown 404 qt.so /api/campaigns/1/units/31DK018/xoa ''
hasnt api-action-unknown-no-allow "Allow:"
req api-no-such-path 404 -b "$W/qt.so" "$BASE/api/khong-co"
has api-no-such-path-json '"error":"không có địa chỉ này"'

# --- importing units: a row outside the admin's scope is "not allowed"
# (403), every problem still listed, nothing written.
printf 'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Cấp học\n31DK971,Trường Tiểu học Mới,Trường,31DK,TH\n31LC971,Trường Tiểu học Ngoài,Trường,31LC,TH\n' >"$W/ngoai.csv"
ITOK=$(curl -s -b "$W/qt.dk" "$BASE/admin/import" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
req import-outside-403 403 -b "$W/qt.dk" -F "_csrf=$ITOK" -F "file=@$W/ngoai.csv" "$BASE/admin/import"
has import-outside-says "ngoai.csv: dòng 3"
req import-outside-dry-403 403 -b "$W/qt.dk" -F "_csrf=$ITOK" -F "dry_run=1" -F "file=@$W/ngoai.csv" "$BASE/admin/import"
if [ -z "$(q "SELECT code FROM org_unit WHERE code IN ('31DK971', '31LC971')")" ]; then ok import-outside-nothing-written; else bad import-outside-nothing-written; fi
# A bad file in scope is still 422.
printf 'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Cấp học\n31DK972,Trường A,Bệnh viện,31DK,TH\n' >"$W/sai.csv"
req import-bad-422 422 -b "$W/qt.dk" -F "_csrf=$ITOK" -F "file=@$W/sai.csv" "$BASE/admin/import"
# The CLI refuses it too (exit 2, the refusal named).
"$T" --db "$DB" --as qt.dk org import "$W/ngoai.csv" >"$OUT" 2>"$ERR"
if [ $? -eq 2 ] && grep -qF "ngoai.csv: dòng 3" "$ERR"; then ok cli-import-outside; else bad cli-import-outside; fi

# --- the work queue as a Sở officer: the sub-unit filter lists the
# offices below by name (a code box asked for codes nobody knows).
login "$W/cv.so" cv.so
req queue-unit-select 200 -b "$W/cv.so" "$BASE/campaigns/1/queue"
has queue-unit-select-list '<label for="unit">Đơn vị trực thuộc</label><select id="unit" name="unit"><option value="" selected="">Tất cả</option>'
has queue-unit-select-office '<option value="31DK">UBND phường Dương Kinh</option>'
req queue-unit-chosen 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?unit=31DK"
has queue-unit-chosen-kept '<option value="31DK" selected="">UBND phường Dương Kinh</option>'
# A deeper unit reached by a link stays chosen.
req queue-unit-deeper 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?unit=31DK018"
has queue-unit-deeper-kept '<option value="31DK018" selected="">31DK018</option>'
# A filter nothing matches says so, without an empty table, "select
# all" or bulk buttons (campaign 1 has no mầm non school).
req queue-empty 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?level=MN"
has queue-empty-says "Không có trường nào khớp bộ lọc này."
hasnt queue-empty-no-select-all "Chọn tất cả trên trang này"
hasnt queue-empty-no-table '<table class="queue">'
hasnt queue-empty-no-bulk "Phê duyệt các trường đã chọn"
# A commune office has only schools below: the code box stays.
login "$W/cv.dk" cv.dk
req queue-unit-commune 200 -b "$W/cv.dk" "$BASE/campaigns/1/queue"
has queue-unit-commune-box '<input id="unit" name="unit" value="">'

# --- bulk confirmation: names repeat across a province, so each school
# is listed with its code and the office above it.
S1=$(pick submitted 0)
REV=$(q "SELECT s.revision FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$S1'")
QTOK=$(curl -s -b "$W/cv.so" "$BASE/campaigns/1/queue" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
req bulk-confirm 200 -b "$W/cv.so" --data-urlencode "_csrf=$QTOK" --data-urlencode "action=approve" --data-urlencode "pick=$REV:$S1" "$BASE/campaigns/1/queue/bulk"
has bulk-confirm-code-parent "<span class=\"muted\">($S1 · UBND phường Dương Kinh)</span>"
if [ "$(state "$S1")" = submitted ]; then ok bulk-confirm-wrote-nothing; else bad bulk-confirm-wrote-nothing; fi

# --- an export job's page and the list name the unit and the campaign
# (they said "đơn vị 31" and "Đợt đánh giá số 1").
JTOK=$(curl -s -b "$W/cv.so" "$BASE/jobs" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
req job-start 303 -b "$W/cv.so" --data-urlencode "_csrf=$JTOK" --data-urlencode "campaign=1" --data-urlencode "unit=31" --data-urlencode "file=danh-sach.csv" "$BASE/jobs"
JOB=$(sed -n 's|^Location: /jobs/\([0-9]*\).*|\1|p' "$ERR" | tr -d '\r')
req job-page 200 -b "$W/cv.so" "$BASE/jobs/$JOB"
has job-page-unit-name " — $(q "SELECT name FROM org_unit WHERE code = '31'") (31)</h2>"
has job-page-campaign-title "$(q "SELECT title FROM campaign WHERE id = 1"). Yêu cầu lúc"
hasnt job-page-no-number "Đợt đánh giá số 1"
req job-list 200 -b "$W/cv.so" "$BASE/jobs"
has job-list-unit-name "<td>$(q "SELECT name FROM org_unit WHERE code = '31'") (31)</td>"

echo "desk-walk: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

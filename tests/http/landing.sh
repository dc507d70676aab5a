#!/bin/bash
# The landing page is a task list per role (issue 11 item 9), over HTTP on
# 127.0.0.1 against the demo with the clock set by TRUONGSO_NOW (a test
# build) to 10:00 on 28/05/2026 in Vietnam: a school sees its state in each
# open campaign with the days left and a returned result flagged with its
# criteria (linked to their place on the form) and the reasons; an office
# sees what waits for it in its subtree, counted as sqlite3 counts the
# demo, each count linked to the list of those units; an admin also sees
# the admin tasks.
# Usage: tests/http/landing.sh PATH/TO/truongso (a test build)
# Ends with "landing: N passed, N failed".
set -u
T=${1:?usage: landing.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/http/lib.sh
http_demo
# school CAMPAIGN STATE: the first demo school of the Phòng 31DK in it.
school() {
	q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	   WHERE s.campaign_id = $1 AND o.code LIKE '31DK%' AND s.state = '$2'
	   ORDER BY o.code LIMIT 1"
}
RET=$(school 1 returned)
# One returned with a reason for the whole submission only.
WHOLE=$(school 1 submitted)
"$T" --db "$DB" --as cv.dk submission return 1 "$WHOLE" --reason "*=Đề nghị bổ sung toàn bộ minh chứng" >/dev/null || { echo "return failed"; exit 1; }
# Campaign 1 is due 31/05, campaign 2 (mầm non) 15/05, campaign 3 10/06.
TRUONGSO_NOW=2026-05-28T03:00:00Z http_serve


# count CAMPAIGN UNIT_CODE STATE: participants under the unit in a state,
# straight from the tables (not through any code under test).
count() {
	q "SELECT count(*) FROM campaign_unit cu LEFT JOIN submission s ON
	   s.campaign_id = cu.campaign_id AND s.unit_id = cu.unit_id WHERE
	   cu.campaign_id = $1 AND cu.path LIKE (SELECT path FROM org_unit
	   WHERE code = '$2') || '%' AND coalesce(s.state, 'none') = '$3'"
}

# --- a school whose result was returned
login "$W/ret" "cntt.$(lower "$RET")"
req school-landing 200 -b "$W/ret" "$BASE/campaigns"
has school-returned-flag "$OUT" '<section class="card returned"'
has school-returned-crit-1.3 "$OUT" "<a href=\"/campaigns/1/units/$RET#c-1.3\">Tiêu chí 1.3</a>: Chưa có đường link đến hệ thống LMS"
has school-returned-crit-2.4 "$OUT" "<a href=\"/campaigns/1/units/$RET#c-2.4\">Tiêu chí 2.4</a>: Điểm tự chấm thu phí"
has school-returned-days "$OUT" 'Hạn nộp 31/05/2026 · <strong class="due near">còn 3 ngày</strong>'
has school-returned-state "$OUT" '<span class="state">Trả lại (yêu cầu bổ sung)</span>'
# The flag comes before the list of campaigns.
flag=$(grep -bo 'class="card returned"' "$OUT" | head -1 | cut -d: -f1)
list=$(grep -bo 'Đợt đánh giá đang mở' "$OUT" | head -1 | cut -d: -f1)
if [ -n "$flag" ] && [ -n "$list" ] && [ "$flag" -lt "$list" ]; then ok school-returned-first; else bad school-returned-first; fi
# Its reasons' links land on the criterion's heading.
req school-form 200 -b "$W/ret" "$BASE/campaigns/1/units/$RET"
has school-form-anchor "$OUT" '<h3 id="c-1.3">'

# A reason for the whole submission links to the form itself.
login "$W/whole" "cntt.$(lower "$WHOLE")"
req whole-landing 200 -b "$W/whole" "$BASE/campaigns"
has whole-reason "$OUT" "<a href=\"/campaigns/1/units/$WHOLE\">Toàn bộ bản tự đánh giá</a>: Đề nghị bổ sung toàn bộ minh chứng"

# --- a school with a draft: no flag, its state and the days left
DRAFT=$(school 1 draft)
login "$W/draft" "cntt.$(lower "$DRAFT")"
req draft-landing 200 -b "$W/draft" "$BASE/campaigns"
hasnt draft-no-flag "$OUT" 'class="card returned"'
has draft-state "$OUT" '<span class="state">Bản nháp</span>'
has draft-days "$OUT" 'còn 3 ngày'
has draft-link "$OUT" "<a href=\"/campaigns/1/units/$DRAFT\">Tiếp tục và nộp</a>"

# --- the commune office's reviewer: what waits in its subtree, per
# campaign it reviews (the mầm non round 2 too: the commune office
# administers its mầm non schools; issue 16)
login "$W/dk" cv.dk
req office-landing 200 -b "$W/dk" "$BASE/campaigns"
hasnt office-no-admin-tasks "$OUT" 'Việc quản trị'
has office-in-commune-reviewed-round "$OUT" 'href="/campaigns/2'
for c in 1 2 3; do
	n=$(count "$c" 31DK submitted)
	has "office-waiting-$c" "$OUT" "<a href=\"/campaigns/$c?state=submitted\">$n bản tự đánh giá chờ xem xét</a>"
	n=$(count "$c" 31DK returned)
	has "office-returned-$c" "$OUT" "<a href=\"/campaigns/$c?state=returned\">$n bản đã trả lại, chờ đơn vị nộp lại</a>"
done
has office-days-due "$OUT" 'Hạn nộp 31/05/2026 · <strong class="due near">còn 3 ngày</strong>'
has office-days-far "$OUT" 'Hạn nộp 10/06/2026 · <strong class="due">còn 13 ngày</strong>'
login "$W/so" cv.so
req office-so-landing 200 -b "$W/so" "$BASE/campaigns"
# The past years' rounds are over and nothing waits in them: no task.
hasnt office-so-no-finished-round "$OUT" 'href="/campaigns/6" class="title"'
has office-so-current-round "$OUT" 'href="/campaigns/1" class="title"'
has office-days-late "$OUT" 'Hạn nộp 15/05/2026 · <strong class="due near">quá hạn 13 ngày</strong>'
# The count's link lists exactly those units, each linked to its page.
req office-list 200 -b "$W/dk" "$BASE/campaigns/1?state=submitted"
n=$(count 1 31DK submitted)
has office-list-title "$OUT" "Đơn vị ở trạng thái Đã nộp: $n</h2>"
sed 's|.*<section class="card" id="units">||; s|</section>.*||' "$OUT" >"$W/units.html"
rows=$(grep -o '<td><a href="/campaigns/1/units/[^"]*">' "$W/units.html" | grep -c .)
same office-list-rows "$rows" "$n"
want=$(q "SELECT o.code FROM campaign_unit cu JOIN submission s ON
	  s.campaign_id = cu.campaign_id AND s.unit_id = cu.unit_id JOIN org_unit o
	  ON o.id = cu.unit_id WHERE cu.campaign_id = 1 AND s.state = 'submitted'
	  AND cu.path LIKE (SELECT path FROM org_unit WHERE code = '31DK') || '%'
	  ORDER BY o.code" | tr '\n' ' ')
got=$(grep -o '<tr><td>[^<]*</td><td><a href="/campaigns/1/units/' "$W/units.html" | sed 's/<tr><td>//; s/<.*//' | tr '\n' ' ')
same office-list-units "$got" "$want"
# A state that is not one: the dashboard alone.
req office-list-bad-state 200 -b "$W/dk" "$BASE/campaigns/1?state=nonsense"
hasnt office-list-bad-state-none "$OUT" 'id="units"'

# --- the Sở's admin: the whole province, units not started near the
# deadline flagged, and the admin tasks
login "$W/so" qt.so
req so-landing 200 -b "$W/so" "$BASE/campaigns"
for c in 1 2 3; do
	n=$(count "$c" 31 submitted)
	has "so-waiting-$c" "$OUT" "<a href=\"/campaigns/$c?state=submitted\">$n bản tự đánh giá chờ xem xét</a>"
done
n=$(count 1 31 none)
has so-not-started-near "$OUT" "<li class=\"near\"><a href=\"/campaigns/1?state=none\">$n đơn vị chưa bắt đầu</a>"
has so-admin-tasks "$OUT" '<h2>Việc quản trị</h2>'
has so-admin-new-campaign "$OUT" '<a href="/admin/campaigns/new">Tạo đợt đánh giá</a>'
has so-admin-users "$OUT" '<a href="/admin/users">Tài khoản</a>'
req so-list-none 200 -b "$W/so" "$BASE/campaigns/1?state=none"
has so-list-none-title "$OUT" "Đơn vị ở trạng thái Chưa bắt đầu: $n</h2>"
# The counts are the dashboard's: its total row (units, not started,
# draft, submitted, ...) says the same.
req so-dashboard 200 -b "$W/so" "$BASE/campaigns/1"
total=$(grep -o '<tr class="group"><td>Tổng cộng</td>.*' "$OUT" | sed 's/<\/tr>.*//')
nsub=$(echo "$total" | grep -o '<td class="num">[0-9]*</td>' | sed -n 4p | grep -o '[0-9][0-9]*')
same so-dashboard-agrees "$nsub" "$(count 1 31 submitted)"

# A campaign that has not opened yet is not a task (it is listed below).
q "UPDATE campaign SET opens_at = '2026-06-01T00:00:00Z' WHERE id = 3"
req not-open-yet 200 -b "$W/dk" "$BASE/campaigns"
hasnt not-open-yet-link "$OUT" 'href="/campaigns/3?state='
has not-open-yet-listed "$OUT" '<a href="/campaigns/3">'

echo "landing: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

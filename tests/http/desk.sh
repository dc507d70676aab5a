#!/bin/bash
# HTTP tests of the officer's desk (issue 17): unit search results are
# links into a campaign with kind, parent and state, matched by word
# prefixes; the admin lists of accounts and units come in pages and can be
# searched. Demo database, server on 127.0.0.1 port 0.
# Usage: tests/http/desk.sh PATH/TO/truongso
set -u
T=${1:?usage: desk.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
. tests/serve-wait.sh
W=$(mktemp -d)
DB="$W/desk.db"
SERVER=
cleanup() {
	[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
	wait 2>/dev/null
	rm -rf "$W" "$OUT" "$ERR"
}
trap cleanup EXIT

"$T" --db "$DB" demo >/dev/null || { echo "demo failed"; exit 1; }
"$T" --db "$DB" serve --port 0 >"$W/server.log" 2>&1 &
SERVER=$!
wait_listening "$W/server.log" "$SERVER"

req() { # req NAME EXPECTED_STATUS [curl args...]: body in $OUT
	name=$1 want=$2
	shift 2
	got=$(curl -s -o "$OUT" -D "$ERR" -w '%{http_code}' "$@")
	if [ "$got" = "$want" ]; then ok "$name"; else echo "status $got, expected $want" >>"$ERR"; bad "$name"; fi
}
has() { if grep -qF -- "$2" "$OUT"; then ok "$1"; else echo "missing: $2" >>"$ERR"; bad "$1"; fi; }
hasnt() { if grep -qF -- "$2" "$OUT"; then echo "unexpected: $2" >>"$ERR"; bad "$1"; else ok "$1"; fi; }
login() { curl -s -c "$W/$1" -o /dev/null -d "login=$1&password=truongso-demo" "$BASE/login"; }
q() { sqlite3 -cmd ".timeout 10000" "$DB" "$1"; }
state_name() {
	case $1 in
	draft) echo "Bản nháp" ;; submitted) echo "Đã nộp" ;;
	returned) echo "Trả lại (yêu cầu bổ sung)" ;; approved) echo "Đã phê duyệt" ;;
	published) echo "Đã công bố" ;; *) echo "Chưa bắt đầu" ;;
	esac
}
for u in cv.so cv.dk qt.so qt.dk; do login "$u"; done

# --- search: word prefixes, links into the campaign, kind, parent, state
NGDU=31DK014 # Trường Tiểu học Nguyễn Du
req search-ng-du 200 -b "$W/cv.so" "$BASE/search?q=ng+du&campaign=1"
has search-ng-du-link "href=\"/campaigns/1/units/$NGDU\">Trường Tiểu học Nguyễn Du</a>"
hasnt search-ng-du-not-huong-duong "Hướng Dương"
has search-parent "<td>UBND phường Dương Kinh</td>"
has search-state "<td>$(state_name "$(q "SELECT coalesce((SELECT s.state FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$NGDU'), 'none')")")</td>"
has search-campaign-named "Kết quả dẫn tới trang của đơn vị trong đợt: $(q "SELECT title FROM campaign WHERE id = 1")"
req search-full-name 200 -b "$W/cv.so" "$BASE/search?q=truong+tieu+hoc+nguyen+du&campaign=1"
has search-full-name-found "units/$NGDU\""
hasnt search-full-name-not-thcs "Trường THCS Nguyễn Du"
req search-accents-case 200 -b "$W/cv.so" --get --data-urlencode "q=NGUYỄN DU" --data-urlencode "campaign=1" "$BASE/search"
has search-accents-case-th "units/$NGDU\""
has search-accents-case-thcs "Trường THCS Nguyễn Du"
# An office links to its dashboard in the campaign.
req search-office 200 -b "$W/cv.so" "$BASE/search?q=phuong+duong+kinh&campaign=1"
has search-office-link "href=\"/campaigns/1?unit=31DK\">UBND phường Dương Kinh</a>"
# A mầm non school is not in campaign 1: no link, said so.
req search-not-in-campaign 200 -b "$W/cv.so" "$BASE/search?q=mam+non+huong+duong&campaign=1"
has search-not-in-campaign-said "Không tham gia đợt này"
hasnt search-not-in-campaign-no-link "/campaigns/1/units/31DK009"
# Within the actor's subtree only.
req search-scope 200 -b "$W/cv.dk" "$BASE/search?q=huong+duong"
has search-scope-own "31DK009"
hasnt search-scope-other "31LC004"
req search-no-word 200 -b "$W/cv.so" --get --data-urlencode "q=& -" "$BASE/search"
has search-no-word-none "Không tìm thấy đơn vị nào."
# The newest campaign the actor sees when none is named: the latest to
# open among those with a participant under the commune office (not the
# past years', frozen under the Phòng, nor the Sở's own mầm non round).
req search-default-campaign 200 -b "$W/cv.dk" "$BASE/search?q=nguyen+du"
has search-default-campaign-link "/campaigns/$(q "SELECT cu.campaign_id FROM campaign_unit cu JOIN campaign c ON c.id = cu.campaign_id, org_unit o WHERE o.code = '31DK' AND substr(cu.path, 1, length(o.path)) = o.path ORDER BY c.opens_at DESC, c.id DESC LIMIT 1")/units/$NGDU\""

# --- admin lists: pages of 100, searchable
users=$(q "SELECT count(*) FROM app_user")
pages=$(( (users + 99) / 100 ))
req users-page-1 200 -b "$W/qt.so" "$BASE/admin/users"
has users-page-1-count "Dòng 1–100 trong $users · Trang 1/$pages"
has users-page-1-next "href=\"/admin/users?page=2\">Trang sau »</a>"
last=$(q "SELECT u.login FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id ORDER BY o.path DESC, u.login DESC LIMIT 1")
hasnt users-page-1-not-last ">$last</a>"
req users-last-page 200 -b "$W/qt.so" "$BASE/admin/users?page=$pages"
has users-last-page-count "Dòng $(( (pages - 1) * 100 + 1 ))–$users trong $users · Trang $pages/$pages"
has users-last-page-has-last ">$last</a>"
req users-search 200 -b "$W/qt.so" --get --data-urlencode "q=nguyễn du" "$BASE/admin/users"
has users-search-found ">ht.$(echo "$NGDU" | tr 'A-Z' 'a-z')</a>"
hasnt users-search-not-others ">ht.31lc001</a>"
has users-search-one-page "Trang 1/1"
req users-search-login 200 -b "$W/qt.so" "$BASE/admin/users?q=cv.dk"
has users-search-login-found ">cv.dk</a>"
hasnt users-search-login-not-so ">cv.so</a>"
req users-page-zero 400 -b "$W/qt.so" "$BASE/admin/users?page=0"
has users-page-zero-said "Số trang (page) phải là một số nguyên dương."
req users-page-text 400 -b "$W/qt.so" "$BASE/admin/users?page=abc"
req users-reviewer-refused 403 -b "$W/cv.so" "$BASE/admin/users"
units=$(q "SELECT count(*) FROM org_unit")
req org-page-1 200 -b "$W/qt.so" "$BASE/admin/org"
has org-page-1-count "Dòng 1–100 trong $units · Trang 1/$(( (units + 99) / 100 ))"
req org-page-2 200 -b "$W/qt.so" "$BASE/admin/org?page=2"
has org-page-2-prev "href=\"/admin/org?page=1\">« Trang trước</a>"
has org-page-2-edit-link "href=\"/admin/org/$(q "SELECT code FROM org_unit ORDER BY path LIMIT 1 OFFSET 100")\">Sửa</a>"
req org-search 200 -b "$W/qt.so" "$BASE/admin/org?q=31dk014"
has org-search-code "Trường Tiểu học Nguyễn Du"
has org-search-one "Dòng 1–1 trong 1"
# A Phòng's admin sees only its subtree, its own unit without "Sửa".
req org-phong 200 -b "$W/qt.dk" "$BASE/admin/org?q=duong+kinh"
hasnt org-phong-own-not-editable "href=\"/admin/org/31DK\">Sửa</a>"
req org-phong-scope 200 -b "$W/qt.dk" "$BASE/admin/org?q=31lc"
has org-phong-scope-none "Không có kết quả nào."

# --- the work queue: filters, sort, pages, levels
queue_count() { # the queue's total as the page says it, or 0
	grep -ao "trong [0-9]*" "$OUT" | head -1 | sed 's/trong //' | grep . || echo 0
}
FROM="FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id LEFT JOIN submission s ON s.campaign_id = 1 AND s.unit_id = cu.unit_id WHERE cu.campaign_id = 1"
req queue-all 200 -b "$W/cv.so" "$BASE/campaigns/1/queue"
same queue-all-count "$(queue_count)" "$(q "SELECT count(*) $FROM")"
req queue-draft 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?state=draft"
same queue-draft-count "$(queue_count)" "$(q "SELECT count(*) $FROM AND s.state = 'draft'")"
hasnt queue-draft-only "<td>Đã phê duyệt</td>"
req queue-none 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?state=none"
same queue-none-count "$(queue_count)" "$(q "SELECT count(*) $FROM AND s.id IS NULL")"
req queue-late 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?late=1"
same queue-late-count "$(queue_count)" "$(q "SELECT count(*) $FROM AND s.late = 1")"
req queue-thpt 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?level=THPT"
same queue-thpt-count "$(queue_count)" "$(q "SELECT count(*) $FROM AND (cu.school_levels & 8) <> 0")"
req queue-under 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?unit=31DK&state=submitted"
same queue-under-count "$(queue_count)" "$(q "SELECT count(*) $FROM AND o.code LIKE '31DK%' AND s.state = 'submitted'")"
has queue-under-next-keeps-filters "Trang 1/1"
first=$(q "SELECT o.code $FROM AND s.first_submitted_at IS NOT NULL ORDER BY s.first_submitted_at, o.code LIMIT 1")
req queue-by-date 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?sort=ngay-nop"
same queue-by-date-first "$(grep -o '/campaigns/1/units/[^"]*' "$OUT" | head -1)" "/campaigns/1/units/$first"
top=$(q "SELECT o.code $FROM AND s.id IS NOT NULL ORDER BY (SELECT sum(reviewed_points) FROM submission_score g WHERE g.submission_id = s.id) DESC, o.code LIMIT 1")
req queue-by-score 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?sort=-diem"
same queue-by-score-first "$(grep -o '/campaigns/1/units/[^"]*' "$OUT" | head -1)" "/campaigns/1/units/$top"
# Each row one school with its levels: an approved one shows the stored
# reviewed level of group 1.
appr=$(q "SELECT o.code, g.reviewed_level FROM submission s JOIN org_unit o ON o.id = s.unit_id JOIN submission_score g ON g.submission_id = s.id AND g.grp = 0 WHERE s.campaign_id = 1 AND s.state = 'approved' ORDER BY o.code LIMIT 1")
req queue-approved 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?state=approved"
code=${appr%|*} lvl=${appr#*|}
row=$(sed 's|<tr>|\n<tr>|g' "$OUT" | grep -F "units/$code\"")
if echo "$row" | grep -qF "Nhóm 1: Mức $lvl"; then ok queue-approved-level; else echo "$row" >"$ERR"; bad queue-approved-level; fi
total=$(q "SELECT count(*) $FROM")
if [ "$total" -gt 100 ]; then
	req queue-page-2 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?page=2&sort=diem"
	has queue-page-2-keeps-sort "href=\"/campaigns/1/queue?page=1&amp;sort=diem\""
fi
req queue-bad-state 400 -b "$W/cv.so" "$BASE/campaigns/1/queue?state=xyz"
has queue-bad-state-said "Trạng thái (state) không hợp lệ."
req queue-bad-sort 400 -b "$W/cv.so" "$BASE/campaigns/1/queue?sort=ten"
req queue-bad-level 400 -b "$W/cv.so" "$BASE/campaigns/1/queue?level=ABC"
req queue-dashboard-link 200 -b "$W/cv.so" "$BASE/campaigns/1"
has queue-dashboard-link-has "href=\"/campaigns/1/queue\""

echo "desk: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

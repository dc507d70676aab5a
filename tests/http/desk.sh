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
. tests/http/lib.sh
http_demo
http_serve
# Here every check reads the last response ($OUT), and each account's
# session is in $W/LOGIN.
has() { page_has "$1" "$OUT" "$2"; }
hasnt() { page_hasnt "$1" "$OUT" "$2"; }
login() { sign_in "$W/$1" "$1"; }
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
# A draft's stored levels count unanswered criteria as 0: no "Mức" for it.
hasnt queue-draft-no-level "Nhóm 1: Mức"
has queue-draft-says-none "<td>Chưa có (bản nháp)</td>"
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
same queue-by-date-first "$(grep -o '/campaigns/1/units/[^"?]*' "$OUT" | head -1)" "/campaigns/1/units/$first"
top=$(q "SELECT o.code $FROM AND s.id IS NOT NULL ORDER BY (SELECT sum(reviewed_points) FROM submission_score g WHERE g.submission_id = s.id) DESC, o.code LIMIT 1")
req queue-by-score 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?sort=-diem"
same queue-by-score-first "$(grep -o '/campaigns/1/units/[^"?]*' "$OUT" | head -1)" "/campaigns/1/units/$top"
# Each row one school with its levels: an approved one shows the stored
# reviewed level of group 1.
appr=$(q "SELECT o.code, g.reviewed_level FROM submission s JOIN org_unit o ON o.id = s.unit_id JOIN submission_score g ON g.submission_id = s.id AND g.grp = 0 WHERE s.campaign_id = 1 AND s.state = 'approved' ORDER BY o.code LIMIT 1")
req queue-approved 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?state=approved"
code=${appr%|*} lvl=${appr#*|}
row=$(sed 's|<tr|\n<tr|g' "$OUT" | grep -F "units/$code?")
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

# --- from a school's page: back to the queue with its filters, and the
# next school in the same order (issue 17 item 4); all in the URL.
csrf_of() { grep -ao 'name="_csrf" value="[0-9a-f]*"' "$OUT" | head -1 | sed 's/.*value="//; s/"//'; }
QS="state=submitted&sort=-ngay-nop"
QE="state%3Dsubmitted%26sort%3D-ngay-nop"
ORDER="$FROM AND s.state = 'submitted' ORDER BY s.first_submitted_at IS NULL, s.first_submitted_at DESC, o.code"
first=$(q "SELECT o.code $ORDER LIMIT 1")
second=$(q "SELECT o.code $ORDER LIMIT 1 OFFSET 1")
second_name=$(q "SELECT o.name FROM org_unit o WHERE o.code = '$second'")
nsub=$(q "SELECT count(*) $FROM AND s.state = 'submitted'")
req nav-queue 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?$QS"
has nav-queue-row-link "href=\"/campaigns/1/units/$first?queue=$QE\""
req nav-school 200 -b "$W/cv.so" "$BASE/campaigns/1/units/$first?queue=$QE"
has nav-school-back "href=\"/campaigns/1/queue?state=submitted&amp;sort=-ngay-nop#u-$first\" id=\"queue-back\">« Quay lại hàng đợi</a>"
hasnt nav-school-no-place "trong hàng đợi</span>"
has nav-school-next "href=\"/campaigns/1/units/$second?queue=$QE\" rel=\"next\" id=\"queue-next\">Trường tiếp theo: $second_name »</a>"
has nav-school-form-keeps-queue "name=\"queue\" value=\"state=submitted&amp;sort=-ngay-nop\""
last=$(q "SELECT o.code $ORDER LIMIT 1 OFFSET $((nsub - 1))")
req nav-school-last 200 -b "$W/cv.so" "$BASE/campaigns/1/units/$last?queue=$QE"
has nav-school-last-said "Đây là trường cuối cùng của hàng đợi."
# "Next school" in every sort is the page's next row (keyset lookup,
# work_queue_next), from a school in the middle of the whole queue.
PTS="coalesce((SELECT sum(g.reviewed_points) FROM submission_score g WHERE g.submission_id = s.id), 0)"
for sq in "ma|o.code" "-ma|o.code DESC" \
	"ngay-nop|s.first_submitted_at IS NULL, s.first_submitted_at" \
	"-ngay-nop|s.first_submitted_at IS NULL, s.first_submitted_at DESC" \
	"diem|s.id IS NULL, $PTS" "-diem|s.id IS NULL, $PTS DESC"; do
	so=${sq%%|*} ob=${sq#*|}
	mid=$(q "SELECT o.code $FROM ORDER BY $ob, o.code LIMIT 1 OFFSET 7")
	nx=$(q "SELECT o.code $FROM ORDER BY $ob, o.code LIMIT 1 OFFSET 8")
	req "nav-sort$so" 200 -b "$W/cv.so" "$BASE/campaigns/1/units/$mid?queue=sort%3D$so"
	has "nav-sort$so-next" "href=\"/campaigns/1/units/$nx?queue=sort%3D$so\" rel=\"next\""
done
req nav-school-plain 200 -b "$W/cv.so" "$BASE/campaigns/1/units/$first"
hasnt nav-school-plain-none "queue-back"
# A broken queue string gives no links, never an error.
req nav-school-bad-queue 200 -b "$W/cv.so" "$BASE/campaigns/1/units/$first?queue=state%3Dxyz"
hasnt nav-school-bad-queue-none "queue-back"
# Approving from the school's page comes back with the queue kept, and
# "next" moves on although the school left the "submitted" filter.
rv=$(q "SELECT s.revision FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$first'")
req nav-school-for-token 200 -b "$W/cv.so" "$BASE/campaigns/1/units/$first?queue=$QE"
tok=$(csrf_of)
req nav-approve 303 -b "$W/cv.so" --data-urlencode "_csrf=$tok" --data-urlencode "rev=$rv" --data-urlencode "confirm=1" --data-urlencode "queue=$QS" "$BASE/campaigns/1/units/$first/approve"
if grep -qF "Location: /campaigns/1/units/$first?ok=approve&queue=$QE" "$ERR"; then ok nav-approve-keeps-queue; else bad nav-approve-keeps-queue; fi
req nav-after-approve 200 -b "$W/cv.so" "$BASE/campaigns/1/units/$first?ok=approve&queue=$QE"
has nav-after-approve-left "Trường này không còn khớp bộ lọc của hàng đợi."
has nav-after-approve-next "href=\"/campaigns/1/units/$second?queue=$QE\" rel=\"next\""

# --- bulk approve and publish from the queue (issue 17 item 5)
bulk() { # bulk NAME STATUS JAR ACTION [pick...]: posts …/queue/bulk
	name=$1 want=$2 jar=$3 act=$4
	shift 4
	args=()
	for p in "$@"; do args+=(--data-urlencode "pick=$p"); done
	req "$name" "$want" -b "$W/$jar" --data-urlencode "_csrf=$TOK" --data-urlencode "action=$act" --data-urlencode "queue=$QS" "${args[@]}" ${CONFIRM:+--data-urlencode confirm=1} "$BASE/campaigns/1/queue/bulk"
}
subrev() { q "SELECT s.revision FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$1'"; }
req bulk-queue 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?$QS"
TOK=$(csrf_of)
has bulk-queue-form "action=\"/campaigns/1/queue/bulk\""
has bulk-queue-box "name=\"pick\" value=\"$(subrev "$second"):$second\""
has bulk-queue-select-all "href=\"/campaigns/1/queue?$(echo "$QS" | sed 's/&/\&amp;/g')&amp;all=1\">Chọn tất cả trên trang này</a>"
req bulk-queue-all 200 -b "$W/cv.so" "$BASE/campaigns/1/queue?$QS&all=1"
same bulk-queue-all-checked "$(grep -ao 'name="pick" value="[^"]*" aria-label="[^"]*" checked' "$OUT" | wc -l)" "$(grep -ao 'name="pick"' "$OUT" | wc -l)"
A=$(q "SELECT o.code $ORDER LIMIT 1 OFFSET 1")  # = $second
B=$(q "SELECT o.code $ORDER LIMIT 1 OFFSET 2")
C=$(q "SELECT o.code $ORDER LIMIT 1 OFFSET 3")
ra=$(subrev "$A") rb=$(subrev "$B") rc=$(subrev "$C")
audits=$(q "SELECT count(*) FROM audit WHERE action = 'submission.approve'")
CONFIRM= bulk bulk-confirm 200 cv.so approve "$ra:$A" "$rb:$B" "$rc:$C"
has bulk-confirm-lists "Sẽ phê duyệt"
has bulk-confirm-button "Xác nhận phê duyệt 3 trường"
same bulk-confirm-writes-nothing "$(state "$A")" submitted
# B changes after the list was shown: skipped and reported, never approved.
q "UPDATE submission SET revision = revision + 1 WHERE campaign_id = 1 AND unit_id = (SELECT id FROM org_unit WHERE code = '$B')"
CONFIRM=1 bulk bulk-apply 200 cv.so approve "$ra:$A" "$rb:$B" "$rc:$C"
has bulk-apply-count "Đã phê duyệt 2 trường, bỏ qua 1."
has bulk-apply-skip-reason "đã thay đổi từ khi danh sách được hiển thị (lần sửa $rb, nay là lần sửa $((rb + 1)))"
same bulk-apply-a "$(state "$A")" approved
same bulk-apply-b-skipped "$(state "$B")" submitted
same bulk-apply-c "$(state "$C")" approved
same bulk-apply-audited-each "$(q "SELECT count(*) FROM audit WHERE action = 'submission.approve'")" "$((audits + 2))"
same bulk-apply-audit-objects "$(q "SELECT object FROM audit WHERE action = 'submission.approve' ORDER BY id DESC LIMIT 2" | paste -sd' ')" "submission:1/$C submission:1/$A"
has bulk-apply-back "href=\"/campaigns/1/queue?state=submitted&amp;sort=-ngay-nop\">Quay lại hàng đợi</a>"
# Posting the same picks again approves nothing twice.
CONFIRM=1 bulk bulk-again 200 cv.so approve "$(subrev "$A"):$A"
has bulk-again-skipped "Đã phê duyệt 0 trường, bỏ qua 1."
# Publish the approved ones.
CONFIRM=1 bulk bulk-publish 200 cv.so publish "$(subrev "$A"):$A" "$(subrev "$C"):$C"
has bulk-publish-count "Đã công bố 2 trường, bỏ qua 0."
same bulk-publish-state "$(state "$A") $(state "$C")" "published published"
# Role and subtree on every row: Dương Kinh's reviewer cannot approve a
# Lê Chân school picked by hand, nor can a school.
LC=$(q "SELECT o.code $FROM AND s.state = 'submitted' AND o.code LIKE '31LC%' ORDER BY o.code LIMIT 1")
req bulk-dk-queue 200 -b "$W/cv.dk" "$BASE/campaigns/1/queue"
TOK=$(csrf_of)
CONFIRM=1 bulk bulk-outside-scope 200 cv.dk approve "$(subrev "$LC"):$LC"
has bulk-outside-scope-skipped "Đã phê duyệt 0 trường, bỏ qua 1."
same bulk-outside-scope-untouched "$(state "$LC")" submitted
login ht.31dk001
req bulk-school-queue 403 -b "$W/ht.31dk001" "$BASE/campaigns/1/queue"
TOK=$(curl -s -b "$W/ht.31dk001" "$BASE/password" | grep -ao 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
CONFIRM=1 bulk bulk-school-refused 403 ht.31dk001 approve "$(subrev "$LC"):$LC"
same bulk-school-untouched "$(state "$LC")" submitted
req bulk-no-csrf 403 -b "$W/cv.so" --data-urlencode "action=approve" --data-urlencode "pick=1:$LC" --data-urlencode "confirm=1" "$BASE/campaigns/1/queue/bulk"
same bulk-no-csrf-untouched "$(state "$LC")" submitted
req bulk-so-queue 200 -b "$W/cv.so" "$BASE/campaigns/1/queue"
TOK=$(csrf_of)
CONFIRM=1 bulk bulk-none 400 cv.so approve
has bulk-none-said "Chưa chọn trường nào."
CONFIRM=1 bulk bulk-bad-pick 400 cv.so approve "$LC"
has bulk-bad-pick-said "Ô chọn (pick) không hợp lệ."
CONFIRM=1 bulk bulk-bad-action 400 cv.so delete "1:$LC"
same bulk-bad-untouched "$(state "$LC")" submitted

# --- late joiners (issue 17 item 8): the owner adds a school entered
# after the campaign opened; a closed campaign's denominator never changes.
T=${T:?}
parts() { q "SELECT count(*) FROM campaign_unit WHERE campaign_id = $1"; }
due=$(date -u -d '+60 days' +%Y-%m-%d)
opens=$(date -u -d '-1 day' +%Y-%m-%d)
"$T" --db "$DB" campaign create --owner 31DK --rubric qd4725-2022-pt --year 2026-2027 --title "Đợt có trường lập sau" --opens "$opens" --due "$due" >/dev/null
NEW=$(q "SELECT max(id) FROM campaign")
# The demo's units were entered two hours ago, the campaign opened an hour
# ago; the new school is entered now.
q "UPDATE org_unit SET created_at = '$(at '-2 hours')'"
q "UPDATE campaign SET created_at = '$(at '-1 hour')' WHERE id = $NEW"
"$T" --db "$DB" org add --code 31DK950 --name "Trường Tiểu học Lập Sau" --kind truong --parent 31DK --levels TH >/dev/null
before=$(parts "$NEW")
req join-page 200 -b "$W/qt.dk" "$BASE/admin/campaigns/$NEW"
has join-page-form "action=\"/admin/campaigns/$NEW/units\""
TOK=$(csrf_of)
req join-add 303 -b "$W/qt.dk" --data-urlencode "_csrf=$TOK" --data-urlencode "unit=31DK950" "$BASE/admin/campaigns/$NEW/units"
same join-add-counted "$(parts "$NEW")" "$((before + 1))"
same join-add-date "$(q "SELECT substr(joined_at, 1, 10) FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id WHERE cu.campaign_id = $NEW AND o.code = '31DK950'")" "$(date -u +%Y-%m-%d)"
same join-add-audited "$(q "SELECT actor || ' ' || object || ' ' || substr(detail, 1, 7) FROM audit WHERE action = 'campaign.join' ORDER BY id DESC LIMIT 1")" "qt.dk campaign:$NEW 31DK950"
req join-add-again 409 -b "$W/qt.dk" --data-urlencode "_csrf=$TOK" --data-urlencode "unit=31DK950" "$BASE/admin/campaigns/$NEW/units"
has join-add-again-said "đơn vị đã tham gia đợt đánh giá này"
has join-add-again-named "31DK950"
# A school that was there when the campaign opened is not a late joiner.
req join-old-school 422 -b "$W/qt.dk" --data-urlencode "_csrf=$TOK" --data-urlencode "unit=31DK014" "$BASE/admin/campaigns/$NEW/units"
has join-old-school-said "đơn vị đã có từ trước khi mở đợt"
# Campaign 1 is past its deadline: closed; the web and the CLI refuse,
# and its counts stay as they were.
closed_before=$(parts 1)
req join-closed-page 200 -b "$W/qt.so" "$BASE/admin/campaigns/1"
has join-closed-page-said "Đợt đã hết hạn nộp (31/05/2026): danh sách đơn vị tham gia đã chốt, không thêm được."
hasnt join-closed-page-no-form "action=\"/admin/campaigns/1/units\""
TOK=$(csrf_of)
req join-closed 422 -b "$W/qt.so" --data-urlencode "_csrf=$TOK" --data-urlencode "unit=31DK950" "$BASE/admin/campaigns/1/units"
has join-closed-said "đợt đánh giá đã hết hạn nộp"
if "$T" --db "$DB" campaign add-unit 1 31DK950 >/dev/null 2>"$ERR"; then bad join-closed-cli; else ok join-closed-cli; fi
same join-closed-count "$(parts 1)" "$closed_before"
# Only the owner's admins (or above): not a reviewer, not another Phòng.
req join-reviewer 403 -b "$W/cv.dk" --data-urlencode "_csrf=$TOK" --data-urlencode "unit=31DK950" "$BASE/admin/campaigns/$NEW/units"
same join-unchanged "$(parts "$NEW")" "$((before + 1))"

# --- chasing the late ones (issue 17 item 7): contacts, and the list of
# units not yet submitted with them, exported through the reports.
req contact-unit-page 200 -b "$W/qt.dk" "$BASE/admin/org/31DK018"
has contact-unit-form "action=\"/admin/org/31DK018/contact\""
TOK=$(csrf_of)
req contact-unit-bad 422 -b "$W/qt.dk" --data-urlencode "_csrf=$TOK" --data-urlencode "phone=0225 387" --data-urlencode "email=c1haibatrung@haiphong" "$BASE/admin/org/31DK018/contact"
has contact-unit-bad-phone "0225 387: số điện thoại phải có từ 8 đến 15 chữ số"
has contact-unit-bad-email "c1haibatrung@haiphong: tên miền sau dấu @ không hợp lệ"
has contact-unit-bad-kept "value=\"c1haibatrung@haiphong\""
same contact-unit-bad-untouched "$(q "SELECT coalesce(phone, '') || coalesce(email, '') FROM org_unit WHERE code = '31DK018'")" ""
req contact-unit-ok 303 -b "$W/qt.dk" --data-urlencode "_csrf=$TOK" --data-urlencode "phone=0225 3876 543" --data-urlencode "email=c1haibatrung@haiphong.edu.vn" "$BASE/admin/org/31DK018/contact"
same contact-unit-stored "$(q "SELECT phone || ' ' || email FROM org_unit WHERE code = '31DK018'")" "0225 3876 543 c1haibatrung@haiphong.edu.vn"
same contact-unit-audited "$(q "SELECT actor || ' ' || action || ' ' || object FROM audit ORDER BY id DESC LIMIT 1")" "qt.dk org.contact 31DK018"
req contact-own-unit 403 -b "$W/qt.dk" --data-urlencode "_csrf=$TOK" --data-urlencode "phone=0225 3876 543" "$BASE/admin/org/31DK/contact"
req contact-reviewer 403 -b "$W/cv.dk" --data-urlencode "_csrf=$TOK" --data-urlencode "phone=0225 3876 543" "$BASE/admin/org/31DK018/contact"
req contact-user-ok 303 -b "$W/qt.dk" --data-urlencode "_csrf=$TOK" --data-urlencode "phone=0912 345 678" --data-urlencode "email=ht.haibatrung@gmail.com" "$BASE/admin/users/ht.31dk018/contact"
same contact-user-stored "$(q "SELECT phone || ' ' || email FROM app_user WHERE login = 'ht.31dk018'")" "0912 345 678 ht.haibatrung@gmail.com"
req contact-user-page 200 -b "$W/qt.dk" "$BASE/admin/users/ht.31dk018"
has contact-user-page-shows "value=\"ht.haibatrung@gmail.com\""
req contact-user-outside 403 -b "$W/qt.dk" --data-urlencode "_csrf=$TOK" --data-urlencode "phone=0912 345 678" "$BASE/admin/users/ht.31lc001/contact"
same contact-user-outside-untouched "$(q "SELECT coalesce(phone, '') FROM app_user WHERE login = 'ht.31lc001'")" ""
# The list: exactly the units under the office not yet submitted (none,
# draft, returned), each with its contacts.
req chase-queue-link 200 -b "$W/cv.dk" "$BASE/campaigns/1/queue"
has chase-queue-link-csv "href=\"/campaigns/1/units/31DK/report/chua-nop.csv\""
req chase-csv 200 -b "$W/cv.dk" "$BASE/campaigns/1/units/31DK/report/chua-nop.csv"
want=$(q "SELECT count(*) FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id LEFT JOIN submission s ON s.campaign_id = 1 AND s.unit_id = cu.unit_id WHERE cu.campaign_id = 1 AND o.code LIKE '31DK%' AND coalesce(s.state, 'none') IN ('none', 'draft', 'returned')")
same chase-csv-rows "$(grep -ac '^[0-9]*;31DK' "$OUT")" "$want"
if [ "$(state 31DK018)" = draft ]; then
	has chase-csv-contacts "31DK018;Trường Tiểu học Hai Bà Trưng;Bản nháp;\"=\"\"0225 3876 543\"\"\";c1haibatrung@haiphong.edu.vn;"
	has chase-csv-head "$(q "SELECT full_name FROM app_user WHERE login = 'ht.31dk018'");\"=\"\"0912 345 678\"\"\";ht.haibatrung@gmail.com"
fi
hasnt chase-csv-no-submitted ";Đã nộp;"
req chase-xlsx 200 -b "$W/cv.dk" "$BASE/campaigns/1/units/31DK/report/chua-nop.xlsx"
req chase-other-office 403 -b "$W/cv.dk" "$BASE/campaigns/1/units/31LC/report/chua-nop.csv"
login ht.31dk014
req chase-school 403 -b "$W/ht.31dk014" "$BASE/campaigns/1/units/31DK/report/chua-nop.csv"

# --- notifications on a school's landing page: the office's steps on its
# results (the bulk approval and publication above) and a deadline near.
login "ht.$(echo "$A" | tr 'A-Z' 'a-z')"
req notice-steps 200 -b "$W/ht.$(echo "$A" | tr 'A-Z' 'a-z')" "$BASE/campaigns"
has notice-card "<h2 id=\"notices-h\">Thông báo</h2>"
has notice-approved "Sở Giáo dục và Đào tạo thành phố Hải Phòng đã phê duyệt bản tự đánh giá"
has notice-published "Sở Giáo dục và Đào tạo thành phố Hải Phòng đã công bố kết quả"
near=$(TZ=Asia/Ho_Chi_Minh date -d '+3 days' +%Y-%m-%d)
"$T" --db "$DB" campaign create --owner 31DK --rubric qd4725-2022-pt --year 2026-2027 --title "Đợt sắp hết hạn" --opens "$opens" --due "$near" >/dev/null
req notice-deadline 200 -b "$W/ht.31dk014" "$BASE/campaigns"
has notice-deadline-said "Hạn nộp: còn 3 ngày — <a href=\"/campaigns/$(q "SELECT max(id) FROM campaign")/units/31DK014\">Đợt sắp hết hạn</a>"
login "ht.$(echo "$LC" | tr 'A-Z' 'a-z')"
req notice-none 200 -b "$W/ht.$(echo "$LC" | tr 'A-Z' 'a-z')" "$BASE/campaigns"
has notice-none-said "Không có thông báo mới."

echo "desk: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

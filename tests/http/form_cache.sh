#!/bin/bash
# The school's form page comes from the page cache (web/page_cache.c) when
# nothing it shows has changed: this checks that a cached page is never
# served stale. Each case views the page (so it is kept), views it again
# (so the next view could come from the cache), changes one thing the page
# shows (through the web, or through the command line: another process,
# which the server hears nothing from), and checks the next view shows it.
# And the page of one viewer is never another's: a reviewer and the school
# see their own buttons, each session its own CSRF token.
# Usage: tests/http/form_cache.sh TRUONGSO
set -u
T=${1:?usage: form_cache.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/http/lib.sh
http_demo
http_serve

U() { echo "/campaigns/1/units/$1"; }
# view NAME JAR PATH: the page (so it is kept), then gzip-compressed
# twice (the second from the kept compressed pieces), in $OUT: a stale
# page would show in either form.
view() {
	curl -s -o /dev/null -b "$2" "$BASE$3"
	curl -s -o /dev/null -b "$2" --compressed "$BASE$3"
	req "$1" 200 -b "$2" --compressed "$BASE$3"
}
# csrf_of FILE: the _csrf value of a page.
csrf_of() { grep -o 'name="_csrf" value="[0-9a-f]*"' "$1" | head -1 | sed 's/.*value="//; s/"//'; }
rev_of() { grep -o 'name="rev" value="[0-9]*"' "$1" | head -1 | sed 's/.*value="//; s/"//'; }
cli() { "$T" --db "$DB" --as "$@" >/dev/null 2>"$ERR"; }

S=$(pick draft 0)
HS="ht.$(lower "$S")"
sign_in "$W/school" "$HS"
sign_in "$W/rev" cv.dk
sign_in "$W/admin" qt.so

# A save through the web: the new value, the new revision.
view draft-before "$W/school" "$(U "$S")"
tok=$(csrf_of "$OUT") r0=$(rev_of "$OUT")
cp "$OUT" "$W/draft.html"
req save 303 -b "$W/school" --data-urlencode "_csrf=$tok" \
	--data-urlencode "rev=$r0" --data-urlencode "v:1.3b=5" "$BASE$(U "$S")/save"
view draft-after-save "$W/school" "$(U "$S")"
has save-shows-value "$OUT" 'name="v:1.3b" value="5"'
has save-shows-revision "$OUT" "name=\"rev\" value=\"$((r0 + 1))\""
# Evidence added and removed through the web.
view ev-before "$W/school" "$(U "$S")"
hasnt ev-none-yet "$OUT" "bo-dem-cache.example"
req ev-add 303 -b "$W/school" --data-urlencode "_csrf=$tok" \
	--data-urlencode "criterion=1.4" \
	--data-urlencode "link=https://bo-dem-cache.example/hoc-lieu" "$BASE$(U "$S")/evidence"
view ev-after-add "$W/school" "$(U "$S")"
has ev-shows-link "$OUT" "https://bo-dem-cache.example/hoc-lieu"
ev=$(q "SELECT e.id FROM evidence e WHERE e.name = 'https://bo-dem-cache.example/hoc-lieu'")
req ev-remove 303 -b "$W/school" --data-urlencode "_csrf=$tok" \
	--data-urlencode "remove=$ev:1.4" "$BASE$(U "$S")/evidence"
view ev-after-remove "$W/school" "$(U "$S")"
hasnt ev-link-gone "$OUT" "https://bo-dem-cache.example/hoc-lieu"
# A submit from the command line (another process): the state, and no
# editing form any more. A returned school: its answers are complete.
S=$(pick returned 0)
HS="ht.$(lower "$S")"
sign_in "$W/school" "$HS"
view submit-before "$W/school" "$(U "$S")"
has submit-before-returned "$OUT" '<span class="state">Trả lại (yêu cầu bổ sung)</span>'
if cli "$HS" submission submit 1 "$S"; then ok submit-cli; else bad submit-cli; fi
view after-submit "$W/school" "$(U "$S")"
has submit-shows-state "$OUT" '<span class="state">Đã nộp</span>'
hasnt submit-no-save-button "$OUT" "Lưu bản nháp"
has submit-shows-history "$OUT" "Các lần nộp"
# The reviewer's page of the same submission, right after the school's:
# the decision form, never the school's page; the school's page never the
# reviewer's.
view reviewer "$W/rev" "$(U "$S")"
has reviewer-has-decision "$OUT" 'id="decision-choice"'
cp "$OUT" "$W/rev.html"
view school-again "$W/school" "$(U "$S")"
hasnt school-no-decision "$OUT" 'id="decision-choice"'
if [ "$(csrf_of "$W/rev.html")" != "$(csrf_of "$OUT")" ]; then ok csrf-per-viewer; else bad csrf-per-viewer; fi
# A return with a reason (command line): the reason at its criterion.
if cli cv.dk submission return 1 "$S" --reason "1.3=Thiếu số liệu bộ đếm cache"; then ok return-cli; else bad return-cli; fi
view after-return "$W/school" "$(U "$S")"
has return-shows-state "$OUT" '<span class="state">Trả lại (yêu cầu bổ sung)</span>'
has return-shows-reason "$OUT" "Thiếu số liệu bộ đếm cache"
view reviewer-after-return "$W/rev" "$(U "$S")"
hasnt reviewer-no-decision-after-return "$OUT" 'id="decision-choice"'

# Approval of a submitted school (web), seen by its reviewer and school.
A=$(pick submitted 0)
HA="ht.$(lower "$A")"
sign_in "$W/school2" "$HA"
view approve-before "$W/rev" "$(U "$A")"
has approve-before-state "$OUT" '<span class="state">Đã nộp</span>'
view approve-before-school "$W/school2" "$(U "$A")"
if cli cv.dk submission approve 1 "$A"; then ok approve-cli; else bad approve-cli; fi
view after-approve "$W/rev" "$(U "$A")"
has approve-shows-state "$OUT" '<span class="state">Đã phê duyệt</span>'
hasnt approve-no-decision "$OUT" 'id="decision-choice"'
view after-approve-school "$W/school2" "$(U "$A")"
has approve-school-sees-state "$OUT" '<span class="state">Đã phê duyệt</span>'
has approve-plan-link "$OUT" "Kế hoạch cải thiện năm học sau"

# Last year's plan, changed from the command line: the note beside its
# item in this year's form.
P=$(q "SELECT o.code FROM improvement_plan p JOIN org_unit o ON o.id = p.unit_id
       JOIN campaign_unit cu ON cu.unit_id = o.id AND cu.campaign_id = 1
       WHERE o.code LIKE '31DK%' ORDER BY o.code LIMIT 1")
C2425=$(q "SELECT id FROM campaign WHERE rubric_id = 'qd4725-2022-pt' AND kind = 'cds' AND school_year = '2024-2025'")
HP="ht.$(lower "$P")"
sign_in "$W/school3" "$HP"
view plan-before "$W/school3" "$(U "$P")"
has plan-before-shown "$OUT" "Kế hoạch năm trước (2024-2025):"
hasnt plan-before-new-note "$OUT" "Lắp bộ đếm lượt truy cập"
if cli "$HP" plan set "$C2425" "$P" "1.3a=Lắp bộ đếm lượt truy cập"; then ok plan-cli; else bad plan-cli; fi
view plan-after "$W/school3" "$(U "$P")"
has plan-shows-new-note "$OUT" "Lắp bộ đếm lượt truy cập"

# The campaign edited (title and deadline, web): the title on the page.
# The deadline moved past today, so a unit may still join it (below).
view camp-before "$W/school3" "$(U "$P")"
ctok=$(field "$W/admin" /admin/campaigns/1 _csrf)
req camp-save 303 -b "$W/admin" --data-urlencode "_csrf=$ctok" \
	--data-urlencode "title=Đợt đánh giá đã đổi tên để thử bộ đệm" \
	--data-urlencode "basis=" --data-urlencode "opens=2026-01-05" \
	--data-urlencode "due=$(date -u -d '+60 days' +%Y-%m-%d)" --data-urlencode "review_due=" \
	"$BASE/admin/campaigns/1"
view camp-after "$W/school3" "$(U "$P")"
has camp-shows-title "$OUT" "Đợt đánh giá đã đổi tên để thử bộ đệm"

# The school renamed (command line): the page's heading.
# Its reviewer too (whose session does not carry the school's name).
view rename-before "$W/school3" "$(U "$P")"
view rename-rev-before "$W/rev" "$(U "$P")"
"$T" --db "$DB" org rename "$P" "Trường Thử Bộ Đệm Đổi Tên" >/dev/null
view rename-after "$W/school3" "$(U "$P")"
has rename-shows-name "$OUT" "<h1>Trường Thử Bộ Đệm Đổi Tên</h1>"
view rename-rev-after "$W/rev" "$(U "$P")"
has rename-rev-shows-name "$OUT" "<h1>Trường Thử Bộ Đệm Đổi Tên</h1>"

# Two users who may do the same on the page: each sees their own name
# (the school's head and its editor; the Sở's reviewer and its observer).
D=$(pick draft 1)
sign_in "$W/head" "ht.$(lower "$D")"
sign_in "$W/editor" "cntt.$(lower "$D")"
sign_in "$W/so" cv.so
sign_in "$W/obs" xem.so
# who_of FILE: the signed-in person's name in the page's header.
who_of() { grep -o '<div class="who"><span title="[^"]*">[^<]*<' "$1" | sed 's/.*">//; s/<$//'; }
view head "$W/head" "$(U "$D")"
head_name=$(who_of "$OUT")
view editor "$W/editor" "$(U "$D")"
has editor-own-name "$OUT" ">Cán bộ phụ trách CNTT "
# The head's account bears a person's name (demo.c): not the editor's.
if [ -n "$head_name" ] && [ "$head_name" != "$(who_of "$OUT")" ]; then
	ok head-own-name
else
	echo "head: \"$head_name\"" >>"$ERR"
	bad head-own-name
fi
hasnt editor-not-head "$OUT" ">$head_name<"
view so "$W/so" "$(U "$D")"
has so-own-name "$OUT" ">Chuyên viên Sở GD&amp;ĐT<"
view obs "$W/obs" "$(U "$D")"
has obs-own-name "$OUT" ">Theo dõi Sở GD&amp;ĐT (chỉ xem)<"

# Two sessions of one user: each page carries its own session's token,
# and a form posted with it is accepted.
sign_in "$W/school3b" "$HP"
view session-a "$W/school3" "$(U "$P")"
ta=$(csrf_of "$OUT")
view session-b "$W/school3b" "$(U "$P")"
tb=$(csrf_of "$OUT")
if [ -n "$ta" ] && [ -n "$tb" ] && [ "$ta" != "$tb" ]; then ok csrf-per-session; else bad csrf-per-session; fi
if [ "$(grep -o "$ta" "$OUT" | wc -l)" = 0 ]; then ok csrf-not-leaked; else bad csrf-not-leaked; fi
req session-b-logout 303 -b "$W/school3b" --data-urlencode "_csrf=$tb" "$BASE/logout"
# What the page stamps (migration 0027) must see besides the above: a
# reason of a return corrected in the database by another process; the
# viewer's own name changed by another process; evidence added from the
# command line; a unit that joins the campaign late (web).
view note-before "$W/rev" "$(U "$S")"
q "UPDATE review_note SET body = 'Lý do đã sửa để thử bộ đệm' WHERE body = 'Thiếu số liệu bộ đếm cache'"
view note-after "$W/rev" "$(U "$S")"
has note-shows-new-reason "$OUT" "Lý do đã sửa để thử bộ đệm"
view name-before "$W/head" "$(U "$D")"
q "UPDATE app_user SET full_name = 'Hiệu trưởng Tên Mới Thử Bộ Đệm' WHERE login = 'ht.$(lower "$D")'"
view name-after "$W/head" "$(U "$D")"
has name-shows-new "$OUT" "Hiệu trưởng Tên Mới Thử Bộ Đệm"
view evcli-before "$W/head" "$(U "$D")"
printf 'minh chung' >"$W/bien-ban-thu-bo-dem.txt"
if cli "ht.$(lower "$D")" evidence add 1 "$D" 1.4 "$W/bien-ban-thu-bo-dem.txt"; then ok evidence-cli; else bad evidence-cli; fi
view evcli-after "$W/head" "$(U "$D")"
has evcli-shows-file "$OUT" "bien-ban-thu-bo-dem.txt"
# The evidence's name changed (another process): the page shows the new.
q "UPDATE evidence SET name = 'bien-ban-doi-ten-thu.txt' WHERE name = 'bien-ban-thu-bo-dem.txt'"
view evname-after "$W/head" "$(U "$D")"
has evname-shows-new "$OUT" "bien-ban-doi-ten-thu.txt"
# A version recorded by another process (an import): in the history.
view snap-before "$W/head" "$(U "$D")"
q "INSERT INTO snapshot(submission_id, version, answers, score, submitted_by, submitted_at, late) SELECT id, 99, answers, '{}', 'nguoi.nop.thu.bo.dem', '2026-01-02T03:04:05Z', 0 FROM submission WHERE campaign_id = 1 AND unit_id = (SELECT id FROM org_unit WHERE code = '$D')"
view snap-after "$W/head" "$(U "$D")"
has snap-shows-version "$OUT" "nguoi.nop.thu.bo.dem"
# The path the campaign froze for the school moved out of its reviewer's
# area (another process): the reviewer may no longer see its page.
view frozen-before "$W/rev" "$(U "$D")"
q "UPDATE campaign_unit SET path = (SELECT path || id || '/' FROM org_unit WHERE code = '31HB') WHERE campaign_id = 1 AND unit_id = (SELECT id FROM org_unit WHERE code = '$D')"
req frozen-after 403 -b "$W/rev" "$BASE$(U "$D")"
"$T" --db "$DB" org add --code 31DK970 --name "Trường Tiểu học Vào Muộn Thử Bộ Đệm" --kind truong --parent 31DK --levels TH >/dev/null
for i in 1 2; do req "late-before-$i" 404 -b "$W/rev" "$BASE$(U 31DK970)"; done
jtok=$(field "$W/admin" /admin/campaigns/1 _csrf)
req late-join 303 -b "$W/admin" --data-urlencode "_csrf=$jtok" --data-urlencode "unit=31DK970" "$BASE/admin/campaigns/1/units"
view late-after "$W/rev" "$(U 31DK970)"
has late-shows-unit "$OUT" "<h1>Trường Tiểu học Vào Muộn Thử Bộ Đệm</h1>"
# The session is read in the page's own snapshot and slides after it: a
# session about to end is moved on by a view of the page.
at() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
q "UPDATE session SET expires_at = '$(at '+2 minutes')' WHERE user_id = (SELECT id FROM app_user WHERE login = 'ht.$(lower "$D")')"
view slide "$W/head" "$(U "$D")"
slid=$(q "SELECT count(*) FROM session WHERE user_id = (SELECT id FROM app_user WHERE login = 'ht.$(lower "$D")') AND expires_at > '$(at '+30 minutes')'")
if [ "$slid" = 1 ]; then ok session-slides; else echo "$slid sessions slid" >>"$ERR"; bad session-slides; fi
echo "form_cache: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/bash
# HTTP tests of opening a round and adding late joiners (issue 17, found
# walking the officer's desk): the new-campaign form selects the national
# rubric (or the office's last one), never a local variant by list
# order; the late-joiner form lists the eligible units. Demo database,
# server on 127.0.0.1 port 0.
# Usage: tests/http/campaign_new.sh PATH/TO/truongso
set -u
T=${1:?usage: campaign_new.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/http/lib.sh
http_demo
http_serve
for u in qt.so qt.dk qt.lc; do login "$W/$u" "$u"; done
selected() { grep -o '<option value="[^"]*" selected' "$OUT" | sed 's/<option value="//; s/" selected//'; }
is_selected() { # NAME RUBRIC
	if [ "$(selected)" = "$2" ]; then ok "$1"; else { echo "selected: $(selected)"; grep -o '<select id="rubric".*</select>' "$OUT"; } >>"$ERR"; bad "$1"; fi
}

# --- the rubric the form opens with
req new-form-so 200 -b "$W/qt.so" "$BASE/admin/campaigns/new"
is_selected new-form-so-national qd4725-2022-pt
page_has new-form-so-version-levels "$OUT" "QĐ 4725 (phổ thông, GDTX) (phiên bản 2; TH, THCS, THPT, GDTX)"
# Official ones first: QĐ 4725 is the first option.
if [ "$(grep -o '<option value="[^"]*"' "$OUT" | head -1)" = '<option value="qd4725-2022-pt"' ]; then ok new-form-national-first; else bad new-form-national-first; fi
page_has new-form-so-owner "$OUT" 'name="owner" type="text" value="31"'

# A commune office that never ran a round: the national rubric too.
req new-form-commune 200 -b "$W/qt.lc" "$BASE/admin/campaigns/new"
is_selected new-form-commune-national qd4725-2022-pt
# After it ran a round with another rubric, that one.
TOK=$(grep -o 'name="_csrf" value="[0-9a-f]*"' "$OUT" | head -1 | sed 's/.*value="//; s/"//')
req create-q7-round 303 -b "$W/qt.lc" --data-urlencode "_csrf=$TOK" --data-urlencode "title=Kiểm tra CĐS mầm non" \
	--data-urlencode "owner=31LC" --data-urlencode "rubric=q7-mn-2023" --data-urlencode "year=2026-2027" \
	--data-urlencode "opens=2026-12-01" --data-urlencode "due=2027-01-31" --data-urlencode "review_by=tree" "$BASE/admin/campaigns"
req new-form-commune-after 200 -b "$W/qt.lc" "$BASE/admin/campaigns/new"
is_selected new-form-commune-last-used q7-mn-2023
# The demo's 31DK ran its only round with Thủ Dầu Một's rubric.
req new-form-dk 200 -b "$W/qt.dk" "$BASE/admin/campaigns/new"
is_selected new-form-dk-own tdm-cntt-2022
# The demo Sở ran four QĐ 4725 rounds and, latest, two mầm non ones
# with Quận 7's: QĐ 4725 stays its default.
req new-form-so-after 200 -b "$W/qt.so" "$BASE/admin/campaigns/new"
is_selected new-form-so-unchanged qd4725-2022-pt

# --- late joiners picked from a list (issue 17 item 8)
csrf_of() { grep -ao 'name="_csrf" value="[0-9a-f]*"' "$OUT" | head -1 | sed 's/.*value="//; s/"//'; }
same() { if [ "$2" = "$3" ]; then ok "$1"; else echo "got '$2', expected '$3'" >>"$ERR"; bad "$1"; fi; }
parts() { q "SELECT count(*) FROM campaign_unit WHERE campaign_id = $1"; }
"$T" --db "$DB" campaign create --owner 31DK --rubric qd4725-2022-pt --year 2026-2027 --title "Đợt có trường lập sau" \
	--opens "$(date -u -d '-1 day' +%Y-%m-%d)" --due "$(date -u -d '+60 days' +%Y-%m-%d)" >/dev/null
NEW=$(q "SELECT max(id) FROM campaign")
# The demo's units were entered two hours ago, the campaign opened an hour ago.
q "UPDATE org_unit SET created_at = '$(at '-2 hours')'"
q "UPDATE campaign SET created_at = '$(at '-1 hour')' WHERE id = $NEW"
req join-none 200 -b "$W/qt.dk" "$BASE/admin/campaigns/$NEW"
page_has join-none-said "$OUT" "Chưa có đơn vị nào có thể thêm: không có trường hoặc trung tâm nào thuộc đơn vị chủ trì"
page_hasnt join-none-no-form "$OUT" "action=\"/admin/campaigns/$NEW/units\""
# Entered now: one eligible, one outside the owner's subtree, one that
# teaches no cấp học of the campaign (mầm non).
"$T" --db "$DB" org add --code 31DK950 --name "Trường Tiểu học Lập Sau" --kind truong --parent 31DK --levels TH >/dev/null
"$T" --db "$DB" org add --code 31HB950 --name "Trường Tiểu học Ngoài Xã" --kind truong --parent 31HB --levels TH >/dev/null
"$T" --db "$DB" org add --code 31DK951 --name "Trường Mầm non Lập Sau" --kind truong --parent 31DK --levels MN >/dev/null
before=$(parts "$NEW")
req join-list 200 -b "$W/qt.dk" "$BASE/admin/campaigns/$NEW"
page_has join-list-new "$OUT" 'value="31DK950"'
page_has join-list-name "$OUT" '<label for="31DK950">Trường Tiểu học Lập Sau</label>'
page_has join-list-parent "$OUT" "<td>31DK950</td><td>$(q "SELECT name FROM org_unit WHERE code = '31DK'")</td>"
page_hasnt join-list-outside "$OUT" '31HB950'
page_hasnt join-list-other-level "$OUT" '31DK951'
page_hasnt join-list-old "$OUT" 'value="31DK014"'
page_hasnt join-list-short-no-search "$OUT" 'name="q"'
TOK=$(csrf_of)
# A forged post for a unit outside the subtree: refused, nothing changes.
req join-forged 422 -b "$W/qt.dk" --data-urlencode "_csrf=$TOK" --data-urlencode "unit=31HB950" "$BASE/admin/campaigns/$NEW/units"
page_has join-forged-said "$OUT" "đơn vị không thuộc đơn vị chủ trì đợt đánh giá"
same join-forged-unchanged "$(parts "$NEW")" "$before"
req join-forged-level 422 -b "$W/qt.dk" --data-urlencode "_csrf=$TOK" --data-urlencode "unit=31DK951" "$BASE/admin/campaigns/$NEW/units"
page_has join-forged-level-said "$OUT" "đơn vị không dạy cấp học nào của đợt đánh giá"
same join-forged-level-unchanged "$(parts "$NEW")" "$before"
# Picked from the list: joined, audited with the day, then no longer listed.
req join-pick 303 -b "$W/qt.dk" --data-urlencode "_csrf=$TOK" --data-urlencode "unit=31DK950" "$BASE/admin/campaigns/$NEW/units"
same join-pick-counted "$(parts "$NEW")" "$((before + 1))"
same join-pick-audited "$(q "SELECT actor || ' ' || object || ' ' || substr(detail, 1, 7) FROM audit WHERE action = 'campaign.join' ORDER BY id DESC LIMIT 1")" "qt.dk campaign:$NEW 31DK950"
req join-after 200 -b "$W/qt.dk" "$BASE/admin/campaigns/$NEW?ok=join"
page_hasnt join-after-participant-gone "$OUT" 'value="31DK950"'
# A long list gets a search box; words match word prefixes without accents.
for i in $(seq 10 21); do
	"$T" --db "$DB" org add --code "31DK9$i" --name "Trường THCS Số $i" --kind truong --parent 31DK --levels THCS >/dev/null
done
"$T" --db "$DB" org add --code 31DK960 --name "Trường Tiểu học Hướng Dương" --kind truong --parent 31DK --levels TH >/dev/null
req join-long 200 -b "$W/qt.dk" "$BASE/admin/campaigns/$NEW"
page_has join-long-search "$OUT" 'name="q"'
req join-search 200 -b "$W/qt.dk" -G --data-urlencode "q=huong duong" "$BASE/admin/campaigns/$NEW"
page_has join-search-found "$OUT" 'value="31DK960"'
page_hasnt join-search-narrowed "$OUT" 'value="31DK910"'
req join-search-prefix 200 -b "$W/qt.dk" -G --data-urlencode "q=ng du" "$BASE/admin/campaigns/$NEW"
page_hasnt join-search-word-prefix "$OUT" 'value="31DK960"'
page_has join-search-none-said "$OUT" "Không có đơn vị nào có thể thêm khớp với"

# --- a campaign with no căn cứ (its page said "Căn cứ: -")
login "$W/cv.dk" cv.dk
req basis-empty-owner 200 -b "$W/qt.dk" "$BASE/campaigns/$NEW"
page_hasnt basis-empty-owner-no-dash "$OUT" "Căn cứ: -"
page_has basis-empty-owner-told "$OUT" "Năm học 2026-2027 · Chưa nhập căn cứ · Hạn nộp: "
page_has basis-empty-owner-edit "$OUT" " · <a href=\"/admin/campaigns/$NEW\">Sửa đợt đánh giá</a></p>"
req basis-empty-reviewer 200 -b "$W/cv.dk" "$BASE/campaigns/$NEW"
page_has basis-empty-reviewer-page "$OUT" "Năm học 2026-2027 · Hạn nộp: "
page_hasnt basis-empty-reviewer-left-out "$OUT" "Căn cứ"
page_hasnt basis-empty-reviewer-no-edit "$OUT" "Chưa nhập căn cứ"
# A basis that was typed is shown as typed.
"$T" --db "$DB" campaign edit "$NEW" --basis "Kế hoạch số 12/KH-PGDĐT" >/dev/null
# Its audit line (shown on /admin/audit) leaves out the review deadline
# it does not have, instead of "hạn xem xét -".
same basis-edit-audited "$(q "SELECT detail FROM audit WHERE action = 'campaign.edit' ORDER BY id DESC LIMIT 1")" \
	"Đợt có trường lập sau; mở $(date -u -d '-1 day' +%Y-%m-%d), hạn nộp $(date -u -d '+60 days' +%Y-%m-%d)"
req basis-typed 200 -b "$W/cv.dk" "$BASE/campaigns/$NEW"
page_has basis-typed-shown "$OUT" "Năm học 2026-2027 · Căn cứ: Kế hoạch số 12/KH-PGDĐT · Hạn nộp: "
# Units not started have no update time: said so, not "-".
req units-not-started 200 -b "$W/cv.dk" "$BASE/campaigns/$NEW?state=none"
page_has units-not-started-said "$OUT" "<td>Chưa cập nhật</td>"
page_hasnt units-not-started-no-dash "$OUT" "<td>-</td>"

echo "campaign-new: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

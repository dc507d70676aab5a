#!/bin/sh
# The improvement plan from the command line (issue 16): `plan set`
# through the same use case as the web form (the school's own users, an
# approved result, known items, audited), `plan show`.
# Usage: tests/cli/plan.sh PATH/TO/truongso
set -u
T=${1:?usage: plan.sh TRUONGSO}
case $T in
/*) ;;
*/*) T=$(pwd)/$T ;;
esac
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
W=$(mktemp -d) || exit 2
trap 'rm -rf "$W" "$OUT" "$ERR"' EXIT
trap 'exit 2' HUP INT TERM
unset TRUONGSO_DB TRUONGSO_DATA TRUONGSO_NOW
. tests/lib/sql.sh
sql_db "$W/demo.db" # or tests/pg/run.sh's PostgreSQL cluster
"$T" --db "$DB" demo >/dev/null || { echo "demo failed"; exit 1; }
said() { # said NAME FILE TEXT
	if grep -qF -- "$3" "$2"; then ok "$1"; else
		echo "missing: $3" >>"$ERR"
		bad "$1"
	fi
}
# An approved school of UBND phường Dương Kinh in campaign 1, one still
# submitted, and the plan as stored.
pick() {
	q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code LIKE '31DK0%' AND s.state = '$1' ORDER BY o.code LIMIT 1"
}
S=$(pick approved)
SUB=$(pick submitted)
ED=cntt.$(echo "$S" | tr 'A-Z' 'a-z')
stored() {
	q "SELECT p.item_id || '=' || p.note FROM improvement_plan p JOIN org_unit o ON o.id = p.unit_id WHERE o.code = '$1' AND p.campaign_id = 1 ORDER BY p.item_id" | paste -sd,
}
audits() { q "SELECT count(*) FROM audit WHERE action = 'plan.save' AND object = 'plan:1:$S'"; }

if run 0 "$T" --db "$DB" --as "$ED" plan show 1 "$S"; then ok "show: none yet"; else bad "show: none yet"; fi
said "show: says none" "$OUT" "Đơn vị $S chưa lập kế hoạch cải thiện."
if run 0 "$T" --db "$DB" --as "$ED" plan set 1 "$S" 1.3a "2.1=Mua máy chủ cho trường"; then
	ok "set: saved"; else bad "set: saved"; fi
said "set: says how many" "$OUT" "Đã lưu kế hoạch cải thiện của $S: 2 nội dung."
same "set: stored" "$(stored "$S")" "1.3a=,2.1=Mua máy chủ cho trường"
same "set: audited" "$(audits)" 1
if run 0 "$T" --db "$DB" --as "ht.$(echo "$S" | tr 'A-Z' 'a-z')" plan show 1 "$S"; then
	ok "show: the head sees it"; else bad "show: the head sees it"; fi
same "show: rubric order, with notes" "$(cat "$OUT")" "1.3a
2.1: Mua máy chủ cho trường"
# A bad item id is named; nothing changes.
if run 2 "$T" --db "$DB" --as "$ED" plan set 1 "$S" 1.3b 9.9=x; then
	ok "set: bad item refused"; else bad "set: bad item refused"; fi
said "set: bad item named" "$ERR" "9.9: không có nội dung này trong bộ chỉ số"
if run 2 "$T" --db "$DB" --as "$ED" plan set 1 "$S" 1.3b 1.3b; then
	ok "set: an item twice refused"; else bad "set: an item twice refused"; fi
said "set: an item twice named" "$ERR" "1.3b: nội dung được chọn hai lần"
same "set: refused, nothing stored" "$(stored "$S")" "1.3a=,2.1=Mua máy chủ cho trường"
same "set: refused, not audited" "$(audits)" 1
# Not the school's own user, or not approved yet: refused.
if run 2 "$T" --db "$DB" --as cv.dk plan set 1 "$S" 1.3a; then
	ok "set: the office refused"; else bad "set: the office refused"; fi
if run 2 "$T" --db "$DB" --as "cntt.$(echo "$SUB" | tr 'A-Z' 'a-z')" plan set 1 "$S" 1.3a; then
	ok "set: another school refused"; else bad "set: another school refused"; fi
if run 2 "$T" --db "$DB" --as "cntt.$(echo "$SUB" | tr 'A-Z' 'a-z')" plan set 1 "$SUB" 1.3a; then
	ok "set: not approved refused"; else bad "set: not approved refused"; fi
said "set: not approved says why" "$ERR" "chỉ lập kế hoạch cải thiện khi kết quả đã được phê duyệt"
same "set: refusals stored nothing" "$(stored "$SUB")" ""
if run 0 "$T" --db "$DB" --as cv.dk plan show 1 "$S"; then
	ok "show: the office reads it"; else bad "show: the office reads it"; fi
if run 2 "$T" --db "$DB" --as cv.lc plan show 1 "$S"; then
	ok "show: another office refused"; else bad "show: another office refused"; fi
# No item: the plan is cleared.
if run 0 "$T" --db "$DB" --as "$ED" plan set 1 "$S"; then ok "set: cleared"; else bad "set: cleared"; fi
same "set: nothing stored after clearing" "$(stored "$S")" ""
if run 2 "$T" --db "$DB" --as "$ED" plan set 1; then ok "usage"; else bad "usage"; fi
said "usage: says how" "$ERR" "cách dùng: truongso plan show ID MÃ_ĐƠN_VỊ"

echo "plan: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

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

echo "campaign-new: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/bash
# The school's form page, byte for byte (issue 17, item 1): the page is
# rendered from a cache of the rubric's fixed markup with each school's
# values spliced in, so every case below is compared whole with the page
# the plain renderer produced before the cache (tests/http/golden/, the
# CSRF token blanked). A value spliced into the wrong place, a missing
# reason or a wrong read-only control changes the bytes.
# A deliberate change of the page's markup: rerun with --update and
# review the golden files' diff in the same commit.
# Usage: tests/http/form_bytes.sh TRUONGSO [--update]
set -u
T=${1:?usage: form_bytes.sh TRUONGSO [--update]}
UPDATE=${2:-}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/http/lib.sh
G=tests/http/golden
http_demo
http_serve

# page NAME STATUS LOGIN PATH [curl args]: the page as LOGIN sees it,
# compared with $G/form-NAME.html.
page() {
	pg=$1 st=$2 acct=$3 path=$4
	shift 4
	[ -f "$W/$acct" ] || sign_in "$W/$acct" "$acct"
	req "form-$pg-status" "$st" -b "$W/$acct" "$@" "$BASE$path"
	tokens >"$W/tokens"
	sed -E 's/name="_csrf" value="[0-9a-f]*"/name="_csrf" value="-"/g' "$OUT" >"$W/$pg.html"
	if [ "$UPDATE" = --update ]; then
		cp "$W/$pg.html" "$G/form-$pg.html"
	fi
	same "form-$pg-bytes" "$pg"
	# Viewed again: the page cache's copy (a GET), the same bytes; then
	# twice gzip-compressed (pieces compressed once, the token put in
	# between), the same bytes once decompressed.
	if [ $# -eq 0 ]; then
		again "$pg-again" "$st" "$acct" "$path"
		again "$pg-gzip" "$st" "$acct" "$path" --compressed
		grep -qi '^Content-Encoding: gzip' "$ERR" && ok "form-$pg-gzip-sent" || bad "form-$pg-gzip-sent"
		again "$pg-gzip-again" "$st" "$acct" "$path" --compressed
		# As sent: a whole gzip member, its CRC and length right.
		curl -s -o "$W/raw.gz" -b "$W/$acct" -H 'Accept-Encoding: gzip' "$BASE$path"
		gzip -t "$W/raw.gz" 2>"$ERR" && ok "form-$pg-gzip-valid" || bad "form-$pg-gzip-valid"
	fi
}
# The distinct CSRF tokens of the page in $OUT.
tokens() { grep -o 'name="_csrf" value="[0-9a-f]*"' "$OUT" | sort -u; }
# again NAME STATUS LOGIN PATH [curl args]: the page once more, compared
# with the golden copy of the page() being checked ($pg).
again() {
	req "form-$1-status" "$2" -b "$W/$3" "${@:5}" "$BASE$4"
	# The session's own token, where the first view had it.
	if tokens | cmp -s - "$W/tokens"; then ok "form-$1-token"; else bad "form-$1-token"; fi
	sed -E 's/name="_csrf" value="[0-9a-f]*"/name="_csrf" value="-"/g' "$OUT" >"$W/$pg.html"
	same "form-$1-bytes" "$pg"
}
# same NAME PG: $W/PG.html is the golden page.
same() {
	if cmp -s "$W/$2.html" "$G/form-$2.html"; then
		ok "$1"
	else
		diff "$G/form-$2.html" "$W/$2.html" | head -c 3000 >"$ERR"
		bad "$1"
	fi
}
head_of() { echo "ht.$(lower "$1")"; }

draft=$(pick draft 0) returned=$(pick returned 0) approved=$(pick approved 0)
submitted=$(pick submitted 0)
stats=$(q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	   WHERE s.campaign_id = 8 AND s.state = 'draft' ORDER BY o.code LIMIT 1")
# A draft with values, as its school edits it and as its reviewer reads it.
page draft 200 "$(head_of "$draft")" "/campaigns/1/units/$draft"
page draft-reviewer 200 cv.dk "/campaigns/1/units/$draft"
# Returned with reasons; approved, read-only; submitted, as the school
# and with the reviewer's external scores and decision form.
page returned 200 "$(head_of "$returned")" "/campaigns/1/units/$returned"
page approved 200 "$(head_of "$approved")" "/campaigns/1/units/$approved"
page submitted 200 "$(head_of "$submitted")" "/campaigns/1/units/$submitted"
page submitted-reviewer 200 cv.dk "/campaigns/1/units/$submitted"
page approved-so 200 cv.so "/campaigns/1/units/$approved"
# A statistics campaign's form.
page stats 200 "$(head_of "$stats")" "/campaigns/8/units/$stats"
# A refused save: the typed values shown again with their messages.
who=$(head_of "$draft")
csrf=$(field "$W/$who" "/campaigns/1/units/$draft" _csrf)
rev=$(field "$W/$who" "/campaigns/1/units/$draft" rev)
page refused 422 "$who" "/campaigns/1/units/$draft/save" \
	--data-urlencode "_csrf=$csrf" --data-urlencode "rev=$rev" \
	--data-urlencode "v:1.3a=abc" --data-urlencode "n:1.3a=ghi chú <b>&" \
	--data-urlencode "v:1.3b=7,5"
echo "form_bytes: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

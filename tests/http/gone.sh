#!/bin/bash
# Work for a client that has gone is abandoned (issue 17 item 2): a client
# that sends a report request and closes its side at once (in the same
# TCP segment, tests/http/gone_client.py, so no timing decides it) gets
# the build stopped, answered 499 and logged so; a client that stays
# gets the same document whole. Loopback, port 0. Also the report page's
# link to the results export (ket-qua.xlsx), which is abandoned alike.
# Usage: tests/http/gone.sh PATH/TO/truongso
set -u
T=${1:?usage: gone.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/http/lib.sh
http_demo
http_serve
PORT=${BASE##*:}
curl -s -c "$W/jar" -o /dev/null -d 'login=cv.so&password=truongso-demo' "$BASE/login"
COOKIE=$(awk '/ts_session/ { print $7 }' "$W/jar")

# The Sở's report page offers the streamed results export where its
# rubric rates groups (campaign 1, QĐ 4725), not where it rates a total.
curl -s -b "$W/jar" -o "$OUT" "$BASE/campaigns/1/units/31/report"
if grep -qF 'href="/campaigns/1/units/31/report/ket-qua.xlsx"' "$OUT"; then ok results-link-4725; else bad results-link-4725; fi
curl -s -b "$W/jar" -o "$OUT" "$BASE/campaigns/2/units/31/report"
if grep -qF 'ket-qua.xlsx' "$OUT"; then bad results-no-link-mn; else ok results-no-link-mn; fi

for doc in danh-sach.pdf danh-sach.xlsx phu-luc-3.pdf ket-qua.xlsx; do
	path="/campaigns/1/units/31/report/$doc"
	got=$(curl -s -o "$OUT" -w '%{http_code}' -b "$W/jar" "$BASE$path")
	if [ "$got" = 200 ] && [ -s "$OUT" ]; then ok "stays-gets-$doc"; else echo "status $got" >"$ERR"; bad "stays-gets-$doc"; fi
	line=$(/usr/bin/python3 tests/http/gone_client.py 127.0.0.1 "$PORT" "$path" "$COOKIE")
	case $line in
	"HTTP/1.1 499"*) ok "gone-abandoned-$doc" ;;
	*) echo "status line: $line" >"$ERR"; bad "gone-abandoned-$doc" ;;
	esac
	# The access log says so: the line is written before the answer.
	if grep -q "GET $path 499 " "$W/server.log"; then ok "gone-logged-$doc"; else cp "$W/server.log" "$OUT"; bad "gone-logged-$doc"; fi
done
# Authorisation still comes first: a forbidden report is 403 even when the
# client has gone.
curl -s -c "$W/jar2" -o /dev/null -d 'login=cv.dk&password=truongso-demo' "$BASE/login"
C2=$(awk '/ts_session/ { print $7 }' "$W/jar2")
line=$(/usr/bin/python3 tests/http/gone_client.py 127.0.0.1 "$PORT" /campaigns/1/units/31/report/danh-sach.pdf "$C2")
case $line in
"HTTP/1.1 403"*) ok gone-forbidden-still-403 ;;
*) echo "status line: $line" >"$ERR"; bad gone-forbidden-still-403 ;;
esac
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/bash
# Work for a client that has gone is abandoned (issue 17 item 2): a client
# that sends a report request and closes its side at once (in the same
# TCP segment, tests/http/gone_client.py, so no timing decides it) gets
# the build stopped, answered 499 and logged so; a client that stays
# gets the same document whole. Loopback, port 0.
# Usage: tests/http/gone.sh PATH/TO/truongso
set -u
T=${1:?usage: gone.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
. tests/serve-wait.sh
W=$(mktemp -d)
SERVER=
cleanup() {
	[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
	wait 2>/dev/null
	rm -rf "$W" "$OUT" "$ERR"
}
trap cleanup EXIT
"$T" --db "$W/web.db" demo >/dev/null || { echo "demo failed"; exit 1; }
"$T" --db "$W/web.db" serve --port 0 >"$W/server.log" 2>&1 &
SERVER=$!
wait_listening "$W/server.log" "$SERVER"
PORT=${BASE##*:}
curl -s -c "$W/jar" -o /dev/null -d 'login=cv.so&password=truongso-demo' "$BASE/login"
COOKIE=$(awk '/ts_session/ { print $7 }' "$W/jar")

for doc in danh-sach.pdf danh-sach.xlsx phu-luc-3.pdf; do
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

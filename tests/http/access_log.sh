#!/bin/bash
# The access log is written in batches (web/access_log.c): no line is
# lost or cut when many requests run at once and the server is stopped
# cleanly right after, and a lone request's line is in the log before its
# answer reaches the client.
# Usage: tests/http/access_log.sh TRUONGSO
set -u
T=${1:?usage: access_log.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/http/lib.sh
http_demo
http_serve --connections 64 --per-address 64
LOG=$W/server.log
lines() { grep -c " GET /$1 " "$LOG"; }

# One request at a time: each line is out when its answer arrives.
for i in 1 2 3; do
	req "lone-$i" 200 "$BASE/login?n=$i"
	if [ "$(lines "login")" = "$i" ]; then ok "lone-line-$i"; else bad "lone-line-$i"; fi
done
# 600 requests, 32 at once, with paths of every length up to 5,000
# bytes (a line longer than the buffer among them), then a clean stop.
awk -v b="$BASE" 'BEGIN {
	while (length(x) < 5000) x = x "x"
	for (i = 1; i <= 600; i++)
		printf "url = \"%s/nope-%d-%s\"\noutput = \"/dev/null\"\n", b, i, substr(x, 1, (i * 37) % 5000)
}' >"$W/many.cfg"
curl -s --parallel --parallel-max 32 -K "$W/many.cfg" 2>/dev/null
kill -TERM "$SERVER"
wait "$SERVER"
SERVER=
n=$(grep -c " GET /nope-" "$LOG")
if [ "$n" = 600 ]; then ok all-lines; else echo "$n lines of 600" >>"$ERR"; bad all-lines; fi
whole=$(grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z 127\.0\.0\.1 GET /nope-[0-9]+-x* 404 [0-9]+ [0-9.]+ms -$' "$LOG")
if [ "$whole" = 600 ]; then ok lines-whole; else echo "$whole whole lines of 600" >>"$ERR"; bad lines-whole; fi
distinct=$(grep -o " GET /nope-[0-9]*-" "$LOG" | sort -u | wc -l)
if [ "$distinct" = 600 ]; then ok lines-distinct; else bad lines-distinct; fi
echo "access_log: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

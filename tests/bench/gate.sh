#!/bin/sh
# make bench (admission gate, issue 17 item 2): the Sở dashboard at 64
# connections with the gate at several sizes (TRUONGSO_GATE=K, a switch for
# this bench only; 0 = no gate, every handler at once), alternated in
# rounds on one generated province, so each setting meets the same machine
# load. Per run: wrk's p99 and max, req/s, the server's CPU per view, the
# p99 the server's access log shows, and the load average. Then the mix:
# the same dashboard on 64 connections while 2 more download a school's
# PDF report back to back (reports go around the gate: the dashboards
# must not wait behind them).
#   tests/bench/gate.sh [BINARY] [SCHOOLS] [ROUNDS] [K...]
#   default build/truongso 2000 3, K = 0 and the default (2 per core)
# Nothing is asserted.
set -eu
cd "$(dirname "$0")/../.."
. tests/serve-wait.sh
BIN=${1:-build/truongso}
N=${2:-2000}
ROUNDS=${3:-3}
[ $# -gt 3 ] && shift 3 || set --
GATES=${*:-0 default}
W=$(mktemp -d)
TS=
trap 'if [ -n "$TS" ]; then kill "$TS" 2>/dev/null; fi; rm -rf "$W"' EXIT
"$BIN" --db "$W/db" demo >/dev/null
python3 tools/gen-province.py "$W/db" "$N" >/dev/null
"$BIN" --db "$W/db" db migrate >/dev/null
PDF=/campaigns/1/units/31GDTX1/report/tu-danh-gia.pdf

start() { # start K
	: >"$W/ts.log" # no line of the previous server read as this one's
	if [ "$1" = default ]; then
		env -u TRUONGSO_GATE "$BIN" --db "$W/db" serve --port 0 --connections 128 \
			--per-address 256 >"$W/ts.log" 2>&1 &
	else
		TRUONGSO_GATE=$1 "$BIN" --db "$W/db" serve --port 0 --connections 128 \
			--per-address 256 >"$W/ts.log" 2>&1 &
	fi
	TS=$!
	wait_listening "$W/ts.log" "$TS"
	curl -s -c "$W/jar" -o /dev/null -d 'login=cv.so&password=truongso-demo' "$BASE/login"
	COOKIE=$(awk '/ts_session/ { print $7 }' "$W/jar")
	st=$(curl -s -b "ts_session=$COOKIE" -o /dev/null -w '%{http_code}' "$BASE/campaigns/1")
	[ "$st" = 200 ] || echo "dashboard answered $st: figures below are not the page's"
}
stop() {
	kill "$TS"
	wait "$TS" 2>/dev/null || true
	TS=
}
cpu_ms() {
	awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$1/stat"
}
summary() { # summary WRK-OUTPUT [CPU-MS]: req/s, p99, max (+ CPU per request)
	awk -v cpu="${2:-}" '/Requests\/sec/ { r = int($2) } / 99% / { p = $2 }
	     /requests in/ { n = $1 }
	     /^ *Latency +[0-9]/ { m = $4 }
	     /Non-2xx|Socket errors/ { e = e " [" $0 "]" }
	     END { printf "%s/s p99 %s max %s", r, p, m
		   if (cpu != "") printf " cpu %.3f ms", cpu / (n ? n : 1)
		   printf "%s", e }' "$1"
}

# server_p99 LINE: p99 of the dashboard's times in the access log after
# LINE (from the request line's arrival to the answer handed to MHD: the
# server's own part of wrk's latency, the gate's line included).
server_p99() {
	tail -n +"$(($1 + 1))" "$W/ts.log" | awk '$3 == "GET" && $4 == "/campaigns/1" {
		sub(/ms$/, "", $7); print $7 }' | sort -n | awk '{ v[NR] = $1 }
		END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%sms", v[i] }'
}

echo "$N schools, Sở dashboard, 64 connections, 5 s per run"
for round in $(seq "$ROUNDS"); do
	for k in $GATES; do
		start "$k"
		wrk -t2 -c64 -d1s -H "Cookie: ts_session=$COOKIE" "$BASE/campaigns/1" >/dev/null 2>&1 || true
		c0=$(cpu_ms "$TS")
		l0=$(wc -l <"$W/ts.log")
		wrk --latency -t2 -c64 -d5s -H "Cookie: ts_session=$COOKIE" "$BASE/campaigns/1" >"$W/dash" 2>&1 || true
		c1=$(cpu_ms "$TS")
		srv=$(server_p99 "$l0")
		load=$(cut -d' ' -f1 /proc/loadavg)
		wrk --latency -t1 -c2 -d5s -H "Cookie: ts_session=$COOKIE" "$BASE$PDF" >"$W/pdf" 2>&1 &
		slow=$!
		wrk --latency -t1 -c64 -d5s -H "Cookie: ts_session=$COOKIE" "$BASE/campaigns/1" >"$W/mix" 2>&1 || true
		wait "$slow" || true
		stop
		printf 'round %s gate %-7s load %-5s dashboard %s server p99 %s | mix: dashboard %s, PDF %s\n' \
			"$round" "$k" "$load" "$(summary "$W/dash" "$(echo "$c1 - $c0" | bc)")" "$srv" \
			"$(summary "$W/mix")" "$(summary "$W/pdf")"
	done
done

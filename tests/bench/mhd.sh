#!/bin/sh
# make bench (MHD modes): libmicrohttpd's thread per connection with the
# admission gate (what `truongso serve` runs, "gate"), without it
# ("tpc", TRUONGSO_GATE=0), and MHD's thread pool (N event loops over
# epoll, TRUONGSO_MHD_POOL=N), the switches for this bench only, same
# binary, same run (MHD_MODES="gate tpc" picks some). Three loads, wrk on
# loopback, 5 s each:
#   static    the stylesheet, 2 threads, 64 connections
#   dashboard the Sở's dashboard signed in, 2 threads, 64 connections
#   mix       the stylesheet on 64 connections while 2 more connections
#             download a school's PDF report (tens of ms of blocking work
#             each) back to back: does a slow handler stall the others?
# Prints req/s, p99 and max latency per mode and load. Nothing is asserted.
set -eu
cd "$(dirname "$0")/../.."
T=${1:-build/truongso}
W=$(mktemp -d)
TS=
trap 'if [ -n "$TS" ]; then kill "$TS" 2>/dev/null; fi; rm -rf "$W"' EXIT
"$T" --db "$W/db" demo >/dev/null

# start MODE: the server in that mode ("gate", "tpc" or "poolN"); sets $BASE, $COOKIE.
start() {
	: >"$W/ts.log" # no line of the previous server read as this one's
	case $1 in
	gate) env -u TRUONGSO_GATE "$T" --db "$W/db" serve --port 0 --connections 66 \
		--per-address 66 >"$W/ts.log" 2>&1 & ;;
	tpc) TRUONGSO_GATE=0 "$T" --db "$W/db" serve --port 0 --connections 66 \
		--per-address 66 >"$W/ts.log" 2>&1 & ;;
	pool*) TRUONGSO_MHD_POOL=${1#pool} "$T" --db "$W/db" serve --port 0 \
		--connections 66 --per-address 66 >"$W/ts.log" 2>&1 & ;;
	esac
	TS=$!
	BASE=
	for _ in $(seq 100); do
		BASE=$(sed -n 's|.*listening on \(http://[0-9.:]*\).*|\1|p' "$W/ts.log")
		[ -n "$BASE" ] && break
		sleep 0.1
	done
	[ -n "$BASE" ] || { cat "$W/ts.log"; exit 1; }
	curl -s -c "$W/jar" -o /dev/null -d 'login=cv.so&password=truongso-demo' "$BASE/login"
	COOKIE=$(awk '/ts_session/ { print $7 }' "$W/jar")
}
stop() {
	kill "$TS"
	wait "$TS" 2>/dev/null || true
	TS=
}
# run OUT WRK-ARGS...: wrk with its latency distribution into OUT.
run() {
	out=$1
	shift
	wrk --latency -d5s "$@" >"$out" 2>&1 || true
}
# summary FILE: "N req/s, p99 X, max Y" (plus errors, if any). A stalled
# connection sends few requests while it waits, so p99 can miss a stall
# that the slowest request (max) shows.
summary() {
	awk '/Requests\/sec/ { r = int($2) } / 99% / { p = $2 }
	     /^ *Latency +[0-9]/ { m = $4 }
	     /Non-2xx|Socket errors/ { e = e " [" $0 "]" }
	     END { printf "%s/s p99 %s max %s%s", r, p, m, e }' "$1"
}

PDF=/campaigns/1/units/31GDTX1/report/tu-danh-gia.pdf
printf '%-7s %-30s %-30s %-30s %s\n' mode static dashboard "mix: stylesheet" "mix: PDF"
for mode in ${MHD_MODES:-gate tpc pool2 pool8}; do
	start "$mode"
	run "$W/static" -t2 -c64 "$BASE/static/app.css"
	run "$W/dash" -t2 -c64 -H "Cookie: ts_session=$COOKIE" "$BASE/campaigns/1"
	run "$W/slow" -t1 -c2 -H "Cookie: ts_session=$COOKIE" "$BASE$PDF" &
	slow=$!
	run "$W/fast" -t1 -c64 "$BASE/static/app.css"
	wait "$slow"
	stop
	printf '%-7s %-30s %-30s %-30s %s\n' "$mode" "$(summary "$W/static")" \
		"$(summary "$W/dash")" "$(summary "$W/fast")" "$(summary "$W/slow")"
done

#!/bin/bash
# The server stays up for everyone under hostile or heavy load (loopback
# only, every loop bounded): slow clients are cut at the request deadline
# and never shut others out; connections past capacity get 503 at once.
# Usage: tests/http/hostile.sh PATH/TO/truongso
set -u
T=${1:?usage: hostile.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
W=$(mktemp -d)
DB="$W/web.db"
SERVER=
SLOW=
cleanup() {
	[ -n "$SLOW" ] && kill "$SLOW" 2>/dev/null
	[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
	wait 2>/dev/null
	rm -rf "$W" "$OUT" "$ERR"
}
trap cleanup EXIT
"$T" --db "$DB" demo >/dev/null || { echo "demo failed"; exit 1; }

# serve ARGS...: starts the server on a free port; sets BASE and PORT.
serve() {
	: >"$W/server.log"
	"$T" --db "$DB" serve --port 0 "$@" >"$W/server.log" 2>&1 &
	SERVER=$!
	BASE=
	for _ in $(seq 100); do
		BASE=$(sed -n 's|.*listening on \(http://[0-9.:]*\).*|\1|p' "$W/server.log")
		[ -n "$BASE" ] && break
		sleep 0.1
	done
	[ -n "$BASE" ] || { cat "$W/server.log"; echo "server did not start"; exit 1; }
	PORT=${BASE##*:}
}
stop() {
	kill -TERM "$SERVER"
	wait "$SERVER" 2>/dev/null
	SERVER=
}
# slow COUNT SECONDS: slow clients from 127.0.0.1 in the background, one
# header line a second; waits until they are all connected.
slow() {
	rm -f "$W/ready"
	/usr/bin/python3 tests/http/slow_clients.py 127.0.0.1 "$PORT" "$1" 1 "$2" \
		"$W/ready" >"$W/slow.out" 2>&1 &
	SLOW=$!
	for _ in $(seq 300); do
		[ -s "$W/ready" ] && break
		sleep 0.1
	done
}
# get NAME WANT [curl args...]: one request, bounded by --max-time.
get() {
	name=$1 want=$2
	shift 2
	got=$(curl -s -o "$OUT" -D "$ERR" -w '%{http_code} %{time_total}' --max-time 20 "$@")
	echo "$name: $got"
	if [ "${got%% *}" = "$want" ]; then ok "$name"; else bad "$name"; fi
}
# until_served NAME URL [curl args...]: retries (at most 40 times, each
# bounded) until a 200; the slow clients are being cut meanwhile.
until_served() {
	name=$1
	shift
	for i in $(seq 40); do
		code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@")
		[ "$code" = 200 ] && { echo "$name: served after $i tries"; ok "$name"; return; }
		sleep 0.5
	done
	bad "$name"
}

# --- 200 slow clients from one address, with the default capacity
serve --request-timeout 3
slow 200 40
echo "slow clients: $(cat "$W/ready") connected"
get other-address-served 200 --interface 127.0.0.2 "$BASE/healthz"
until_served same-address-served "$BASE/healthz"
wait "$SLOW"
SLOW=
cat "$W/slow.out"
# Every slow connection was cut by the server (a header line a second
# would keep an idle timeout from ever firing).
if grep -q 'still_open 0 ' "$W/slow.out"; then ok slow-clients-cut; else bad slow-clients-cut; fi
if grep -Eq 'refused [1-9]' "$W/slow.out"; then ok per-address-limit; else bad per-address-limit; fi

# --- sign-in failures slow down; they never lock a whole address out
# 21 failures with made-up names from one address (before: 20 locked every
# sign-in from it for 15 minutes, and behind nginx everybody shares one).
for i in $(seq 21); do
	curl -s -o /dev/null --max-time 20 --interface 127.0.0.3 -d "login=khong-co-$i&password=x" "$BASE/login"
done
get other-account-same-address 303 --interface 127.0.0.3 -d 'login=cv.dk&password=truongso-demo' "$BASE/login"
stop

# --- behind a trusted proxy, X-Forwarded-For names the client
serve --trusted-proxy 127.0.0.1
curl -s -o /dev/null --max-time 20 -H 'X-Forwarded-For: 198.51.100.1, 203.0.113.7' -d 'login=xff.proxy&password=x' "$BASE/login"
curl -s -o /dev/null --max-time 20 --interface 127.0.0.2 -H 'X-Forwarded-For: 203.0.113.8' -d 'login=xff.direct&password=x' "$BASE/login"
same forwarded-client-from-proxy "$(sqlite3 "$DB" "SELECT client FROM login_failure WHERE login = 'xff.proxy'")" 203.0.113.7
same forwarded-for-ignored-from-others "$(sqlite3 "$DB" "SELECT client FROM login_failure WHERE login = 'xff.direct'")" 127.0.0.2
stop

# --- past capacity: 503 at once, then served again
serve --request-timeout 3 --connections 4 --per-address 100
slow 8 40
get over-capacity-503 503 --interface 127.0.0.2 "$BASE/healthz"
contains over-capacity-retry-after err "Retry-After: 30"
contains over-capacity-vietnamese out "Hãy thử lại sau ít phút"
until_served served-after-slow-cut --interface 127.0.0.2 "$BASE/healthz"
wait "$SLOW"
SLOW=
cat "$W/slow.out"
stop

echo "hostile: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

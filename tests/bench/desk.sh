#!/bin/sh
# make bench (desk, issue 17): the officer's pages on generated provinces
# of several sizes (tools/gen-province.py; past 20,000 schools the nation,
# tools/gen-nation.py, and the Bộ's dashboard), against nginx sending a saved
# copy of the same page in the same run. wrk on loopback only, bounded:
# 5 s per run (3 s for the single client).
#   tests/bench/desk.sh [BINARY] [SIZES...]   default build/truongso 500 2000
# Prints one line per size: Sở dashboard (1 client mean, 64 clients p99),
# Phòng dashboard p99 at 64, a school's form page req/s against nginx
# and its server CPU per request (plain, and gzip as browsers ask for
# it), server peak RSS.
set -eu
cd "$(dirname "$0")/../.."
. tests/serve-wait.sh
BIN=${1:-build/truongso}
[ $# -gt 0 ] && shift
SIZES=${*:-500 2000}
W=$(mktemp -d)
TS= NG=
trap 'kill $TS $NG 2>/dev/null; rm -rf "$W"' EXIT
P2=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$W/www"
cat >"$W/nginx.conf" <<CONF
worker_processes 2; pid $W/nginx.pid; error_log $W/error.log; daemon off;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$P2; root $W/www; } }
CONF
nginx -c "$W/nginx.conf" -p "$W" &
NG=$!

login() { # login -> cookie value
	curl -s -c "$W/jar" -o /dev/null -d "login=$1&password=truongso-demo" \
		"http://127.0.0.1:$P1/login"
	awk '/ts_session/ { print $7 }' "$W/jar"
}
cpu_ms() { # user + system CPU of process $1 so far, in ms
	awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$1/stat"
}
wrk_p99() { # p99 in ms; the request count in $W/n
	wrk --latency "$@" 2>/dev/null | tee "$W/wrk.out" | awk '$1 == "99%" {
		v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
		if (u == "us") v /= 1000; if (u == "s") v *= 1000; print v }'
}
per_request() { # CPU ms from $1 to $2 over the requests in $W/wrk.out
	awk -v a="$1" -v b="$2" -v n="$(awk '/requests in/ { print $1 }' "$W/wrk.out")" \
		'BEGIN { printf "%.3f", (b - a) / (n ? n : 1) }'
}
wrk_mean_of() {
	awk '$1 == "Latency" {
		v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
		if (u == "us") v /= 1000; if (u == "s") v *= 1000; print v; exit }' "$1"
}
rps() { wrk "$@" 2>/dev/null | awk '/Requests\/sec/ { print $2 }'; }

for n in $SIZES; do
	db="$W/p$n.db"
	"$BIN" --db "$db" demo >/dev/null
	# Up to a province: the demo Sở grown (campaign 1); past it, the
	# nation under a Bộ (tools/gen-nation.py, its first campaign: the
	# copy of campaign 1, after the demo's own).
	if [ "$n" -le 20000 ]; then
		python3 tools/gen-province.py "$db" "$n" >/dev/null
		camp=1 top=cv.so office=cv.p001 prefix=31P
	else
		python3 tools/gen-nation.py "$db" "$n" >/dev/null
		camp=$(sqlite3 "$db" "SELECT min(c.id) FROM campaign c JOIN app_user u ON u.org_unit_id = c.owner_unit_id WHERE u.login = 'cv.bo' AND c.kind = 'cds'") top=cv.bo office=cv.vn01x001 prefix=VN
	fi
	"$BIN" --db "$db" db migrate >/dev/null
	school=$(sqlite3 "$db" "SELECT o.code FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id JOIN submission s ON s.campaign_id = $camp AND s.unit_id = o.id WHERE cu.campaign_id = $camp AND o.code LIKE '$prefix%' AND s.state = 'draft' ORDER BY o.code LIMIT 1")
	"$BIN" --db "$db" serve --port 0 --connections 64 --per-address 64 >"$W/ts.log" 2>&1 &
	TS=$!
	wait_listening "$W/ts.log" "$TS"
	P1=${BASE##*:}
	so=$(login $top)
	ph=$(login $office)
	ht=$(login "ht.$(echo "$school" | tr 'A-Z' 'a-z')")
	form="/campaigns/$camp/units/$school"
	# Each page must be the page itself (200), not a sign-in redirect.
	for pg in "so $so /campaigns/$camp" "form $ht $form"; do
		set -- $pg ""
		st=$(curl -s -b "ts_session=$2" -o "$W/www/$1.html" -w '%{http_code}' "http://127.0.0.1:$P1$3")
		[ "$st" = 200 ] || echo "$n schools: $1 page $3 answered $st (cookie '$2'), figures below are not the page's"
	done
	# The server's CPU time per request: what a page costs, whatever
	# else the shared machine is running (latency is not). The form page
	# first, and the dashboard's from its single client: a slow page
	# under 64 connections leaves requests running after wrk stops,
	# which would be counted against the next run.
	c0=$(cpu_ms "$TS")
	wrk -t2 -c64 -d5s -H "Cookie: ts_session=$ht" "http://127.0.0.1:$P1$form" >"$W/wrk.out" 2>/dev/null
	c1=$(cpu_ms "$TS")
	fr=$(awk '/Requests\/sec/ { print $2 }' "$W/wrk.out")
	frcpu=$(per_request "$c0" "$c1")
	ngfr=$(rps -t2 -c64 -d5s "http://127.0.0.1:$P2/form.html")
	# The same page as browsers ask for it (gzip).
	c0=$(cpu_ms "$TS")
	wrk -t2 -c64 -d5s -H "Accept-Encoding: gzip" -H "Cookie: ts_session=$ht" "http://127.0.0.1:$P1$form" >"$W/wrk.out" 2>/dev/null
	c1=$(cpu_ms "$TS")
	gzfr=$(awk '/Requests\/sec/ { print $2 }' "$W/wrk.out")
	gzcpu=$(per_request "$c0" "$c1")
	c0=$(cpu_ms "$TS")
	wrk --latency -t1 -c1 -d3s -H "Cookie: ts_session=$so" "http://127.0.0.1:$P1/campaigns/$camp" >"$W/wrk.out" 2>/dev/null
	c1=$(cpu_ms "$TS")
	so1=$(wrk_mean_of "$W/wrk.out")
	socpu=$(per_request "$c0" "$c1")
	so64=$(wrk_p99 -t2 -c64 -d5s -H "Cookie: ts_session=$so" "http://127.0.0.1:$P1/campaigns/$camp")
	ph64=$(wrk_p99 -t2 -c64 -d5s -H "Cookie: ts_session=$ph" "http://127.0.0.1:$P1/campaigns/$camp")
	ngso=$(rps -t2 -c64 -d5s "http://127.0.0.1:$P2/so.html")
	rss=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$TS/status")
	kill "$TS"
	wait "$TS" 2>/dev/null || true
	TS=
	printf '%s schools: Sở dashboard 1 client %s ms, 64 clients p99 %s ms, server CPU %s ms/request (nginx copy %s req/s); Phòng dashboard p99 %s ms; form page %s req/s (server CPU %s ms/request), nginx %s req/s (%s), gzip %s req/s (server CPU %s ms/request); peak RSS %s MB\n' \
		"$n" "$so1" "$so64" "$socpu" "$ngso" "$ph64" "$fr" "$frcpu" "$ngfr" \
		"$(awk -v a="$fr" -v b="$ngfr" 'BEGIN { printf "%.3fx", a / b }')" \
		"$gzfr" "$gzcpu" "$rss"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"

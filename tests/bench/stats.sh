#!/bin/sh
# The statistics dashboard on a generated province (issue 15 item 2): the
# Sở's roll-up by bậc học (/campaigns/ID), one indicator's drill-down
# (?chi_so=hs_may_tinh) and Phụ lục 2 (CLI, XLSX) over N schools
# (tools/gen-province.py copies the demo's statistics reports too), one
# client on loopback, 20 requests each after one to warm up. No assertion.
#   tests/bench/stats.sh [BINARY] [N]     default build/truongso 2000
set -eu
cd "$(dirname "$0")/../.."
. tests/serve-wait.sh
BIN=${1:-build/truongso}
N=${2:-2000}
W=$(mktemp -d)
S=
trap 'kill $S 2>/dev/null; rm -rf "$W"' EXIT
"$BIN" --db "$W/p.db" demo >/dev/null
python3 tools/gen-province.py "$W/p.db" "$N" >/dev/null
"$BIN" --db "$W/p.db" db migrate >/dev/null
C=$(sqlite3 "$W/p.db" "SELECT id FROM campaign WHERE kind = 'thong-ke' AND school_year = '2025-2026'")
U=$(sqlite3 "$W/p.db" "SELECT count(*) FROM campaign_unit WHERE campaign_id = $C")
"$BIN" --db "$W/p.db" serve --port 0 >"$W/log" 2>&1 &
S=$!
wait_listening "$W/log" "$S"
curl -s -c "$W/jar" -o /dev/null -d "login=cv.so&password=truongso-demo" "$BASE/login"
mean_ms() { # mean_ms URL: mean of 20 sequential requests, in ms
	curl -s -b "$W/jar" -o /dev/null "$1"
	for _ in $(seq 20); do
		curl -s -b "$W/jar" -o /dev/null -w '%{time_total}\n' "$1"
	done | awk '{ s += $1 } END { printf "%.1f", s * 1000 / NR }'
}
d=$(mean_ms "$BASE/campaigns/$C")
k=$(mean_ms "$BASE/campaigns/$C?chi_so=hs_may_tinh")
t0=$(date +%s%N)
for _ in 1 2 3 4 5; do
	"$BIN" --db "$W/p.db" --as cv.so report phu-luc-2 --campaign "$C" \
		--unit 31 --format xlsx -o "$W/p2.xlsx" >/dev/null
done
p=$((($(date +%s%N) - t0) / 5000000))
echo "schools=$U dashboard=${d}ms drill=${k}ms phu-luc-2-xlsx=${p}ms" \
	"load=$(cut -d' ' -f1-3 /proc/loadavg)"

#!/bin/sh
# National results XLSX (issue 17 item 3): `truongso report ket-qua`
# (rows streamed from the stored score summaries to libxlsxwriter in
# constant_memory mode) against openpyxl write_only writing the same rows
# from the same database (tests/bench/results_peer.py), same run. The
# nation is generated (tools/gen-nation.py) at N schools; the Bộ's first
# CĐS campaign (phổ thông and GDTX, after the demo's own campaigns) holds
# about 65 % of them: N=163000 gives ~106,000 rows.
#   tests/bench/results.sh [BINARY] [N]
# Prints rows, time and peak RSS of both, and the ratio. No assertion.
set -eu
cd "$(dirname "$0")/../.."
BIN=${1:-build/truongso}
N=${2:-163000}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
"$BIN" --db "$W/n.db" demo >/dev/null
/usr/bin/python3 tools/gen-nation.py "$W/n.db" "$N" >/dev/null
"$BIN" --db "$W/n.db" db migrate >/dev/null
# The Bộ's copy of the demo's QĐ 4725 round (as tests/bench/desk.sh): a
# fixed id named a demo campaign once the demo had more than three.
camp=$(sqlite3 "$W/n.db" "SELECT min(c.id) FROM campaign c JOIN app_user u ON u.org_unit_id = c.owner_unit_id WHERE u.login = 'cv.bo' AND c.kind = 'cds'")
# Warm the page cache for both alike.
cat "$W/n.db" >/dev/null
/usr/bin/time -f '%e %M' -o "$W/t1" "$BIN" --db "$W/n.db" report ket-qua \
	--campaign "$camp" -o "$W/ours.xlsx" >"$W/o1"
/usr/bin/time -f '%e %M' -o "$W/t2" /usr/bin/python3 tests/bench/results_peer.py \
	"$W/n.db" "$camp" "$W/peer.xlsx" >"$W/o2"
rows=$(sed -n 's/.*của \([0-9]*\) đơn vị.*/\1/p' "$W/o1")
read -r s1 m1 <"$W/t1"
read -r s2 m2 <"$W/t2"
echo "rows=$rows truongso=${s1}s ${m1}KB openpyxl=${s2}s ${m2}KB" \
	"ratio=$(awk -v a="$s1" -v b="$s2" 'BEGIN { printf "%.1f", b / a }')x" \
	"sizes=$(stat -c %s "$W/ours.xlsx")/$(stat -c %s "$W/peer.xlsx")" \
	"load=$(cut -d' ' -f1-3 /proc/loadavg)"

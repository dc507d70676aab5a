#!/bin/sh
# make bench: truongso's scorer and roll-up vs sqlite3 doing the roll-up in
# SQL over the same item points, in the same run (ratios, not absolute
# times; see docs/performance.md). Also checks both roll-ups are equal.
set -eu
cd "$(dirname "$0")/../.."
N=${BENCH_SCHOOLS:-53000}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "== truongso (N=$N schools, QĐ 4725, 2 groups)"
build/bench_score "$N" "$OUT" | tee "$OUT/ours.txt"
echo "== peer: sqlite3 $(sqlite3 --version | cut -d' ' -f1), same roll-up from item points"
cat >"$OUT/peer.sql" <<'SQL'
CREATE TABLE item(school INT, district INT, lvl INT, grp INT, is_gate INT, met INT, pts INT);
.mode csv
.import ITEMS item
.mode list
.timer on
CREATE TEMP TABLE g AS
  SELECT school, district, lvl, grp,
         CASE WHEN SUM(is_gate AND NOT met) > 0 THEN 0 ELSE SUM(pts) END AS total
  FROM item GROUP BY school, grp;
.output ROLLUP
.separator ,
SELECT district, lvl, grp,
       CASE WHEN total < 50 THEN 1 WHEN total <= 75 THEN 2 ELSE 3 END AS level,
       COUNT(*)
FROM g GROUP BY district, lvl, grp, level ORDER BY district, lvl, grp, level;
SQL
sed -i "s|ITEMS|$OUT/items.csv|; s|ROLLUP|$OUT/rollup-sqlite.csv|" "$OUT/peer.sql"
sqlite3 :memory: <"$OUT/peer.sql" 2>&1 | grep -E '^Run Time' | sed 's/^/sqlite3 /' | tee "$OUT/peer.txt"
ours=$(sed -n 's/^truongso score + roll-up.*: \([0-9.]*\) ms$/\1/p' "$OUT/ours.txt")
peer=$(awk '{ s += $5 } END { printf "%.1f", s * 1000 }' "$OUT/peer.txt")
awk -v o="$ours" -v p="$peer" 'BEGIN {
	printf "score + roll-up: truongso %.1f ms, sqlite3 %.1f ms: truongso is %.1fx faster\n", o, p, p / o }'
sort "$OUT/rollup-truongso.csv" >"$OUT/a"
sort "$OUT/rollup-sqlite.csv" >"$OUT/b"
if cmp -s "$OUT/a" "$OUT/b"; then
	echo "roll-up tables identical ($(wc -l <"$OUT/a") cells)"
else
	echo "ROLL-UP MISMATCH between truongso and sqlite3" >&2
	exit 1
fi

#!/bin/sh
# A hand count of Phụ lục 3 (seed 000) for campaign CAMPAIGN under unit
# ROOT, done without the report code: the participants and their states
# come from SQL (tests/lib/sql.sh: SQLite or PostgreSQL), each reviewed result's levels from the text of
# `truongso submission show` (the reviewed block when there is one), and
# the counting is plain awk. A liên cấp school counts once under each of
# its cấp học, and once in its group's total row.
# Prints the data rows of the report's CSV as the report should write them
# (without the header rows). Rows of a cấp học the root has no school of
# are all zero and start with "?": a report may print or leave them out.
# Usage: handcount-levels.sh TRUONGSO DB CAMPAIGN ROOT
set -u
T=$1 DB=$2 CID=$3 ROOT=$4
. "$(dirname "$0")/../lib/sql.sh"

levels=$(q "SELECT school_levels FROM campaign WHERE id = $CID")
# code|levels (within the campaign's)|state, for every expected unit.
q "SELECT o.code, cu.school_levels, coalesce(s.state, 'none')
	FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id
	LEFT JOIN submission s ON s.campaign_id = cu.campaign_id
	AND s.unit_id = cu.unit_id WHERE cu.campaign_id = $CID AND cu.path
	LIKE (SELECT path FROM org_unit WHERE code = '$ROOT') || '%'
	ORDER BY o.code" |
while IFS='|' read -r code lv state; do
	g1=0 g2=0
	case $state in
	approved | published)
		# The last "Nhóm tiêu chí N" line wins: after "Sau đánh giá
		# ngoài:" come the reviewed levels, which the report counts.
		set -- $("$T" --db "$DB" submission show "$CID" "$code" | sed -n \
			's/^- Nhóm tiêu chí \([0-9]\) .*đạt Mức độ \([0-9]\).*/\1 \2/p' |
			awk '{ l[$1] = $2 } END { print l[1] + 0, l[2] + 0 }')
		g1=$1 g2=$2
		;;
	esac
	echo "$lv $state $g1 $g2"
done | awk -v levels="$levels" '
function pct(part, whole,   p) {
	p = whole <= 0 ? 0 : int((part * 20000 + whole) / (whole * 2))
	return fixed(p)
}
# The shares of a row add up to 100 %: hundredths rounded down, the ones
# missing go to the largest remainders (the earlier level on a tie). Every
# rate prints two decimals (pts_format_rate_vn).
function fixed(p,   i, f) {
	i = int(p / 100); f = p % 100
	return "\"" i "," sprintf("%02d", f) "%\""
}
function row(opt, stt, name, n, w, k, sh, rem, done, given, best) {
	w = n[1] + n[2] + n[3]
	printf "%s%s,%s", opt, stt, name
	given = 0
	for (k = 1; k <= 3; k++) {
		sh[k] = w > 0 ? int(n[k] * 10000 / w) : 0
		rem[k] = w > 0 ? (n[k] * 10000) % w : 0
		given += sh[k]; done[k] = 0
	}
	while (w > 0 && given < 10000) {
		best = 0
		for (k = 1; k <= 3; k++)
			if (!done[k] && (best == 0 || rem[k] > rem[best])) best = k
		sh[best]++; done[best] = 1; given++
	}
	for (k = 1; k <= 3; k++) printf ",%d,%s", n[k], fixed(sh[k])
	printf "\n"
}
BEGIN {
	split("1 2 4 8 16", bit, " ")
	split("Mầm non|Tiểu học|THCS|THPT|GDTX", lname, "|")
	title[1] = "\"Chuyển đổi số trong dạy, học\""
	title[2] = "Chuyển đổi số trong quản trị cơ sở giáo dục"
}
{
	lv = $1; state = $2; g[1] = $3; g[2] = $4
	reviewed = state == "approved" || state == "published"
	for (b = 1; b <= 5; b++) {
		if (int(lv / bit[b]) % 2 == 0) continue
		expected[b]++
		if (state != "none" && state != "draft") took[b]++
		for (k = 1; k <= 2 && reviewed; k++) at[k, b, g[k]]++
	}
	for (k = 1; k <= 2 && reviewed; k++) total[k, g[k]]++
}
END {
	s = 0
	for (b = 1; b <= 5; b++) {
		if (int(levels / bit[b]) % 2 == 0) continue
		s++
		printf "%s%d,CSGD %s,%d,%d,%s\n", expected[b] ? "" : "?", s,
			lname[b], expected[b], took[b], pct(took[b], expected[b])
	}
	for (k = 1; k <= 2; k++) {
		for (m = 1; m <= 3; m++) n[m] = total[k, m] + 0
		row("", k, title[k], n)
		s = 0
		for (b = 1; b <= 5; b++) {
			if (int(levels / bit[b]) % 2 == 0) continue
			s++
			for (m = 1; m <= 3; m++) n[m] = at[k, b, m] + 0
			row(expected[b] ? "" : "?", k "." s, "CSGD " lname[b], n)
		}
	}
}'

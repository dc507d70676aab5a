#!/bin/sh
# Layout of every kind of document the demo produces, read back from the
# PDF (tests/report/layout_check.py: pdftotext per page and per region,
# python-docx for the data's words): no page that starts with the closing
# block, no header line ending inside a unit's name, no word of the data
# split across lines. For each campaign: the school report of one school
# in every submission state plus the demo's own examples, the school's
# decisions and meeting record of a few, and Phụ lục 3, the listing,
# the guidance letter and the list of units not submitted of every
# office that makes them.
# Each document's CSV, in both dialects, is read as Excel would
# (tests/report/csv_check.py), and its XLSX checked for print layout
# (tests/report/xlsx_layout_check.py).
# Usage: tests/cli/layout.sh PATH/TO/truongso
# LAYOUT_KEEP=DIR keeps a copy of every PDF there (to look at the pages:
# pdftoppm -r 60 -png DIR/X.pdf DIR/X).
set -u
T=${1:?usage: layout.sh TRUONGSO}
case $T in
/*) ;;
*/*) T=$(pwd)/$T ;;
esac
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/doc-lib.sh # $W, $DB (demo)
PY=/usr/bin/python3 # Debian's, with python3-docx
# LSan's "Suppressions used" table (fontconfig, tests/lsan.supp) is no
# error, and a step fails on any stderr: run by hand with only the
# suppressions set, it must not print it.
[ -n "${LSAN_OPTIONS:-}" ] && export LSAN_OPTIONS="$LSAN_OPTIONS:print_suppressions=0"
q "SELECT name FROM org_unit" >"$W/names.txt"

# doc KIND CAMPAIGN UNIT: writes the PDF and DOCX and checks the PDF.
# A unit that does not make this kind (exit 2) is skipped.
doc() {
	base="$W/$1-c$2-$3"
	"$T" --db "$DB" report "$1" --campaign "$2" --unit "$3" --format pdf \
		-o "$base.pdf" >"$OUT" 2>"$ERR"
	rc=$?
	[ $rc -eq 2 ] && return 0
	if [ $rc -ne 0 ] || ! "$T" --db "$DB" report "$1" --campaign "$2" \
		--unit "$3" --format docx -o "$base.docx" >>"$OUT" 2>>"$ERR"
	then
		bad "report $1 $2 $3"
		return 0
	fi
	$PY tests/report/layout_check.py "$base.pdf" "$base.docx" \
		"$W/names.txt" >"$OUT" 2>"$ERR"
	sed 's/^/  /' "$OUT"
	n=$(wc -l <"$OUT")
	# The CSV in both dialects, as Excel reads it (csv_check.py).
	for dl in vn intl; do
		"$T" --db "$DB" report "$1" --campaign "$2" --unit "$3" \
			--format csv --csv-dialect $dl -o "$base-$dl.csv" \
			>>"$OUT" 2>>"$ERR" || echo "FAIL csv $dl" >>"$OUT"
	done
	$PY tests/report/csv_check.py "$base-vn.csv" "$base-intl.csv" \
		>>"$OUT" 2>>"$ERR"
	# The XLSX's print layout: row heights, page setup, charts on one
	# page (xlsx_layout_check.py).
	if "$T" --db "$DB" report "$1" --campaign "$2" --unit "$3" \
		--format xlsx -o "$base.xlsx" >>"$OUT" 2>>"$ERR"; then
		$PY tests/report/xlsx_layout_check.py "$base.xlsx" \
			>>"$OUT" 2>>"$ERR"
	else
		echo "FAIL xlsx" >>"$OUT"
	fi
	tail -n +$((n + 1)) "$OUT" | sed 's/^/  /'
	[ -n "${LAYOUT_KEEP:-}" ] && cp "$base.pdf" "$LAYOUT_KEEP/"
	if [ -s "$ERR" ] || grep -q '^FAIL' "$OUT"; then
		bad "layout $1 $2 $3"
	else
		ok "layout $1 $2 $3"
	fi
}

# listing CAMPAIGN UNIT: the listing's columns follow the rubric's shape,
# its rows are grouped by sub-unit in natural code order with subtotals,
# it carries the NĐ 30 header, and a short name stays on one line in the
# PDF (tests/report/listing_check.py).
listing() {
	base="$W/danh-sach-c$1-$2"
	[ -f "$base.docx" ] || return 0
	rubric=$(q "SELECT rubric_id FROM campaign WHERE id = $1")
	if ! "$T" --db "$DB" report danh-sach --campaign "$1" --unit "$2" \
		--format csv -o "$base.csv" >"$OUT" 2>"$ERR"; then
		bad "listing csv $1 $2"
		return 0
	fi
	$PY tests/report/listing_check.py "$base.csv" "$base.docx" \
		"data/rubrics/$rubric.json" "$base.pdf" >"$OUT" 2>"$ERR"
	sed 's/^/  /' "$OUT"
	if [ -s "$ERR" ] || grep -q '^FAIL' "$OUT"; then
		bad "listing $1 $2"
	else
		ok "listing $1 $2"
	fi
}

# chase CAMPAIGN UNIT: the same for the list of units not submitted,
# and its head column holds people's names, no column is empty.
chase() {
	base="$W/chua-nop-c$1-$2"
	[ -f "$base.docx" ] || return 0
	if ! "$T" --db "$DB" report chua-nop --campaign "$1" --unit "$2" \
		--format csv -o "$base.csv" >"$OUT" 2>"$ERR"; then
		bad "chase csv $1 $2"
		return 0
	fi
	$PY tests/report/listing_check.py --chase "$base.csv" "$base.docx" \
		"$base.pdf" >"$OUT" 2>"$ERR"
	sed 's/^/  /' "$OUT"
	if [ -s "$ERR" ] || grep -q '^FAIL' "$OUT"; then
		bad "chase $1 $2"
	else
		ok "chase $1 $2"
	fi
}

school_kind() {
	case $1 in
	1) echo tu-danh-gia ;;
	2) echo tu-kiem-tra ;;
	3) echo cntt ;;
	6) echo tu-danh-gia ;;
	esac
}

# 6: the 2024-2025 round, in the shape of that year (its Phòng).
for c in 1 2 3 6; do
	k=$(school_kind $c)
	# One school per state, and one that has not started.
	units=$(q "SELECT min(u.code) FROM submission s
		JOIN org_unit u ON u.id = s.unit_id WHERE s.campaign_id = $c
		GROUP BY s.state ORDER BY s.state;
		SELECT min(u.code) FROM campaign_unit cu
		JOIN org_unit u ON u.id = cu.unit_id WHERE cu.campaign_id = $c
		AND NOT EXISTS (SELECT 1 FROM submission s WHERE
		s.campaign_id = $c AND s.unit_id = cu.unit_id)")
	for u in $units 31GDTX1 31DK001 31DK023; do
		doc "$k" $c "$u"
	done
	# The school's decisions and meeting record (issue 16 item 2): a
	# draft and a reviewed school of each campaign.
	for u in $(echo $units | cut -d' ' -f1) 31GDTX1 31DK023; do
		for p in qd-ban-chi-dao bien-ban qd-phe-duyet; do
			doc $p $c "$u"
		done
	done
	# Every office with participants in the round (a closed Phòng has
	# none in 2025-2026, a commune office none in a round the Sở
	# reviews itself).
	for u in $(q "SELECT code FROM org_unit o
		WHERE kind IN ('so', 'phong', 'xa') AND EXISTS (SELECT 1 FROM
		campaign_unit cu WHERE cu.campaign_id = $c AND
		substr(cu.path, 1, length(o.path)) = o.path) ORDER BY path"); do
		doc phu-luc-3 $c "$u"
		doc danh-sach $c "$u"
		doc cong-van $c "$u"
		doc chua-nop $c "$u"
		listing $c "$u"
		chase $c "$u"
	done
done
# Phụ lục 2 of the statistics campaign (found by kind and year) for every
# office of the province.
S=$(q "SELECT id FROM campaign WHERE kind = 'thong-ke' AND school_year = '2025-2026'")
for u in $(q "SELECT code FROM org_unit
	WHERE kind IN ('so', 'phong', 'xa') ORDER BY path"); do
	doc phu-luc-2 "$S" "$u"
done
doc phu-luc-6 "$S" 31
echo "layout: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

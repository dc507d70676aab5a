#!/bin/sh
# Every document the demo makes, in every format, rendered to PNG pages
# for a person to look at (issue 18: "render every demo document to PNG
# and look at each page"). Not a test: it checks nothing by itself;
# tests/cli/layout.sh and `make check-docs` do the checking.
#
# For each demo campaign: the school report of the campaign's example
# school and of one draft, and Phụ lục 3 and the listing of the Sở, one
# Phòng and one UBND xã/phường (a unit that does not make a kind is
# skipped); the school's decisions and meeting record, the offices'
# guidance letter, list of units not submitted, Phụ lục 2 and 6, and a
# mầm non report with its software inventory. Formats: PDF as truongso
# writes it, DOCX printed by LibreOffice Writer, XLSX printed by
# LibreOffice Calc, and the CSV (kept, not rendered). Pages go to OUT/png/NAME-FMT-N.png at DPI dots
# per inch, and OUT/pages.txt lists every document with its page count.
#
# Usage: tools/render-demo-docs.sh [TRUONGSO [OUT [DPI]]]
#   defaults: build/truongso, build/demo-docs, 60 (110 to zoom in)
# Needs LibreOffice (`scripts/deps docs`) and poppler-utils.
set -eu
cd "$(dirname "$0")/.." || exit 2
T=${1:-build/truongso}
OUT=${2:-build/demo-docs}
DPI=${3:-60}
PROFILE=$(pwd)/build/lo-profile # never the user's own LibreOffice profile
rm -rf "$OUT"
mkdir -p "$OUT/png"
DB=$OUT/demo.db
"$T" --db "$DB" demo >/dev/null

# school_kind CAMPAIGN, example_school CAMPAIGN, draft_school CAMPAIGN
school_kind() {
	case $1 in 1) echo tu-danh-gia ;; 2) echo tu-kiem-tra ;; 3) echo cntt ;; esac
}
example_school() {
	case $1 in 1) echo 31GDTX1 ;; 2) echo 31DK001 ;; 3) echo 31DK023 ;; esac
}
draft_school() {
	sqlite3 "$DB" "SELECT min(u.code) FROM submission s JOIN org_unit u
		ON u.id = s.unit_id WHERE s.campaign_id = $1 AND s.state = 'draft'"
}

# make KIND CAMPAIGN UNIT: every format; nothing when the unit does not
# make this kind (exit status 2).
make_doc() {
	name=$1-c$2-$3
	for fmt in pdf docx xlsx csv; do
		rc=0
		"$T" --db "$DB" report "$1" --campaign "$2" --unit "$3" \
			--format $fmt -o "$OUT/$name.$fmt" 2>"$OUT/err.txt" || rc=$?
		[ $rc -eq 2 ] && return 0
		if [ $rc -ne 0 ]; then
			cat "$OUT/err.txt" >&2
			exit 1
		fi
	done
	echo "$name" >>"$OUT/names.txt"
}

: >"$OUT/names.txt"
for c in $(sqlite3 "$DB" "SELECT id FROM campaign ORDER BY id"); do
	k=$(school_kind "$c")
	for u in $(example_school "$c") $(draft_school "$c"); do
		make_doc "$k" "$c" "$u"
	done
	# The school's decisions and meeting record of the example school.
	for p in qd-ban-chi-dao bien-ban qd-phe-duyet; do
		make_doc $p "$c" "$(example_school "$c")"
	done
	# The Sở, two commune offices and the Phòng of the rounds it had
	# participants in (its NĐ 30 header is the widest).
	phong=$(sqlite3 "$DB" "SELECT 1 FROM campaign_unit cu JOIN org_unit o
		ON o.code = '31PGD-DK' WHERE cu.campaign_id = $c AND
		substr(cu.path, 1, length(o.path)) = o.path LIMIT 1")
	for u in 31 31DK 31HB ${phong:+31PGD-DK}; do
		for k in phu-luc-3 danh-sach chua-nop cong-van phu-luc-2; do
			make_doc $k "$c" "$u"
		done
	done
	if [ "$(sqlite3 "$DB" "SELECT kind FROM campaign WHERE id = $c")" = thong-ke ]
	then
		make_doc phu-luc-6 "$c" 31
	fi
done
# The software inventory: a mầm non school under a commune that lists it.
sw=$(sqlite3 "$DB" "SELECT s.campaign_id, o.code FROM software s
	JOIN org_unit o ON o.id = s.unit_id ORDER BY 1, 2 LIMIT 1" 2>/dev/null)
if [ -n "$sw" ]; then make_doc tu-kiem-tra "${sw%%|*}" "${sw#*|}"; fi

# LibreOffice converts all files of a kind in one start; its PDF takes the
# input's base name, so each format gets its own directory.
mkdir -p "$OUT/docx" "$OUT/xlsx"
for fmt in docx xlsx; do
	soffice -env:UserInstallation="file://$PROFILE" --headless \
		--convert-to pdf --outdir "$OUT/$fmt" "$OUT"/*.$fmt >/dev/null 2>&1
done

: >"$OUT/pages.txt"
while read -r name; do
	for fmt in pdf docx xlsx; do
		case $fmt in pdf) f=$OUT/$name.pdf ;; *) f=$OUT/$fmt/$name.pdf ;; esac
		if [ ! -s "$f" ]; then
			echo "$name $fmt: no PDF" | tee -a "$OUT/pages.txt" >&2
			continue
		fi
		n=$(pdfinfo "$f" | sed -n 's/^Pages: *//p')
		pdftoppm -r "$DPI" -png "$f" "$OUT/png/$name-$fmt"
		echo "$name $fmt $n" >>"$OUT/pages.txt"
	done
done <"$OUT/names.txt"
echo "$(wc -l <"$OUT/names.txt") documents, $(ls "$OUT/png" | wc -l) pages in $OUT/png (list: $OUT/pages.txt)"

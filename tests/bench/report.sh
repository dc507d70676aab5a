#!/bin/sh
# School reports as PDF: truongso building each document from the database
# (one process per document: open, score, lay out, embed fonts, write)
# against LibreOffice converting the same documents from DOCX to PDF in one
# batch process (peers.md: the way offices print Word templates today).
# Prints docs/s of both and the ratio. Record in docs/performance.md.
set -eu
cd "$(dirname "$0")/../.."
N=${N:-60}
T=build/truongso
W=build/bench-report
rm -rf "$W"
mkdir -p "$W/pdf" "$W/docx" "$W/lo"
"$T" --db "$W/b.db" demo >/dev/null
codes=$(sqlite3 "$W/b.db" "SELECT o.code FROM submission s JOIN org_unit o
	ON o.id = s.unit_id WHERE s.campaign_id = 1 AND s.state <> 'draft'
	ORDER BY o.code LIMIT $N")
n=$(echo "$codes" | wc -l)
now() { date +%s.%N; }
t0=$(now)
for c in $codes; do
	"$T" --db "$W/b.db" report tu-danh-gia --campaign 1 --unit "$c" \
		--format pdf -o "$W/pdf/$c.pdf"
done
t1=$(now)
for c in $codes; do
	"$T" --db "$W/b.db" report tu-danh-gia --campaign 1 --unit "$c" \
		--format docx -o "$W/docx/$c.docx"
done
t2=$(now)
soffice -env:UserInstallation=file://$PWD/$W/profile --headless \
	--convert-to pdf --outdir "$W/lo" "$W"/docx/*.docx >/dev/null 2>&1
t3=$(now)
got=$(ls "$W/lo" | wc -l)
pages=$(pdfinfo "$W/pdf/$(echo "$codes" | head -1).pdf" | sed -n 's/Pages: *//p')
echo "$n $got $t0 $t1 $t2 $t3 $pages" | awk '{
	ours = $1 / ($4 - $3); docx = $1 / ($5 - $4); lo = $2 / ($6 - $5)
	printf "reports=%d pages_each=%d truongso_pdf=%.1f docs/s " \
	       "truongso_docx=%.1f docs/s libreoffice_docx_to_pdf=%.2f docs/s " \
	       "ratio=%.1fx\n", $1, $7, ours, docx, lo, ours / lo }'
# Batch (issue 17 item 3): every school of the Sở (campaign 1) in one
# process, `report --each`, with one worker thread and with two (--jobs 2,
# one per core): docs/s by the wall clock and CPU ms per document (user +
# system, what two cores could share), the rate two free cores would give
# at that CPU cost (2,000 / ms), and the load beside it: on a shared
# machine the wall clock says more about the others than about us.
for j in 1 2; do
	rm -rf "$W/each"
	mkdir -p "$W/each"
	/usr/bin/time -f '%e %U %S' -o "$W/each.t" "$T" --db "$W/b.db" report tu-danh-gia \
		--campaign 1 --unit 31 --format pdf --each --jobs $j -o "$W/each" >/dev/null
	m=$(ls "$W/each" | wc -l)
	read -r wall usr sys <"$W/each.t"
	echo "$j $m $wall $usr $sys $got $t2 $t3 $(cut -d' ' -f1 /proc/loadavg)" | awk '{
		ours = $2 / $3; lo = $6 / ($8 - $7); ms = ($4 + $5) * 1000 / $2
		printf "batch --jobs %d: reports=%d one_process=%.1f docs/s " \
		       "cpu=%.1f ms/doc two_free_cores=%.0f docs/s " \
		       "libreoffice=%.2f docs/s ratio=%.1fx target=200 docs/s " \
		       "load=%s\n",
		       $1, $2, ours, ms, 2000 / ms, lo, ours / lo, $9 }'
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"

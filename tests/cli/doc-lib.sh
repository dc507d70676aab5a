# Shared by the CLI scripts that read the demo's documents (paper.sh,
# doc-content.sh, layout.sh, documents.sh): the work directory $W and its
# clean-up, the demo database in $DB (SQLite in $W, or tests/pg/run.sh's
# cluster: tests/lib/sql.sh), and the PDF's words. Source it after `cd`
# to the source tree, with T the absolute path of the truongso binary.
# Counting (ok, bad, $OUT, $ERR) comes from tests/cli/lib.sh.
. tests/cli/lib.sh
W=$(mktemp -d) || exit 2
trap 'rm -rf "$W" "$OUT" "$ERR"' EXIT
trap 'exit 2' HUP INT TERM
unset TRUONGSO_DB TRUONGSO_DATA TRUONGSO_NOW
. tests/lib/sql.sh
sql_db "$W/demo.db"
"$T" --db "$DB" demo >/dev/null || { echo "demo failed"; exit 1; }

# pdf_text KIND CAMPAIGN UNIT [USER]: the document's PDF in $W/doc.pdf and
# its words on one line in $W/doc.txt (line breaks do not matter).
pdf_text() {
	rm -f "$W/doc.pdf" "$W/doc.txt"
	"$T" --db "$DB" ${4:+--as "$4"} report "$1" --campaign "$2" \
		--unit "$3" --format pdf -o "$W/doc.pdf" >"$OUT" 2>"$ERR" &&
		pdftotext "$W/doc.pdf" - | tr -s ' \n\f' '  ' >"$W/doc.txt"
}

# has NAME STRING / lacks NAME STRING: the last document says STRING, or
# does not.
has() {
	if grep -qF -- "$2" "$W/doc.txt"; then ok "$1"; else
		echo "missing: $2" >"$ERR"
		cp "$W/doc.txt" "$OUT"
		bad "$1"
	fi
}
lacks() {
	if grep -qF -- "$2" "$W/doc.txt"; then
		echo "found: $2" >"$ERR"
		cp "$W/doc.txt" "$OUT"
		bad "$1"
	else ok "$1"; fi
}

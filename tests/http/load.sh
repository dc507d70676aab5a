#!/bin/sh
# Concurrent clients for a running `truongso serve`, so that requests
# overlap on the server's threads while tests/http/run.sh makes its own
# one by one (HTTP_LOAD=1; tests/run.sh does this against the
# ThreadSanitizer build). Six clients loop until DIR/stop appears, or for
# at most 120 s:
#   pages    two of them, the Sở reviewer: dashboard, a school, search, a
#            chart, the stylesheet, the draft school's form (gzip)
#   reports  two more: PDF, DOCX and XLSX reports (pango, cairo,
#            libxlsxwriter on several threads at once)
#   school   a draft school of phường Hồng Bàng (no test touches it):
#            preview, form save, JSON save, evidence upload
#   signin   sign-in (Argon2id) and sign-out of that school's head
# Only successful sign-ins: failed ones would count against the tests'
# rate limits. No link or fact evidence: run.sh counts those audit rows.
# Usage: tests/http/load.sh BASE DIR. Prints "load: N requests, N server
# errors" and fails if a request got a 5xx or no answer, or none was made.
# Its exit status is also left in DIR/rc (written last, by rename): the
# caller reads that, because `wait PID` cannot be trusted for a job that
# ended long before (after 120 s, bash forgets its status once another
# child reuses the pid; pid_max may be 32768).
set -u
BASE=$1
D=$2
cd "$(dirname "$0")/../.." || exit 2
END=$(($(date +%s) + 120))
C=/campaigns/1/units
SCHOOL=31HB011

running() { [ ! -e "$D/stop" ] && [ "$(date +%s)" -lt "$END" ]; }
# get NAME CURL-ARGS...: one request, its status appended to DIR/NAME.codes.
get() {
	n=$1
	shift
	curl -s -o /dev/null -w '%{http_code}\n' "$@" >>"$D/$n.codes"
}
signin() { # signin JAR LOGIN
	curl -s -c "$1" -o /dev/null -w '%{http_code}\n' \
		-d "login=$2&password=truongso-demo" "$BASE/login" >>"$D/signin.codes"
}
csrf() { # csrf JAR URL
	curl -s -b "$1" "$BASE$2" |
		sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -n 1
}

pages() { # pages ID
	signin "$D/pages-$1.jar" cv.so
	while running; do
		for u in /campaigns/1 "$C/31GDTX1" "$C/$SCHOOL" \
			"/search?q=truong+thcs" "$C/31/report/bieu-do-1.svg" \
			/static/app.css; do
			get pages -b "$D/pages-$1.jar" "$BASE$u"
		done
		# The school's page as browsers take it: the page cache's
		# compressed copy, made and read by both clients at once.
		get pages -b "$D/pages-$1.jar" --compressed "$BASE$C/$SCHOOL"
	done
}

reports() { # reports ID
	signin "$D/reports-$1.jar" cv.so
	while running; do
		for f in 31GDTX1/report/tu-danh-gia.pdf 31/report/phu-luc-3.pdf \
			31GDTX1/report/tu-danh-gia.docx 31/report/danh-sach.xlsx; do
			get reports -b "$D/reports-$1.jar" "$BASE$C/$f"
		done
	done
}

school() {
	J="$D/school.jar"
	signin "$J" "cntt.$(echo "$SCHOOL" | tr 'A-Z' 'a-z')"
	tok=$(csrf "$J" "$C/$SCHOOL")
	printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' >"$D/ke-hoach.pdf"
	# Seed 003's answers without the unit and year of their own record.
	sed '/^  "unit":/d; /^  "school_year":/d' \
		examples/qd4725-gdtx-duongkinh-2022-2023.json >"$D/answers.json"
	i=0
	while running; do
		i=$((i + 1))
		get school -b "$J" -d "_csrf=$tok&v:1.4=$((i % 11))" "$BASE$C/$SCHOOL/preview"
		# The revision the page would carry, so the save is merged and
		# written (without one, every changed field would be a conflict).
		rev=$(curl -s -b "$J" "$BASE/api$C/$SCHOOL" |
			sed -n 's/.*"revision":\([0-9]*\).*/\1/p')
		get school -b "$J" -d "_csrf=$tok&_ajax=1&rev=$rev&v:1.4=$((i % 11))&v:2.1=1" \
			"$BASE$C/$SCHOOL/save"
		get school -b "$J" -H "X-CSRF-Token: $tok" \
			-H 'Content-Type: application/json' \
			--data-binary "@$D/answers.json" \
			"$BASE/api$C/$SCHOOL/answers"
		get school -b "$J" -F "_csrf=$tok" -F "criterion=1.3" \
			-F "file=@$D/ke-hoach.pdf" "$BASE$C/$SCHOOL/evidence"
	done
}

signins() {
	J="$D/signin.jar"
	while running; do
		signin "$J" "ht.$(echo "$SCHOOL" | tr 'A-Z' 'a-z')"
		tok=$(csrf "$J" /password)
		get signin -b "$J" -d "_csrf=$tok" "$BASE/logout"
	done
}

pages a &
pages b &
reports a &
reports b &
school &
signins &
wait
cat "$D"/*.codes >"$D/all"
n=$(wc -l <"$D/all")
bad=$(grep -cv '^[1-4][0-9][0-9]$' "$D/all")
echo "load: $n requests, $bad server errors"
sort "$D/all" | uniq -c
rc=1
[ "$n" -gt 0 ] && [ "$bad" -eq 0 ] && rc=0
echo "$rc" >"$D/rc.tmp" && mv "$D/rc.tmp" "$D/rc"
exit "$rc"

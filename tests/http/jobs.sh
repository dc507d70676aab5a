#!/bin/bash
# Background export jobs (issue 17 item 3): an export of more units than
# --job-threshold is not built on the request thread but queued as a job
# (the demo province with the threshold lowered, instead of a huge data
# set). A first server runs no worker (--job-workers 0), so the queue
# holds still: start, see, cancel, and someone else's job is 404. A second
# server on the same database takes the queued jobs (the queue survives a
# restart); the test polls each job's progress in a bounded loop until it
# ends, downloads the files and opens them (openpyxl, PDF header).
# Loopback, port 0. Usage: tests/http/jobs.sh PATH/TO/truongso
set -u
T=${1:?usage: jobs.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/http/lib.sh # $W, $DB (SQLite or tests/pg/run.sh's cluster), req, q
# Here every check reads the last response ($OUT), and each account's
# session is in $W/LOGIN.
has() { page_has "$1" "$OUT" "$2"; }
hasnt() { page_hasnt "$1" "$OUT" "$2"; }
login() { sign_in "$W/$1" "$1"; }
csrf_of() { grep -ao 'name="_csrf" value="[0-9a-f]*"' "$OUT" | head -1 | sed 's/.*value="//; s/"//'; }
serve() { # serve WORKERS: a server on $DB
	http_serve --job-workers "$1" --job-threshold "$LIMIT"
	for u in cv.so cv.dk qt.so; do login "$u"; done
}
start_job() { # start_job NAME FILE [submitted]: POST /jobs as cv.so; sets JOB
	req "$1-form" 200 -b "$W/cv.so" "$BASE/campaigns/1/units/31/report"
	tok=$(csrf_of)
	req "$1" 303 -b "$W/cv.so" --data-urlencode "_csrf=$tok" --data-urlencode "campaign=1" \
		--data-urlencode "unit=31" --data-urlencode "file=$2" ${3:+--data-urlencode "submitted=1"} "$BASE/jobs"
	JOB=$(sed -n 's|^Location: /jobs/\([0-9]*\).*|\1|p' "$ERR" | tr -d '\r')
}

http_demo
PATH31=$(q "SELECT path FROM org_unit WHERE code = '31'")
PATHDK=$(q "SELECT path FROM org_unit WHERE code = '31DK'")
N31=$(q "SELECT count(*) FROM campaign_unit WHERE campaign_id = 1 AND path LIKE '$PATH31%'")
NDK=$(q "SELECT count(*) FROM campaign_unit WHERE campaign_id = 1 AND path LIKE '$PATHDK%'")
LIMIT=$NDK # the Phòng's listing is a download, the Sở's a job
[ "$N31" -gt "$NDK" ] && ok sizes || bad sizes

serve 0
# --- below the threshold nothing changes: a direct download
req small-direct 200 -b "$W/cv.dk" "$BASE/campaigns/1/units/31DK/report/danh-sach.xlsx"
req small-page 200 -b "$W/cv.dk" "$BASE/campaigns/1/units/31DK/report"
has small-page-links 'href="/campaigns/1/units/31DK/report/danh-sach.xlsx"'
hasnt small-page-no-job 'value="danh-sach.xlsx"'
# --- above it: the page offers "Tạo tệp", the direct URL says how
req big-page 200 -b "$W/cv.so" "$BASE/campaigns/1/units/31/report"
has big-page-form '<form method="post" action="/jobs" class="job-start">'
has big-page-says "Danh sách gồm $N31 đơn vị"
hasnt big-page-no-direct 'report/danh-sach.xlsx"'
req big-direct 409 -b "$W/cv.so" "$BASE/campaigns/1/units/31/report/danh-sach.xlsx"
has big-direct-says "Tệp này gồm $N31 đơn vị"
req big-direct-results 409 -b "$W/cv.so" "$BASE/campaigns/1/units/31/report/ket-qua.xlsx"

# --- start, see, cancel (no worker: the queue holds still)
start_job start-results ket-qua.xlsx
RESULTS=$JOB
[ -n "$RESULTS" ] && ok start-results-id || bad start-results-id
req job-page 200 -b "$W/cv.so" "$BASE/jobs/$RESULTS"
has job-page-state '<strong id="job-state">Đang chờ</strong>'
has job-page-bar "<progress id=\"job-bar\" max=\"$N31\" value=\"0\">"
has job-page-refresh '<noscript><meta http-equiv="refresh" content="3"></noscript>'
has job-page-cancel "action=\"/jobs/$RESULTS/huy\""
req job-progress 200 -b "$W/cv.so" "$BASE/jobs/$RESULTS/tien-do"
has job-progress-json '"state":"queued"'
req job-file-not-yet 404 -b "$W/cv.so" "$BASE/jobs/$RESULTS/tep"
start_job start-listing danh-sach.xlsx 1
LISTING=$JOB
start_job start-cancel danh-sach.pdf
CANCEL=$JOB
# someone else's job does not exist for them; the admin above sees it
req other-page 404 -b "$W/cv.dk" "$BASE/jobs/$RESULTS"
req other-progress 404 -b "$W/cv.dk" "$BASE/jobs/$RESULTS/tien-do"
req other-file 404 -b "$W/cv.dk" "$BASE/jobs/$RESULTS/tep"
req other-form 200 -b "$W/cv.dk" "$BASE/campaigns/1/units/31DK/report"
tok=$(csrf_of)
req other-cancel 404 -b "$W/cv.dk" --data-urlencode "_csrf=$tok" "$BASE/jobs/$CANCEL/huy"
req other-list 200 -b "$W/cv.dk" "$BASE/jobs"
hasnt other-list-none "/jobs/$RESULTS\""
req other-start-outside 403 -b "$W/cv.dk" --data-urlencode "_csrf=$tok" --data-urlencode "campaign=1" \
	--data-urlencode "unit=31" --data-urlencode "file=ket-qua.xlsx" "$BASE/jobs"
req other-start-bad-file 422 -b "$W/cv.dk" --data-urlencode "_csrf=$tok" --data-urlencode "campaign=1" \
	--data-urlencode "unit=31DK" --data-urlencode "file=../../etc/passwd" "$BASE/jobs"
req admin-sees 200 -b "$W/qt.so" "$BASE/jobs/$RESULTS"
req job-page-cancel-form 200 -b "$W/cv.so" "$BASE/jobs/$CANCEL"
tok=$(csrf_of)
req cancel 303 -b "$W/cv.so" --data-urlencode "_csrf=$tok" "$BASE/jobs/$CANCEL/huy"
req cancelled 200 -b "$W/cv.so" "$BASE/jobs/$CANCEL"
has cancelled-state '<strong id="job-state">Đã hủy</strong>'
hasnt cancelled-no-refresh 'http-equiv="refresh"'
req cancel-again 409 -b "$W/cv.so" --data-urlencode "_csrf=$tok" "$BASE/jobs/$CANCEL/huy"
req list 200 -b "$W/cv.so" "$BASE/jobs"
has list-results "href=\"/jobs/$RESULTS\""
has list-cancelled "Đã hủy"
same audit-start "$(q "SELECT count(*) FROM audit WHERE action = 'job.start' AND actor = 'cv.so'")" 3
same audit-cancel "$(q "SELECT count(*) FROM audit WHERE action = 'job.cancel'")" 1

# --- restart with a worker: the queued jobs are built
kill "$SERVER"; wait "$SERVER" 2>/dev/null; SERVER=
serve 1
wait_done() { # wait_done NAME ID: polls the progress until the job ends
	st=
	for _ in $(seq 600); do
		st=$(curl -s -b "$W/cv.so" "$BASE/jobs/$2/tien-do" | sed -n 's/.*"state":"\([a-z]*\)".*/\1/p')
		case $st in done | failed | cancelled) break ;; esac
		sleep 0.2
	done
	same "$1" "$st" done
}
wait_done results-done "$RESULTS"
req results-page 200 -b "$W/cv.so" "$BASE/jobs/$RESULTS"
has results-page-done '<strong id="job-state">Đã xong</strong>'
has results-page-full "<progress id=\"job-bar\" max=\"$N31\" value=\"$N31\">"
has results-page-file "href=\"/jobs/$RESULTS/tep\""
curl -s -b "$W/cv.so" -o "$W/ket-qua.xlsx" -D "$ERR" "$BASE/jobs/$RESULTS/tep"
grep -q 'filename="ket-qua.xlsx"' "$ERR" && ok results-name || bad results-name
rows=$(/usr/bin/python3 -c 'import openpyxl, sys; print(openpyxl.load_workbook(sys.argv[1], read_only=True).active.max_row)' "$W/ket-qua.xlsx" 2>"$ERR")
same results-rows "$rows" "$((N31 + 1))" # a header row, then one a unit
wait_done listing-done "$LISTING"
curl -s -b "$W/cv.so" -o "$W/danh-sach.xlsx" "$BASE/jobs/$LISTING/tep"
/usr/bin/python3 -c 'import openpyxl, sys; openpyxl.load_workbook(sys.argv[1])' "$W/danh-sach.xlsx" 2>"$ERR" && ok listing-opens || bad listing-opens
# every school's report as one ZIP: always a job, even for a Phòng
req zip-form 200 -b "$W/cv.dk" "$BASE/campaigns/1/units/31DK/report"
has zip-form-offered 'value="bao-cao-tung-truong.zip"'
tok=$(csrf_of)
req zip-start 303 -b "$W/cv.dk" --data-urlencode "_csrf=$tok" --data-urlencode "campaign=1" \
	--data-urlencode "unit=31DK" --data-urlencode "file=bao-cao-tung-truong.zip" "$BASE/jobs"
ZIP=$(sed -n 's|^Location: /jobs/\([0-9]*\).*|\1|p' "$ERR" | tr -d '\r')
st=
[ -n "$ZIP" ] && for _ in $(seq 1500); do
	st=$(curl -s -b "$W/cv.dk" "$BASE/jobs/$ZIP/tien-do" | sed -n 's/.*"state":"\([a-z]*\)".*/\1/p')
	case $st in done | failed | cancelled) break ;; esac
	sleep 0.2
done
same zip-done "$st" done
curl -s -b "$W/cv.dk" -o "$W/z.zip" -D "$ERR" "$BASE/jobs/$ZIP/tep"
grep -q 'Content-Type: application/zip' "$ERR" && ok zip-type || bad zip-type
n=$(/usr/bin/python3 -c 'import zipfile, sys; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(sum(1 for i in z.infolist() if i.filename.endswith(".pdf") and z.read(i.filename)[:5] == b"%PDF-"))' "$W/z.zip" 2>"$ERR")
same zip-one-pdf-a-school "$n" "$NDK"
# The ZIP's documents come from one batch (fonts and layouts kept across
# schools, PDFs stored, not deflated again): each the very bytes of the
# school's report downloaded alone.
mkdir -p "$W/zx"
/usr/bin/python3 -c 'import zipfile, sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$W/z.zip" "$W/zx" 2>"$ERR"
same=0
for f in $(ls "$W/zx" | head -3); do
	curl -s -b "$W/cv.dk" -o "$W/alone.pdf" "$BASE/campaigns/1/units/${f%.pdf}/report/tu-danh-gia.pdf" &&
		cmp -s "$W/alone.pdf" "$W/zx/$f" && same=$((same + 1))
done
same zip-same-bytes-as-alone "$same" 3
stored=$(/usr/bin/python3 -c 'import zipfile, sys; print(sum(i.compress_type == zipfile.ZIP_STORED for i in zipfile.ZipFile(sys.argv[1]).infolist()))' "$W/z.zip" 2>"$ERR")
same zip-pdfs-stored "$stored" "$NDK"
req zip-not-sos 404 -b "$W/cv.so" "$BASE/jobs/$ZIP/tep"
req other-file-done 404 -b "$W/cv.dk" "$BASE/jobs/$RESULTS/tep"
same cancelled-stays "$(q "SELECT state FROM export_job WHERE id = $CANCEL")" cancelled
same files-kept "$(ls "$BLOBS/jobs" | sort -n | tr '\n' ' ')" "$RESULTS-ket-qua.xlsx $LISTING-danh-sach.xlsx $ZIP-bao-cao-tung-truong.zip "
echo "jobs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# The HTTP tests against the ThreadSanitizer build (build/tsan/truongso,
# `make -f mk/build.mk VARIANT=tsan`) while six other clients use the same
# server (HTTP_LOAD=1, tests/http/load.sh), so page views, saves, uploads,
# sign-ins and report downloads overlap on its threads. ThreadSanitizer
# writes each report to build/test-logs/tsan.PID; one report fails this
# script. False positives of Debian's graphics libraries are suppressed in
# tests/tsan.supp, each entry with its reason.
# Ends with "http-tsan: N passed, N failed" (the HTTP cases and one more:
# no report).
set -u
cd "$(dirname "$0")/../.." || exit 2
T=${1:-build/tsan/truongso}
LOG=$PWD/build/test-logs/tsan
mkdir -p "$(dirname "$LOG")"
rm -f "$LOG".*
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
# G_SLICE=always-malloc: glib 2.74's slice allocator recycles pango's
# attributes between threads through per-thread magazines and a depot
# locked with futexes, which TSan cannot see, so two threads writing
# fresh PangoAttributes (pdf_layout.c) at a recycled address looked like a
# race in our code. With malloc TSan sees every allocation and free.
G_SLICE=always-malloc \
TSAN_OPTIONS="suppressions=$PWD/tests/tsan.supp log_path=$LOG${TSAN_OPTIONS:+ $TSAN_OPTIONS}" \
	HTTP_LOAD=1 tests/http/run.sh "$T" >"$OUT" 2>&1
cat "$OUT"
line=$(grep -E '^http: [0-9]+ passed, [0-9]+ failed$' "$OUT" | tail -n 1)
p=$(echo "$line" | sed -n 's/^http: \([0-9]*\) passed.*/\1/p')
f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed$/\1/p')
p=${p:-0}
f=${f:-1}
if ls "$LOG".* >/dev/null 2>&1; then
	cat "$LOG".*
	echo "FAIL no-thread-sanitizer-reports ($(cat "$LOG".* | grep -c '^WARNING: ThreadSanitizer') reports)"
	f=$((f + 1))
else
	echo "ok   no-thread-sanitizer-reports"
	p=$((p + 1))
fi
echo "http-tsan: $p passed, $f failed"
[ "$f" -eq 0 ]

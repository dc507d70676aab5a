#!/bin/sh
# The PDF, chart and font map unit tests (release build) under valgrind:
# no invalid access, no definite, indirect or possible leak. "Still
# reachable" is not an error here: fontconfig, pango and glib keep
# process-wide caches by design (font lists, type system) that live until
# exit. The two one-off library leaks are in tests/valgrind.supp, with
# their reasons; pango's font threads are waited for, not suppressed
# (src/report/fontmap.c).
# Usage: tests/unit/valgrind-report.sh (from anywhere).
set -u
cd "$(dirname "$0")/../.." || exit 2
make --no-print-directory -f mk/build.mk VARIANT=release \
	build/tests/test_report_pdf build/tests/test_report_chart \
	build/tests/test_report_fontmap || exit 2
mkdir -p build/test-logs
VG="valgrind -q --error-exitcode=99 --leak-check=full --num-callers=40 \
	--show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible \
	--suppressions=tests/valgrind.supp"
passed=0
failed=0
# vg NAME TEST [ARGS...]: one test binary under valgrind.
vg() {
	name=$1
	shift
	if $VG "build/tests/$@" >"build/test-logs/valgrind-$name.log" 2>&1; then
		echo "ok   valgrind $name"
		passed=$((passed + 1))
	else
		cat "build/test-logs/valgrind-$name.log"
		echo "FAIL valgrind $name"
		failed=$((failed + 1))
	fi
}
vg test_report_pdf test_report_pdf
vg test_report_chart test_report_chart
vg test_report_fontmap test_report_fontmap
# A process that ends while pango's FcInit thread still runs: what else
# happens once in many runs happens here every time.
vg test_report_fontmap-exit-early test_report_fontmap --exit-early
echo "valgrind-report: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# `make test`: every check in one run. Each step's full output goes to
# build/test-logs/; a failing step's log is printed. Unit tests (cmocka) and
# the CLI tests count their own cases; every other step counts as one.
# The last line is the summary CI reads: "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2
LOGS=build/test-logs
mkdir -p "$LOGS"
MAKE_BUILD="make --no-print-directory -f mk/build.mk"
# Under `make -j2 test` our parent's job slots are not handed to this script
# (its recipe is not a sub-make), so drop them: mk/build.mk then picks -j by
# itself instead of warning "jobserver unavailable" and building serially.
MAKEFLAGS=$(printf '%s' "${MAKEFLAGS:-}" |
	sed 's/--jobserver-[a-z]*=[^ ]*//g; s/-j[0-9]*//g')
export MAKEFLAGS
# Warnings are errors in every build the tests make (a user's `make` is
# lenient: mk/build.mk).
export DEVELOPER=1
passed=0
failed=0
# One-off leaks inside Debian libraries (fontconfig), explained in the file.
# Without print_suppressions=0, every process that loaded fonts writes a
# "Suppressions used" table to stderr, and the tests that want an empty
# stderr fail on it (the XLSX writer measures long cells with pango).
LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
# The app tests open TRUONGSO_TEST_PG's database when it is set: only
# tests/pg/run.sh sets it, on its own throwaway cluster.
unset TRUONGSO_TEST_PG TRUONGSO_TEST_PG_DIR

# count NAME PASSED FAILED
count() {
	passed=$((passed + $2))
	failed=$((failed + $3))
	if [ "$3" -eq 0 ]; then
		printf '  ok    %-44s %s passed\n' "$1" "$2"
	else
		printf '  FAIL  %-44s %s passed, %s failed (log: %s/%s.log)\n' \
			"$1" "$2" "$3" "$LOGS" "$1"
	fi
}

# step NAME COMMAND...: one check, pass or fail by exit status.
step() {
	name=$1
	shift
	if "$@" >"$LOGS/$name.log" 2>&1; then
		count "$name" 1 0
	else
		cat "$LOGS/$name.log"
		count "$name" 0 1
	fi
}

# cmocka_run NAME BINARY: counts the binary's own test cases.
cmocka_run() {
	log="$LOGS/$1.log"
	"$2" >"$log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # crashed or sanitizer report before cmocka's summary
	fi
	[ "$f" -eq 0 ] || cat "$log"
	count "$1" "$p" "$f"
}

# counted_run NAME COMMAND...: a script that ends with "N passed, N failed".
counted_run() {
	name=$1
	shift
	log="$LOGS/$name.log"
	"$@" >"$log" 2>&1
	rc=$?
	line=$(grep -E '^[a-z0-9_-]*:? ?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	p=$(echo "$line" | sed -n 's/.*\b\([0-9][0-9]*\) passed.*/\1/p')
	f=$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p')
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	# A suite whose count was not read ran nothing we can vouch for
	# (form_bytes' "form_bytes: N passed" once counted as 0 passed).
	if [ -z "$line" ]; then
		echo "$name: no \"N passed, N failed\" line in $log" >>"$log"
		f=$((f + 1))
	fi
	[ "$f" -eq 0 ] || cat "$log"
	count "$name" "$p" "$f"
}

echo "truongso: make test"
step source-rules tools/check-source.sh
# clang-tidy: cognitive complexity at most 15 (make lint; exceptions listed).
step lint tools/lint.sh
# .clang-format, applied to the tree once (docs/build.md).
step format tools/check-format.sh
step build-gcc-release $MAKE_BUILD VARIANT=release all
counted_run setup tests/setup/run.sh
step build-gcc-asan $MAKE_BUILD VARIANT=asan all units
for t in build/asan/tests/test_*; do
	[ -x "$t" ] && cmocka_run "unit-$(basename "$t")" "$t"
done
# openpyxl reads the fixture test_report_xlsx just wrote (an independent
# XLSX reader; Debian's python3, not a pyenv one without the package).
counted_run xlsx-openpyxl /usr/bin/python3 tests/report/xlsx_check.py
step docx-python-docx tests/report/docx_check.sh
counted_run cli-asan tests/cli/run.sh build/asan/truongso
counted_run cli-workflow-asan tests/cli/workflow.sh build/asan/truongso
counted_run documents-asan tests/cli/documents.sh build/asan/truongso
counted_run cli-reports-asan tests/cli/reports.sh build/asan/truongso
# The streamed results export against the listing (issue 17 item 3).
counted_run cli-results-export-asan tests/cli/results-export.sh build/asan/truongso
# Statistics campaigns (issue 15): values, rules, pre-fill, roll-up, targets.
counted_run cli-stats-asan tests/cli/stats.sh build/asan/truongso
# Page breaks, header lines and table wrapping of every kind of demo
# document, read back from the PDF (poppler-utils, python3-docx).
counted_run layout-asan tests/cli/layout.sh build/asan/truongso
# What the documents say: drafts, quy mô, cơ quan chủ quản, summaries,
# kinds by rubric shape, nothing internal (issue 18, issue 13 item 5).
counted_run doc-content-asan tests/cli/doc-content.sh build/asan/truongso
# The documents around the self-assessment (issue 16): guidance letter,
# school decisions, signed copy, software inventory.
counted_run paper-asan tests/cli/paper.sh build/asan/truongso
# The improvement plan from the command line (issue 16): plan set/show.
counted_run cli-plan-asan tests/cli/plan.sh build/asan/truongso
# TRUONGSO_NOW moves the clock of test builds only, never of the release.
# PostgreSQL (issue 14): a throwaway cluster; the backend's tests, the
# app cmocka tests and the CLI compared with SQLite, reviewers racing, and
# every CLI and HTTP suite above and below again on PostgreSQL.
counted_run pg-asan tests/pg/run.sh build/asan
counted_run clock-hook tests/cli/clock-hook.sh build/truongso build/asan/truongso
# Reminder e-mails through libcurl to a local SMTP sink (issue 17 item 7).
counted_run cli-remind tests/cli/remind.sh build/asan/truongso
counted_run valgrind-docs tests/cli/valgrind-docs.sh build/truongso
counted_run crash tests/crash/run.sh build/truongso
counted_run http-asan tests/http/run.sh build/asan/truongso
counted_run http-hostile-asan tests/http/hostile.sh build/asan/truongso
# A client that closes early: its report build is abandoned (issue 17).
counted_run http-gone tests/http/gone.sh build/asan/truongso
# Saves racing a submit, 200 rounds: the snapshot is always what was checked.
counted_run http-submit-race tests/http/submit_race.sh build/asan/truongso
# Revisions on every form, merge and conflicts, refused fields, sessions.
counted_run http-nolost tests/http/nolost.sh build/asan/truongso
# The landing page's task list per role, with the clock hook.
counted_run http-landing tests/http/landing.sh build/asan/truongso
# Evidence from the answers form (answers kept, revision rules, removal,
# sizes, frozen-path downloads) and submitting from the check page.
counted_run http-evidence tests/http/evidence.sh build/asan/truongso
# Unit search (word prefixes, links into the campaign) and the paged,
# searchable admin lists (issue 17).
counted_run http-desk tests/http/desk.sh build/asan/truongso
# The admin side of the desk: a move's first day through the API, dates
# read dd/mm/yyyy, 405 with Allow, an import out of scope is 403.
counted_run http-desk-walk tests/http/desk_walk.sh build/asan/truongso
# Opening a round: the rubric the form selects; late joiners picked from
# the eligible units.
counted_run http-campaign-new tests/http/campaign_new.sh build/asan/truongso
# Large exports as background jobs: start, progress, cancel, restart,
# download, someone else's job (issue 17 item 3).
counted_run http-jobs tests/http/jobs.sh build/asan/truongso
# The report page links only documents that build, the others greyed
# with the download's reason; every link answers 200 (issues 17/18).
counted_run http-report-page tests/http/report_page.sh build/asan/truongso
# A statistics campaign's school form, its workflow, the office's roll-up
# by bậc học and its own answers (issue 15).
counted_run http-stats tests/http/stats.sh build/asan/truongso
# Evidence on a statistics report's indicators: attach from the form,
# refusals, the reviewer's view and the API (issue 15).
counted_run http-stats-evidence tests/http/stats_evidence.sh build/asan/truongso
# The form page byte for byte against golden copies (issue 17: the
# rubric's markup is cached, the school's values spliced in).
counted_run http-form-bytes tests/http/form_bytes.sh build/asan/truongso
# A draft's form never shows a level or grade while items are open: the
# bar, headings, panel and live preview (issue 18 item 6).
counted_run http-form-draft tests/http/form_draft.sh build/asan/truongso
# The whole form page from the page cache, never stale: each input changed
# (web and command line), each viewer's own page (issue 17).
counted_run http-form-cache tests/http/form_cache.sh build/asan/truongso
# The admission gate with one slot: a download blocked in its handler does
# not hold it, many pages pass through it (issue 17 item 2).
counted_run http-gate tests/http/gate.sh build/asan/truongso
# The access log written in batches: no line lost or cut under 32
# requests at once and a clean stop, a lone request's line out at once.
counted_run http-access-log tests/http/access_log.sh build/asan/truongso
# A small deadline rush (100 schools autosave and submit within 5 s): no
# request may fail and every acknowledged write must be stored; the
# figures are printed, never asserted (make bench runs 1,000 schools).
step rush-asan tests/bench/rush.sh build/asan/truongso 100 5 2 0.5
# ThreadSanitizer: the HTTP tests again while other clients load the same
# server (tests/http/tsan.sh; suppressions in tests/tsan.supp).
step build-gcc-tsan $MAKE_BUILD VARIANT=tsan all
counted_run http-tsan tests/http/tsan.sh build/tsan/truongso
counted_run http-gate-tsan tests/http/gate.sh build/tsan/truongso
counted_run e2e-chromium tests/e2e/run.sh
counted_run valgrind tests/cli/valgrind.sh build/truongso
counted_run valgrind-report tests/unit/valgrind-report.sh
step build-clang $MAKE_BUILD VARIANT=clang all units
step build-fuzzers $MAKE_BUILD VARIANT=fuzz fuzzers
counted_run fuzz-short env FUZZ_SECONDS="${FUZZ_SECONDS:-5}" tests/fuzz/run.sh

echo
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

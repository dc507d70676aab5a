#!/bin/sh
# `make coverage-app`: how much of each use-case file (src/app/*.c) the
# cmocka unit tests alone execute (issue 13: app-layer C tests cover every
# use-case file, without the CLI and HTTP scripts). Builds the units with
# gcc --coverage (VARIANT=coverage, build/cov), runs only them, reads gcov's
# JSON and prints per file the share of functions and of lines executed.
# Fails if a file outside tools/coverage-app-exceptions.txt has no function
# executed, or if a unit test fails.
set -u
cd "$(dirname "$0")/.." || exit 2
B=build/cov
# Only SQLite: the PostgreSQL runs belong to tests/pg/run.sh.
unset TRUONGSO_TEST_PG TRUONGSO_TEST_PG_DIR
make --no-print-directory -f mk/build.mk VARIANT=coverage units || exit 2
find "$B/obj" -name '*.gcda' -delete
failed=0
for t in "$B"/tests/test_*; do
	[ -x "$t" ] || continue
	if ! "$t" >"$B/$(basename "$t").log" 2>&1; then
		echo "coverage-app: $(basename "$t") failed (log: $B/$(basename "$t").log)"
		failed=1
	fi
done
gcov --json-format --stdout "$B"/obj/src/app/*.gcno 2>/dev/null |
	python3 tools/coverage-app.py tools/coverage-app-exceptions.txt src/app/*.c ||
	failed=1
exit $failed

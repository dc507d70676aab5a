#!/bin/sh
# `make lint`: clang-tidy over every C file of src/ and tests/unit with the
# checks of .clang-tidy (cognitive complexity at most 15 per function).
# Functions already over it when the rule came in are listed, one
# "file:function" a line, in tools/lint-exceptions.txt: lint fails on any
# other warning, and on a listed function that is no longer over (so the
# list only shrinks). Prints "lint: ok" or the findings; exits 1 on any.
set -u
cd "$(dirname "$0")/.." || exit 2
command -v clang-tidy >/dev/null 2>&1 || {
	echo "lint: clang-tidy is missing (scripts/deps test installs it)"; exit 2; }
PKGS="jansson libutf8proc sqlite3 libpq libsodium libzip libxml-2.0 libmagic libmicrohttpd pangocairo cairo-pdf cairo-svg cairo-png xlsxwriter zlib libcurl"
FLAGS="-std=c17 -D_POSIX_C_SOURCE=200809L -I. -DTS_TEST_HOOKS -DTS_DATADIR=\"data\" $(pkg-config --cflags $PKGS)"
out=$(mktemp) || exit 2
trap 'rm -f "$out" "$out.found"' EXIT
# Two files per clang-tidy, two at once: the machine is shared. The flags
# go through the environment and are split into words there (none has a
# space; the define keeps its quotes).
export LINT_FLAGS="$FLAGS"
find src tests/unit -name '*.c' | sort |
	xargs -n 2 -P 2 sh -c 'clang-tidy --quiet "$@" -- $LINT_FLAGS 2>/dev/null' lint >"$out"
status=$?
# "src/app/org_import.c:86:1: warning: function 'map_header' has ..."
sed -n "s|^$PWD/||; s|^\([^:]*\):[0-9]*:[0-9]*: warning: function '\([^']*\)'.*|\1:\2|p" "$out" |
	sort -u >"$out.found"
bad=0
new=$(grep -vxFf tools/lint-exceptions.txt "$out.found")
if [ -n "$new" ]; then
	echo "lint: functions over cognitive complexity 15 (split them):"
	echo "$new"; bad=1
fi
other=$(grep ': warning:\|: error:' "$out" | grep -v "readability-function-cognitive-complexity")
if [ -n "$other" ]; then
	echo "lint: other findings:"; echo "$other"; bad=1
fi
stale=$(grep -v '^#' tools/lint-exceptions.txt | grep -vxFf "$out.found")
if [ -n "$stale" ]; then
	echo "lint: no longer over the limit, remove from tools/lint-exceptions.txt:"
	echo "$stale"; bad=1
fi
if [ $bad -eq 0 ] && [ $status -ne 0 ] && [ ! -s "$out.found" ]; then
	echo "lint: clang-tidy failed (exit $status)"; bad=1
fi
[ $bad -eq 0 ] && echo "lint: ok ($(grep -vc '^#' tools/lint-exceptions.txt) listed exceptions)"
exit $bad

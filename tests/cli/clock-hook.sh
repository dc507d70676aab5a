#!/bin/sh
# $TRUONGSO_NOW moves the clock only in test builds (TS_TEST_HOOKS): the
# release binary, the one users run, must keep the real clock, or anyone
# who can set its environment could file on time after the deadline, keep
# sessions alive or reset sign-in limits. The time stamped on an audit
# entry shows which clock a write used.
# Usage: tests/cli/clock-hook.sh RELEASE_TRUONGSO TEST_BUILD_TRUONGSO
set -u
REL=${1:?usage: clock-hook.sh RELEASE_TRUONGSO TEST_TRUONGSO}
TST=${2:?usage: clock-hook.sh RELEASE_TRUONGSO TEST_TRUONGSO}
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
W=$(mktemp -d)
trap 'rm -rf "$W" "$OUT" "$ERR"' EXIT
FAKE=2001-02-03T04:05:06Z

# stamp NAME BINARY CODE: adds unit CODE with the clock set to $FAKE and
# sets $when to the time on its audit entry ("" if a command failed).
stamp() {
	when=
	if ! run 0 env TRUONGSO_NOW=$FAKE "$2" --db "$W/$1.db" --create org add \
		--code "$3" --name "Sở GD&ĐT $3" --kind so; then
		bad "$1: org add"
	elif ! run 0 "$2" --db "$W/$1.db" audit --limit 1; then
		bad "$1: audit"
	else
		when=$(cut -d' ' -f1 "$OUT")
	fi
}

stamp release "$REL" 98
case $when in
"$FAKE") bad "release binary ignores TRUONGSO_NOW (audit time $when)" ;;
20[0-9][0-9]-[01][0-9]-[0-3][0-9]T*Z) ok "release binary ignores TRUONGSO_NOW" ;;
*) bad "release binary: audit time '$when'" ;;
esac
stamp test "$TST" 97
same "test build honours TRUONGSO_NOW" "$when" "$FAKE"
finish

#!/bin/sh
# Runs a command N times in a row while two busy loops keep both cores
# loaded, to show that a test does not depend on timing (issue 10: a step
# must pass 50 times in a row under load). The busy loops run as nice as
# the command, end with it, and stop by themselves after 2 hours anyway.
# Keeps the log of each failing run in build/under-load/. Last line:
# "under-load: N runs, N failed, N s".
# Usage: tools/under-load.sh N COMMAND [ARGS...]
#   e.g. tools/under-load.sh 50 tests/unit/valgrind-report.sh
set -u
n=${1:?usage: under-load.sh N COMMAND...}
shift
cd "$(dirname "$0")/.." || exit 2
mkdir -p build/under-load
timeout 7200 nice -n 10 sh -c 'while :; do :; done' &
l1=$!
timeout 7200 nice -n 10 sh -c 'while :; do :; done' &
l2=$!
trap 'kill "$l1" "$l2" 2>/dev/null' EXIT
trap 'exit 2' HUP INT TERM
failed=0
start=$(date +%s)
i=0
while [ "$i" -lt "$n" ]; do
	i=$((i + 1))
	if nice -n 10 "$@" >build/under-load/run.log 2>&1; then
		echo "run $i ok"
	else
		failed=$((failed + 1))
		mv build/under-load/run.log "build/under-load/fail-$i.log"
		echo "run $i FAIL (build/under-load/fail-$i.log)"
	fi
done
echo "under-load: $n runs, $failed failed, $(($(date +%s) - start)) s"
[ "$failed" -eq 0 ]

#!/bin/sh
# Runs every libFuzzer target (build/fuzz/fz_*) for FUZZ_SECONDS each on
# its checked-in seed corpus plus a scratch directory for new inputs.
# A crash, leak or UB report fails the run; the reproducer is kept in
# build/fuzz/artifacts/. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
secs=${FUZZ_SECONDS:-5}
passed=0
failed=0
mkdir -p build/fuzz/artifacts
for f in build/fuzz/fz_*; do
	[ -x "$f" ] || continue
	name=$(basename "$f")
	seed=tests/fuzz/corpus/${name#fz_}
	work=$(mktemp -d)
	if "$f" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix=build/fuzz/artifacts/"$name"- \
		"$work" "$seed" >build/fuzz/"$name".log 2>&1; then
		passed=$((passed + 1))
		echo "ok   $name: $(grep -o 'Done [0-9]* runs' build/fuzz/"$name".log)"
	else
		failed=$((failed + 1))
		echo "FAIL $name"
		tail -n 40 build/fuzz/"$name".log
	fi
	rm -rf "$work"
done
[ $((passed + failed)) -gt 0 ] || { echo "no fuzz target built"; failed=1; }
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

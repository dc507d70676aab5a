#!/bin/sh
# Runs every libFuzzer target (build/fuzz/fz_*) for FUZZ_SECONDS each on
# its checked-in seed corpus plus a scratch directory for new inputs.
# A crash, leak or UB report fails the run; the reproducer is kept in
# build/fuzz/artifacts/. Ends with "N passed, N failed".
# make test must not turn red without a code change, so by default every
# run mutates in the same order (-seed=1, FUZZ_SEED=0 for a random one):
# a slower machine only stops earlier in the same sequence. -timeout is a
# hang guard for one input, generous for a machine busy with other tests.
set -u
cd "$(dirname "$0")/../.." || exit 2
secs=${FUZZ_SECONDS:-5}
seed=${FUZZ_SEED:-1}
passed=0
failed=0
mkdir -p build/fuzz/artifacts
for f in build/fuzz/fz_*; do
	[ -x "$f" ] || continue
	name=$(basename "$f")
	corpus=tests/fuzz/corpus/${name#fz_}
	work=$(mktemp -d)
	if "$f" -max_total_time="$secs" -seed="$seed" -timeout=60 \
		-rss_limit_mb=2048 -artifact_prefix=build/fuzz/artifacts/"$name"- \
		"$work" "$corpus" >build/fuzz/"$name".log 2>&1; then
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

# Shared by the CLI test scripts: tiny assertion helpers that count cases
# and print "N passed, N failed" at the end (tests/run.sh reads that line).
passed=0
failed=0
OUT=$(mktemp)
ERR=$(mktemp)
trap 'rm -f "$OUT" "$ERR"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() {
	failed=$((failed + 1))
	echo "FAIL $1"
	echo "---- stdout"; head -c 4000 "$OUT"
	echo "---- stderr"; head -c 4000 "$ERR"
	echo "----"
}

# run EXPECTED_EXIT CMD...: runs CMD capturing stdout/stderr in $OUT/$ERR.
run() {
	want=$1
	shift
	"$@" >"$OUT" 2>"$ERR"
	got=$?
	if [ "$got" -eq "$want" ]; then
		return 0
	fi
	echo "exit status $got, expected $want: $*" >>"$ERR"
	return 1
}

# same NAME GOT WANT: two strings must be equal.
same() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		printf 'got:  %s\nwant: %s\n' "$2" "$3" >"$ERR"
		: >"$OUT"
		bad "$1"
	fi
}

# contains NAME STREAM PATTERN: PATTERN in the stdout ("out") or stderr
# ("err") of the last run/check.
contains() {
	f=$OUT
	[ "$2" = err ] && f=$ERR
	if grep -qF -- "$3" "$f"; then ok "$1"; else
		echo "missing in $2: $3" >>"$ERR"
		bad "$1"
	fi
}

# check NAME EXPECTED_EXIT STREAM PATTERN CMD...: exit status and a fixed
# string that must appear in stdout ("out") or stderr ("err").
check() {
	name=$1 want=$2 stream=$3 pat=$4
	shift 4
	if run "$want" "$@"; then
		f=$OUT
		[ "$stream" = err ] && f=$ERR
		if grep -qF -- "$pat" "$f"; then
			ok "$name"
			return
		fi
		echo "missing in $stream: $pat" >>"$ERR"
	fi
	bad "$name"
}

finish() {
	echo "cli: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}


# wait_listening: tests/serve-wait.sh
. tests/serve-wait.sh

#!/bin/bash
# Crash test (design §6: "every write that the user was told succeeded
# survives kill -9"). On a fresh demo database, writers loop over many
# schools: save (hiệu trưởng), submit (hiệu trưởng), return (chuyên viên
# Sở). A write is logged to the "acked" file only after its command exited
# 0, i.e. after the CLI printed its success line, which it does only once
# COMMIT returned (WAL, synchronous=FULL). The whole process group is killed
# with SIGKILL at a random moment; then, with sqlite3:
#   - PRAGMA integrity_check is "ok";
#   - every acknowledged submission (campaign, unit, version) has its
#     snapshot; every acknowledged return its review note; every
#     acknowledged save its submission row;
#   - each submission's version equals the number of its snapshots (a
#     submit is one transaction);
#   - truongso itself opens the database again and reads it.
# Repeated ROUNDS times (default 20) on the same database, within about
# 60 seconds. Last line: "crash: N passed, N failed".
# Usage: tests/crash/run.sh [PATH/TO/truongso] [ROUNDS]
set -u

# --writers T DB EX ACKED ROUND UNIT...: the background part (two writer
# loops over the two halves of the units, in one process group).
writer() {
	local T=$1 DB=$2 EX=$3 ACKED=$4 ROUND=$5 i=0 u l out v tok
	shift 5
	while :; do
		i=$((i + 1))
		for u in "$@"; do
			l=ht.${u,,}
			if "$T" --db "$DB" --as "$l" submission save 1 "$u" "$EX" >/dev/null 2>&1; then
				echo "save 1 $u ok" >>"$ACKED"
			fi
			if out=$("$T" --db "$DB" --as "$l" submission submit 1 "$u" 2>/dev/null); then
				v=${out#Đã nộp phiên bản }
				v=${v%% *}
				echo "submit 1 $u $v ok" >>"$ACKED"
			fi
			tok=r$ROUND-$i-$u
			if "$T" --db "$DB" --as cv.so submission return 1 "$u" --reason "1.3=$tok" >/dev/null 2>&1; then
				echo "return 1 $u $tok ok" >>"$ACKED"
			fi
		done
	done
}
if [ "${1:-}" = --writers ]; then
	shift
	args=("$1" "$2" "$3" "$4" "$5")
	shift 5
	units=("$@")
	half=$(((${#units[@]} + 1) / 2))
	writer "${args[@]}" "${units[@]:0:half}" &
	writer "${args[@]}" "${units[@]:half}" &
	wait
	exit 0
fi

SELF=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
T=${1:-build/truongso}
case $T in
/*) ;;
*/*) T=$(pwd)/$T ;;
esac
ROUNDS=${2:-${CRASH_ROUNDS:-20}}
TIME_BUDGET=60 # seconds for the rounds; the rest is set-up and checks
cd "$(dirname "$0")/../.." || exit 2
WORK=$(mktemp -d) || exit 2
# The seed 003 answers without the "unit" and "school_year" of their own
# 2022-2023 record, so they may be saved into any demo school.
EX=$WORK/answers.json
sed '/^  "unit":/d; /^  "school_year":/d' examples/qd4725-gdtx-duongkinh-2022-2023.json >"$EX"
PGID=
cleanup() {
	[ -n "$PGID" ] && kill -KILL -- "-$PGID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM
unset TRUONGSO_DB TRUONGSO_DATA

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() {
	failed=$((failed + 1))
	echo "FAIL $1"
	[ $# -gt 1 ] && printf '%s\n' "$2" | head -c 4000 && echo
}
finish() {
	echo "crash: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

DB=$WORK/crash.db
ACKED=$WORK/acked
: >"$ACKED"
if ! "$T" --db "$DB" demo >"$WORK/demo.log" 2>&1; then
	bad "demo database" "$(cat "$WORK/demo.log")"
	finish
	exit 1
fi
# Schools of campaign 1 whose submission can still move (not approved or
# published); each has a hiệu trưởng "ht.<code>".
mapfile -t UNITS < <(sqlite3 "$DB" "SELECT o.code FROM campaign_unit cu
	JOIN org_unit o ON o.id = cu.unit_id LEFT JOIN submission s ON
	s.campaign_id = 1 AND s.unit_id = cu.unit_id WHERE cu.campaign_id = 1
	AND coalesce(s.state, 'none') IN ('none', 'draft', 'returned',
	'submitted') ORDER BY o.code LIMIT 16")
if [ "${#UNITS[@]}" -lt 8 ]; then
	bad "demo units" "only ${#UNITS[@]} units: ${UNITS[*]}"
	finish
	exit 1
fi
echo "crash: $ROUNDS rounds, ${#UNITS[@]} schools: ${UNITS[*]}"

# sql STATEMENT: one value ("ERR: ..." if sqlite3 failed).
sql() {
	local r
	r=$(sqlite3 -cmd ".timeout 10000" "$DB" 2>&1 <<<"$1") || r="ERR: $r"
	printf '%s' "$r"
}

# missing KIND QUERY_FOR_ONE_ROW: how many acked writes of KIND are not in
# the database. QUERY_FOR_ONE_ROW uses a.c, a.u, a.x (campaign, unit, the
# version or token) and must select a row when the write is there.
missing() {
	local values
	values=$(awk -v k="$1" '$1 == k && NF == 5 && $5 == "ok" {
		printf "%s(%d, '\''%s'\'', '\''%s'\'')", (n++ ? "," : ""), $2, $3, $4 }
		$1 == k && k == "save" && NF == 4 && $4 == "ok" {
		printf "%s(%d, '\''%s'\'', '\'''\'')", (n++ ? "," : ""), $2, $3 }' "$ACKED")
	[ -z "$values" ] && { printf 0; return; }
	sql "WITH a(c, u, x) AS (VALUES $values) SELECT count(*) FROM a WHERE NOT EXISTS ($2)"
}

SQL_SUB="SELECT 1 FROM submission b JOIN org_unit o ON o.id = b.unit_id WHERE b.campaign_id = a.c AND o.code = a.u"

total_acked=0
start=$SECONDS
round=0
while [ "$round" -lt "$ROUNDS" ]; do
	if [ $((SECONDS - start)) -ge "$TIME_BUDGET" ]; then
		echo "time budget reached after $round rounds"
		break
	fi
	round=$((round + 1))
	before=$(wc -l <"$ACKED")
	setsid bash "$SELF" --writers "$T" "$DB" "$EX" "$ACKED" "$round" "${UNITS[@]}" \
		</dev/null >/dev/null 2>&1 &
	pid=$!
	# setsid runs in the child: until it has, the child is still in our
	# process group. Wait for that (or for the child's end) before
	# anything is sent to the group.
	for _ in $(seq 600); do
		[ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	PGID=$(ps -o pgid= -p "$pid" | tr -d ' ')
	if [ "$PGID" != "$pid" ]; then
		bad "round $round: writers in their own process group" "pid $pid pgid $PGID"
		PGID=
		kill -KILL "$pid" 2>/dev/null
		break
	fi
	# The round's first acknowledged submit, so that every round kills
	# writers at work and has a submit to check, however slow the machine
	# is to start them (a minute at most: then "writes acknowledged"
	# below tells whether anything worked at all).
	for _ in $(seq 1200); do
		tail -n +"$((before + 1))" "$ACKED" | grep -q '^submit ' && break
		sleep 0.05
	done
	# 0.15 .. 1.5 s more writes, then kill -9 everything at once.
	ms=$((150 + RANDOM % 1350))
	sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
	kill -KILL -- "-$PGID" 2>/dev/null
	wait "$pid" 2>/dev/null
	# Until nothing of the group runs any more (zombies waiting for init
	# to reap them do not count): a writer still dying may hold a lock
	# on the database the checks below read.
	gone=0
	for _ in $(seq 600); do
		pgrep -r D,R,S,T -g "$PGID" >/dev/null || { gone=1; break; }
		kill -KILL -- "-$PGID" 2>/dev/null
		sleep 0.05
	done
	[ "$gone" -eq 1 ] || bad "round $round: writers still running after kill -9"
	PGID=
	acked=$(($(wc -l <"$ACKED") - before))
	total_acked=$((total_acked + acked))
	tag="round $round (killed after ${ms} ms, $acked writes acknowledged)"

	r=$(sql "PRAGMA integrity_check")
	if [ "$r" = ok ]; then ok "$tag: integrity_check"; else bad "$tag: integrity_check" "$r"; fi
	r=$(missing submit "SELECT 1 FROM snapshot p JOIN submission b ON b.id = p.submission_id JOIN org_unit o ON o.id = b.unit_id WHERE b.campaign_id = a.c AND o.code = a.u AND p.version = CAST(a.x AS INTEGER)")
	if [ "$r" = 0 ]; then ok "$tag: every acknowledged submit has its snapshot"; else
		bad "$tag: every acknowledged submit has its snapshot" "missing: $r"; fi
	r=$(missing return "SELECT 1 FROM review_note n JOIN submission b ON b.id = n.submission_id JOIN org_unit o ON o.id = b.unit_id WHERE b.campaign_id = a.c AND o.code = a.u AND n.body = a.x")
	if [ "$r" = 0 ]; then ok "$tag: every acknowledged return has its reason"; else
		bad "$tag: every acknowledged return has its reason" "missing: $r"; fi
	r=$(missing save "$SQL_SUB")
	if [ "$r" = 0 ]; then ok "$tag: every acknowledged save has its row"; else
		bad "$tag: every acknowledged save has its row" "missing: $r"; fi
	r=$(sql "SELECT count(*) FROM submission b WHERE b.version <> (SELECT count(*) FROM snapshot p WHERE p.submission_id = b.id) OR (b.version > 0 AND b.first_submitted_at IS NULL)")
	if [ "$r" = 0 ]; then ok "$tag: versions match snapshots"; else bad "$tag: versions match snapshots" "$r"; fi
	if out=$("$T" --db "$DB" campaign status 1 2>&1) && grep -qF "Tổng cộng" <<<"$out"; then
		ok "$tag: truongso reopens the database"
	else
		bad "$tag: truongso reopens the database" "$out"
	fi
done

# The test means something only if writes were made and acknowledged.
subs=$(grep -c '^submit .* ok$' "$ACKED")
if [ "$total_acked" -gt 0 ] && [ "$subs" -gt 0 ]; then
	ok "writes acknowledged: $total_acked ($subs submits) in $round rounds"
else
	bad "writes acknowledged" "$total_acked writes, $subs submits: is $T working?"
fi
echo "time: $((SECONDS - start)) s for $round rounds"
finish

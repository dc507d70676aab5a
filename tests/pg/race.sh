#!/bin/sh
# Two reviewers act on the same submitted self-assessment at once on
# PostgreSQL (TRUONGSO_TEST_PG, set by tests/pg/cluster.sh): one approves,
# the other returns it. To make "at once" certain rather than likely, a
# third session holds the submission's row lock until both processes are
# seen waiting for it (pg_stat_activity, bounded wait), then lets go.
# Exactly one must win; the other must fail with a message and leave
# nothing: the state, the audit log and the revisions show one action.
# Usage: tests/pg/cluster.sh tests/pg/race.sh PATH/TO/truongso
set -u
T=${1:?usage: race.sh TRUONGSO}
case $T in
/*) ;;
*/*) T=$(pwd)/$T ;;
esac
: "${TRUONGSO_TEST_PG:?run under tests/pg/cluster.sh}"
PSQL=${PGBIN_DIR:?run under tests/pg/cluster.sh}/psql
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
WORK=$(mktemp -d) || exit 2
HOLDER=
cleanup() {
	exec 3>&- 2>/dev/null
	[ -z "$HOLDER" ] || wait "$HOLDER"
	rm -rf "$WORK" "$OUT" "$ERR"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM
TRUONGSO_NOW=2026-04-10T08:00:00Z
TRUONGSO_EVIDENCE_DIR=$WORK/evidence
export TRUONGSO_NOW TRUONGSO_EVIDENCE_DIR
PG=$TRUONGSO_TEST_PG
UNIT=31DK026 # submitted in campaign 1 of the demo
q() { "$PSQL" "$PG" -Atq -c "$1"; }
q "DROP SCHEMA public CASCADE; CREATE SCHEMA public" >/dev/null
if run 0 "$T" --db "$PG" demo; then ok demo; else bad demo; fi
ROW="SELECT s.id FROM submission s JOIN org_unit o ON o.id = s.unit_id
	WHERE s.campaign_id = 1 AND o.code = '$UNIT'"
before_rev=$(q "SELECT revision FROM submission WHERE id = ($ROW)")
same state-before "$(q "SELECT state FROM submission WHERE id = ($ROW)")" submitted

# waitfor SQL WANT: polls every 0.1 s, at most 30 s, until SQL gives WANT.
waitfor() {
	_i=0
	while [ "$(q "$1")" != "$2" ] && [ $_i -lt 300 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	[ "$(q "$1")" = "$2" ]
}

mkfifo "$WORK/holder"
PGAPPNAME=holder "$PSQL" "$PG" -Atq <"$WORK/holder" >"$WORK/holder.out" 2>&1 &
HOLDER=$!
exec 3>"$WORK/holder"
echo "BEGIN; SELECT 1 FROM submission WHERE id = ($ROW) FOR UPDATE;" >&3
if waitfor "SELECT count(*) FROM pg_stat_activity WHERE application_name =
	'holder' AND state = 'idle in transaction'" 1; then
	ok lock-held
else
	bad lock-held
fi
"$T" --db "$PG" --as cv.dk submission approve 1 $UNIT \
	>"$WORK/a.out" 2>"$WORK/a.err" &
PA=$!
"$T" --db "$PG" --as cv.so submission return 1 $UNIT \
	--reason "1.1=Thiếu minh chứng" >"$WORK/r.out" 2>"$WORK/r.err" &
PR=$!
if waitfor "SELECT count(*) FROM pg_stat_activity WHERE application_name =
	'truongso' AND wait_event_type = 'Lock'" 2; then
	ok both-waiting
else
	bad both-waiting
fi
echo "COMMIT;" >&3
exec 3>&-
wait "$HOLDER"
HOLDER=
wait "$PA"
ra=$?
wait "$PR"
rr=$?
if [ "$ra" -eq 0 ] && [ "$rr" -eq 2 ]; then
	winner=approve state=approved loser=$WORK/r.err
elif [ "$rr" -eq 0 ] && [ "$ra" -eq 2 ]; then
	winner=return state=returned loser=$WORK/a.err
else
	winner=none state=none loser=/dev/null
fi
same one-winner "$winner" "$([ "$winner" = none ] && echo one || echo "$winner")"
# The loser is told: the write door ran its lost transaction again
# (db_transient), which now meets the winner's state and names it; a lost
# race is worded as such if the retries ran out.
if grep -q "không thể .*(trạng thái: \(Đã phê duyệt\|Trả lại\)\|vừa được người khác thay đổi" "$loser"; then
	ok loser-told
else
	cp "$loser" "$ERR"
	bad loser-told
fi
same state-after "$(q "SELECT state FROM submission WHERE id = ($ROW)")" "$state"
same one-revision "$(q "SELECT revision FROM submission WHERE id = ($ROW)")" \
	$((before_rev + 1))
same one-audit-row "$(q "SELECT count(*) FROM audit WHERE object =
	'submission:1/$UNIT' AND action IN ('submission.approve',
	'submission.return')")" 1
same one-history-row "$(q "SELECT count(*) FROM submission_revision WHERE
	submission_id = ($ROW) AND revision > $before_rev")" 1
same notes-only-if-returned "$(q "SELECT count(*) FROM review_note WHERE
	submission_id = ($ROW)")" "$([ "$winner" = return ] && echo 1 || echo 0)"
echo "race: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

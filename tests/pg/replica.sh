#!/bin/sh
# serve --db-read: a real streaming replica of the throwaway primary
# (tests/pg/cluster.sh), made with pg_basebackup -R and started with its
# own pg_ctl on its own socket directory, logging every statement so the
# test sees which server answered. Dashboards (R_READ routes) are read
# from the replica; a school's own form from the primary; after a write,
# the writer's dashboard comes from the primary while the replica has
# not replayed it (replay paused: deterministic), and from the replica
# again once it has. Every wait is bounded; everything is removed after.
# Usage: tests/pg/cluster.sh tests/pg/replica.sh PATH/TO/truongso
set -u
T=${1:?usage: replica.sh TRUONGSO}
case $T in
/*) ;;
*/*) T=$(pwd)/$T ;;
esac
: "${TRUONGSO_TEST_PG:?run under tests/pg/cluster.sh}"
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
. tests/serve-wait.sh
PGB=${PGBIN_DIR:?run under tests/pg/cluster.sh}
W=$(mktemp -d) || exit 2
R=$(mktemp -d /tmp/ts-rep.XXXXXX) || exit 2
SERVER=
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
	[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
	wait 2>/dev/null
	as_pg "$PGB/pg_ctl" -D "$R/data" -m immediate -t 20 stop >/dev/null 2>&1
	rm -rf "$W" "$R" "$OUT" "$ERR"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM
[ "$(id -u)" -ne 0 ] || chown postgres "$R"
unset TRUONGSO_NOW
PG=$TRUONGSO_TEST_PG
RP="postgresql://truongso@/truongso?host=$R"
TRUONGSO_EVIDENCE_DIR=$W/evidence
export TRUONGSO_EVIDENCE_DIR
psql() { "$PGB/psql" "$@" -Atq; }
psql "$PG" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public" >/dev/null 2>&1
"$T" --db "$PG" demo >/dev/null || { echo "demo failed"; exit 1; }

as_pg "$PGB/pg_basebackup" -h "$TRUONGSO_TEST_PG_DIR" -U truongso -D "$R/data" \
	-R -X stream --checkpoint=fast >"$R/basebackup.log" 2>&1 ||
	{ cat "$R/basebackup.log"; exit 1; }
# A standby refuses to start with fewer connections than its primary.
MAXC=$(psql "$PG" -c 'SHOW max_connections')
as_pg "$PGB/pg_ctl" -D "$R/data" -l "$R/server.log" -w -t 60 \
	-o "-c listen_addresses='' -k $R -c max_connections=$MAXC \
	-c log_statement=all -c fsync=off" start >/dev/null ||
	{ cat "$R/server.log"; exit 1; }
same "the replica is a replica" "$(psql "$RP" -c 'SELECT pg_is_in_recovery()')" t

check "--db-read needs PostgreSQL on both sides" 2 err "--db-read" \
	"$T" --db "$W/x.db" --create serve --port 0 --db-read "$RP"
"$T" --db "$PG" serve --port 0 --connections 4 --db-read "$RP" >"$W/server.log" 2>&1 &
SERVER=$!
wait_listening "$W/server.log" "$SERVER"

# caught_up: waits (bounded) until the replica has replayed everything
# the primary has written so far: up to its insert position, as the
# server's ts_wal cookie (the cluster commits asynchronously, so the
# write position may be behind a commit just made).
caught_up() {
	_lsn=$(psql "$PG" -c "SELECT pg_current_wal_insert_lsn()")
	for _ in $(seq 600); do
		[ "$(psql "$RP" -c "SELECT pg_last_wal_replay_lsn() >= '$_lsn'")" = t ] && return 0
		sleep 0.1
	done
	echo "the replica did not catch up"
	exit 1
}
# on_replica: statements the replica has run so far, but for the server
# asking it how far it has replayed (db_replayed).
on_replica() {
	grep 'LOG:  execute\|LOG:  statement:' "$R/server.log" |
		grep -vc 'pg_last_wal_replay_lsn'
}
login() { curl -s -c "$1" -b "$1" -o /dev/null -d "login=$2&password=truongso-demo" "$B/login"; }
token() { curl -s -b "$1" "$B/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/'; }
B=$BASE

login "$W/rev" cv.dk
caught_up
n0=$(on_replica)
check "dashboard answered" 0 out '"scope":' curl -sf -b "$W/rev" "$B/api/campaigns/1/status"
S0=$(cat "$OUT")
n1=$(on_replica)
[ "$n1" -gt "$n0" ] && ok "dashboard read from the replica" || bad "dashboard read from the replica"
check "dashboard page answered" 0 out "Tổng cộng" curl -sf -b "$W/rev" "$B/campaigns/1"
[ "$(on_replica)" -gt "$n1" ] && ok "dashboard page read from the replica" ||
	bad "dashboard page read from the replica"

SCHOOL=$(psql "$PG" -c "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	WHERE s.campaign_id = 1 AND o.code LIKE '31DK%' AND s.state = 'draft'
	ORDER BY o.code LIMIT 1")
login "$W/ed" "cntt.$(echo "$SCHOOL" | tr 'A-Z' 'a-z')"
caught_up
n0=$(on_replica)
check "own form answered" 0 out 'name="rev"' curl -sf -b "$W/ed" "$B/campaigns/1/units/$SCHOOL"
same "own form read from the primary" "$(on_replica)" "$n0"

# The reviewer writes while the replica is held back: the reviewer's next
# dashboard comes from the primary and shows the write; another user's
# (no write of theirs pending) from the replica, as it was.
psql "$RP" -c "SELECT pg_wal_replay_pause()" >/dev/null
SUB=$(psql "$PG" -c "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	WHERE s.campaign_id = 1 AND o.code LIKE '31DK%' AND s.state = 'submitted'
	ORDER BY o.code LIMIT 1")
check "approve on the primary" 0 out '' curl -sf -b "$W/rev" -c "$W/rev" \
	-H "X-CSRF-Token: $(token "$W/rev")" -X POST "$B/api/campaigns/1/units/$SUB/approve"
grep -q 'ts_wal' "$W/rev" && ok "the write leaves its WAL position" || bad "the write leaves its WAL position"
n0=$(on_replica)
check "writer's dashboard answered" 0 out '"scope":' curl -sf -b "$W/rev" "$B/api/campaigns/1/status"
S1=$(cat "$OUT")
same "writer's dashboard read from the primary" "$(on_replica)" "$n0"
[ "$S1" != "$S0" ] && ok "writer sees the write" || bad "writer sees the write"
OTHER=$(awk '$6 == "ts_session" { print "ts_session=" $7 }' "$W/rev")
check "another user's dashboard answered" 0 out '"scope":' curl -sf -b "$OTHER" "$B/api/campaigns/1/status"
same "another user's dashboard from the replica, as it was" "$(cat "$OUT")" "$S0"
[ "$(on_replica)" -gt "$n0" ] && ok "another user read from the replica" ||
	bad "another user read from the replica"

psql "$RP" -c "SELECT pg_wal_replay_resume()" >/dev/null
caught_up
n0=$(on_replica)
check "writer's dashboard once replayed" 0 out '"scope":' curl -sf -b "$W/rev" "$B/api/campaigns/1/status"
same "it shows the write" "$(cat "$OUT")" "$S1"
[ "$(on_replica)" -gt "$n0" ] && ok "and comes from the replica again" ||
	bad "and comes from the replica again"
echo "replica: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# A throwaway PostgreSQL cluster for tests: initdb in a new temporary
# directory, the server listening only on a unix socket in that directory
# (no TCP port at all, so nothing to collide with), one database made with
# UTF8 and the C collation, then COMMAND runs with TRUONGSO_TEST_PG set to
# its URL; the server is stopped and the directory removed afterwards,
# whatever happens. Every wait is bounded.
#
# Usage: tests/pg/cluster.sh COMMAND [ARGS...]
# Needs postgresql-15 (deps/debian.txt, test), whose programs live in
# /usr/lib/postgresql/15/bin. As root, the server runs as user postgres
# (initdb refuses root).
set -u
[ $# -ge 1 ] || { echo "usage: cluster.sh COMMAND [ARGS...]" >&2; exit 2; }
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
	echo "cluster.sh: PostgreSQL not installed (scripts/deps test)" >&2
	exit 2
fi
DIR=$(mktemp -d /tmp/ts-pg.XXXXXX) || exit 2
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}
stop() {
	as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate -t 20 stop \
		>/dev/null 2>&1
	rm -rf "$DIR"
}
trap stop EXIT
trap 'exit 2' HUP INT TERM
[ "$(id -u)" -ne 0 ] || chown postgres "$DIR"
# fsync off: a throwaway cluster need not survive a power cut.
# max_connections: run.sh runs two groups of suites at once, and each
# group's server opens up to 32 connections (POOL_MAX) plus two per job
# worker and one per CLI call; two servers alone are 64, so 60 refused
# whichever started second whenever both groups had a server up.
as_pg "$PGBIN/initdb" -D "$DIR/data" -U truongso --auth=trust \
	--encoding=UTF8 --locale=C --no-sync >"$DIR/initdb.log" 2>&1 ||
	{ cat "$DIR/initdb.log" >&2; exit 2; }
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
	-o "-c listen_addresses='' -k $DIR -c fsync=off \
	-c synchronous_commit=off -c full_page_writes=off \
	-c max_connections=200" start >/dev/null ||
	{ cat "$DIR/server.log" >&2; exit 2; }
as_pg "$PGBIN/createdb" -h "$DIR" -U truongso truongso ||
	{ cat "$DIR/server.log" >&2; exit 2; }
TRUONGSO_TEST_PG="postgresql://truongso@/truongso?host=$DIR"
TRUONGSO_TEST_PG_DIR=$DIR
PGBIN_DIR=$PGBIN
export TRUONGSO_TEST_PG TRUONGSO_TEST_PG_DIR PGBIN_DIR
"$@"

# Shared by the test scripts that look into the database themselves: the
# same SQL through sqlite3 or psql, whichever backend the test runs on.
#
# sql_db FILE: sets DB to the database the test uses. Under
# tests/pg/cluster.sh (TRUONGSO_TEST_PG set) that is the throwaway
# cluster's database, emptied first, with its evidence in FILE.evidence
# (where SQLite keeps it); otherwise the SQLite file FILE. Either way
# BLOBS is that evidence directory (files, export jobs' files).
#
# q "SQL...": every statement's rows, columns separated by "|", NULL as
# the empty string, nothing else: what `sqlite3 DB "SQL"` prints, so the
# scripts compare the same text on both backends. Waits for a writer's
# lock like the program does (10 s on SQLite; PostgreSQL readers never
# wait). The SQL must mean the same on both (no strftime, group_concat,
# json_extract, rowid: see docs/architecture.md "SQL on both backends");
# qd gives one statement per backend where they cannot.
#
# qd "SQLITE_SQL" "POSTGRESQL_SQL": the first on SQLite, the second on
# PostgreSQL (date arithmetic, mostly).

sql_db() {
	BLOBS=$1.evidence
	if [ -n "${TRUONGSO_TEST_PG:-}" ]; then
		DB=$TRUONGSO_TEST_PG
		TRUONGSO_EVIDENCE_DIR=$1.evidence
		export TRUONGSO_EVIDENCE_DIR
		q "DROP SCHEMA public CASCADE; CREATE SCHEMA public" >/dev/null 2>&1
	else
		DB=$1
	fi
}

sql_is_pg() {
	case $DB in
	postgres://* | postgresql://*) return 0 ;;
	esac
	return 1
}

q() {
	if sql_is_pg; then
		printf '%s\n' "$1" |
			PGOPTIONS='-c client_min_messages=warning' \
				"${PGBIN_DIR:-/usr/lib/postgresql/15/bin}/psql" \
				"$DB" -XAtq -v ON_ERROR_STOP=1 -f -
	else
		printf '%s\n' "$1" | sqlite3 -cmd ".timeout 10000" "$DB"
	fi
}

qd() {
	if sql_is_pg; then q "$2"; else q "$1"; fi
}

# jx EXPR KEY...: SQL for the JSON value at EXPR's KEY/KEY/… (keys may
# hold dots: "1.4"), as text: json_extract on SQLite, #>> on PostgreSQL.
# Numbers and strings print alike; JSON true is 1 on SQLite, true here.
jx() {
	_e=$1
	shift
	if sql_is_pg; then
		_p=
		for _k; do _p="$_p${_p:+,}\"$_k\""; done
		printf "(%s::jsonb #>> '{%s}')" "$_e" "$_p"
	else
		_p='$'
		for _k; do _p="$_p.\"$_k\""; done
		printf "json_extract(%s, '%s')" "$_e" "$_p"
	fi
}

# at OFFSET: now moved by OFFSET ("-2 hours", "+30 seconds") as the
# program stores times ("2026-05-31T16:59:59Z"), for SQL literals: the
# same text on both backends, computed here rather than by strftime.
at() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

# secs_until TIME: seconds from now to a stored time.
secs_until() { echo $(($(date -u -d "$1" +%s) - $(date -u +%s))); }

# sql_snapshot TRUONGSO FILE: CALC is a SQLite file holding the test
# database's rows as they are now: on PostgreSQL a copy made with the
# program's own `db copy` (verified row by row), on SQLite the database
# itself. For hand counts that need SQLite's JSON functions (json_each,
# json_type): the independent answer a report is compared with, never a
# check of what the program stored.
sql_snapshot() {
	if sql_is_pg; then
		rm -f "$2"
		"$1" db copy --from "$DB" --to "sqlite:$2" >/dev/null ||
			{ echo "sql_snapshot: db copy failed" >&2; return 1; }
		CALC=$2
	else
		CALC=$DB
	fi
}

# calc "SQL" (or SQL on stdin): SQL on the snapshot $CALC (sqlite3).
calc() {
	if [ $# -gt 0 ]; then
		printf '%s\n' "$1" | sqlite3 "$CALC"
	else
		sqlite3 "$CALC"
	fi
}

# csvq FILE SQL: SQL over a document's CSV holding one table without a
# caption (its header row naming the columns), as table t (sqlite3 as a
# CSV calculator, whatever the backend).
csvq() { sqlite3 :memory: -cmd ".import --csv $1 t" "$2"; }

# lines SEP "SQL": the rows joined with SEP (group_concat is SQLite's,
# string_agg PostgreSQL's).
lines() { q "$2" | paste -sd "$1" -; }

# For scripts that use several databases, each named by a SQLite path
# (tests/cli/workflow.sh). On PostgreSQL each is a database of the
# cluster named after TRUONGSO_TEST_PG's and the path's file name
# ("truongso_scope_none"; tests/pg/run.sh runs groups on two databases),
# its evidence in PATH.evidence as on SQLite.
#
# sql_use PATH: DB (and BLOBS, the evidence directory) for PATH, as is.
sql_use() {
	BLOBS=$1.evidence
	_n=
	if [ -n "${TRUONGSO_TEST_PG:-}" ]; then
		_n=$(printf '%s' "$TRUONGSO_TEST_PG" | sed 's|.*@/\([^?]*\).*|\1|')
		_n=${_n}_$(basename "$1" .db | tr -c 'a-zA-Z0-9_\n' _)
		DB=$(printf '%s' "$TRUONGSO_TEST_PG" | sed "s|@/[^?]*|@/$_n|")
		TRUONGSO_EVIDENCE_DIR=$BLOBS
		export TRUONGSO_EVIDENCE_DIR
	else
		DB=$1
	fi
}

# sql_admin "SQL": on the cluster's own database (CREATE/DROP DATABASE).
sql_admin() {
	PGOPTIONS='-c client_min_messages=warning' \
		"${PGBIN_DIR:-/usr/lib/postgresql/15/bin}/psql" \
		"$TRUONGSO_TEST_PG" -XAtq -v ON_ERROR_STOP=1 -c "$1"
}

# sql_new PATH: sql_use PATH, and that database new and empty (nothing at
# all on SQLite: the program creates the file).
sql_new() {
	sql_use "$1"
	rm -rf "$1" "$1-wal" "$1-shm" "$BLOBS"
	if sql_is_pg; then
		sql_admin "DROP DATABASE IF EXISTS $_n" &&
			sql_admin "CREATE DATABASE $_n"
	fi
}

# sql_copy FROM_PATH TO_PATH: TO a copy of the closed database FROM (not
# its evidence), as $DB.
sql_copy() {
	sql_use "$1"
	_from=$_n
	sql_use "$2"
	rm -f "$2" "$2-wal" "$2-shm"
	if sql_is_pg; then
		sql_admin "DROP DATABASE IF EXISTS $_n" &&
			sql_admin "CREATE DATABASE $_n TEMPLATE $_from STRATEGY FILE_COPY"
	else
		cp "$1" "$2"
		if [ -f "$1-wal" ]; then cp "$1-wal" "$2-wal"; fi
	fi
}

# sql_dump: the whole database as text (sqlite3 .dump, pg_dump), to see
# that nothing changed.
sql_dump() {
	if sql_is_pg; then
		# Without the random key of \restrict (new in each dump).
		"${PGBIN_DIR:-/usr/lib/postgresql/15/bin}/pg_dump" "$DB" |
			sed '/^\\\(un\)\{0,1\}restrict /d'
	else
		sqlite3 "$DB" .dump
	fi
}

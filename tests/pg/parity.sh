#!/bin/sh
# The same program on both backends gives the same answers: the demo
# province made in SQLite and in PostgreSQL (TRUONGSO_TEST_PG, set by
# tests/pg/cluster.sh), then every read below, a workflow slice (save,
# submit, return, save, submit, approve, publish, external scores) and
# refused input, each compared byte for byte (exit status, stdout,
# stderr; the database's name aside). Reports are compared as CSV.
# Usage: tests/pg/cluster.sh tests/pg/parity.sh PATH/TO/truongso
set -u
T=${1:?usage: parity.sh TRUONGSO}
. "$(dirname "$0")/lib.sh" # $WORK, SQ, PG (emptied), sq_sql, pg_sql

# on NAME DB ARGS...: runs truongso on DB into $WORK/NAME.{out,err,rc},
# the database's name replaced by DB.
on() {
	_n=$1
	_db=$2
	shift 2
	"$T" --db "$_db" "$@" >"$WORK/$_n.out" 2>"$WORK/$_n.err" </dev/null
	echo $? >"$WORK/$_n.rc"
	sed -i "s|$_db|DB|g" "$WORK/$_n.out" "$WORK/$_n.err"
}

# both NAME ARGS...: the command on both; the two answers must be equal.
both() {
	_name=$1
	shift
	on sq "$SQ" "$@"
	on pg "$PG" "$@"
	if cmp -s "$WORK/sq.out" "$WORK/pg.out" &&
		cmp -s "$WORK/sq.err" "$WORK/pg.err" &&
		cmp -s "$WORK/sq.rc" "$WORK/pg.rc"; then
		ok "$_name"
	else
		{
			echo "exit: $(cat "$WORK/sq.rc") (SQLite) $(cat "$WORK/pg.rc") (PostgreSQL)"
			diff "$WORK/sq.out" "$WORK/pg.out" | head -20
			diff "$WORK/sq.err" "$WORK/pg.err" | head -20
		} >"$ERR"
		: >"$OUT"
		bad "$_name"
	fi
}

# status NAME WANT: the last `both` exited WANT (on both, as compared).
status() { same "$1" "$(cat "$WORK/sq.rc")" "$2"; }

both demo demo
status demo-ok 0
for c in "campaign list" "campaign status 1" "campaign status 2" \
	"campaign status 3" "campaign status 1 --unit 31DK" "org tree" \
	"org tree 31DK" "org search hoa" "org search truong" \
	"audit --limit 1000" "audit --object submission:1/31DK030" \
	"submission show 1 31DK030" "submission history 1 31DK024" \
	"submission history 3 31DK029" "stats table 3" "stats targets 3" \
	"report fields --campaign 1 --unit 31DK030 --all" "db status"; do
	# shellcheck disable=SC2086 # the words of $c are the arguments
	both "read: $c" $c
done
# Phụ lục 6 reads every school year's statistics rounds and the Sở's
# typed figures of the years before (stats_years.c, stats_typed.c).
S6=$(sq_sql "SELECT id FROM campaign WHERE kind = 'thong-ke' AND school_year = '2025-2026'")
both "read: stats typed" stats typed 31 2022-2023
for r in "danh-sach --campaign 1" "phu-luc-3 --campaign 1" \
	"phu-luc-3 --campaign 2" "tu-danh-gia --campaign 1 --unit 31DK030" \
	"tu-kiem-tra --campaign 2 --unit 31DK001" \
	"cntt --campaign 3 --unit 31DK030" "phu-luc-6 --campaign $S6 --unit 31" \
	"phu-luc-2 --campaign $S6 --unit 31"; do
	# shellcheck disable=SC2086
	both "report: $r" report $r --format csv -o "$WORK/r.csv"
	# shellcheck disable=SC2086
	on sq "$SQ" report $r --format csv -o "$WORK/sq.csv"
	# shellcheck disable=SC2086
	on pg "$PG" report $r --format csv -o "$WORK/pg.csv"
	if cmp -s "$WORK/sq.csv" "$WORK/pg.csv" && [ -s "$WORK/sq.csv" ]; then
		ok "report csv: $r"
	else
		diff "$WORK/sq.csv" "$WORK/pg.csv" 2>&1 | head -20 >"$ERR"
		bad "report csv: $r"
	fi
done

# A school in draft (31DK018, campaign 1) through the whole workflow.
sed '/^  "unit":/d; /^  "school_year":/d' \
	examples/qd4725-gdtx-duongkinh-2022-2023.json >"$WORK/answers.json"
A=$WORK/answers.json
both "save" --as cntt.31dk018 submission save 1 31DK018 "$A"
status save-ok 0
both "submit by the editor is refused" --as cntt.31dk018 submission submit 1 31DK018
status submit-editor-refused 2
both "submit" --as ht.31dk018 submission submit 1 31DK018
status submit-ok 0
both "return" --as cv.dk submission return 1 31DK018 --reason "1.1=Thiếu minh chứng"
status return-ok 0
both "approve while returned is refused" --as cv.dk submission approve 1 31DK018
status approve-refused 2
both "save again" --as cntt.31dk018 submission save 1 31DK018 "$A"
both "submit again" --as ht.31dk018 submission submit 1 31DK018
both "approve" --as cv.dk submission approve 1 31DK018
status approve-ok 0
both "publish" --as cv.so submission publish 1 31DK018
both "history after" submission history 1 31DK018
both "show after" submission show 1 31DK018
both "status after" campaign status 1 --unit 31DK
both "audit after" audit --limit 30
both "report after" report danh-sach --campaign 1 --format csv -o "$WORK/r.csv"
# Refused input leaves both untouched.
both "unknown unit" --as cv.dk submission approve 1 KHONGCO
both "bad answers file" --as cntt.31dk020 submission save 1 31DK020 /nonexistent
both "audit unchanged" audit --limit 30
finish() { echo "parity: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; }
finish

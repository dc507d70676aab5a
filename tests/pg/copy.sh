#!/bin/sh
# truongso db copy: the demo province made in SQLite, copied into the
# throwaway PostgreSQL (TRUONGSO_TEST_PG, tests/pg/cluster.sh) and
# verified row by row; then reads and reports on both compared byte for
# byte, a first write on the copy (identity sequences continue after the
# copied ids), a second copy into the now non-empty target refused, a
# changed row found by `db verify`, and the copy back into SQLite.
# Usage: tests/pg/cluster.sh tests/pg/copy.sh PATH/TO/truongso
set -u
T=${1:?usage: copy.sh TRUONGSO}
. "$(dirname "$0")/lib.sh" # $WORK, SQ, PG (emptied), sq_sql, pg_sql

# same_on NAME DB1 DB2 ARGS...: the command gives the same exit status,
# stdout and stderr on both (each database's name replaced by DB).
same_on() {
	_name=$1 _a=$2 _b=$3
	shift 3
	"$T" --db "$_a" "$@" >"$WORK/a.out" 2>"$WORK/a.err" </dev/null
	echo $? >>"$WORK/a.out"
	"$T" --db "$_b" "$@" >"$WORK/b.out" 2>"$WORK/b.err" </dev/null
	echo $? >>"$WORK/b.out"
	sed -i "s|$_a|DB|g" "$WORK/a.out" "$WORK/a.err"
	sed -i "s|$_b|DB|g" "$WORK/b.out" "$WORK/b.err"
	if cmp -s "$WORK/a.out" "$WORK/b.out" &&
		cmp -s "$WORK/a.err" "$WORK/b.err"; then
		ok "$_name"
	else
		{ diff "$WORK/a.out" "$WORK/b.out"; diff "$WORK/a.err" "$WORK/b.err"; } |
			head -20 >"$ERR"
		: >"$OUT"
		bad "$_name"
	fi
}

# reports NAME DB1 DB2: reads and CSV reports equal on both.
reports() {
	for c in "campaign status 1" "campaign status 3" "org tree" \
		"audit --limit 1000" "submission history 1 31DK024" \
		"stats table 3" "report fields --campaign 1 --unit 31DK030 --all"; do
		# shellcheck disable=SC2086 # the words of $c are the arguments
		same_on "$1 read: $c" "$2" "$3" $c
	done
	for r in "danh-sach --campaign 1" "phu-luc-3 --campaign 1" \
		"tu-danh-gia --campaign 1 --unit 31DK030"; do
		# shellcheck disable=SC2086
		"$T" --db "$2" report $r --format csv -o "$WORK/a.csv" >/dev/null 2>&1
		# shellcheck disable=SC2086
		"$T" --db "$3" report $r --format csv -o "$WORK/b.csv" >/dev/null 2>&1
		if [ -s "$WORK/a.csv" ] && cmp -s "$WORK/a.csv" "$WORK/b.csv"; then
			ok "$1 report csv: $r"
		else
			diff "$WORK/a.csv" "$WORK/b.csv" 2>&1 | head -20 >"$ERR"
			bad "$1 report csv: $r"
		fi
	done
}

check "demo in SQLite" 0 out "" "$T" --db "$SQ" demo
check "copy into PostgreSQL" 0 out "số dòng và tổng kiểm từng bảng khớp" \
	"$T" db copy --from "sqlite:$SQ" --to "$PG"
contains "every table listed" out "submission_revision"
contains "evidence files named" out "Tệp minh chứng không nằm trong cơ sở dữ liệu"
same "no table differs" "$(grep -c 'KHÁC' "$OUT")" 0
reports "copied" "$SQ" "$PG"

# The first rows written after the copy take new ids on both.
sed '/^  "unit":/d; /^  "school_year":/d' \
	examples/qd4725-gdtx-duongkinh-2022-2023.json >"$WORK/answers.json"
same_on "save after the copy" "$SQ" "$PG" --as cntt.31dk018 \
	submission save 1 31DK018 "$WORK/answers.json"
same_on "submit after the copy" "$SQ" "$PG" --as ht.31dk018 \
	submission submit 1 31DK018
same_on "audit after the copy" "$SQ" "$PG" audit --limit 5
check "verify after the same writes" 0 out "khớp với nguồn" \
	"$T" db verify --from "sqlite:$SQ" --to "$PG"

# A second copy into the filled target is refused, and changes nothing.
before=$(pg_sql "SELECT count(*) FROM audit")
check "copy into a non-empty target refused" 2 err \
	"cơ sở dữ liệu đích đã có dữ liệu (bảng audit có $before dòng)" \
	"$T" db copy --from "sqlite:$SQ" --to "$PG"
same "refused copy wrote nothing" "$(pg_sql "SELECT count(*) FROM audit")" "$before"

# One changed letter in one row is found, and named by table.
pg_sql "UPDATE org_unit SET name = name || '.' WHERE code = '31DK030'"
check "verify finds a changed row" 2 err "dữ liệu khác với" \
	"$T" db verify --from "sqlite:$SQ" --to "$PG"
same "the changed table is named" "$(grep 'KHÁC' "$OUT" | cut -d' ' -f1)" org_unit
pg_sql "UPDATE org_unit SET name = rtrim(name, '.') WHERE code = '31DK030'"

# And back: PostgreSQL into a new SQLite file.
check "copy back into SQLite" 0 out "khớp với nguồn" \
	"$T" db copy --from "$PG" --to "sqlite:$WORK/back.db"
reports "copied back" "$PG" "$WORK/back.db"
check "usage without --to" 2 err "cách dùng: truongso db copy" \
	"$T" db copy --from "sqlite:$SQ"
echo "copy: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

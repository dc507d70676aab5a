# Shared by the scripts that compare the two backends (parity.sh,
# copy.sh): run under tests/pg/cluster.sh, with T the truongso binary and
# `cd` not done yet. Gives $WORK and its clean-up, the pinned clock, SQ
# (a SQLite file in $WORK) and PG (the cluster's database, emptied), and
# sq_sql / pg_sql "SQL" to read either (tests/lib/sql.sh).
case $T in
/*) ;;
*/*) T=$(pwd)/$T ;;
esac
: "${TRUONGSO_TEST_PG:?run under tests/pg/cluster.sh}"
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
WORK=$(mktemp -d) || exit 2
trap 'rm -rf "$WORK" "$OUT" "$ERR"' EXIT
trap 'exit 2' HUP INT TERM
TRUONGSO_NOW=2026-04-10T08:00:00Z
TRUONGSO_EVIDENCE_DIR=$WORK/pg.evidence
export TRUONGSO_NOW TRUONGSO_EVIDENCE_DIR
unset TRUONGSO_DB
SQ=$WORK/sq.db
PG=$TRUONGSO_TEST_PG
. tests/lib/sql.sh
sq_sql() (DB=$SQ && q "$1")
pg_sql() (DB=$PG && q "$1")
pg_sql "DROP SCHEMA public CASCADE; CREATE SCHEMA public" >/dev/null 2>&1

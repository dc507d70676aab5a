#!/bin/sh
# Everything that runs on PostgreSQL today, on one throwaway cluster
# (tests/pg/cluster.sh): the backend's own tests, the storage and app
# cmocka tests that open TRUONGSO_TEST_PG's database, the two backends
# compared command by command (parity.sh), two reviewers racing
# (race.sh), db copy verified row by row (copy.sh), two app processes
# behind nginx with one killed mid-load (multi.sh), dashboards read from a
# streaming replica (replica.sh), and every CLI and HTTP suite of make
# test (the same scripts as on SQLite, tests/lib/sql.sh points them at the
# cluster). Ends with "pg: N passed, N failed" (tests/run.sh).
# Usage: tests/pg/run.sh BUILD_DIR   (e.g. build/asan; needs `all units`)
# make test runs it; `make test-pg` runs only it (docs/deploy.md, "Kiểm
# thử"). PG_JOBS=1 runs the suites one after another.
set -u
B=${1:?usage: tests/pg/run.sh BUILD_DIR}
cd "$(dirname "$0")/../.." || exit 2
if [ -z "${TRUONGSO_TEST_PG:-}" ]; then
	exec tests/pg/cluster.sh "$0" "$@"
fi
export TRUONGSO_EVIDENCE_DIR="$TRUONGSO_TEST_PG_DIR/evidence"
passed=0
failed=0
# Each cmocka binary empties the database itself (ut_db.h).
for t in test_db_pg test_db_read test_db_errors test_admin_list test_password test_score_summary \
	test_stats_flow test_submit_race test_report_docs test_years \
	test_report_office test_app_remind test_app_jobs test_app_submission \
	test_app_desk test_app_paper test_app_orgtime test_app_stats test_app_queue \
	test_app_import test_app_software test_gap_counts test_app_org \
	test_app_contact test_app_user test_app_campaign test_app_writes; do
	log=$TRUONGSO_TEST_PG_DIR/$t.log
	if "$B/tests/$t" >"$log" 2>&1 && ! grep -q "SKIPPED" "$log"; then
		passed=$((passed + 1))
		echo "ok   $t"
	else
		failed=$((failed + 1))
		echo "FAIL $t"
		cat "$log"
	fi
done
for s in parity race copy multi replica; do
	log=$TRUONGSO_TEST_PG_DIR/$s.log
	if tests/pg/$s.sh "$B/truongso" >"$log" 2>&1; then
		passed=$((passed + 1))
		echo "ok   $s ($(tail -n 1 "$log"))"
	else
		failed=$((failed + 1))
		echo "FAIL $s"
		cat "$log"
	fi
done
# Every CLI and HTTP suite that runs on SQLite in make test, the same
# scripts (tests/lib/sql.sh points them at the cluster), in PG_JOBS groups
# (default 2) at once, each group on its own database of the cluster;
# each suite's time is printed (docs/deploy.md has the figures). The
# groups are balanced by the times measured, slowest first.
PG_GROUP1="cli/layout cli/workflow http/evidence http/landing cli/documents \
	http/desk http/desk_walk cli/remind http/campaign_new http/access_log \
	http/report_page"
PG_GROUP2="http/run cli/doc-content http/submit_race cli/paper \
	cli/results-export http/hostile http/nolost http/jobs http/stats \
	cli/reports cli/stats http/stats_evidence cli/plan http/form_bytes \
	http/form_cache"
# suites DATABASE SUITE...: each suite on DATABASE, one line each.
suites() {
	_url=$(printf '%s' "$TRUONGSO_TEST_PG" | sed "s|@/[^?]*|@/$1|")
	shift
	for s; do
		log=$TRUONGSO_TEST_PG_DIR/$(echo "$s" | tr / -).log
		t0=$(date +%s)
		if TRUONGSO_TEST_PG=$_url tests/$s.sh "$B/truongso" >"$log" 2>&1; then
			echo "ok   $s ($(tail -n 1 "$log"), $(($(date +%s) - t0)) s)"
		else
			echo "FAIL $s"
			cat "$log"
		fi
	done
}
start=$(date +%s)
if [ "${PG_JOBS:-2}" -ge 2 ]; then
	"$PGBIN_DIR/psql" "$TRUONGSO_TEST_PG" -XAtq \
		-c "CREATE DATABASE truongso_2" || exit 2
	suites truongso_2 $PG_GROUP2 >"$TRUONGSO_TEST_PG_DIR/group2.txt" &
	group2=$!
	suites truongso $PG_GROUP1 >"$TRUONGSO_TEST_PG_DIR/group1.txt"
	wait $group2
else
	suites truongso $PG_GROUP1 $PG_GROUP2 >"$TRUONGSO_TEST_PG_DIR/group1.txt"
	: >"$TRUONGSO_TEST_PG_DIR/group2.txt"
fi
for g in 1 2; do
	cat "$TRUONGSO_TEST_PG_DIR/group$g.txt"
	passed=$((passed + $(grep -c '^ok ' "$TRUONGSO_TEST_PG_DIR/group$g.txt")))
	failed=$((failed + $(grep -c '^FAIL ' "$TRUONGSO_TEST_PG_DIR/group$g.txt")))
done
echo "suites: $(($(date +%s) - start)) s in ${PG_JOBS:-2} group(s)"
echo "pg: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# Everything that runs on PostgreSQL today, on one throwaway cluster
# (tests/pg/cluster.sh): the backend's own tests, the storage and app
# cmocka tests that open TRUONGSO_TEST_PG's database, the two backends
# compared command by command (parity.sh), two reviewers racing
# (race.sh), db copy verified row by row (copy.sh), two app processes
# behind nginx with one killed mid-load (multi.sh), dashboards read from a
# streaming replica (replica.sh), and the HTTP and some CLI suites
# (tests/http/*.sh, tests/cli/stats.sh, results-export.sh: the same scripts
# as on SQLite, tests/lib/sql.sh points them at the cluster). Ends with
# "pg: N passed, N failed" (tests/run.sh).
# Usage: tests/pg/run.sh BUILD_DIR   (e.g. build/asan; needs `all units`)
# make test runs the suites in PG_SUITES; `make test-pg` (PG_ALL=1) adds
# PG_SUITES_MORE, slow ones that check little SQL of their own
# (docs/deploy.md, "Kiểm thử").
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
for t in test_db_pg test_db_errors test_admin_list test_password test_score_summary \
	test_stats_flow test_submit_race test_report_docs test_years \
	test_report_office test_app_remind test_app_jobs test_app_stats test_app_queue \
	test_app_import test_app_software; do
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
# The HTTP and CLI suites, as on SQLite. Each one's time is printed
# (docs/deploy.md has the figures).
PG_SUITES="http/run http/nolost http/desk http/stats cli/stats"
PG_SUITES_MORE="http/evidence http/landing http/submit_race http/hostile \
	cli/results-export"
[ -z "${PG_ALL:-}" ] || PG_SUITES="$PG_SUITES $PG_SUITES_MORE"
for s in $PG_SUITES; do
	log=$TRUONGSO_TEST_PG_DIR/$(echo "$s" | tr / -).log
	t0=$(date +%s)
	if tests/$s.sh "$B/truongso" >"$log" 2>&1; then
		passed=$((passed + 1))
		echo "ok   $s ($(tail -n 1 "$log"), $(($(date +%s) - t0)) s)"
	else
		failed=$((failed + 1))
		echo "FAIL $s"
		cat "$log"
	fi
done
echo "pg: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# Two `truongso serve` processes on one PostgreSQL (TRUONGSO_TEST_PG,
# tests/pg/cluster.sh) behind nginx, run as this user with its own
# prefix in a temporary directory, listening on a unix socket (no port
# to collide with); the app processes on port 0. A session signed in on
# one process works on the other. A bounded load (multi_load.py: school
# editors save, heads submit, a reviewer approves and returns) goes
# through nginx; after a number of acknowledged writes one app process
# is killed with SIGKILL and the load goes on through the other. Then
# every acknowledged write is there exactly once: one audit row per
# acknowledged action (plus at most one per write that got no answer),
# snapshot versions and revisions consecutive, each acknowledged submit
# stored. Everything stops by itself: bounded waits, cleanup on exit.
# MULTI_LOGS=DIR keeps the servers' and nginx's logs there.
# Usage: tests/pg/cluster.sh tests/pg/multi.sh PATH/TO/truongso
set -u
T=${1:?usage: multi.sh TRUONGSO}
case $T in
/*) ;;
*/*) T=$(pwd)/$T ;;
esac
: "${TRUONGSO_TEST_PG:?run under tests/pg/cluster.sh}"
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
[ -x "$NGINX" ] || { echo "multi.sh: nginx not installed (scripts/deps test)"; exit 2; }
W=$(mktemp -d) || exit 2
S1= S2= NG=
cleanup() {
	for p in $S1 $S2 $NG; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	[ -n "${MULTI_LOGS:-}" ] && cp "$W"/*.log "$W"/load.out "$W"/nginx/logs/*.log "$MULTI_LOGS"/
	rm -rf "$W" "$OUT" "$ERR"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM
unset TRUONGSO_NOW
TRUONGSO_DB=$TRUONGSO_TEST_PG
TRUONGSO_EVIDENCE_DIR=$W/evidence
export TRUONGSO_DB TRUONGSO_EVIDENCE_DIR
psql() { "${PGBIN_DIR:?run under tests/pg/cluster.sh}/psql" "$TRUONGSO_DB" -Atq "$@"; }
psql -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public" >/dev/null 2>&1
"$T" demo >/dev/null || { echo "demo failed"; exit 1; }

# Sixteen connections each (HTTP, and so PostgreSQL): the throwaway
# cluster allows 60.
"$T" serve --port 0 --connections 16 >"$W/s1.log" 2>&1 &
S1=$!
"$T" serve --port 0 --connections 16 >"$W/s2.log" 2>&1 &
S2=$!
. tests/serve-wait.sh
wait_listening "$W/s1.log" "$S1"
B1=$BASE
wait_listening "$W/s2.log" "$S2"
B2=$BASE

mkdir -p "$W/nginx/logs"
cat >"$W/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $W/nginx/nginx.pid;
error_log $W/nginx/logs/error.log;
events { worker_connections 64; }
http {
	access_log $W/nginx/logs/access.log;
	client_body_temp_path $W/nginx/body;
	proxy_temp_path $W/nginx/proxy;
	fastcgi_temp_path $W/nginx/fastcgi;
	uwsgi_temp_path $W/nginx/uwsgi;
	scgi_temp_path $W/nginx/scgi;
	upstream truongso {
		server ${B1#http://} max_fails=1 fail_timeout=300s;
		server ${B2#http://} max_fails=1 fail_timeout=300s;
	}
	server {
		listen unix:$W/nginx.sock;
		location / {
			proxy_pass http://truongso;
			proxy_next_upstream error timeout http_502;
			proxy_next_upstream_tries 2;
			proxy_read_timeout 120s;
		}
	}
}
CONF
"$NGINX" -p "$W/nginx" -c "$W/nginx/nginx.conf" -e "$W/nginx/logs/error.log" \
	-g 'daemon off;' 2>"$W/nginx.err" &
NG=$!
for _ in $(seq 100); do [ -S "$W/nginx.sock" ] && break; sleep 0.1; done
[ -S "$W/nginx.sock" ] || { cat "$W/nginx.err"; echo "nginx did not start"; exit 1; }

# A session made on one process is known to the other (it lives in the
# database).
curl -s -c "$W/jar" -o /dev/null -d "login=cv.dk&password=truongso-demo" "$B1/login"
check "signed in on one, known on the other" 0 out '"login":"cv.dk"' \
	curl -sf -b "$W/jar" "$B2/api/session"
COOKIE=$(awk '$6 == "ts_session" { print "ts_session=" $7 }' "$W/jar")
check "and through nginx" 0 out '"login":"cv.dk"' \
	curl -sf --unix-socket "$W/nginx.sock" -b "$COOKIE" http://localhost/api/session

# Every school of campaign 1 that may still save and submit; the
# submitted schools of three Phòng with their reviewers.
SCHOOLS=$(psql -c "SELECT string_agg(o.code, ',' ORDER BY o.code) FROM submission s
	JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1
	AND s.state IN ('draft', 'returned')")
REVIEWED=$(psql -c "SELECT string_agg('cv.' || lower(substr(o.code, 3, 2)) || ':' ||
	o.code, ',' ORDER BY o.code) FROM submission s JOIN org_unit o ON o.id = s.unit_id
	WHERE s.campaign_id = 1 AND s.state = 'submitted' AND (o.code LIKE '31DK%'
	OR o.code LIKE '31LC%' OR o.code LIKE '31TN%')")
sed '/^  "unit":/d; /^  "school_year":/d' \
	examples/qd4725-gdtx-duongkinh-2022-2023.json >"$W/answers.json"
AUDIT0=$(psql -c "SELECT max(id) FROM audit")
# snapshots NAME: "CODE COUNT" of every school's submitted versions.
snapshots() {
	psql -F ' ' -c "SELECT o.code, count(p.version) FROM submission s
		JOIN org_unit o ON o.id = s.unit_id LEFT JOIN snapshot p
		ON p.submission_id = s.id WHERE s.campaign_id = 1
		GROUP BY o.code ORDER BY o.code" >"$W/$1"
}
snapshots snap0
python3 tests/pg/multi_load.py "$W/nginx.sock" "$W/answers.json" "$S1" 40 \
	"$SCHOOLS" "$REVIEWED" >"$W/load.out" 2>"$W/load.err"
same "load ran to its end" "$?" 0
same "one app process was killed mid-load" "$(tail -n 1 "$W/load.out")" "killed 1"
kill -0 "$S1" 2>/dev/null && bad "the killed process is gone" || ok "the killed process is gone"
acks=$(grep -c '^ack ' "$W/load.out")
echo "load: $acks acknowledged, $(grep -c '^lost ' "$W/load.out") unanswered, $(grep -c '^refused' "$W/load.out") refused, $(grep -c '^nologin' "$W/load.out") not signed in"
grep -v '^ack ' "$W/load.out"
# Refused (5xx) writes are reported, not failed: a serialization failure
# the write door gave up on is the door's matter; nothing of them may be
# stored (checked below).
same "every user signed in" "$(grep '^nologin' "$W/load.out")" ""
[ "$acks" -gt 40 ] && ok "writes acknowledged after the kill" || bad "writes acknowledged after the kill"
check "the other process still serves" 0 out '"login":"cv.dk"' \
	curl -sf --unix-socket "$W/nginx.sock" -b "$COOKIE" http://localhost/api/session

# Audit rows of the load by (action, unit), against what was acknowledged.
psql -F ' ' -c "SELECT action, substr(object, 14) FROM audit WHERE id > $AUDIT0
	AND object LIKE 'submission:1/%'" |
	sed 's/^submission\.//; s/^submit\.late /submit /' | sort >"$W/audited"
grep '^ack ' "$W/load.out" | cut -d' ' -f2- | sort >"$W/acked"
grep -E '^(lost|maybe) ' "$W/load.out" | cut -d' ' -f2- | sort >"$W/lost"
# Each acknowledged write has its audit row (comm: what acked has more).
same "every acknowledged write audited" "$(comm -23 "$W/acked" "$W/audited" | head -3)" ""
# And no audit row beyond them but for a try that got no answer.
same "no audit row without a write" "$(comm -13 "$W/acked" "$W/audited" | comm -23 - "$W/lost" | head -3)" ""
same "snapshot versions consecutive" "$(psql -c "SELECT submission_id FROM snapshot
	GROUP BY submission_id HAVING max(version) <> count(*) LIMIT 3")" ""
same "revisions consecutive" "$(psql -c "SELECT submission_id FROM submission_revision
	GROUP BY submission_id HAVING max(revision) - min(revision) + 1 <> count(*) LIMIT 3")" ""
snapshots snap1
bad_submit=
for c in $(grep '^ack submit ' "$W/load.out" | cut -d' ' -f3); do
	n0=$(awk -v c="$c" '$1 == c { print $2 }' "$W/snap0")
	n1=$(awk -v c="$c" '$1 == c { print $2 }' "$W/snap1")
	[ "$((n1 - n0))" = 1 ] || bad_submit="$bad_submit $c:$n0:$n1"
done
same "each acknowledged submit stored once" "$bad_submit" ""
echo "multi: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

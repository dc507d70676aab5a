# Shared by the web test scripts that run their own demo server
# (evidence, landing, nolost, desk, stats): the work directory and its
# clean-up, the demo database, the server on port 0, and the request and
# page helpers. Source it after `cd` to the source tree, with T the
# absolute path of the truongso binary:
#
#   set -u
#   T=${1:?usage: x.sh TRUONGSO}
#   case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
#   cd "$(dirname "$0")/../.." || exit 2
#   . tests/http/lib.sh
#   http_demo                 # the demo in $DB
#   http_serve [serve args]   # a server on it; its address in $BASE
#
# Counting (ok, bad, $OUT, $ERR) comes from tests/cli/lib.sh.
. tests/cli/lib.sh
W=$(mktemp -d)
# SQLite in $W, or tests/pg/run.sh's PostgreSQL cluster; q, qd and jx
# read it through sqlite3 or psql (tests/lib/sql.sh).
. tests/lib/sql.sh
sql_db "$W/web.db"
SERVER=
# A script with other background children stops them in its own
# cleanup_also(), which cleanup calls first.
cleanup() {
	command -v cleanup_also >/dev/null 2>&1 && cleanup_also
	[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
	wait 2>/dev/null
	rm -rf "$W" "$OUT" "$ERR"
}
trap cleanup EXIT

# http_demo: the demo province in $DB, or the script ends.
http_demo() {
	"$T" --db "$DB" demo >/dev/null || { echo "demo failed"; exit 1; }
}

# http_serve [ARGS...]: `serve --port 0 ARGS` on $DB in the background
# (its pid in SERVER, its log in $W/server.log); returns when it listens,
# with its address in BASE. Environment set before the call reaches it
# (TRUONGSO_NOW=… http_serve).
http_serve() {
	"$T" --db "$DB" serve --port 0 "$@" >"$W/server.log" 2>&1 &
	SERVER=$!
	wait_listening "$W/server.log" "$SERVER"
}

# req NAME EXPECTED_STATUS [curl args...]: body in $OUT, headers in $ERR.
req() {
	name=$1 want=$2
	shift 2
	got=$(curl -s -o "$OUT" -D "$ERR" -w '%{http_code}' "$@")
	if [ "$got" = "$want" ]; then ok "$name"; else echo "status $got, expected $want" >>"$ERR"; bad "$name"; fi
}
# has NAME FILE TEXT / hasnt NAME FILE TEXT: a fixed string in FILE or not
# (page_has, page_hasnt: the same under names a script's own has keeps).
page_has() { if grep -qF -- "$3" "$2"; then ok "$1"; else echo "missing: $3" >>"$ERR"; bad "$1"; fi; }
page_hasnt() { if grep -qF -- "$3" "$2"; then echo "unexpected: $3" >>"$ERR"; bad "$1"; else ok "$1"; fi; }
has() { page_has "$@"; }
hasnt() { page_hasnt "$@"; }
# login JAR LOGIN: signs in with the demo password, the session in JAR.
sign_in() { curl -s -c "$1" -o /dev/null -d "login=$2&password=truongso-demo" "$BASE/login"; }
login() { sign_in "$@"; }
# field JAR URL NAME: the value of a hidden (hex) field of the page.
field() {
	curl -s -b "$1" "$BASE$2" | grep -o "name=\"$3\" value=\"[0-9a-f]*\"" | head -1 | sed 's/.*value="//; s/"//'
}
lower() { echo "$1" | tr 'A-Z' 'a-z'; }
# pick STATE N: the Nth school of Dương Kinh in that state (campaign 1).
pick() {
	q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	   WHERE s.campaign_id = 1 AND o.code LIKE '31DK%' AND s.state = '$1'
	   ORDER BY o.code LIMIT 1 OFFSET $2"
}
# item CODE ID: the stored value of an answer (campaign 1).
item() {
	q "SELECT $(jx s.answers answers "$2" value) FROM submission s
	   JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$1'"
}
# state CODE: its submission's state in campaign 1.
state() {
	q "SELECT s.state FROM submission s JOIN org_unit o ON o.id = s.unit_id
	   WHERE s.campaign_id = 1 AND o.code = '$1'"
}

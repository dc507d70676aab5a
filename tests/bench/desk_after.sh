#!/bin/sh
# A Sở dashboard view right after a change (issue 17, item 2): on a
# generated province (tools/gen-province.py), for N submitted schools in
# turn, return it (the Sở's reviewer), submit it again (its head), approve
# it, each from the CLI (another process: the server learns of it by the
# results generation), and after each change one view of the Sở's
# dashboard (curl, loopback); then one view with nothing changed. Prints
# the median wall time of each kind of view and the server's CPU per view
# after a change and per plain view. Then a fresh server on the same
# database must send the same page as the one that kept its counts and
# brought them up to date (the CSRF token aside), else exit 1.
#   tests/bench/desk_after.sh [BINARY] [SIZES...]   default build/truongso 2000
# ROUNDS=N (default 10).
set -eu
cd "$(dirname "$0")/../.."
. tests/serve-wait.sh
BIN=${1:-build/truongso}
[ $# -gt 0 ] && shift
SIZES=${*:-2000}
ROUNDS=${ROUNDS:-10}
W=$(mktemp -d)
TS=
trap 'kill $TS 2>/dev/null; rm -rf "$W"' EXIT
hz=$(getconf CLK_TCK)
cpu() { awk -v hz="$hz" '{ print ($14 + $15) * 1000 / hz }' "/proc/$TS/stat"; }
start() { # start DB: a server on DB, signed in as the Sở's reviewer
	"$BIN" --db "$1" serve --port 0 >"$W/ts.log" 2>&1 &
	TS=$!
	wait_listening "$W/ts.log" "$TS"
	curl -s -c "$W/jar" -o /dev/null -d "login=cv.so&password=truongso-demo" \
		"$BASE/login"
	so=$(awk '/ts_session/ { print $7 }' "$W/jar")
}
stop() { kill "$TS"; wait "$TS" 2>/dev/null || true; TS=; }
view() { # view LIST: one view, its wall time appended to $W/LIST
	curl -s -b "ts_session=$so" -o "$W/page.html" -w '%{time_total}\n' \
		"$BASE/campaigns/1" >>"$W/$1"
}
med() {
	sort -n "$W/$1" | awk '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] * 1000 }'
}
cli() { "$BIN" --db "$db" --as "$@" >/dev/null; }
step() { # step LIST LOGIN ARGS...: a change, then one view into LIST
	list=$1
	shift
	cli "$@"
	a=$(cpu)
	view "$list"
	after=$(awk -v s="$after" -v a="$a" -v b="$(cpu)" 'BEGIN { print s + b - a }')
}
strip() { sed 's/csrf" value="[0-9a-f]*"/csrf" value=""/g' "$1"; }

for n in $SIZES; do
	db="$W/p$n.db"
	rm -f "$W"/ret "$W"/sub "$W"/app "$W"/plain
	"$BIN" --db "$db" demo >/dev/null
	python3 tools/gen-province.py "$db" "$n" >/dev/null
	"$BIN" --db "$db" db migrate >/dev/null
	codes=$(sqlite3 "$db" "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code LIKE '31P%' AND s.state = 'submitted' ORDER BY o.code LIMIT $ROUNDS")
	start "$db"
	view warm
	view warm
	after=0 plain=0
	for c in $codes; do
		head=ht.$(echo "$c" | tr 'A-Z' 'a-z')
		step ret cv.so submission return 1 "$c" --reason "1.1=Thiếu minh chứng"
		step sub "$head" submission submit 1 "$c"
		step app cv.so submission approve 1 "$c"
		a=$(cpu)
		view plain
		plain=$(awk -v s="$plain" -v a="$a" -v b="$(cpu)" 'BEGIN { print s + b - a }')
	done
	strip "$W/page.html" >"$W/kept.html"
	stop
	start "$db"
	view fresh
	strip "$W/page.html" >"$W/fresh.html"
	stop
	k=$(echo "$codes" | wc -w)
	printf '%s schools, %s rounds: Sở dashboard view after a return %s ms, after a submit %s ms, after an approval %s ms, nothing changed %s ms (medians); server CPU per view after a change %s ms, nothing changed %s ms\n' \
		"$n" "$k" "$(med ret)" "$(med sub)" "$(med app)" "$(med plain)" \
		"$(awk -v s="$after" -v k="$k" 'BEGIN { printf "%.2f", s / (3 * k) }')" \
		"$(awk -v s="$plain" -v k="$k" 'BEGIN { printf "%.2f", s / k }')"
	if ! cmp -s "$W/kept.html" "$W/fresh.html"; then
		echo "$n schools: the page with counts brought up to date differs from a fresh server's"
		exit 1
	fi
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"

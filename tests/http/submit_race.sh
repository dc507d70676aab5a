#!/bin/bash
# Saves racing a submit over HTTP, on 127.0.0.1 (port 0), for a bounded
# number of rounds (SUBMIT_RACE_ROUNDS, default 200). Each round the
# school saves complete answers, then three more saves (one changes item
# 1.4, one leaves it out, one changes it again) and the head's submit are
# sent at once; after them, if the school is submitted, its last snapshot
# must equal its stored answers and hold item 1.4 (no submitted version
# with an unanswered item). The Phòng returns it for the next round.
# Whichever request wins a round is up to the server; the checks hold in
# every order, so the test is deterministic in what it asserts.
# Usage: tests/http/submit_race.sh PATH/TO/truongso
# Ends with "submit-race: N passed, N failed".
set -u
T=${1:?usage: submit_race.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
ROUNDS=${SUBMIT_RACE_ROUNDS:-200}
. tests/http/lib.sh
http_demo
http_serve

SCHOOL=$(q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	WHERE s.campaign_id = 1 AND o.code LIKE '31DK%' AND s.state = 'draft'
	ORDER BY o.code LIMIT 1")
low=$(echo "$SCHOOL" | tr 'A-Z' 'a-z')
U="$BASE/api/campaigns/1/units/$SCHOOL"
signin() { # signin NAME LOGIN: cookie jar $W/NAME, CSRF token in $W/NAME.tok
	curl -s -c "$W/$1" -o /dev/null -d "login=$2&password=truongso-demo" "$BASE/login"
	curl -s -b "$W/$1" "$BASE/api/session" |
		sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/' >"$W/$1.tok"
}
signin ed "cntt.$low"
signin head "ht.$low"
signin rev cv.dk
post() { # post NAME PATH [BODY-FILE]: prints the status
	if [ -n "${3:-}" ]; then
		curl -s -o /dev/null -w '%{http_code}\n' -b "$W/$1" \
			-H "X-CSRF-Token: $(cat "$W/$1.tok")" \
			-H 'Content-Type: application/json' --data-binary @"$3" "$U/$2"
	else
		curl -s -o /dev/null -w '%{http_code}\n' -b "$W/$1" \
			-H "X-CSRF-Token: $(cat "$W/$1.tok")" -X POST "$U/$2"
	fi
}
EX=examples/qd4725-gdtx-duongkinh-2022-2023.json
python3 - "$EX" "$W" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
# Seed 003's answers without the unit and year of their own record.
doc.pop("unit", None)
doc.pop("school_year", None)
def write(name, fix):
    d = json.loads(json.dumps(doc))
    fix(d["answers"])
    json.dump(d, open(f"{sys.argv[2]}/{name}.json", "w"), ensure_ascii=False)
write("full", lambda a: None)
write("nine", lambda a: a["1.4"].update(value=9))
write("eight", lambda a: a["1.4"].update(value=8))
write("missing", lambda a: a.pop("1.4"))
PY
echo '{"reasons":[{"criterion":"*","text":"Vòng sau"}]}' >"$W/return.json"

submitted=0 refused=0
for round in $(seq "$ROUNDS"); do
	[ "$(post ed answers "$W/full.json")" = 200 ] || { bad "round $round: first save"; continue; }
	post ed answers "$W/nine.json" >"$W/s1" & p1=$!
	post ed answers "$W/missing.json" >"$W/s2" & p2=$!
	post head submit >"$W/sub" & p3=$!
	post ed answers "$W/eight.json" >"$W/s3" & p4=$!
	wait "$p1" "$p2" "$p3" "$p4"
	state=$(q "SELECT state FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$SCHOOL'")
	if [ "$state" != submitted ]; then
		refused=$((refused + 1))
		ok "round $round: not submitted ($(cat "$W/sub"))"
		continue
	fi
	submitted=$((submitted + 1))
	stored=$(q "SELECT answers FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$SCHOOL'")
	snap=$(q "SELECT n.answers FROM snapshot n JOIN submission s ON s.id = n.submission_id JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$SCHOOL' ORDER BY n.version DESC LIMIT 1")
	if [ "$snap" != "$stored" ]; then
		echo "snapshot and stored answers differ" >"$ERR"
		bad "round $round: snapshot is the stored answers"
	elif ! grep -q '"1.4":' <<<"$stored"; then
		echo "1.4 unanswered" >"$ERR"
		bad "round $round: submitted with every item answered"
	else
		ok "round $round: submitted, snapshot = stored, complete"
	fi
	[ "$(post rev return "$W/return.json")" = 200 ] || bad "round $round: return"
done
# Every version ever submitted was scored with no item unanswered.
incomplete=$(q "SELECT count(*) FROM snapshot n JOIN submission s ON s.id = n.submission_id JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$SCHOOL' AND $(jx n.score unanswered) <> '[]'")
same "no snapshot with an unanswered item" "$incomplete" 0
echo "submitted in $submitted rounds, refused in $refused (incomplete or changed)"
echo "submit-race: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# The admission gate (web/gate.c, issue 17 item 2), with one slot
# (TRUONGSO_GATE=1) so any request that held it would stop every page:
# - a download blocked inside its handler (an evidence file that is a
#   FIFO nobody writes: the handler's open() waits, which the test sees as
#   a server thread in the kernel's wait_for_partner) goes around the
#   gate, so the dashboard is answered while it is still blocked;
# - many pages at once all pass through the one slot, and it is free
#   afterwards (no slot lost).
# Ordered by events (the blocked thread seen in /proc, the download still
# running after the dashboard's answer), not by time; the waits are
# bounded so a regression fails instead of hanging.
# Usage: tests/http/gate.sh PATH/TO/truongso
set -u
T=${1:?usage: gate.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
# Under the ThreadSanitizer build (tests/run.sh's http-gate-tsan), as
# tests/http/tsan.sh runs it; a report fails the last case.
export G_SLICE=always-malloc
export TSAN_OPTIONS="suppressions=$PWD/tests/tsan.supp${TSAN_OPTIONS:+ $TSAN_OPTIONS}"
. tests/http/lib.sh
EV=
cleanup_also() { [ -n "$EV" ] && kill "$EV" 2>/dev/null; }
http_demo
school=$(q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND s.state = 'draft' ORDER BY o.code LIMIT 1")
head_login=ht.$(echo "$school" | tr 'A-Z' 'a-z')
printf '%%PDF-1.4\n%%%%EOF\n' >"$W/m.pdf"
"$T" --db "$DB" --as "$head_login" evidence add 1 "$school" 1.3 "$W/m.pdf" >/dev/null ||
	{ echo "evidence add failed"; exit 1; }
# The stored file becomes a FIFO: reading it waits for a writer.
blob=$(find "$BLOBS" -type f | head -n 1)
rm "$blob" && mkfifo "$blob"

: >"$W/server.log"
TRUONGSO_GATE=1 "$T" --db "$DB" serve --port 0 >"$W/server.log" 2>&1 &
SERVER=$!
wait_listening "$W/server.log" "$SERVER"
curl -s -c "$W/so" -o /dev/null -d 'login=cv.so&password=truongso-demo' "$BASE/login"
curl -s -c "$W/ht" -o /dev/null -d "login=$head_login&password=truongso-demo" "$BASE/login"

# A server thread waits in open() for the FIFO's writer.
held() {
	for f in /proc/"$SERVER"/task/*/wchan; do
		[ "$(cat "$f" 2>/dev/null)" = wait_for_partner ] && return 0
	done
	return 1
}
curl -s -b "$W/ht" -o /dev/null -w '%{http_code}' "$BASE/evidence/1" >"$W/ev.code" &
EV=$!
i=0
until held || [ $i -ge 600 ]; do # the request reaching its handler: 60 s at most
	i=$((i + 1))
	sleep 0.1
done
if held; then ok download-blocked-in-handler; else bad download-blocked-in-handler; fi

# The dashboard takes the gate's one slot while the download is blocked.
got=$(curl -s --max-time 60 -b "$W/so" -o "$OUT" -w '%{http_code}' "$BASE/campaigns/1")
same dashboard-beside-blocked-download "$got" 200
if held && kill -0 "$EV" 2>/dev/null; then
	ok download-still-blocked-after-dashboard
else
	bad download-still-blocked-after-dashboard
fi

# A writer opens and closes the FIFO: the download ends (empty file).
: >"$blob"
wait "$EV"
EV=
same download-answered "$(cat "$W/ev.code")" 200

# 24 pages at once through one slot: all answered, and the slot is free
# afterwards (the next page is answered too).
pids=
for i in $(seq 24); do
	curl -s --max-time 60 -b "$W/so" -o /dev/null -w '%{http_code}\n' "$BASE/campaigns/1" >"$W/many.$i" &
	pids="$pids $!"
done
for p in $pids; do wait "$p"; done
same many-pages-one-slot "$(cat "$W"/many.* | sort | uniq -c | awk '{ print $1, $2 }')" "24 200"
got=$(curl -s --max-time 60 -b "$W/so" -o /dev/null -w '%{http_code}' "$BASE/campaigns/1")
same slot-free-afterwards "$got" 200

kill "$SERVER"
wait "$SERVER" 2>/dev/null
SERVER=
if grep -E 'ThreadSanitizer|AddressSanitizer|LeakSanitizer|runtime error' "$W/server.log" >"$ERR"; then
	cat "$W/server.log" >"$OUT"
	bad no-sanitizer-reports
else
	ok no-sanitizer-reports
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

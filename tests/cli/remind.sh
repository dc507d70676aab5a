#!/bin/bash
# Reminder e-mails (issue 17 item 7) through libcurl to a local SMTP sink
# on loopback (tests/cli/smtp_sink.py, port 0): one digest per unit not
# yet submitted and per day, to the unit's and its school accounts'
# addresses, each audited; a refusing relay is reported, audited, and
# may be retried the same day. The day is moved with TRUONGSO_NOW, which
# only a test build reads.
# Usage: tests/cli/remind.sh PATH/TO/truongso (a test build: asan)
set -u
T=${1:?usage: remind.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
W=$(mktemp -d)
. tests/lib/sql.sh
sql_db "$W/remind.db" # or tests/pg/run.sh's cluster
SINKS=()
cleanup() {
	for p in "${SINKS[@]}"; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	rm -rf "$W" "$OUT" "$ERR"
}
trap cleanup EXIT

# sink NAME [--refuse]: starts a sink writing to $W/NAME; its port in $PORT.
sink() {
	mkdir -p "$W/$1"
	python3 tests/cli/smtp_sink.py "$W/$1" "$W/$1.port" "${@:2}" &
	SINKS+=($!)
	for _ in $(seq 600); do # at most 60 s, ends as soon as it listens
		[ -f "$W/$1.port" ] && break
		kill -0 "${SINKS[-1]}" 2>/dev/null || break
		sleep 0.1
	done
	PORT=$(cat "$W/$1.port" 2>/dev/null)
	[ -n "$PORT" ] || { echo "the SMTP sink did not start"; exit 1; }
}
decode() { # decode EML FIELD: a header (subject decoded) or "body"
	python3 - "$1" "$2" <<'PY'
import email, sys
from email import policy
m = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=policy.default)
print(m.get_content() if sys.argv[2] == "body" else m[sys.argv[2]])
PY
}

"$T" --db "$DB" demo >/dev/null || { echo "demo failed"; exit 1; }
# Two Dương Kinh schools not yet submitted get addresses: one on the
# unit and its head, one on its IT officer only; the others have none.
DUE=$(q "SELECT o.code FROM campaign_unit cu JOIN org_unit o ON o.id = cu.unit_id LEFT JOIN submission s ON s.campaign_id = 1 AND s.unit_id = cu.unit_id WHERE cu.campaign_id = 1 AND o.code LIKE '31DK%' AND coalesce(s.state, 'none') IN ('none', 'draft', 'returned') ORDER BY o.code")
ndue=$(echo "$DUE" | wc -l)
U1=$(echo "$DUE" | sed -n 1p) U2=$(echo "$DUE" | sed -n 2p)
l1=$(echo "$U1" | tr 'A-Z' 'a-z') l2=$(echo "$U2" | tr 'A-Z' 'a-z')
"$T" --db "$DB" org contact "$U1" --email "c1.$l1@haiphong.edu.vn" >/dev/null
"$T" --db "$DB" user contact "ht.$l1" --email "ht.$l1@gmail.com" --phone "0912 345 678" >/dev/null
"$T" --db "$DB" user contact "cntt.$l2" --email "cntt.$l2@gmail.com" >/dev/null
RELAY=(--from phong.duongkinh@haiphong.edu.vn --from-name "Phòng GD&ĐT Dương Kinh" --url https://truongso.haiphong.edu.vn)
DAY1=2026-06-01T02:00:00Z DAY2=2026-06-02T02:00:00Z

sink ok
check remind-sent 0 out "Đơn vị chưa nộp: $ndue. Đã gửi 2 thư nhắc; 0 đơn vị đã được nhắc hôm nay (không gửi lại); 0 thư không gửi được; $((ndue - 2)) đơn vị chưa có địa chỉ thư điện tử." \
	env TRUONGSO_NOW=$DAY1 "$T" --db "$DB" --as cv.dk remind --campaign 1 --smtp "smtp://127.0.0.1:$PORT" "${RELAY[@]}"
contains remind-names-missing out "Chưa có địa chỉ thư điện tử: $(echo "$DUE" | sed -n 3p)"
same remind-two-mails "$(ls "$W/ok" | grep -c '\.eml$')" 2
m1=$(grep -l "c1.$l1@" "$W"/ok/*.rcpt | sed 's/rcpt$/eml/')
same remind-envelope "$(cat "${m1%eml}rcpt")" "c1.$l1@haiphong.edu.vn
ht.$l1@gmail.com"
name1=$(q "SELECT name FROM org_unit WHERE code = '$U1'")
same remind-subject "$(decode "$m1" subject)" "Nhắc hạn nộp bản tự đánh giá — $name1"
same remind-from "$(decode "$m1" from)" "Phòng GD&ĐT Dương Kinh <phong.duongkinh@haiphong.edu.vn>"
decode "$m1" body >"$OUT"
contains remind-body-greets out "Kính gửi $name1,"
contains remind-body-campaign out "- $(q "SELECT title FROM campaign WHERE id = 1"): "
contains remind-body-due out "hạn nộp 31/05/2026 (đã quá hạn 1 ngày)."
contains remind-body-link out "https://truongso.haiphong.edu.vn/campaigns/1/units/$U1"
same remind-audited "$(lines , "SELECT actor || ' ' || object FROM audit WHERE action = 'reminder.email' ORDER BY object" | sed 's/,/, /g')" "cv.dk $U1, cv.dk $U2"
same remind-audit-detail "$(q "SELECT detail FROM audit WHERE action = 'reminder.email' AND object = '$U2'")" "tới cntt.$l2@gmail.com; đợt 1"

# The same day again: nobody gets a second digest.
check remind-once-a-day 0 out "Đã gửi 0 thư nhắc; 2 đơn vị đã được nhắc hôm nay (không gửi lại)" \
	env TRUONGSO_NOW=$DAY1 "$T" --db "$DB" --as cv.dk remind --campaign 1 --smtp "smtp://127.0.0.1:$PORT" "${RELAY[@]}"
same remind-once-no-mail "$(ls "$W/ok" | grep -c '\.eml$')" 2
same remind-once-no-audit "$(q "SELECT count(*) FROM audit WHERE action = 'reminder.email'")" 2

# The next day, a relay that refuses: reported, audited, exit 1 ...
sink refuse --refuse
check remind-refused 1 err "máy chủ thư không nhận thư" \
	env TRUONGSO_NOW=$DAY2 "$T" --db "$DB" --as cv.dk remind --campaign 1 --smtp "smtp://127.0.0.1:$PORT" "${RELAY[@]}"
contains remind-refused-count out "Đã gửi 0 thư nhắc; 0 đơn vị đã được nhắc hôm nay (không gửi lại); 2 thư không gửi được"
same remind-refused-audited "$(q "SELECT count(*) FROM audit WHERE action = 'reminder.failed'")" 2
same remind-refused-state "$(lines , "SELECT status FROM reminder WHERE day = '2026-06-02' ORDER BY status")" "failed,failed"
# ... and retried the same day through a working relay.
sink ok2
check remind-retry 0 out "Đã gửi 2 thư nhắc" \
	env TRUONGSO_NOW=$DAY2 "$T" --db "$DB" --as cv.dk remind --campaign 1 --smtp "smtp://127.0.0.1:$PORT" "${RELAY[@]}"
same remind-retry-state "$(lines , "SELECT status FROM reminder WHERE day = '2026-06-02' ORDER BY status")" "sent,sent"

# Only offices; only their own subtree; bad options are named.
check remind-school-refused 2 err "chỉ cán bộ Phòng, Sở gửi thư nhắc" \
	"$T" --db "$DB" --as "ht.$l1" remind --campaign 1 --smtp "smtp://127.0.0.1:$PORT" "${RELAY[@]}"
# An observer only reads: reminding writes and mails (core/policy.c).
check remind-observer-refused 2 err "tài khoản theo dõi chỉ được xem" \
	"$T" --db "$DB" --as xem.so remind --campaign 1 --smtp "smtp://127.0.0.1:$PORT" "${RELAY[@]}"
check remind-outside-refused 2 err "không thuộc" \
	"$T" --db "$DB" --as cv.dk remind --campaign 1 --unit 31LC --smtp "smtp://127.0.0.1:$PORT" "${RELAY[@]}"
check remind-bad-from 2 err "--from: địa chỉ thư điện tử phải có đúng một dấu @" \
	"$T" --db "$DB" --as cv.dk remind --campaign 1 --smtp "smtp://127.0.0.1:$PORT" --from phong
check remind-bad-campaign 2 err "cách dùng: truongso remind" \
	"$T" --db "$DB" --as cv.dk remind --campaign 1,x --smtp "smtp://127.0.0.1:$PORT" --from a@b.vn
same remind-total-mails "$(cat "$W"/ok*/*.rcpt | wc -l)" 6

echo "remind: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# A deadline rush (make bench; a small one in make test): SCHOOLS schools
# of a new Phòng autosave SAVES times and submit within WINDOW seconds,
# against `truongso serve` on 127.0.0.1 (port 0) over SQLite. The client
# is tests/bench/rush.py: it prints errors, p50/p99, and checks every
# acknowledged write is in the database; this script fails if any request
# failed or any acknowledged write is missing (never on timing).
# Usage: tests/bench/rush.sh TRUONGSO [SCHOOLS WINDOW_S SAVES GAP_S]
# (default: 1000 schools, 60 s, 3 saves 5 s apart).
set -eu
T=${1:?usage: rush.sh TRUONGSO [SCHOOLS WINDOW SAVES GAP]}
case $T in /*) ;; *) T=$PWD/$T ;; esac
N=${2:-1000} WINDOW=${3:-60} SAVES=${4:-3} GAP=${5:-5}
cd "$(dirname "$0")/../.."
W=$(mktemp -d)
TS=
trap '[ -n "$TS" ] && kill $TS 2>/dev/null; wait 2>/dev/null; rm -rf "$W"' EXIT
DB=$W/rush.db
"$T" --db "$DB" demo >/dev/null
{ echo 'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Cấp học'
  echo '31RUSH,Phòng GD&ĐT Chạy Hạn,Phòng,31,'
  awk -v n="$N" 'BEGIN { for (i = 1; i <= n; i++)
	printf "31R%04d,Trường Tiểu học Chạy Hạn %d,Trường,31RUSH,TH\n", i, i }'; } >"$W/schools.csv"
"$T" --db "$DB" org import "$W/schools.csv" >/dev/null
"$T" --db "$DB" campaign create --owner 31RUSH --rubric qd4725-2022-pt --year 2026-2027 \
	--title "Đợt nộp gấp" --opens 2026-01-01 --due 2099-05-31 >/dev/null
CID=$(sqlite3 "$DB" "SELECT max(id) FROM campaign")
# Accounts share one stored hash and get their sessions straight in the
# database (token -> BLAKE2b-256 hex, as session.c stores it).
python3 - "$DB" "$W/list" <<'PY'
import hashlib, secrets, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
pw = db.execute("SELECT pw_hash FROM app_user LIMIT 1").fetchone()[0]
out = open(sys.argv[2], "w")
for uid, code in db.execute("SELECT id, code FROM org_unit WHERE code GLOB '31R[0-9]*' ORDER BY code").fetchall():
    toks = []
    for role, pre in (("school_editor", "cntt."), ("school_head", "ht.")):
        cur = db.execute("INSERT INTO app_user(org_unit_id, login, full_name, role, pw_hash, created_at) "
                         "VALUES (?, ?, 'Chạy hạn', ?, ?, '2026-01-01T00:00:00Z')",
                         (uid, pre + code.lower(), role, pw))
        tok = secrets.token_urlsafe(32)
        db.execute("INSERT INTO session(token_hash, user_id, created_at, expires_at) VALUES "
                   "(?, ?, '2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z')",
                   (hashlib.blake2b(tok.encode(), digest_size=32).hexdigest(), cur.lastrowid))
        toks.append(tok)
    out.write("%s %s %s\n" % (code, toks[0], toks[1]))
db.commit()
PY
# The log exists before the server starts: the background job opens it
# later, and wait_listening's first read must not fail (set -e) meanwhile.
: >"$W/server.log"
# Every school comes from 127.0.0.1 here, not from its own address: the
# per-address limit (32) would refuse connections once a slow (sanitizer,
# busy) server holds more than 32 at once, which a real rush never hits.
"$T" --db "$DB" serve --port 0 --per-address 4096 >>"$W/server.log" 2>&1 &
TS=$!
. tests/serve-wait.sh
wait_listening "$W/server.log" "$TS"
PORT=${BASE##*:}
rc=0
python3 tests/bench/rush.py "$PORT" "$DB" "$W/list" "$CID" "$WINDOW" "$SAVES" "$GAP" || rc=$?
errs=$(grep -c ' 5[0-9][0-9] ' "$W/server.log" || true)
echo "rush: server logged $errs responses 5xx"
exit $rc

#!/bin/sh
# make bench (import): a school's saves while a 199,999-row unit list is
# imported, first as a dry run, then for real, on the demo database behind
# `truongso serve` (loopback, port 0). Prints each import's time and the
# saves' count, errors and p50/p99/max; fails only on a failed save or a
# wrong import result, never on timing.
# Usage: tests/bench/import.sh TRUONGSO [ROWS]
set -eu
T=${1:?usage: import.sh TRUONGSO [ROWS]}
case $T in /*) ;; *) T=$PWD/$T ;; esac
N=${2:-199998}
cd "$(dirname "$0")/../.."
W=$(mktemp -d)
TS=
trap '[ -n "$TS" ] && kill $TS 2>/dev/null; wait 2>/dev/null; rm -rf "$W"' EXIT
DB=$W/import.db
"$T" --db "$DB" demo >/dev/null
{ echo 'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Cấp học'
  echo '31BIG,Phòng GD&ĐT Danh Sách Lớn,Phòng,31,'
  awk -v n="$N" 'BEGIN { for (i = 1; i <= n; i++)
	printf "31B%06d,Trường Tiểu học Danh Sách %d,Trường,31BIG,TH\n", i, i }'; } >"$W/big.csv"
"$T" --db "$DB" serve --port 0 >"$W/server.log" 2>&1 &
TS=$!
PORT=
for _ in $(seq 100); do
	PORT=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$W/server.log")
	[ -n "$PORT" ] && break
	sleep 0.1
done
[ -n "$PORT" ] || { cat "$W/server.log"; exit 1; }
CODE=$(sqlite3 "$DB" "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	WHERE s.campaign_id = 1 AND s.state = 'draft' ORDER BY o.code LIMIT 1")
LOGIN=cntt.$(echo "$CODE" | tr 'A-Z' 'a-z')
# saves WHAT CMD...: a save loop on the school while CMD runs.
saves() {
	what=$1
	shift
	python3 - "$PORT" "$LOGIN" "$CODE" "$W/stop" "$what" <<'PY' &
import http.client, json, os, sys, time, urllib.parse
port, login, code, stop, what = sys.argv[1:]
def req(method, path, body=None, headers={}):
    c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse(); data = r.read(); c.close()
    return r, data
r, _ = req("POST", "/login", urllib.parse.urlencode({"login": login, "password": "truongso-demo"}),
           {"Content-Type": "application/x-www-form-urlencoded"})
cookie = r.getheader("Set-Cookie").split(";")[0]
_, data = req("GET", "/api/session", headers={"Cookie": cookie})
tok = json.loads(data)["csrf_token"]
body = open("examples/qd4725-gdtx-duongkinh-2022-2023.json", "rb").read()
lat, errs = [], 0
while not os.path.exists(stop):
    t0 = time.monotonic()
    try:
        r, _ = req("POST", "/api/campaigns/1/units/%s/answers" % code, body,
                   {"Cookie": cookie, "X-CSRF-Token": tok, "Content-Type": "application/json"})
        st = r.status
    except OSError:
        st = 0
    lat.append((time.monotonic() - t0) * 1000)
    errs += st != 200
    time.sleep(0.02)
lat.sort(); n = len(lat)
p = lambda q: lat[min(n - 1, int(q * n))] if n else 0
print("%s: %d saves, %d errors, p50 %.1f ms, p99 %.1f ms, max %.1f ms"
      % (what, n, errs, p(0.5), p(0.99), lat[-1] if n else 0))
sys.exit(1 if errs else 0)
PY
	SAVER=$!
	sleep 1
	t0=$(date +%s.%N)
	"$@" >"$W/import.out" 2>&1 || true
	t1=$(date +%s.%N)
	touch "$W/stop"
	rc=0
	wait $SAVER || rc=$?
	rm -f "$W/stop"
	echo "$what: $(tail -n 1 "$W/import.out") ($(echo "$t1 - $t0" | bc) s)"
	return $rc
}
rows=$((N + 1))
saves "dry run" "$T" --db "$DB" org import "$W/big.csv" --dry-run
grep -q "Kiểm tra (chưa ghi gì): $rows dòng: $rows đơn vị mới" "$W/import.out"
saves import "$T" --db "$DB" org import "$W/big.csv"
grep -q "Đã nhập $rows dòng: $rows đơn vị mới" "$W/import.out"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM org_unit WHERE code LIKE '31B%'")" -eq "$rows" ]

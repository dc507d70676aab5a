#!/bin/bash
# HTTP tests of `truongso serve` on 127.0.0.1 with curl: security headers,
# sign-in and its rate limit, CSRF, size and type limits, escaping of
# hostile names, the authorisation matrix (every route × role × own unit /
# another unit), and the whole submission cycle through the pages.
# Usage: tests/http/run.sh PATH/TO/truongso
set -u
T=${1:?usage: run.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
. tests/lib/sql.sh
W=$(mktemp -d)
# SQLite in $W, or tests/pg/run.sh's PostgreSQL cluster (tests/lib/sql.sh).
sql_db "$W/web.db"
SERVER=
LOAD=
cleanup() {
	if [ -n "$LOAD" ]; then touch "$W/load/stop"; wait "$LOAD" 2>/dev/null; fi
	[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
	wait 2>/dev/null
	[ -n "${LOGCOPY:-}" ] && cp "$W/server.log" "$LOGCOPY"
	rm -rf "$W" "$OUT" "$ERR"
}
trap cleanup EXIT

"$T" --db "$DB" demo >/dev/null || { echo "demo failed"; exit 1; }
# Seed 003's answers without the unit and year of its own record, so they
# may be saved into a demo school (a file naming another is refused).
ANS="$W/answers.json"
sed '/^  "unit":/d; /^  "school_year":/d' examples/qd4725-gdtx-duongkinh-2022-2023.json >"$ANS"
# Hostile names: every page that shows them must escape them.
"$T" --db "$DB" org rename 31DK011 '<script>alert(1)</script> "onerror=x '"'"'a' >/dev/null
# Codes with "/" and "%": a path is decoded once (by route_match, not also
# by MHD), so %252F names the unit "31DK%2FA1", never "31DK/A1". Such codes
# are refused now (org_code_problem) but may be stored from before.
"$T" --db "$DB" org add --code 31DKA1 --name "Trường Mầm non Gạch Chéo" --kind truong --parent 31DK --levels MN >/dev/null
"$T" --db "$DB" org add --code 31DKA2 --name "Trường Mầm non Phần Trăm" --kind truong --parent 31DK --levels MN >/dev/null
q "UPDATE org_unit SET code = '31DK/A1' WHERE code = '31DKA1'; UPDATE org_unit SET code = '31DK%2FA1' WHERE code = '31DKA2'"
# Port 0: the kernel picks a free port; the server prints which.
# Its own TMPDIR: the check that no upload temp file is left is not
# disturbed by anything else running on the machine.
mkdir -p "$W/tmp"
TMPDIR="$W/tmp" "$T" --db "$DB" serve --port 0 >"$W/server.log" 2>&1 &
LOGCOPY=${HTTP_LOG:-}
SERVER=$!
# Waits for that line as long as the server runs: a sanitizer build on a
# busy machine can take many seconds to start (2 minutes at most).
wait_listening "$W/server.log" "$SERVER"
# HTTP_LOAD=1: other clients (tests/http/load.sh) use the same server while
# these tests run, so requests overlap on its threads (tests/run.sh does
# this against the ThreadSanitizer build).
if [ -n "${HTTP_LOAD:-}" ]; then
	mkdir "$W/load"
	tests/http/load.sh "$BASE" "$W/load" >"$W/load.log" 2>&1 &
	LOAD=$!
fi

# req NAME EXPECTED_STATUS [curl args...]: body in $OUT, headers in $ERR.
# A form field given twice counts by its first value, so overrides go first.
req() {
	name=$1 want=$2
	shift 2
	got=$(curl -s -o "$OUT" -D "$ERR" -w '%{http_code}' "$@")
	if [ "$got" = "$want" ]; then ok "$name"; else echo "status $got, expected $want" >>"$ERR"; bad "$name"; fi
}
has() { # has NAME FILE PATTERN
	if grep -qF -- "$3" "$2"; then ok "$1"; else echo "missing: $3" >>"$ERR"; bad "$1"; fi
}
hasnt() {
	if grep -qF -- "$3" "$2"; then echo "unexpected: $3" >>"$ERR"; bad "$1"; else ok "$1"; fi
}
login() { # login JAR USER
	curl -s -c "$1" -o /dev/null -d "login=$2&password=truongso-demo" "$BASE/login"
}
csrf() { # csrf JAR URL
	curl -s -b "$1" "$BASE$2" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//'
}
rev() { # rev JAR URL: the revision a submission page's forms carry
	curl -s -b "$1" "$BASE$2" | grep -o 'name="rev" value="[0-9]*"' | head -1 | sed 's/.*value="//; s/"//'
}

# --- basics and headers
req root-redirects 303 "$BASE/"
has root-to-login "$ERR" "Location: /login"
req health 200 "$BASE/healthz"
req login-page 200 "$BASE/login"
has csp "$ERR" "Content-Security-Policy: default-src 'self'; script-src 'self'"
has frame-ancestors "$ERR" "frame-ancestors 'none'"
has nosniff "$ERR" "X-Content-Type-Options: nosniff"
has login-vietnamese "$OUT" "Tên đăng nhập"
req css 200 "$BASE/static/app.css"
has css-cached "$ERR" "Cache-Control: public"
req not-found 404 "$BASE/khong-co"
req wrong-method 405 -X DELETE "$BASE/campaigns"
req needs-login 303 "$BASE/campaigns"

# --- bytes on the wire: gzip when the client accepts it; the stylesheet and
# script under versioned URLs cached for a year, other URLs revalidated
req page-plain 200 "$BASE/login"
hasnt page-plain-not-encoded "$ERR" "Content-Encoding"
has page-plain-vary "$ERR" "Vary: Accept-Encoding"
CSSV=$(grep -o '/static/app\.css?v=[0-9a-f]\{16\}"' "$OUT" | tr -d '"')
JSV=$(grep -o '/static/app\.js?v=[0-9a-f]\{16\}"' "$OUT" | tr -d '"')
if [ -n "$CSSV" ] && [ -n "$JSV" ]; then ok static-versioned-links; else bad static-versioned-links; fi
req page-gzip 200 -H 'Accept-Encoding: deflate, gzip;q=0.8' "$BASE/login"
has page-gzip-encoded "$ERR" "Content-Encoding: gzip"
if gzip -dc "$OUT" 2>/dev/null | grep -qF "Tên đăng nhập"; then ok page-gzip-body; else bad page-gzip-body; fi
req page-gzip-q0 200 -H 'Accept-Encoding: gzip;q=0, identity' "$BASE/login"
hasnt page-gzip-q0-plain "$ERR" "Content-Encoding"
req css-versioned 200 -H 'Accept-Encoding: gzip' "$BASE$CSSV"
has css-versioned-year "$ERR" "Cache-Control: public, max-age=31536000, immutable"
has css-versioned-gzip "$ERR" "Content-Encoding: gzip"
curl -s -o "$W/app.css" "$BASE/static/app.css"
if gzip -dc "$OUT" 2>/dev/null | cmp -s - "$W/app.css"; then ok css-gzip-same-bytes; else bad css-gzip-same-bytes; fi
req js-versioned 200 -H 'Accept-Encoding: gzip' "$BASE$JSV"
has js-versioned-year "$ERR" "Cache-Control: public, max-age=31536000, immutable"
has js-versioned-gzip "$ERR" "Content-Encoding: gzip"
req css-old-version 200 "$BASE/static/app.css?v=0000000000000000"
has css-old-version-revalidated "$ERR" "Cache-Control: public, no-cache"
req health-not-compressed 200 -H 'Accept-Encoding: gzip' "$BASE/healthz"
hasnt health-plain "$ERR" "Content-Encoding"

# --- sign-in
req login-wrong 403 -d 'login=cv.dk&password=sai-mat-khau' "$BASE/login"
has login-wrong-message "$OUT" "tên đăng nhập hoặc mật khẩu không đúng"
has login-keeps-name "$OUT" 'value="cv.dk"'
for i in 1 2 3 4 5; do curl -s -o /dev/null -d 'login=cv.lc&password=x' "$BASE/login"; done
# Five failures: the account waits (15 s, doubling with each further
# failure), even with the right password, and is told so in its own words.
req login-throttled 429 -d 'login=cv.lc&password=truongso-demo' "$BASE/login"
has login-throttled-message "$OUT" "tài khoản này đang tạm khóa vì đăng nhập sai nhiều lần; hãy thử lại sau"
hasnt login-throttled-not-wrong-password "$OUT" "không đúng"
# A wait, not a lockout: once it has passed (the failures moved 20 s into
# the past), the right password works.
qd "UPDATE login_failure SET at = strftime('%Y-%m-%dT%H:%M:%SZ', at, '-20 seconds') WHERE login = 'cv.lc'" \
	"UPDATE login_failure SET at = to_char((at::timestamptz - interval '20 seconds') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') WHERE login = 'cv.lc'"
req login-after-wait 303 -d 'login=cv.lc&password=truongso-demo' "$BASE/login"
# Failures past the window are deleted as new ones come, made-up names too.
q "INSERT INTO login_failure(login, client, at) VALUES ('khong-co-cu', '192.0.2.1', '2000-01-01T00:00:00Z')"
curl -s -o /dev/null -d 'login=khong-co-moi&password=x' "$BASE/login"
same login-failures-pruned "$(q "SELECT count(*) FROM login_failure WHERE login = 'khong-co-cu'")" 0
req login-ok 303 -c "$W/rev" -d 'login=cv.dk&password=truongso-demo' "$BASE/login"
has cookie-httponly "$ERR" "HttpOnly; SameSite=Lax"
hasnt cookie-not-secure-on-http "$ERR" "Secure"
req campaigns 200 -b "$W/rev" "$BASE/campaigns"
has campaigns-list "$OUT" "Đánh giá mức độ chuyển đổi số"

# --- escaping of hostile names
req dashboard 200 -b "$W/rev" "$BASE/campaigns/1"
has escaped-script "$OUT" "&lt;script&gt;alert(1)&lt;/script&gt; &quot;onerror=x &#39;a"
hasnt no-raw-script "$OUT" "<script>alert"
req submission-hostile 200 -b "$W/rev" "$BASE/campaigns/1/units/31DK011"
hasnt no-raw-script-title "$OUT" "<script>alert"
hasnt no-raw-onerror "$OUT" '"onerror=x'

# --- a sign-in form posted from another site
req login-cross-site 403 -H 'Sec-Fetch-Site: cross-site' -d 'login=cv.dk&password=truongso-demo' "$BASE/login"
has login-cross-site-message "$OUT" "gửi từ một trang web khác"
hasnt login-cross-site-no-cookie "$ERR" "Set-Cookie"
req login-foreign-origin 403 -H 'Origin: http://evil.example' -d 'login=cv.dk&password=truongso-demo' "$BASE/login"
req login-null-origin 403 -H 'Origin: null' -d 'login=cv.dk&password=truongso-demo' "$BASE/login"
req login-same-origin 303 -H "Origin: $BASE" -H 'Sec-Fetch-Site: same-origin' -d 'login=cv.dk&password=truongso-demo' "$BASE/login"
req login-same-origin-no-fetch-metadata 303 -H "Origin: $BASE" -d 'login=cv.dk&password=truongso-demo' "$BASE/login"

# --- CSRF, limits
req post-without-csrf 403 -b "$W/rev" -d 'x=1' "$BASE/campaigns/1/units/31DK011/approve"
req post-wrong-csrf 403 -b "$W/rev" -d '_csrf=00' "$BASE/campaigns/1/units/31DK011/approve"
req post-without-session 403 -d 'x=1' "$BASE/logout"
head -c 2000000 /dev/zero | tr '\0' 'a' >"$W/big"
req body-too-big 413 -b "$W/rev" --data-binary @"$W/big" -H 'Content-Type: application/x-www-form-urlencoded' "$BASE/password"
req wrong-content-type 415 -b "$W/rev" --data-binary '{}' -H 'Content-Type: application/json' "$BASE/password"
req bad-form-encoding 400 -b "$W/rev" --data-binary 'a=%zz' -H 'Content-Type: application/x-www-form-urlencoded' "$BASE/password"

# --- pick schools by state from the demo (deterministic, but say why)
pick() { # pick PREFIX STATE: a school of campaign 1 under that office
	q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	   WHERE s.campaign_id = 1 AND o.code LIKE '$1%' AND s.state = '$2'
	   ORDER BY o.code LIMIT 1"
}
lower() { echo "$1" | tr 'A-Z' 'a-z'; }
OWN=$(pick 31DK draft)          # a draft school of Phòng Dương Kinh
DKSUB=$(pick 31DK submitted)    # a submitted school there
LCSUB=$(pick 31LC submitted)    # a submitted school of Phòng Lê Chân
[ -n "$OWN" ] && [ -n "$DKSUB" ] && [ -n "$LCSUB" ] || { echo "demo lacks states"; exit 1; }
# The Sở's statistics campaign of 2025-2026 (by kind and year, not by id)
# and its Dương Kinh schools: the first (a submitted report), a draft one.
STATS=$(q "SELECT id FROM campaign WHERE kind = 'thong-ke' AND school_year = '2025-2026'")
SOWN=$(q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	  WHERE s.campaign_id = $STATS AND o.code LIKE '31DK%' AND s.state = 'draft'
	  ORDER BY o.code LIMIT 1")
[ -n "$STATS" ] && [ -n "$SOWN" ] || { echo "demo lacks a statistics campaign"; exit 1; }

declare -A JAR
for who in "editor:cntt.$(lower "$OWN")" "head:ht.$(lower "$OWN")" \
	   "headsub:ht.$(lower "$DKSUB")" "revdk:cv.dk" "revlc:qt.lc" \
	   "revso:cv.so" "admin:qt.so" "qtdk:qt.dk" "obs:xem.so"; do
	name=${who%%:*}
	JAR[$name]="$W/jar-$name"
	login "${JAR[$name]}" "${who#*:}"
done
# (Lê Chân's admin acts for that commune office; obs is the Sở's
# read-only observer, issue 16.)

# --- the authorisation matrix: one row per (route, actor, target). Every
# route of `serve --list-routes` must appear, so a new route cannot be
# added without deciding who may use it.
U() { echo "/campaigns/1/units/$1"; }
MATRIX="$W/matrix"
cat >"$MATRIX" <<ROWS
GET /                                    anon    /                       303
GET /healthz                             anon    /healthz                200
GET /static/app.css                      anon    /static/app.css         200
GET /static/app.js                       anon    /static/app.js          200
GET /login                               anon    /login                  200
POST /login                              anon    /login                  400
POST /logout                             anon    /logout                 403
GET /reset                               anon    /reset                  200
POST /reset                              anon    /reset                  400
GET /password                            anon    /password               303
GET /password                            editor  /password               200
POST /password                           anon    /password               403
POST /password                           editor  /password               403
GET /campaigns                           anon    /campaigns              303
GET /campaigns                           editor  /campaigns              200
GET /campaigns/:id                       anon    /campaigns/1            303
GET /campaigns/:id                       editor  /campaigns/1            303
GET /campaigns/:id                       revdk   /campaigns/1            200
GET /campaigns/:id                       revdk   /campaigns/999          404
GET /campaigns/:id                       revdk   /campaigns/$STATS?chi_so=hs_may_tinh 200
GET /campaigns/:id                       revdk   /campaigns/$STATS?chi_so=hs_may_tinh&unit=31 403
GET /campaigns/:id                       revso   /campaigns/$STATS?chi_so=hs_may_tinh&unit=31DK 200
GET /campaigns/:id                       revso   /campaigns/$STATS?chi_so=khong_co 404
GET /campaigns/:id                       editor  /campaigns/$STATS?chi_so=hs_may_tinh 303
GET /campaigns/:id/queue                 anon    /campaigns/1/queue      303
GET /campaigns/:id/queue                 editor  /campaigns/1/queue      403
GET /campaigns/:id/queue                 revdk   /campaigns/1/queue      200
GET /campaigns/:id/queue                 revdk   /campaigns/999/queue    404
GET /campaigns/:id/queue                 revdk   /campaigns/1/queue?unit=31LC 403
GET /campaigns/:id/queue                 revso   /campaigns/1/queue?unit=31LC 200
POST /campaigns/:id/queue/bulk           anon    /campaigns/1/queue/bulk 403
POST /campaigns/:id/queue/bulk           editor  /campaigns/1/queue/bulk 403
POST /campaigns/:id/queue/bulk           head    /campaigns/1/queue/bulk 403
POST /campaigns/:id/queue/bulk           revdk   /campaigns/1/queue/bulk 400
GET /campaigns/:id/units/:code           anon    $(U "$OWN")             303
GET /campaigns/:id/units/:code           editor  $(U "$OWN")             200
GET /campaigns/:id/units/:code           editor  $(U "$DKSUB")           403
GET /campaigns/:id/units/:code           revdk   $(U "$DKSUB")           200
GET /campaigns/:id/units/:code           revdk   $(U "$LCSUB")           403
GET /campaigns/:id/units/:code           revso   $(U "$LCSUB")           200
GET /campaigns/:id/units/:code/check    anon    $(U "$OWN")/check       303
GET /campaigns/:id/units/:code/check    editor  $(U "$OWN")/check       200
GET /campaigns/:id/units/:code/check    editor  $(U "$DKSUB")/check     403
GET /campaigns/:id/units/:code/check    revdk   $(U "$DKSUB")/check     303
GET /campaigns/:id/units/:code/submitted anon   $(U "$OWN")/submitted   303
GET /campaigns/:id/units/:code/submitted editor $(U "$DKSUB")/submitted 403
GET /campaigns/:id/units/:code/submitted revdk  $(U "$DKSUB")/submitted 200
POST /campaigns/:id/units/:code/save     anon    $(U "$OWN")/save        403
POST /campaigns/:id/units/:code/save     editor  $(U "$DKSUB")/save      403
POST /campaigns/:id/units/:code/save     revdk   $(U "$OWN")/save        403
POST /campaigns/:id/units/:code/save     editor  $(U "$OWN")/save        303
POST /campaigns/:id/units/:code/save     head    $(U "$OWN")/save        303
POST /campaigns/:id/units/:code/preview anon    $(U "$OWN")/preview     403
POST /campaigns/:id/units/:code/preview revlc   $(U "$OWN")/preview     403
POST /campaigns/:id/units/:code/preview editor  $(U "$OWN")/preview     200
POST /campaigns/:id/units/:code/evidence anon    $(U "$OWN")/evidence    403
POST /campaigns/:id/units/:code/evidence revdk   $(U "$OWN")/evidence    403
GET /evidence/:id                        anon    /evidence/1             303
GET /evidence/:id                        revdk   /evidence/999999        404
POST /campaigns/:id/units/:code/:action  anon    $(U "$DKSUB")/approve   403
POST /campaigns/:id/units/:code/:action  editor  $(U "$DKSUB")/approve   403
POST /campaigns/:id/units/:code/:action  headsub $(U "$DKSUB")/approve   403
POST /campaigns/:id/units/:code/:action  revlc   $(U "$DKSUB")/approve   403
POST /campaigns/:id/units/:code/:action  revdk   $(U "$DKSUB")/bogus     404
POST /campaigns/:id/units/:code/:action  revlc   $(U "$DKSUB")/external  403
POST /campaigns/:id/units/:code/:action  revdk   $(U "$DKSUB")/approve   200
GET /campaigns/:id/office                anon    /campaigns/$STATS/office 303
GET /campaigns/:id/office                editor  /campaigns/$STATS/office 403
GET /campaigns/:id/office                revdk   /campaigns/$STATS/office 200
GET /campaigns/:id/office                revdk   /campaigns/$STATS/office?unit=31 403
GET /campaigns/:id/office                revso   /campaigns/$STATS/office?unit=31DK 200
GET /campaigns/:id/office                revdk   /campaigns/999/office    404
POST /campaigns/:id/office               anon    /campaigns/$STATS/office 403
POST /campaigns/:id/office               editor  /campaigns/$STATS/office 403
POST /campaigns/:id/office               revdk   /campaigns/$STATS/office?unit=31 403
POST /campaigns/:id/office               revso   /campaigns/$STATS/office?unit=31DK 403
POST /campaigns/:id/office               revdk   /campaigns/$STATS/office 303
GET /campaigns/:id/units/:code           editor  /campaigns/$STATS/units/$OWN 200
GET /campaigns/:id/units/:code           revlc   /campaigns/$STATS/units/$SOWN 403
GET /campaigns/:id/units/:code           revdk   /campaigns/$STATS/units/$SOWN 200
POST /campaigns/:id/units/:code/save     revdk   /campaigns/$STATS/units/$SOWN/save 403
POST /campaigns/:id/units/:code/:action  revlc   /campaigns/$STATS/units/$SOWN/approve 403
GET /api/session                         anon    /api/session            401
GET /api/campaigns                       anon    /api/campaigns          401
GET /api/campaigns/:id/status            anon    /api/campaigns/1/status 401
GET /api/campaigns/:id/status            editor  /api/campaigns/1/status 200
GET /api/campaigns/:id/stats             anon    /api/campaigns/$STATS/stats 401
GET /api/campaigns/:id/stats             editor  /api/campaigns/$STATS/stats 403
GET /api/campaigns/:id/stats             revdk   /api/campaigns/$STATS/stats 200
GET /api/campaigns/:id/stats             revdk   /api/campaigns/$STATS/stats?unit=31 403
GET /api/campaigns/:id/stats             revso   /api/campaigns/$STATS/stats?unit=31DK 200
GET /api/campaigns/:id/stats             obs     /api/campaigns/$STATS/stats 200
GET /api/campaigns/:id/stats             revdk   /api/campaigns/999/stats 404
GET /api/campaigns/:id/stats             revdk   /api/campaigns/1/stats 404
GET /api/campaigns/:id/units/:code       editor  /api/campaigns/$STATS/units/$OWN 200
GET /api/campaigns/:id/units/:code       revlc   /api/campaigns/1/units/$OWN 403
GET /api/campaigns/:id/units/:code       revdk   /api/campaigns/1/units/$OWN 200
POST /api/campaigns/:id/units/:code/answers anon /api/campaigns/1/units/$OWN/answers 401
POST /api/campaigns/:id/units/:code/:action anon /api/campaigns/1/units/$DKSUB/approve 401
GET /api/campaigns/:id/units/:code/evidence anon /api/campaigns/1/units/$OWN/evidence 401
GET /api/campaigns/:id/units/:code/evidence revlc /api/campaigns/1/units/$OWN/evidence 403
GET /api/campaigns/:id/units/:code/evidence revdk /api/campaigns/1/units/$OWN/evidence 200
GET /api/campaigns/:id/units/:code/evidence editor /api/campaigns/1/units/$DKSUB/evidence 403
POST /api/campaigns/:id/units/:code/evidence anon /api/campaigns/1/units/$OWN/evidence 401
POST /api/campaigns/:id                  anon    /api/campaigns/1        401
GET /api/evidence/:id                    anon    /api/evidence/1         401
GET /api/evidence/:id                    revdk   /api/evidence/999999    404
POST /api/org                            anon    /api/org                401
POST /api/org/:code                      anon    /api/org/31DK001        401
POST /api/org/:code/:action              anon    /api/org/31DK001/close  401
GET /api/users                           anon    /api/users              401
GET /api/users                           editor  /api/users              403
GET /api/users                           qtdk    /api/users              200
POST /api/users                          anon    /api/users              401
POST /api/users/:login                   anon    /api/users/cv.dk        401
GET /rubrics                             anon    /rubrics                303
GET /rubrics                             editor  /rubrics                200
GET /rubrics/:id                         editor  /rubrics/qd4725-2022-pt 200
GET /rubrics/:id                         editor  /rubrics/khong-co       404
GET /admin/org                           anon    /admin/org              303
GET /admin/org                           revdk   /admin/org              403
GET /admin/org                           admin   /admin/org              200
GET /admin/users                         editor  /admin/users            403
GET /admin/users                         admin   /admin/users            200
GET /admin/audit                         revdk   /admin/audit            403
POST /admin/users                        anon    /admin/users            403
POST /admin/users                        editor  /admin/users            403
GET /admin/campaigns/new                 admin   /admin/campaigns/new    200
GET /admin/campaigns/new                 editor  /admin/campaigns/new    403
POST /admin/campaigns                    anon    /admin/campaigns        403
POST /admin/campaigns                    editor  /admin/campaigns        403
POST /admin/org                          anon    /admin/org              403
POST /admin/org                          editor  /admin/org              403
POST /admin/org/close                    anon    /admin/org/close        403
POST /admin/org/close                    revdk   /admin/org/close        403
GET /admin/org/:code                     anon    /admin/org/31DK001      303
GET /admin/org/:code                     revdk   /admin/org/31DK001      403
GET /admin/org/:code                     qtdk    /admin/org/31DK001      200
GET /admin/org/:code                     qtdk    /admin/org/31LC001      403
GET /admin/org/:code                     admin   /admin/org/khong-co     404
POST /admin/org/:code/edit               anon    /admin/org/31DK001/edit 403
POST /admin/org/:code/edit               revdk   /admin/org/31DK001/edit 403
POST /admin/org/:code/edit               qtdk    /admin/org/31LC001/edit 403
POST /admin/org/:code/edit               qtdk    /admin/org/31DK/edit    403
POST /admin/org/:code/edit               qtdk    /admin/org/31DK001/edit 303
POST /admin/org/:code/contact            anon    /admin/org/31DK001/contact 403
POST /admin/org/:code/contact            revdk   /admin/org/31DK001/contact 403
POST /admin/org/:code/contact            qtdk    /admin/org/31LC001/contact 403
POST /admin/org/:code/contact            qtdk    /admin/org/31DK/contact 403
POST /admin/org/:code/contact            qtdk    /admin/org/31DK001/contact 303
GET /admin/users/:login                  anon    /admin/users/cv.dk      303
GET /admin/users/:login                  editor  /admin/users/cv.dk      403
GET /admin/users/:login                  qtdk    /admin/users/cv.dk      200
GET /admin/users/:login                  qtdk    /admin/users/cv.so      404
POST /admin/users/:login                 anon    /admin/users/cv.dk      403
POST /admin/users/:login                 revdk   /admin/users/cv.dk      403
POST /admin/users/:login                 qtdk    /admin/users/qt.lc      403
POST /admin/users/:login                 qtdk    /admin/users/qt.dk      403
POST /admin/users/:login                 qtdk    /admin/users/cv.dk      303
POST /admin/users/:login/contact         anon    /admin/users/cv.dk/contact 403
POST /admin/users/:login/contact         editor  /admin/users/cv.dk/contact 403
POST /admin/users/:login/contact         qtdk    /admin/users/qt.lc/contact 403
POST /admin/users/:login/contact         qtdk    /admin/users/cv.dk/contact 303
POST /admin/users/:login/reset           anon    /admin/users/cv.dk/reset 403
POST /admin/users/:login/reset           editor  /admin/users/cv.dk/reset 403
POST /admin/users/:login/reset           revdk   /admin/users/cv.dk/reset 403
POST /admin/users/:login/reset           qtdk    /admin/users/qt.lc/reset 403
POST /admin/users/:login/reset           qtdk    /admin/users/qt.dk/reset 403
POST /admin/users/:login/reset           qtdk    /admin/users/cv.dk/reset 200
POST /api/users/:login/reset-password    anon    /api/users/cv.dk/reset-password 401
GET /admin/campaigns/:id                 anon    /admin/campaigns/1      303
GET /admin/campaigns/:id                 revso   /admin/campaigns/1      403
GET /admin/campaigns/:id                 qtdk    /admin/campaigns/1      403
GET /admin/campaigns/:id                 admin   /admin/campaigns/1      200
GET /admin/campaigns/:id                 admin   /admin/campaigns/999    404
POST /admin/campaigns/:id                anon    /admin/campaigns/1      403
POST /admin/campaigns/:id                editor  /admin/campaigns/1      403
POST /admin/campaigns/:id                qtdk    /admin/campaigns/1      403
POST /admin/campaigns/:id                admin   /admin/campaigns/1      303
POST /admin/campaigns/:id/units          anon    /admin/campaigns/1/units 403
POST /admin/campaigns/:id/units          editor  /admin/campaigns/1/units 403
POST /admin/campaigns/:id/units          revso   /admin/campaigns/1/units 403
POST /admin/campaigns/:id/units          qtdk    /admin/campaigns/1/units 403
POST /admin/campaigns/:id/units          admin   /admin/campaigns/999/units 404
POST /admin/campaigns/:id/units          admin   /admin/campaigns/1/units 422
GET /admin/import                        admin   /admin/import           200
GET /admin/import                        editor  /admin/import           403
POST /admin/import                       anon    /admin/import           403
POST /admin/import                       editor  /admin/import           403
GET /admin/audit                         admin   /admin/audit?action=session. 200
GET /campaigns/:id/units/:code/report   anon    $(U "$OWN")/report      303
GET /campaigns/:id/units/:code/report   editor  $(U "$OWN")/report      200
GET /campaigns/:id/units/:code/report   editor  $(U "$DKSUB")/report    403
GET /campaigns/:id/units/:code/report   revdk   $(U "$DKSUB")/report    200
GET /campaigns/:id/units/:code/report   revlc   $(U "$DKSUB")/report    403
GET /campaigns/:id/units/:code/report   revdk   $(U 31DK)/report        200
GET /campaigns/:id/units/:code/report   revlc   $(U 31DK)/report        403
GET /campaigns/:id/units/:code/report   revso   $(U 31DK)/report        200
GET /campaigns/:id/units/:code/report   revdk   /campaigns/2/units/31DK/report 200
GET /campaigns/:id/units/:code/report   revlc   /campaigns/2/units/31DK/report 403
GET /campaigns/:id/units/:code/report   revso   /campaigns/2/units/31DK/report 200
POST /campaigns/:id/units/:code/report  anon    $(U "$OWN")/report      403
POST /campaigns/:id/units/:code/report  editor  $(U "$OWN")/report      303
POST /campaigns/:id/units/:code/report  editor  $(U "$DKSUB")/report    403
POST /campaigns/:id/units/:code/report  revdk   $(U "$OWN")/report      403
POST /campaigns/:id/units/:code/report  revdk   $(U 31DK)/report        303
POST /campaigns/:id/units/:code/report  revso   $(U 31DK)/report        403
POST /campaigns/:id/units/:code/report/phan-mem anon $(U "$OWN")/report/phan-mem 403
POST /campaigns/:id/units/:code/report/phan-mem revdk $(U "$OWN")/report/phan-mem 403
POST /campaigns/:id/units/:code/report/phan-mem editor $(U "$DKSUB")/report/phan-mem 403
POST /campaigns/:id/units/:code/report/phan-mem editor $(U "$OWN")/report/phan-mem 303
POST /campaigns/:id/units/:code/report/ban-da-ky anon $(U "$DKSUB")/report/ban-da-ky 403
POST /campaigns/:id/units/:code/report/ban-da-ky revdk $(U "$DKSUB")/report/ban-da-ky 403
POST /campaigns/:id/units/:code/report/ban-da-ky editor $(U "$DKSUB")/report/ban-da-ky 403
POST /campaigns/:id/units/:code/report/ban-da-ky headsub $(U "$DKSUB")/report/ban-da-ky 422
GET /campaigns/:id/units/:code/report/ban-da-ky.pdf anon $(U "$DKSUB")/report/ban-da-ky.pdf 303
GET /campaigns/:id/units/:code/report/ban-da-ky.pdf revlc $(U "$DKSUB")/report/ban-da-ky.pdf 403
GET /campaigns/:id/units/:code/report/ban-da-ky.pdf editor $(U "$DKSUB")/report/ban-da-ky.pdf 403
GET /campaigns/:id/units/:code/report/ban-da-ky.pdf revdk $(U "$DKSUB")/report/ban-da-ky.pdf 404
GET /campaigns/:id/units/:code/report/:file anon $(U "$OWN")/report/tu-danh-gia.csv 303
GET /campaigns/:id/units/:code/report/:file editor $(U "$OWN")/report/tu-danh-gia.csv 200
GET /campaigns/:id/units/:code/report/:file editor $(U "$DKSUB")/report/tu-danh-gia.csv 403
GET /campaigns/:id/units/:code/report/:file revdk $(U "$OWN")/report/tu-danh-gia.csv 200
GET /campaigns/:id/units/:code/report/:file revlc $(U "$OWN")/report/tu-danh-gia.csv 403
GET /campaigns/:id/units/:code/report/:file editor $(U "$OWN")/report/phu-luc-3.csv 422
GET /campaigns/:id/units/:code/report/:file editor $(U "$OWN")/report/khong-co.csv 404
GET /campaigns/:id/units/:code/report/:file editor $(U "$OWN")/report/tu-danh-gia.exe 404
GET /campaigns/:id/units/:code/report/:file revdk $(U 31DK)/report/phu-luc-3.csv 200
GET /campaigns/:id/units/:code/report/:file revdk $(U 31DK)/report/danh-sach.csv?submitted=1 200
GET /campaigns/:id/units/:code/report/:file revlc $(U 31DK)/report/phu-luc-3.csv 403
GET /campaigns/:id/units/:code/report/:file revdk /campaigns/2/units/31DK/report/phu-luc-3.csv 200
GET /campaigns/:id/units/:code/report/:file revlc /campaigns/2/units/31DK/report/phu-luc-3.csv 403
GET /campaigns/:id/units/:code/report/:file editor $(U 31DK)/report/phu-luc-3.csv 403
GET /campaigns/:id/units/:code/report/:file anon $(U 31DK)/report/ket-qua.xlsx 303
GET /campaigns/:id/units/:code/report/:file revdk $(U 31DK)/report/ket-qua.xlsx 200
GET /campaigns/:id/units/:code/report/:file revlc $(U 31DK)/report/ket-qua.xlsx 403
GET /campaigns/:id/units/:code/report/:file editor $(U 31DK)/report/ket-qua.xlsx 403
GET /campaigns/:id/units/:code/report/:file revdk $(U 31DK)/report/ket-qua.pdf 404
GET /campaigns/:id/units/:code/report/:file revso /campaigns/2/units/31/report/ket-qua.xlsx 422
GET /campaigns/:id/units/:code/report/:file editor $(U "$OWN")/report/qd-phe-duyet.pdf 200
GET /campaigns/:id/units/:code/report/:file editor $(U "$OWN")/report/bien-ban.docx 200
GET /campaigns/:id/units/:code/report/:file revdk $(U "$OWN")/report/qd-ban-chi-dao.pdf 200
GET /campaigns/:id/units/:code/report/:file revlc $(U "$OWN")/report/qd-phe-duyet.pdf 403
GET /campaigns/:id/units/:code/report/:file editor $(U "$DKSUB")/report/qd-phe-duyet.pdf 403
GET /campaigns/:id/units/:code/report/:file revdk $(U 31DK)/report/cong-van.pdf 200
GET /campaigns/:id/units/:code/report/:file revso $(U 31DK)/report/cong-van.pdf 200
GET /campaigns/:id/units/:code/report/:file revlc $(U 31DK)/report/cong-van.pdf 403
GET /campaigns/:id/units/:code/report/:file editor $(U 31DK)/report/cong-van.pdf 403
GET /campaigns/:id/units/:code/report/:file editor $(U "$OWN")/report/cong-van.pdf 422
GET /api/campaigns/:id/units/:code/report-fields anon /api/campaigns/1/units/$OWN/report-fields 401
GET /api/campaigns/:id/units/:code/report-fields editor /api/campaigns/1/units/$OWN/report-fields 200
GET /api/campaigns/:id/units/:code/report-fields revlc /api/campaigns/1/units/$OWN/report-fields 403
POST /api/campaigns/:id/units/:code/report-fields anon /api/campaigns/1/units/$OWN/report-fields 401
GET /api/campaigns/:id/units/:code/reports/:file anon /api/campaigns/1/units/$OWN/reports/tu-danh-gia.csv 401
GET /api/campaigns/:id/units/:code/reports/:file revdk /api/campaigns/1/units/$OWN/reports/tu-danh-gia.csv 200
GET /api/campaigns/:id/units/:code/reports/:file revlc /api/campaigns/1/units/$OWN/reports/tu-danh-gia.csv 403
GET /search                              anon    /search                 303
GET /search                              revdk   /search?q=truong%20thcs 200
GET /campaigns/:id                       obs     /campaigns/1            200
GET /campaigns/:id/queue                 obs     /campaigns/1/queue?unit=31LC 200
GET /campaigns/:id/units/:code           obs     $(U "$LCSUB")           200
GET /campaigns/:id/units/:code/submitted obs    $(U "$LCSUB")/submitted 200
POST /campaigns/:id/units/:code/save     obs     $(U "$OWN")/save        403
POST /campaigns/:id/units/:code/evidence obs     $(U "$OWN")/evidence    403
POST /campaigns/:id/units/:code/:action  obs     $(U "$LCSUB")/approve   403
POST /campaigns/:id/units/:code/:action  obs     $(U "$LCSUB")/return    403
POST /campaigns/:id/units/:code/:action  obs     $(U "$LCSUB")/external  403
GET /api/campaigns/:id/units/:code       obs     /api/campaigns/1/units/$OWN 200
GET /api/campaigns/:id/units/:code/evidence obs /api/campaigns/1/units/$OWN/evidence 200
GET /campaigns/:id/units/:code/report   obs     $(U 31DK)/report        200
POST /campaigns/:id/units/:code/report  obs     $(U 31DK)/report        403
POST /campaigns/:id/units/:code/report  obs     $(U "$OWN")/report      403
GET /campaigns/:id/units/:code/report/:file obs $(U 31DK)/report/phu-luc-3.csv 200
GET /campaigns/:id/units/:code/report/:file obs $(U "$OWN")/report/tu-danh-gia.csv 200
GET /admin/org                           obs     /admin/org              403
GET /admin/users                         obs     /admin/users            403
GET /api/users                           obs     /api/users              403
GET /admin/audit                         obs     /admin/audit            403
GET /admin/campaigns/new                 obs     /admin/campaigns/new    403
POST /admin/campaigns                    obs     /admin/campaigns        403
POST /admin/org                          obs     /admin/org              403
POST /admin/users/:login                 obs     /admin/users/cv.dk      403
GET /search                              obs     /search?q=truong%20thcs 200
GET /campaigns/:id/units/:code/years     anon    $(U "$OWN")/years       303
GET /campaigns/:id/units/:code/years     editor  $(U "$OWN")/years       200
GET /campaigns/:id/units/:code/years     editor  $(U "$DKSUB")/years     403
GET /campaigns/:id/units/:code/years     revdk   $(U "$DKSUB")/years     200
GET /campaigns/:id/units/:code/years     revdk   $(U "$LCSUB")/years     403
GET /campaigns/:id/units/:code/years     revso   $(U "$LCSUB")/years     200
GET /campaigns/:id/units/:code/years     obs     $(U "$LCSUB")/years     200
GET /campaigns/:id/units/:code/years     revdk   /campaigns/999/units/$DKSUB/years 404
GET /campaigns/:id/units/:code/years/bieu-do.svg anon $(U "$OWN")/years/bieu-do.svg 303
GET /campaigns/:id/units/:code/years/bieu-do.svg editor $(U "$OWN")/years/bieu-do.svg 200
GET /campaigns/:id/units/:code/years/bieu-do.svg editor $(U "$DKSUB")/years/bieu-do.svg 403
GET /campaigns/:id/units/:code/years/bieu-do.svg revlc $(U "$DKSUB")/years/bieu-do.svg 403
GET /campaigns/:id/units/:code/years/bieu-do.svg obs $(U "$DKSUB")/years/bieu-do.svg 200
GET /campaigns/:id/units/:code/plan      anon    $(U "$OWN")/plan        303
GET /campaigns/:id/units/:code/plan      editor  $(U "$OWN")/plan        200
GET /campaigns/:id/units/:code/plan      editor  $(U "$DKSUB")/plan      403
GET /campaigns/:id/units/:code/plan      revdk   $(U "$DKSUB")/plan      200
GET /campaigns/:id/units/:code/plan      revlc   $(U "$DKSUB")/plan      403
GET /campaigns/:id/units/:code/plan      obs     $(U "$LCSUB")/plan      200
POST /campaigns/:id/units/:code/plan     anon    $(U "$OWN")/plan        403
POST /campaigns/:id/units/:code/plan     editor  $(U "$DKSUB")/plan      403
POST /campaigns/:id/units/:code/plan     revdk   $(U "$DKSUB")/plan      403
POST /campaigns/:id/units/:code/plan     obs     $(U "$LCSUB")/plan      403
POST /campaigns/:id/units/:code/plan     editor  $(U "$OWN")/plan        409
GET /api/campaigns/:id/units/:code/plan  anon    /api$(U "$OWN")/plan    401
GET /api/campaigns/:id/units/:code/plan  editor  /api$(U "$OWN")/plan    200
GET /api/campaigns/:id/units/:code/plan  editor  /api$(U "$DKSUB")/plan  403
GET /api/campaigns/:id/units/:code/plan  revdk   /api$(U "$DKSUB")/plan  200
GET /api/campaigns/:id/units/:code/plan  revlc   /api$(U "$DKSUB")/plan  403
GET /api/campaigns/:id/units/:code/plan  obs     /api$(U "$LCSUB")/plan  200
PUT /api/campaigns/:id/units/:code/plan  anon    /api$(U "$OWN")/plan    401
PUT /api/campaigns/:id/units/:code/plan  editor  /api$(U "$DKSUB")/plan  403
PUT /api/campaigns/:id/units/:code/plan  revdk   /api$(U "$DKSUB")/plan  403
PUT /api/campaigns/:id/units/:code/plan  revso   /api$(U "$DKSUB")/plan  403
PUT /api/campaigns/:id/units/:code/plan  obs     /api$(U "$LCSUB")/plan  403
PUT /api/campaigns/:id/units/:code/plan  editor  /api$(U "$OWN")/plan    409
GET /jobs                                anon    /jobs                   303
GET /jobs                                editor  /jobs                   200
POST /jobs                               anon    /jobs                   403
POST /jobs                               editor  /jobs                   422
GET /jobs/:id                            anon    /jobs/1                 303
GET /jobs/:id                            editor  /jobs/999999            404
GET /jobs/:id/tien-do                    anon    /jobs/1/tien-do         303
GET /jobs/:id/tien-do                    revdk   /jobs/999999/tien-do    404
GET /jobs/:id/tep                        anon    /jobs/1/tep             303
GET /jobs/:id/tep                        revso   /jobs/999999/tep        404
POST /jobs/:id/huy                       anon    /jobs/1/huy             403
POST /jobs/:id/huy                       editor  /jobs/999999/huy        404
ROWS
while read -r method pattern actor target want; do
	args=()
	[ "$actor" != anon ] && args=(-b "${JAR[$actor]}")
	if [ "$method" = POST ]; then
		token=
		[ "$actor" != anon ] && token=$(csrf "${JAR[$actor]}" /password)
		# A submission page's forms carry the revision it showed.
		r=
		[ "$actor" != anon ] && r=$(rev "${JAR[$actor]}" "${target%/*}")
		[ -n "$r" ] && args+=(--data-urlencode "rev=$r")
		args+=(--data-urlencode "_csrf=$token" --data-urlencode "n:1.4=ghi chú"
		       --data-urlencode "current=sai" --data-urlencode "next=mat-khau-moi")
	fi
	if [ "$method" = PUT ]; then # the API: its token in X-CSRF-Token
		[ "$actor" != anon ] && args+=(-H "X-CSRF-Token: $(curl -s -b "${JAR[$actor]}" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')")
		args+=(-X PUT -H 'Content-Type: application/json' --data-binary '{"items": [{"item": "1.3a"}]}')
	fi
	req "authz $method $target as $actor" "$want" "${args[@]}" "$BASE$target"
done <"$MATRIX"
# --- year over year (issue 16): the school sees its four QĐ 4725 years,
# the past ones approved; the commune office that reviews it since
# 1/7/2025 sees only 2025-2026 (the earlier rounds froze the Phòng above
# it); the Sở sees every year. Each year's cells come from the stored
# summary of that year's submission.
req years-own 200 -b "${JAR[editor]}" "$BASE$(U "$OWN")/years"
for y in 2022-2023 2023-2024 2024-2025 "2025-2026 (Bản nháp)"; do
	has "years-own-$y" "$OUT" "<th scope=\"col\" class=\"num\">$y</th>"
done
YPTS=$(q "SELECT g.reviewed_points / 100 FROM submission s JOIN org_unit o ON o.id = s.unit_id JOIN campaign c ON c.id = s.campaign_id JOIN submission_score g ON g.submission_id = s.id WHERE o.code = '$OWN' AND c.school_year = '2022-2023' AND c.rubric_id = 'qd4725-2022-pt' AND g.grp = 0 AND g.reviewed_points % 100 = 0")
[ -n "$YPTS" ] && has years-own-2022-points "$OUT" ">$YPTS điểm, Mức độ "
has years-chart-img "$OUT" 'src="/campaigns/1/units/'"$OWN"'/years/bieu-do.svg"'
has years-chart-data "$OUT" "Số liệu của biểu đồ “Điểm từng nhóm tiêu chí qua các năm học”"
req years-dk 200 -b "${JAR[revdk]}" "$BASE$(U "$DKSUB")/years"
hasnt years-dk-no-phong-years "$OUT" ">2024-2025"
req years-so 200 -b "${JAR[revso]}" "$BASE$(U "$DKSUB")/years"
has years-so-all-years "$OUT" ">2022-2023</th>"
req years-svg 200 -b "${JAR[editor]}" "$BASE$(U "$OWN")/years/bieu-do.svg"
has years-svg-type "$ERR" "Content-Type: image/svg+xml"
# The improvement plan (issue 16): the demo's plan of $OWN after its
# approved 2024-2025 result is shown beside the planned item on its
# 2025-2026 form; a new plan is saved, audited, and refused input keeps
# everything ticked and typed.
C2425=$(q "SELECT id FROM campaign WHERE rubric_id = 'qd4725-2022-pt' AND kind = 'cds' AND school_year = '2024-2025'")
PITEM=$(q "SELECT p.item_id FROM improvement_plan p JOIN org_unit o ON o.id = p.unit_id WHERE o.code = '$OWN' AND p.note <> '' ORDER BY p.item_id LIMIT 1")
PNOTE=$(q "SELECT p.note FROM improvement_plan p JOIN org_unit o ON o.id = p.unit_id WHERE o.code = '$OWN' AND p.item_id = '$PITEM'")
if [ -n "$PITEM" ]; then ok plan-demo-has-one; else bad plan-demo-has-one; fi
req plan-shown-next-year 200 -b "${JAR[editor]}" "$BASE$(U "$OWN")"
has plan-shown-note "$OUT" "<strong>Kế hoạch năm trước (2024-2025):</strong> $PNOTE"
PU="/campaigns/$C2425/units/$OWN/plan"
req plan-page 200 -b "${JAR[editor]}" "$BASE$PU"
has plan-page-ticked "$OUT" "value=\"$PITEM\" id=\"plan-$PITEM\" checked"
TOKEN=$(csrf "${JAR[editor]}" "$PU")
AUD=$(q "SELECT count(*) FROM audit WHERE action = 'plan.save'")
req plan-save 303 -b "${JAR[editor]}" --data-urlencode "_csrf=$TOKEN" \
	--data-urlencode "plan=1.3a" --data-urlencode "note:1.3a=Mua máy chiếu cho 5 phòng" "$BASE$PU"
if [ "$(q "SELECT p.item_id || '=' || p.note FROM improvement_plan p JOIN org_unit o ON o.id = p.unit_id WHERE o.code = '$OWN' AND p.campaign_id = $C2425 ORDER BY p.item_id" | paste -sd,)" = "1.3a=Mua máy chiếu cho 5 phòng" ]; then ok plan-saved; else bad plan-saved; fi
if [ "$(q "SELECT count(*) FROM audit WHERE action = 'plan.save'")" = $((AUD + 1)) ]; then ok plan-audited; else bad plan-audited; fi
req plan-bad-item 422 -b "${JAR[editor]}" --data-urlencode "_csrf=$TOKEN" \
	--data-urlencode "plan=1.3b" --data-urlencode "note:1.3b=Ghi chú còn giữ" --data-urlencode "plan=9.9" "$BASE$PU"
has plan-bad-item-says "$OUT" "9.9: không có nội dung này trong bộ chỉ số"
has plan-bad-item-kept "$OUT" 'value="Ghi chú còn giữ"'
if [ "$(q "SELECT p.item_id FROM improvement_plan p JOIN org_unit o ON o.id = p.unit_id WHERE o.code = '$OWN' AND p.campaign_id = $C2425 ORDER BY p.item_id" | paste -sd,)" = "1.3a" ]; then ok plan-bad-item-nothing-stored; else bad plan-bad-item-nothing-stored; fi
req plan-draft-refused 409 -b "${JAR[editor]}" --data-urlencode "_csrf=$TOKEN" --data-urlencode "plan=1.3a" "$BASE$(U "$OWN")/plan"
has plan-draft-refused-says "$OUT" "chỉ lập kế hoạch cải thiện khi kết quả đã được phê duyệt"
req plan-gaps 200 -b "${JAR[revso]}" "$BASE/campaigns/$C2425"
has plan-gaps-section "$OUT" "Những nội dung nhiều trường còn thiếu để lên mức"
# The plan through the API (GET/PUT …/plan): the same use case as the
# form, audited; a bad item is named and nothing changes.
PTOK=$(curl -s -b "${JAR[editor]}" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
PA="$BASE/api$PU"
put_plan() { # put_plan NAME WANT BODY [CURL ARGS]
	n=$1 w=$2 body=$3
	shift 3
	req "$n" "$w" -b "${JAR[editor]}" -X PUT -H 'Content-Type: application/json' --data-binary "$body" "$@" "$PA"
}
stored_plan() {
	q "SELECT p.item_id || '=' || p.note FROM improvement_plan p JOIN org_unit o ON o.id = p.unit_id WHERE o.code = '$OWN' AND p.campaign_id = $C2425 ORDER BY p.item_id" | paste -sd,
}
AUD=$(q "SELECT count(*) FROM audit WHERE action = 'plan.save'")
put_plan plan-api-save 200 '{"items": [{"item": "2.1", "note": "Mua máy chủ"}, {"item": "1.3b"}]}' -H "X-CSRF-Token: $PTOK"
has plan-api-save-says "$OUT" '"items":2'
if [ "$(stored_plan)" = "1.3b=,2.1=Mua máy chủ" ]; then ok plan-api-saved; else bad plan-api-saved; fi
if [ "$(q "SELECT count(*) FROM audit WHERE action = 'plan.save'")" = $((AUD + 1)) ]; then ok plan-api-audited; else bad plan-api-audited; fi
req plan-api-get 200 -b "${JAR[editor]}" "$PA"
has plan-api-get-items "$OUT" '"items":[{"item":"1.3b","note":""},{"item":"2.1","note":"Mua máy chủ"}]'
put_plan plan-api-bad-item 422 '{"items": [{"item": "1.3a"}, {"item": "9.9"}]}' -H "X-CSRF-Token: $PTOK"
has plan-api-bad-item-says "$OUT" '"error":"9.9: không có nội dung này trong bộ chỉ số"'
put_plan plan-api-twice 422 '{"items": [{"item": "1.3a"}, {"item": "1.3a"}]}' -H "X-CSRF-Token: $PTOK"
has plan-api-twice-says "$OUT" '"error":"1.3a: nội dung được chọn hai lần"'
put_plan plan-api-bad-shape 422 '{"items": [{"item": 5}]}' -H "X-CSRF-Token: $PTOK"
has plan-api-bad-shape-says "$OUT" '"error":"$.items[0]: cần {'
put_plan plan-api-no-items 422 '{"plan": []}' -H "X-CSRF-Token: $PTOK"
put_plan plan-api-no-csrf 403 '{"items": []}'
if [ "$(stored_plan)" = "1.3b=,2.1=Mua máy chủ" ]; then ok plan-api-refused-nothing-stored; else bad plan-api-refused-nothing-stored; fi
req plan-api-post-no-such-action 405 -b "${JAR[editor]}" -H "X-CSRF-Token: $PTOK" -H 'Content-Type: application/json' --data-binary '{"items": []}' "$PA"
# The office dashboard across years: the Sở has all four rounds, each
# counted over its own participants; the commune office only 2025-2026.
req years-office-so 200 -b "${JAR[revso]}" "$BASE/campaigns/1"
has years-office-section "$OUT" "Kết quả theo mức qua các năm học"
N2022=$(q "SELECT count(*) FROM submission s JOIN campaign c ON c.id = s.campaign_id WHERE c.school_year = '2022-2023' AND c.rubric_id = 'qd4725-2022-pt' AND c.kind = 'cds' AND s.state IN ('approved', 'published')")
has years-office-2022-total "$OUT" "<th scope=\"row\">2022-2023</th><td>Tổng số ($N2022 CSGD)</td>"
has years-office-chart "$OUT" 'src="/campaigns/1/units/31/report/bieu-do-3.svg"'
req years-office-chart-svg 200 -b "${JAR[revso]}" "$BASE/campaigns/1/units/31/report/bieu-do-3.svg"
req years-office-dk 200 -b "${JAR[revdk]}" "$BASE/campaigns/1"
has years-office-dk-now "$OUT" "<th scope=\"row\">2025-2026</th>"
hasnt years-office-dk-no-phong "$OUT" "<th scope=\"row\">2024-2025</th>"
"$T" serve --list-routes | while read -r method pattern _; do
	if grep -q "^$method $pattern " "$MATRIX"; then echo "covered"; else echo "MISSING $method $pattern"; fi
done >"$W/coverage"
if grep -q MISSING "$W/coverage"; then cat "$W/coverage" >"$ERR"; bad "authz-matrix-covers-every-route"; else ok "authz-matrix-covers-every-route"; fi


# --- documents: typed fields round-trip, escaping, all-or-nothing saves
RP="$(U "$OWN")/report"
TOK=$(csrf "${JAR[editor]}" "$RP")
req report-save-hostile 303 -b "${JAR[editor]}" --data-urlencode "_csrf=$TOK" --data-urlencode 'f:nguoi_ky=<script>alert(1)</script> "onerror=x' --data-urlencode 'f:thuan_loi=Dòng một
Dòng hai' "$BASE$RP"
req report-page-escaped 200 -b "${JAR[editor]}" "$BASE$RP"
hasnt report-no-raw-script "$OUT" "<script>alert(1)"
has report-escaped-script "$OUT" "&lt;script&gt;alert(1)&lt;/script&gt; &quot;onerror=x"
req report-bad-date 422 -b "${JAR[editor]}" --data-urlencode "_csrf=$TOK" --data-urlencode "f:dia_danh=Nơi mới" --data-urlencode "f:ngay_ban_hanh=2026-02-30" "$BASE$RP"
has report-bad-date-named "$OUT" "Ngày ban hành"
req report-unknown-field 422 -b "${JAR[editor]}" --data-urlencode "_csrf=$TOK" --data-urlencode "f:gv_thua=3" "$BASE$RP"
req report-forged-csrf 403 -b "${JAR[editor]}" --data-urlencode "_csrf=00ff" --data-urlencode "f:dia_danh=Giả" "$BASE$RP"
hasnt report-untouched "$(q "SELECT value FROM doc_field WHERE name = 'dia_danh'" >"$W/df"; echo "$W/df")" "Nơi mới"
req report-csv 200 -b "${JAR[editor]}" "$BASE$RP/tu-danh-gia.csv"
has report-csv-disposition "$ERR" 'filename="tu-danh-gia-dot1-'
has report-csv-bom "$OUT" "$(printf '\357\273\277')Kết quả tự đánh giá"
# The default dialect for Excel under Vietnamese settings (';'), the
# other on request; an unknown one is refused (docs/reports.md, CSV).
has report-csv-semicolons "$OUT" "STT;Tiêu chí;Điểm tối đa"
req report-csv-intl 200 -b "${JAR[editor]}" "$BASE$RP/tu-danh-gia.csv?csv=intl"
has report-csv-intl-commas "$OUT" "STT,Tiêu chí,Điểm tối đa"
req report-csv-bad-dialect 400 -b "${JAR[editor]}" "$BASE$RP/tu-danh-gia.csv?csv=excel"
has report-csv-bad-dialect-says "$OUT" "Tham số csv phải là vn"
req report-school-chart 200 -b "${JAR[editor]}" "$BASE$RP/bieu-do-1.svg"
has report-school-chart-svg "$ERR" "Content-Type: image/svg+xml"
has report-school-chart-body "$OUT" "<svg"
req report-school-chart-gzip 200 -b "${JAR[editor]}" -H 'Accept-Encoding: gzip' "$BASE$RP/bieu-do-1.svg"
has report-school-chart-gzip-encoded "$ERR" "Content-Encoding: gzip"
if gzip -dc "$OUT" 2>/dev/null | grep -qF "<svg"; then ok report-school-chart-gzip-body; else bad report-school-chart-gzip-body; fi
req report-chart-missing 404 -b "${JAR[editor]}" "$BASE$RP/bieu-do-9.svg"
req report-chart-bad-name 404 -b "${JAR[editor]}" "$BASE$RP/bieu-do-1x.svg"
req report-office-chart 200 -b "${JAR[revdk]}" "$BASE$(U 31DK)/report/bieu-do-2.svg"
req report-office-chart-outside 403 -b "${JAR[revlc]}" "$BASE$(U 31DK)/report/bieu-do-1.svg"
req report-page-charts 200 -b "${JAR[editor]}" "$BASE$RP"
has report-page-chart-img "$OUT" 'src="'"$RP"'/bieu-do-2.svg"'
# The page shows exactly the document's charts (report_charts), with
# their titles: the graded Thủ Dầu Một summary has one, of the grades.
req report-page-graded 200 -b "${JAR[revdk]}" "$BASE/campaigns/3/units/31DK/report"
has report-page-graded-chart "$OUT" 'alt="Tỷ lệ CSGD theo xếp loại (số liệu ở bảng dưới)"'
hasnt report-page-graded-one-chart "$OUT" "/bieu-do-2.svg"
req report-graded-chart 200 -b "${JAR[revdk]}" "$BASE/campaigns/3/units/31DK/report/bieu-do-1.svg"
has report-graded-chart-svg "$OUT" "<svg"
# The check page before submitting offers the approval decision that QĐ
# 4725 asks the head for (issue 16 item 2).
req check-offers-approval 200 -b "${JAR[editor]}" "$BASE$(U "$OWN")/check"
has check-offers-approval-link "$OUT" "/report/qd-phe-duyet.pdf"
has check-offers-approval-text "$OUT" "khoản 6 Điều 1"
# The signed copy (issue 16 item 3): the school's head uploads the scan
# of its signed report (a PDF, checked by content), the Phòng downloads
# the same bytes and filters its queue by who has sent theirs.
SG="$(U "$DKSUB")/report"
"$T" --db "$DB" report tu-danh-gia --campaign 1 --unit "$DKSUB" --format pdf -o "$W/signed.pdf" >/dev/null 2>&1
printf 'not a pdf' >"$W/signed.txt"
STOK=$(csrf "${JAR[headsub]}" "$SG")
req signed-page-form 200 -b "${JAR[headsub]}" "$BASE$SG"
has signed-page-upload-form "$OUT" 'action="/campaigns/1/units/'"$DKSUB"'/report/ban-da-ky"'
req signed-not-pdf 422 -b "${JAR[headsub]}" -F "_csrf=$STOK" -F "file=@$W/signed.txt" "$BASE$SG/ban-da-ky"
has signed-not-pdf-says "$OUT" "chỉ nhận tệp PDF"
req signed-draft-refused 422 -b "${JAR[editor]}" -F "_csrf=$(csrf "${JAR[editor]}" "$(U "$OWN")/report")" -F "file=@$W/signed.pdf" "$BASE$(U "$OWN")/report/ban-da-ky"
has signed-draft-refused-says "$OUT" "sau khi đã nộp"
req queue-none-signed 200 -b "${JAR[revdk]}" "$BASE/campaigns/1/queue?signed=1&unit=31DK"
hasnt queue-none-signed-yet "$OUT" "units/$DKSUB\""
req signed-upload 303 -b "${JAR[headsub]}" -F "_csrf=$STOK" -F "file=@$W/signed.pdf;filename=Báo cáo đã ký.pdf" "$BASE$SG/ban-da-ky"
req signed-download 200 -b "${JAR[revdk]}" "$BASE$SG/ban-da-ky.pdf"
if cmp -s "$OUT" "$W/signed.pdf"; then ok signed-same-bytes; else bad signed-same-bytes; fi
req signed-page-status 200 -b "${JAR[revdk]}" "$BASE$SG"
has signed-page-sha "$OUT" "$(sha256sum "$W/signed.pdf" | cut -c1-64)"
has signed-page-name "$OUT" "Báo cáo đã ký.pdf"
hasnt signed-office-no-form "$OUT" 'report/ban-da-ky" enctype'
req queue-signed 200 -b "${JAR[revdk]}" "$BASE/campaigns/1/queue?signed=1&unit=31DK"
has queue-signed-lists "$OUT" "units/$DKSUB?queue="
req queue-unsigned 200 -b "${JAR[revdk]}" "$BASE/campaigns/1/queue?signed=0&unit=31DK"
hasnt queue-unsigned-not-listed "$OUT" "units/$DKSUB\""
req queue-signed-bad 400 -b "${JAR[revdk]}" "$BASE/campaigns/1/queue?signed=2"
# The software inventory (issue 16 item 4): the school types a table,
# its office sees it summed.
SW="$(U "$OWN")/report"
SWTOK=$(csrf "${JAR[editor]}" "$SW")
req software-bad-total 422 -b "${JAR[editor]}" --data-urlencode "_csrf=$SWTOK" --data-urlencode "sw:0:ten=SMAS" --data-urlencode "sw:0:thu_phi=1" --data-urlencode "sw:0:tong_tien=mười nghìn" "$BASE$SW/phan-mem"
has software-bad-total-says "$OUT" "tổng tiền đã thu phải là số đồng"
req software-save 303 -b "${JAR[editor]}" --data-urlencode "_csrf=$SWTOK" --data-urlencode "sw:0:ten=Phần mềm <b>thử</b>" --data-urlencode "sw:0:muc_dich=Quản lý học sinh" --data-urlencode "sw:0:nha_cung_cap=Viettel" --data-urlencode "sw:0:trong_nuoc=1" --data-urlencode "sw:0:thu_phi=1" --data-urlencode "sw:0:muc_phi=20.000 đồng/tháng" --data-urlencode "sw:0:tong_tien=7200000" --data-urlencode "sw:1:ten=" --data-urlencode "sw:1:thu_phi=0" "$BASE$SW/phan-mem"
req software-page 200 -b "${JAR[editor]}" "$BASE$SW"
has software-page-escaped "$OUT" 'value="Phần mềm &lt;b&gt;thử&lt;/b&gt;"'
if [ "$(q "SELECT count(*) FROM software w JOIN org_unit o ON o.id = w.unit_id WHERE o.code = '$OWN' AND w.campaign_id = 1")" = 1 ]; then ok software-one-row; else bad software-one-row; fi
req software-office 200 -b "${JAR[revdk]}" "$BASE/campaigns/1/units/31DK/report"
has software-office-sum "$OUT" "Phần mềm các trường đang sử dụng"
has software-office-money "$OUT" "7.200.000"
req software-office-other 200 -b "${JAR[revlc]}" "$BASE/campaigns/1/units/31LC/report"
hasnt software-other-office-not "$OUT" "7.200.000"
# The demo's mầm non round is reviewed by the commune offices (issue 16):
# UBND phường Hồng Bàng sees its schools' software summed, on its page
# and in its Phụ lục 3, the total equal to the rows under it.
login "$W/hb" cv.hb
HBSUM=$(q "SELECT sum(w.parents_total) FROM software w JOIN campaign_unit cu
	ON cu.campaign_id = w.campaign_id AND cu.unit_id = w.unit_id JOIN org_unit o
	ON o.id = w.unit_id WHERE w.campaign_id = 2 AND o.code LIKE '31HB%'")
HBMONEY=$(echo "$HBSUM" | sed ':a;s/\B[0-9]\{3\}\>/.&/;ta')
req software-commune-page 200 -b "$W/hb" "$BASE/campaigns/2/units/31HB/report"
has software-commune-sum "$OUT" "Phần mềm các trường đang sử dụng"
has software-commune-total "$OUT" "<td class=\"num\">$HBMONEY</td></tr></tfoot>"
req software-commune-doc 200 -b "$W/hb" "$BASE/campaigns/2/units/31HB/report/phu-luc-3.csv"
has software-commune-doc-total "$OUT" "Tổng số tiền cha mẹ học sinh đã nộp;;;;;$HBSUM"
req software-commune-other 403 -b "$W/hb" "$BASE/campaigns/2/units/31AL/report"
# Every document in every format, from the page route and from the API,
# as the reviewer of each round (the commune office Dương Kinh; the Sở
# for the mầm non round, which it reviews itself): status, type and the
# file's own signature.
for doc in "revdk 1 $OWN tu-danh-gia" "revso 2 31DK001 tu-kiem-tra" "revdk 3 31DK023 cntt" \
	   "revdk 1 31DK phu-luc-3" "revdk 1 31DK danh-sach" "revdk 1 31DK cong-van"; do
	set -- $doc
	who=$1
	shift
	for ext in docx pdf xlsx csv; do
		for via in "/campaigns/$1/units/$2/report/$3.$ext" "/api/campaigns/$1/units/$2/reports/$3.$ext"; do
			req "doc $via" 200 -b "${JAR[$who]}" "$BASE$via"
			case $ext in
			pdf) magic='%PDF-' ;;
			csv) magic=$(printf '\357\273\277') ;;
			*) magic='PK' ;;
			esac
			n=$(printf %s "$magic" | wc -c)
			if [ "$(head -c "$n" "$OUT")" = "$magic" ]; then ok "doc-bytes $via"; else bad "doc-bytes $via"; fi
		done
	done
done
req report-api-fields 200 -b "${JAR[editor]}" "$BASE/api/campaigns/1/units/$OWN/report-fields"
has report-api-has-value "$OUT" '"name":"nguoi_ky"'
ATOK2=$(curl -s -b "${JAR[editor]}" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
req report-api-save 200 -b "${JAR[editor]}" -H "X-CSRF-Token: $ATOK2" -H 'Content-Type: application/json' --data-binary '{"fields":{"dia_danh":"Dương Kinh","so_ky_hieu":"07/BC-TH"}}' "$BASE/api/campaigns/1/units/$OWN/report-fields"
req report-api-bad-int 422 -b "${JAR[editor]}" -H "X-CSRF-Token: $ATOK2" -H 'Content-Type: application/json' --data-binary '{"fields":{"dia_danh":3}}' "$BASE/api/campaigns/1/units/$OWN/report-fields"
req report-api-no-csrf 403 -b "${JAR[editor]}" -H 'Content-Type: application/json' --data-binary '{"fields":{"dia_danh":"X"}}' "$BASE/api/campaigns/1/units/$OWN/report-fields"

# --- evidence through the page (multipart), before the cycle locks the form
EV=$(U "$OWN")
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' >"$W/Kế hoạch số 1.pdf"
cp /bin/true "$W/chuong-trinh.pdf"
truncate -s 51M "$W/lon.pdf"
tok=$(csrf "${JAR[editor]}" "$EV")
req evidence-upload 303 -b "${JAR[editor]}" -F "_csrf=$tok" -F "criterion=1.3" -F "file=@$W/Kế hoạch số 1.pdf" "$BASE$EV/evidence"
req evidence-listed 200 -b "${JAR[editor]}" "$BASE$EV"
has evidence-link "$OUT" ">Kế hoạch số 1.pdf</a>"
EVID=$(grep -o 'href="/evidence/[0-9]*"' "$OUT" | head -1 | tr -dc 0-9)
req evidence-download 200 -b "${JAR[revdk]}" "$BASE/evidence/$EVID"
has evidence-attachment "$ERR" "Content-Disposition: attachment"
has evidence-type "$ERR" "Content-Type: application/pdf"
if cmp -s "$OUT" "$W/Kế hoạch số 1.pdf"; then ok evidence-same-bytes; else bad evidence-same-bytes; fi
# Another Phòng's evidence looks exactly like evidence that does not exist.
req evidence-other-phong 404 -b "${JAR[revlc]}" "$BASE/evidence/$EVID"
cp "$OUT" "$W/ev-other"
req evidence-missing 404 -b "${JAR[revlc]}" "$BASE/evidence/999999"
if sed 's/value="[0-9a-f]*"//' "$OUT" | cmp -s - <(sed 's/value="[0-9a-f]*"//' "$W/ev-other"); then ok evidence-no-existence-oracle; else bad evidence-no-existence-oracle; fi
req evidence-executable-refused 422 -b "${JAR[editor]}" -F "_csrf=$tok" -F "criterion=1.3" -F "file=@$W/chuong-trinh.pdf" "$BASE$EV/evidence"
has evidence-type-message "$OUT" "không được nhận"
req evidence-too-big 413 -b "${JAR[editor]}" -F "_csrf=$tok" -F "criterion=1.3" -F "file=@$W/lon.pdf" "$BASE$EV/evidence"
req evidence-no-file 422 -b "${JAR[editor]}" -F "_csrf=$tok" -F "criterion=1.3" "$BASE$EV/evidence"
req evidence-bad-criterion 422 -b "${JAR[editor]}" -F "_csrf=$tok" -F "criterion=9.9" -F "file=@$W/Kế hoạch số 1.pdf" "$BASE$EV/evidence"
req evidence-no-csrf 403 -b "${JAR[editor]}" -F "criterion=1.3" -F "file=@$W/Kế hoạch số 1.pdf" "$BASE$EV/evidence"
# links and facts as evidence, on the same route (urlencoded forms)
req evidence-link 303 -b "${JAR[editor]}" --data-urlencode "_csrf=$tok" --data-urlencode "criterion=1.4" --data-urlencode "link=https://lms.truong.edu.vn/khoa-hoc?id=42&x=1" "$BASE$EV/evidence"
req evidence-link-js-refused 422 -b "${JAR[editor]}" --data-urlencode "_csrf=$tok" --data-urlencode "criterion=1.4" --data-urlencode "link=javascript:alert(1)" "$BASE$EV/evidence"
has evidence-link-message "$OUT" "phải bắt đầu bằng http:// hoặc https://"
req evidence-link-quote-refused 422 -b "${JAR[editor]}" --data-urlencode "_csrf=$tok" --data-urlencode "criterion=1.4" --data-urlencode 'link=https://x.vn/"onerror=alert(1)' "$BASE$EV/evidence"
req evidence-fact 303 -b "${JAR[editor]}" --data-urlencode "_csrf=$tok" --data-urlencode "criterion=1.4" --data-urlencode 'fact=Số lượng học liệu: 42 <script>alert(3)</script> "onerror=' "$BASE$EV/evidence"
req evidence-fact-empty 422 -b "${JAR[editor]}" --data-urlencode "_csrf=$tok" --data-urlencode "criterion=1.4" --data-urlencode "fact=  " "$BASE$EV/evidence"
has evidence-fact-message "$OUT" "dữ kiện phải có từ 1 đến 500 ký tự"
req evidence-fact-bad-criterion 422 -b "${JAR[editor]}" --data-urlencode "_csrf=$tok" --data-urlencode "criterion=9.9" --data-urlencode "fact=X" "$BASE$EV/evidence"
req evidence-fact-no-csrf 403 -b "${JAR[editor]}" --data-urlencode "criterion=1.4" --data-urlencode "fact=X" "$BASE$EV/evidence"
req evidence-fact-reviewer 403 -b "${JAR[revdk]}" --data-urlencode "_csrf=$(csrf "${JAR[revdk]}" /password)" --data-urlencode "criterion=1.4" --data-urlencode "fact=X" "$BASE$EV/evidence"
req evidence-text-shown 200 -b "${JAR[revdk]}" "$BASE$EV"
has evidence-link-shown "$OUT" '<a href="https://lms.truong.edu.vn/khoa-hoc?id=42&amp;x=1" rel="noopener noreferrer" target="_blank">'
has evidence-fact-shown "$OUT" "Minh chứng (dữ kiện): Số lượng học liệu: 42 &lt;script&gt;alert(3)&lt;/script&gt; &quot;onerror="
hasnt evidence-fact-no-raw "$OUT" "<script>alert(3)"
req evidence-forms 200 -b "${JAR[editor]}" "$BASE$EV"
has evidence-link-input "$OUT" 'type="text" name="link:1.4"'
LINKID=$(q "SELECT id FROM evidence WHERE kind = 'link' LIMIT 1")
req evidence-link-no-download 404 -b "${JAR[revdk]}" "$BASE/evidence/$LINKID"
if [ "$(q "SELECT count(*) FROM audit WHERE action IN ('evidence.link', 'evidence.fact')")" = 2 ]; then ok evidence-text-audited; else bad evidence-text-audited; fi

# --- the JSON API (docs/api.md), on a second draft school
API2=$(q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	WHERE s.campaign_id = 1 AND o.code LIKE '31DK%' AND s.state = 'draft'
	ORDER BY o.code LIMIT 1 OFFSET 1")
login "$W/api" "cntt.$(lower "$API2")"
req api-session 200 -b "$W/api" "$BASE/api/session"
has api-session-role "$OUT" '"role":"school_editor"'
ATOK=$(sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/' "$OUT")
req api-unauthenticated 401 "$BASE/api/campaigns"
has api-json-error "$ERR" "Content-Type: application/json"
req api-campaigns 200 -b "$W/api" "$BASE/api/campaigns"
has api-campaign-listed "$OUT" '"rubric":"qd4725-2022-pt"'
# Who reviews each campaign: the tree (campaign 1, and the mầm non
# campaign 2: the commune offices, issue 16), or its owner (the campaign
# the admin creates below with review_by=owner).
login "$W/apiso" cv.so
req api-campaigns-so 200 -b "$W/apiso" "$BASE/api/campaigns"
if python3 -c 'import json, sys
d = {c["id"]: (c["review_by"], c["kind"]) for c in json.load(open(sys.argv[1]))["campaigns"]}
sys.exit(0 if d.get(1) == ("tree", "cds") and d.get(2) == ("tree", "cds") and d.get(8, ("", "thong-ke"))[1] == "thong-ke" else 1)' "$OUT"
then ok api-campaign-review-by; else cp "$OUT" "$ERR"; bad api-campaign-review-by; fi
AP="/api/campaigns/1/units/$API2"
req api-save-no-csrf 403 -b "$W/api" -H 'Content-Type: application/json' --data-binary "@$ANS" "$BASE$AP/answers"
req api-save-wrong-type 415 -b "$W/api" -H "X-CSRF-Token: $ATOK" -H 'Content-Type: text/plain' --data-binary 'x' "$BASE$AP/answers"
req api-save-invalid 422 -b "$W/api" -H "X-CSRF-Token: $ATOK" -H 'Content-Type: application/json' --data-binary @examples/bad-overmax.json "$BASE$AP/answers"
has api-problems-listed "$OUT" 'không có nội dung mã \"9.9\"'
printf '{"rubric":"qd4725-2022-pt","answers":{"1.4":9.999999999999999999}}' >"$W/precise.json"
req api-save-too-precise 422 -b "$W/api" -H "X-CSRF-Token: $ATOK" -H 'Content-Type: application/json' --data-binary @"$W/precise.json" "$BASE$AP/answers"
has api-too-precise-named "$OUT" 'nội dung 1.4: giá trị 9.999999999999999999 có nhiều hơn 2 chữ số thập phân'
req api-save-other-target 422 -b "$W/api" -H "X-CSRF-Token: $ATOK" -H 'Content-Type: application/json' --data-binary @examples/qd4725-gdtx-duongkinh-2022-2023.json "$BASE$AP/answers"
has api-save-other-year "$OUT" 'tệp trả lời dành cho năm học 2022-2023, không phải năm học 2025-2026 của đợt đánh giá'
req api-save 200 -b "$W/api" -H "X-CSRF-Token: $ATOK" -H 'Content-Type: application/json' --data-binary "@$ANS" "$BASE$AP/answers"
req api-read 200 -b "$W/api" "$BASE$AP"
has api-score "$OUT" '"points":73'
REV=$(sed 's/.*"revision":\([0-9]*\).*/\1/' "$OUT")
req api-stale-revision 409 -b "$W/api" -H "X-CSRF-Token: $ATOK" -H "If-Match: \"$((REV - 1))\"" -H 'Content-Type: application/json' --data-binary "@$ANS" "$BASE$AP/answers"
req api-current-revision 200 -b "$W/api" -H "X-CSRF-Token: $ATOK" -H "If-Match: \"$REV\"" -H 'Content-Type: application/json' --data-binary "@$ANS" "$BASE$AP/answers"
req api-editor-cannot-submit 403 -b "$W/api" -H "X-CSRF-Token: $ATOK" -X POST "$BASE$AP/submit"
login "$W/apih" "ht.$(lower "$API2")"
HTOK=$(curl -s -b "$W/apih" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
AREV=$(curl -s -b "$W/apih" "$BASE$AP" | sed 's/.*"revision":\([0-9]*\).*/\1/')
req api-submit 200 -b "$W/apih" -H "X-CSRF-Token: $HTOK" -H "If-Match: \"$AREV\"" -X POST "$BASE$AP/submit"
has api-submit-version "$OUT" '"version":1'
# Sent again (a retry after a timeout): the same answer, nothing more.
req api-submit-retried 200 -b "$W/apih" -H "X-CSRF-Token: $HTOK" -H "If-Match: \"$AREV\"" -X POST "$BASE$AP/submit"
has api-submit-retried-version "$OUT" '"version":1'
RTOK=$(curl -s -b "${JAR[revdk]}" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
req api-return 200 -b "${JAR[revdk]}" -H "X-CSRF-Token: $RTOK" -H 'Content-Type: application/json' --data-binary '{"reasons":[{"criterion":"2.4","text":"Bổ sung minh chứng thu phí"}]}' "$BASE$AP/return"
req api-status 200 -b "${JAR[revdk]}" "$BASE/api/campaigns/1/status"
has api-status-returned "$OUT" '"returned":'
req api-status-outside 403 -b "${JAR[revdk]}" "$BASE/api/campaigns/1/status?unit=31LC"

# --- the whole cycle through the pages, on the draft school $OWN
P=$(U "$OWN")
FULL=(1.1=1 1.2=1 1.3a=6 1.3b=6 1.3c=6 1.3d=3 1.3e=0 1.4=10 1.5a=12 1.5b=0
      1.6a=7 1.6b=7 1.6c=6 1.7a=5 1.7b=5 1.7c=0 2.1=1 2.2=1 2.3a=5 2.3b=6
      2.3c=20 2.3d=6 2.3e=10 2.3f=10 2.3g=6 2.3h=6 2.4a=6 2.4b=0 2.4c=4)
form_args() { # the seed-003 answers as the form posts them
	for kv in "${FULL[@]}"; do printf -- '--data-urlencode\0v:%s\0' "$kv"; done
}
status_total() { "$T" --db "$DB" campaign status 1 | grep "Tổng cộng"; }
before=$(status_total)
tok=$(csrf "${JAR[editor]}" "$P")
mapfile -d '' F < <(form_args)
req cycle-save-overmax 422 -b "${JAR[editor]}" --data-urlencode "rev=$(rev "${JAR[editor]}" "$P")" --data-urlencode "_csrf=$tok" --data-urlencode "v:1.4=11" "${F[@]}" "$BASE$P/save"
has cycle-overmax-named "$OUT" "nội dung 1.4: điểm tự chấm 11 vượt quá điểm tối đa 10"
has cycle-input-kept "$OUT" 'value="11"'
req cycle-preview 200 -b "${JAR[editor]}" --data-urlencode "_csrf=$tok" "${F[@]}" "$BASE$P/preview"
has cycle-preview-score "$OUT" "73/100 điểm — Mức độ 2"
has cycle-preview-gap "$OUT" "Để đạt Mức độ 3 cần thêm 3 điểm"
hasnt cycle-preview-is-fragment "$OUT" "<html"
req cycle-preview-invalid 422 -b "${JAR[editor]}" --data-urlencode "_csrf=$tok" --data-urlencode "v:1.5a=abc" "$BASE$P/preview"
has cycle-preview-error "$OUT" "nội dung 1.5a: &quot;abc&quot; không phải là một số"
# Numbers as Vietnamese write them: "7,5" and "7.5" alike; more than two
# decimals refused with the item and the value named (never rounded).
req cycle-preview-comma 422 -b "${JAR[editor]}" --data-urlencode "_csrf=$tok" --data-urlencode "v:1.5a=7,5" "$BASE$P/preview"
has cycle-comma-read-as-number "$OUT" "nội dung 1.5a: điểm 7,5 phải là bội số của 1"
req cycle-preview-3-decimals 422 -b "${JAR[editor]}" --data-urlencode "_csrf=$tok" --data-urlencode "v:1.5a=9.999" "$BASE$P/preview"
has cycle-3-decimals-named "$OUT" "nội dung 1.5a: &quot;9.999&quot; có nhiều hơn 2 chữ số thập phân"
req cycle-save-3-decimals 422 -b "${JAR[editor]}" --data-urlencode "rev=$(rev "${JAR[editor]}" "$P")" --data-urlencode "_csrf=$tok" --data-urlencode "v:1.4=9,999" "${F[@]}" "$BASE$P/save"
has cycle-save-3-decimals-named "$OUT" "nội dung 1.4: &quot;9,999&quot; có nhiều hơn 2 chữ số thập phân"
req cycle-autosave 200 -b "${JAR[editor]}" --data-urlencode "rev=$(rev "${JAR[editor]}" "$P")" --data-urlencode "_csrf=$tok" --data-urlencode "_ajax=1" "${F[@]}" "$BASE$P/save"
has cycle-autosave-text "$OUT" "Đã tự động lưu lúc"
req cycle-save 303 -b "${JAR[editor]}" --data-urlencode "rev=$(rev "${JAR[editor]}" "$P")" --data-urlencode "_csrf=$tok" "${F[@]}" --data-urlencode "n:1.4=Số lượng học liệu: 42" "$BASE$P/save"
req cycle-view 200 -b "${JAR[editor]}" "$BASE$P?ok=save"
has cycle-saved-notice "$OUT" "Đã lưu bản nháp."
has cycle-score-73 "$OUT" "73/100 điểm — Mức độ 2 (Mức đáp ứng cơ bản)"
has cycle-score-79 "$OUT" "79/100 điểm — Mức độ 3 (Mức đáp ứng tốt)"
has cycle-note-kept "$OUT" "Số lượng học liệu: 42"
hasnt cycle-editor-cannot-submit "$OUT" "Lưu và nộp"
tok=$(csrf "${JAR[editor]}" "$P")
req cycle-editor-submit-refused 403 -b "${JAR[editor]}" --data-urlencode "rev=$(rev "${JAR[editor]}" "$P")" -d "_csrf=$tok&confirm=1" "$BASE$P/submit"
has cycle-only-head "$OUT" "chỉ hiệu trưởng"
tok=$(csrf "${JAR[head]}" "$P")
req cycle-confirm-page 200 -b "${JAR[head]}" --data-urlencode "rev=$(rev "${JAR[head]}" "$P")" -d "_csrf=$tok" "$BASE$P/submit"
has cycle-confirm-scores "$OUT" "Xác nhận nộp"
SUBREV=$(rev "${JAR[head]}" "$P")
req cycle-submit 303 -b "${JAR[head]}" --data-urlencode "rev=$SUBREV" -d "_csrf=$tok&confirm=1" "$BASE$P/submit"
grep -i '^Location:' "$ERR" >"$W/submit-location"
# The same POST again, as a browser or proxy retries one whose answer was
# lost (issue 14): the same answer, and still one version, one audit row.
req cycle-submit-retried 303 -b "${JAR[head]}" --data-urlencode "rev=$SUBREV" -d "_csrf=$tok&confirm=1" "$BASE$P/submit"
has cycle-submit-retried-same-answer "$ERR" "$(cat "$W/submit-location")"
UNITSUB="SELECT s.id FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$OWN'"
same cycle-submit-retried-one-version "$(q "SELECT count(*) || '|' || max(version) FROM snapshot WHERE submission_id = ($UNITSUB)")" "1|1"
same cycle-submit-retried-one-audit "$(q "SELECT count(*) FROM audit WHERE object = 'submission:1/$OWN' AND action LIKE 'submission.submit%'")" 1
req cycle-submitted 200 -b "${JAR[head]}" "$BASE$P"
has cycle-state-submitted "$OUT" '<span class="state">Đã nộp</span>'
tok=$(csrf "${JAR[revdk]}" "$P")
req cycle-return-needs-reason 422 -b "${JAR[revdk]}" --data-urlencode "rev=$(rev "${JAR[revdk]}" "$P")" -d "_csrf=$tok" "$BASE$P/return"
req cycle-return 303 -b "${JAR[revdk]}" --data-urlencode "rev=$(rev "${JAR[revdk]}" "$P")" --data-urlencode "_csrf=$tok" --data-urlencode "r:1.3=Thiếu đường link LMS <b>gấp</b>" "$BASE$P/return"
req cycle-school-sees-reason 200 -b "${JAR[editor]}" "$BASE$P"
has cycle-reason-shown "$OUT" "Thiếu đường link LMS &lt;b&gt;gấp&lt;/b&gt;"
has cycle-state-returned "$OUT" "Trả lại (yêu cầu bổ sung)"
tok=$(csrf "${JAR[editor]}" "$P")
req cycle-resave 303 -b "${JAR[editor]}" --data-urlencode "rev=$(rev "${JAR[editor]}" "$P")" --data-urlencode "_csrf=$tok" --data-urlencode "v:1.3e=6" "${F[@]}" "$BASE$P/save"
tok=$(csrf "${JAR[head]}" "$P")
req cycle-resubmit 303 -b "${JAR[head]}" --data-urlencode "rev=$(rev "${JAR[head]}" "$P")" -d "_csrf=$tok&confirm=1" "$BASE$P/submit"
req cycle-history 200 -b "${JAR[revdk]}" "$BASE$P"
has cycle-two-versions "$OUT" "Phiên bản 2:"
has cycle-changes-shown "$OUT" "Thay đổi so với lần nộp trước (phiên bản 1 → 2)"
has cycle-changed-item "$OUT" "<td>1.3e</td>"
has cycle-new-score "$OUT" "79/100 điểm — Mức độ 3"
tok=$(csrf "${JAR[revdk]}" "$P")
req cycle-external-form 200 -b "${JAR[revdk]}" "$BASE$P"
has cycle-external-input "$OUT" 'name="xv:1.5a"'
req cycle-external-invalid 422 -b "${JAR[revdk]}" --data-urlencode "rev=$(rev "${JAR[revdk]}" "$P")" --data-urlencode "_csrf=$tok" --data-urlencode "xv:1.5a=99" "$BASE$P/external"
has cycle-external-overmax "$OUT" "nội dung 1.5a: điểm đánh giá ngoài 99 vượt quá điểm tối đa 15"
req cycle-external 303 -b "${JAR[revdk]}" --data-urlencode "rev=$(rev "${JAR[revdk]}" "$P")" --data-urlencode "_csrf=$tok" --data-urlencode "xv:1.5a=10" --data-urlencode "xn:1.5a=Kiểm tra thực tế: 10 điểm" "$BASE$P/external"
req cycle-external-shown 200 -b "${JAR[editor]}" "$BASE$P"
has cycle-reviewed-panel "$OUT" "Kết quả sau đánh giá ngoài"
has cycle-reviewed-score "$OUT" "77/100 điểm — Mức độ 3"
has cycle-external-beside "$OUT" "Kiểm tra thực tế: 10 điểm"
APPREV=$(rev "${JAR[revdk]}" "$P")
req cycle-approve 303 -b "${JAR[revdk]}" --data-urlencode "rev=$APPREV" -d "_csrf=$tok&confirm=1" "$BASE$P/approve"
grep -i '^Location:' "$ERR" >"$W/approve-location"
req cycle-approve-retried 303 -b "${JAR[revdk]}" --data-urlencode "rev=$APPREV" -d "_csrf=$tok&confirm=1" "$BASE$P/approve"
has cycle-approve-retried-same-answer "$ERR" "$(cat "$W/approve-location")"
same cycle-approve-retried-one-audit "$(q "SELECT count(*) FROM audit WHERE object = 'submission:1/$OWN' AND action = 'submission.approve'")" 1
req cycle-publish 303 -b "${JAR[revdk]}" --data-urlencode "rev=$(rev "${JAR[revdk]}" "$P")" -d "_csrf=$tok&confirm=1" "$BASE$P/publish"
req cycle-published 200 -b "${JAR[editor]}" "$BASE$P"
has cycle-state-published "$OUT" "Đã công bố"
tok=$(csrf "${JAR[editor]}" "$P")
req cycle-no-edit-after-publish 409 -b "${JAR[editor]}" --data-urlencode "_csrf=$tok" "${F[@]}" "$BASE$P/save"
after=$(status_total)
if [ "$before" != "$after" ]; then ok cycle-dashboard-changed; else echo "$before" >"$ERR"; bad cycle-dashboard-changed; fi
req dashboard-after 200 -b "${JAR[revso]}" "$BASE/campaigns/1"
has dashboard-levels "$OUT" "Kết quả đánh giá theo mức"
has dashboard-levels-th "$OUT" "CSGD Tiểu học"
req dashboard-levels-unit 200 -b "${JAR[revdk]}" "$BASE/campaigns/1?unit=31DK"
has dashboard-levels-mn-absent "$OUT" "Mức đáp ứng tốt (Mức độ 3)"
req dashboard-levels-outside 403 -b "${JAR[revdk]}" "$BASE/campaigns/1?unit=31LC"

# A half point typed with a comma on the Thủ Dầu Một rubric (step 0,5):
# stored as 2.5, shown back as "2,5".
TDM=$(q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	 WHERE s.campaign_id = 3 AND s.state = 'draft' ORDER BY o.code LIMIT 1")
login "$W/tdm" "cntt.$(lower "$TDM")"
tok=$(csrf "$W/tdm" "/campaigns/3/units/$TDM")
req tdm-preview-comma 200 -b "$W/tdm" --data-urlencode "_csrf=$tok" --data-urlencode "v:1.2=2,5" --data-urlencode "v:1.1=1.5" "$BASE/campaigns/3/units/$TDM/preview"
has tdm-preview-sum "$OUT" ": tạm tính 4/20 điểm"
req tdm-save-comma 303 -b "$W/tdm" --data-urlencode "rev=$(rev "$W/tdm" "/campaigns/3/units/$TDM")" --data-urlencode "_csrf=$tok" --data-urlencode "v:1.2=2,5" "$BASE/campaigns/3/units/$TDM/save"
req tdm-saved 200 -b "$W/tdm" "$BASE/campaigns/3/units/$TDM"
has tdm-value-shown-with-comma "$OUT" 'name="v:1.2" value="2,5"'
has tdm-total-with-comma "$OUT" ": tạm tính 2,5/20 điểm"

# Quận 7, 2.3a on the page: the base chosen (among three, "no software"
# too) and the modules missing with their deduction.
Q7FROM="FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 2"
Q7U=$(qd "SELECT o.code $Q7FROM AND json_array_length(s.answers, '\$.answers.\"2.3a\".present') < 6 ORDER BY o.code LIMIT 1" \
	"SELECT o.code $Q7FROM AND json_array_length(s.answers::json #> '{answers,2.3a,present}') < 6 ORDER BY o.code LIMIT 1")
req q7-page 200 -b "${JAR[revso]}" "$BASE/campaigns/2/units/$Q7U"
has q7-no-software-choice "$OUT" '<option value="khong-co">Chưa triển khai phần mềm quản trị nhà trường (0 điểm)</option>'
has q7-base-chosen "$OUT" "Đã chọn: Phần mềm"
has q7-base-and-missing "$OUT" "phân hệ. Còn thiếu: "
has q7-deduction "$OUT" "điểm).</p>"

# --- rubric view
req rubric-page 200 -b "${JAR[revdk]}" "$BASE/rubrics/qd4725-2022-pt@2"
has rubric-levels "$OUT" "Mức 1: dưới 10; Mức 2: từ 10 đến 20; Mức 3: trên 20"
has rubric-gate "$OUT" "Điều kiện bắt buộc"
has rubric-thirds "$OUT" "Mức 1: dưới 6,67; Mức 2: từ 6,67 đến 13,33; Mức 3: trên 13,33 (suy luận)"
has rubric-lms-heading "$OUT" "<td>Triển khai hệ thống LMS/LCMS (cung cấp thông tin: tên giải pháp; tự xây dựng/thuê/mua) có các chức năng:</td><td></td><td></td><td></td><td>Không chấm điểm</td>"
# Provenance notes of the rubric file are for `rubric show --sources`
# only; the page says which rules are unverified, not where they came
# from (issue 18 item 13).
hasnt rubric-no-source-notes "$OUT" "Đã xác minh (văn bản gốc"
hasnt rubric-no-item-sources "$OUT" "danh mục tiêu chí của bên thứ ba"
has rubric-unverified-marked "$OUT" "(chưa xác minh)"
req form-lms-heading 200 -b "${JAR[revdk]}" "$BASE$P"
has form-lms-heading-above-1.3b "$OUT" "<p><strong>Triển khai hệ thống LMS/LCMS (cung cấp thông tin: tên giải pháp; tự xây dựng/thuê/mua) có các chức năng:</strong></p><div class=\"item\"><label for=\"f-1.3b\" class=\"q\">1.3b. (1) Giáo viên giao bài giảng"

# --- importing a list of schools from the page (multipart)
printf 'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Cấp học\n31DK901,Trường Tiểu học Thử Nghiệm,Trường,31DK,TH\n' >"$W/ds.csv"
printf 'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Cấp học\n31DK902,Trường A,Bệnh viện,31DK,TH\n31DK903,Trường B,Trường,31LC9,TH\n' >"$W/sai.csv"
tok=$(csrf "${JAR[admin]}" /admin/import)
req import-dry-run 200 -b "${JAR[admin]}" -F "_csrf=$tok" -F "dry_run=1" -F "file=@$W/ds.csv" "$BASE/admin/import"
has import-dry-counts "$OUT" "Kiểm tra xong (chưa ghi gì): 1 dòng: 1 đơn vị mới"
if [ -z "$(q "SELECT code FROM org_unit WHERE code = '31DK901'")" ]; then ok import-dry-wrote-nothing; else bad import-dry-wrote-nothing; fi
req import-real 200 -b "${JAR[admin]}" -F "_csrf=$tok" -F "file=@$W/ds.csv" "$BASE/admin/import"
has import-done "$OUT" "Đã nhập 1 dòng: 1 đơn vị mới"
if [ -n "$(q "SELECT code FROM org_unit WHERE code = '31DK901'")" ]; then ok import-wrote; else bad import-wrote; fi
req import-bad 422 -b "${JAR[admin]}" -F "_csrf=$tok" -F "file=@$W/sai.csv" "$BASE/admin/import"
has import-bad-kind "$OUT" "sai.csv: dòng 2, cột C: loại đơn vị &quot;Bệnh viện&quot; không hợp lệ"
has import-bad-parent "$OUT" "sai.csv: dòng 3, cột D: không có đơn vị cấp trên mã &quot;31LC9&quot;"
# Too large is 413 with the limit named (not 429, which means "try later").
{ echo 'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Cấp học'
  awk 'BEGIN { for (i = 1; i <= 200000; i++)
	printf "31X%06d,Trường Tiểu học %d,Trường,31DK,TH\n", i, i }'; } >"$W/lon.csv"
req import-too-big 413 -b "${JAR[admin]}" -F "_csrf=$tok" -F "file=@$W/lon.csv" "$BASE/admin/import"
has import-too-big-says "$OUT" "bảng có hơn 200000 dòng có dữ liệu"
if [ -z "$(q "SELECT code FROM org_unit WHERE code = '31X000001'")" ]; then ok import-too-big-wrote-nothing; else bad import-too-big-wrote-nothing; fi
# A school's saves go on while an import writes (in short transactions):
# every save succeeds and the import writes every row.
# (A draft school no other test or load client touches.)
SV=$(q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	WHERE s.campaign_id = 1 AND o.code NOT LIKE '31DK%' AND o.code NOT LIKE '31HB%'
	AND s.state = 'draft' ORDER BY o.code LIMIT 1")
if [ -n "$SV" ]; then ok import-saver-picked; else bad import-saver-picked; fi
login "$W/sv" "cntt.$(lower "$SV")"
SVTOK=$(curl -s -b "$W/sv" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
{ echo 'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Cấp học'
  echo '31IMP,Phòng GD&ĐT Nhập Thử,Phòng,31,'
  awk 'BEGIN { for (i = 1; i <= 5000; i++)
	printf "31IMP%05d,Trường Tiểu học Nhập Thử %d,Trường,31IMP,TH\n", i, i }'; } >"$W/nhieu.csv"
curl -s -o "$W/import.html" -w '%{http_code}' -b "${JAR[admin]}" -F "_csrf=$tok" \
	-F "file=@$W/nhieu.csv" "$BASE/admin/import" >"$W/import.code" &
IMP=$!
: >"$W/saves"
for _ in $(seq 3000); do
	kill -0 "$IMP" 2>/dev/null || break
	curl -s -o /dev/null -w '%{http_code}\n' -b "$W/sv" -H "X-CSRF-Token: $SVTOK" \
		-H 'Content-Type: application/json' --data-binary "@$ANS" \
		"$BASE/api/campaigns/1/units/$SV/answers" >>"$W/saves"
done
wait "$IMP"
echo "($(wc -l <"$W/saves") saves during the import)"
same import-during-saves-status "$(cat "$W/import.code")" 200
has import-during-saves-result "$W/import.html" "Đã nhập 5001 dòng: 5001 đơn vị mới"
same import-during-saves-rows "$(q "SELECT count(*) FROM org_unit WHERE code LIKE '31IMP%'")" 5001
sort "$W/saves" | uniq -c >"$ERR"
same import-during-saves-all-ok "$(grep -cv '^200$' "$W/saves")" 0

# --- adding an account from the page
tok=$(csrf "${JAR[admin]}" /admin/users)
req user-add 303 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "login=cv.moi" --data-urlencode "full_name=<b>Nguyễn Văn Mới</b>" --data-urlencode "unit=31DK" --data-urlencode "role=reviewer" --data-urlencode "password=mat-khau-2026" "$BASE/admin/users"
req user-listed 200 -b "${JAR[admin]}" "$BASE/admin/users?ok=1"
has user-added-notice "$OUT" "Đã thêm tài khoản."
has user-name-escaped "$OUT" "&lt;b&gt;Nguyễn Văn Mới&lt;/b&gt;"
req user-new-signs-in 303 -d "login=cv.moi&password=mat-khau-2026" "$BASE/login"
req user-duplicate 409 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "login=cv.moi" --data-urlencode "full_name=X" --data-urlencode "unit=31DK" --data-urlencode "role=reviewer" --data-urlencode "password=mat-khau-2026" "$BASE/admin/users"
has user-duplicate-message "$OUT" "tên đăng nhập đã có người dùng"
req user-school-role-mismatch 422 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "login=sai.vaitro" --data-urlencode "full_name=X" --data-urlencode "unit=31DK" --data-urlencode "role=school_head" --data-urlencode "password=mat-khau-2026" "$BASE/admin/users"
login "$W/qtdk" qt.dk
tok=$(csrf "$W/qtdk" /admin/users)
req user-outside-subtree 403 -b "$W/qtdk" --data-urlencode "_csrf=$tok" --data-urlencode "login=ngoai.phamvi" --data-urlencode "full_name=X" --data-urlencode "unit=31LC" --data-urlencode "role=reviewer" --data-urlencode "password=mat-khau-2026" "$BASE/admin/users"

# --- opening a campaign from the page
tok=$(csrf "${JAR[admin]}" /admin/campaigns/new)
C=(--data-urlencode "_csrf=$tok" --data-urlencode "title=Đánh giá nhiệm vụ CNTT năm học 2026-2027"
   --data-urlencode "basis=Công văn số 719/PGDĐT-TCCB (dữ liệu mẫu)" --data-urlencode "owner=31DK"
   --data-urlencode "rubric=tdm-cntt-2022" --data-urlencode "year=2026-2027"
   --data-urlencode "levels=TH" --data-urlencode "opens=2026-12-01")
req campaign-new-bad-dates 422 -b "${JAR[admin]}" "${C[@]}" --data-urlencode "due=2026-11-01" "$BASE/admin/campaigns"
has campaign-new-message "$OUT" "hạn nộp phải sau ngày mở đợt"
has campaign-new-kept "$OUT" 'value="Đánh giá nhiệm vụ CNTT năm học 2026-2027"'
# Who reviews is chosen per campaign (issue 16): the form offers both, a
# value that is neither is refused and nothing is created.
req campaign-new-form 200 -b "${JAR[admin]}" "$BASE/admin/campaigns/new"
has campaign-new-review-by-owner "$OUT" 'name="review_by" value="owner"'
ncamp=$(q "SELECT count(*) FROM campaign")
req campaign-new-bad-review-by 422 -b "${JAR[admin]}" "${C[@]}" --data-urlencode "due=2027-05-31" --data-urlencode "review_by=phong" "$BASE/admin/campaigns"
has campaign-new-bad-review-by-message "$OUT" "chọn một trong hai cách xem xét"
if [ "$(q "SELECT count(*) FROM campaign")" = "$ncamp" ]; then ok campaign-new-bad-review-by-nothing; else bad campaign-new-bad-review-by-nothing; fi
req campaign-new 303 -b "${JAR[admin]}" "${C[@]}" --data-urlencode "due=2027-05-31" --data-urlencode "review_by=owner" "$BASE/admin/campaigns"
# The new campaign is the one after the demo's.
NEWC=$(q "SELECT max(id) FROM campaign")
has campaign-new-redirect "$ERR" "Location: /campaigns/$NEWC"
if [ "$(q "SELECT review_by FROM campaign WHERE id = $NEWC")" = owner ]; then ok campaign-new-review-by-stored; else bad campaign-new-review-by-stored; fi
req campaign-new-api 200 -b "$W/apiso" "$BASE/api/campaigns"
if python3 -c 'import json, sys
d = {c["id"]: c["review_by"] for c in json.load(open(sys.argv[1]))["campaigns"]}
sys.exit(0 if d.get(int(sys.argv[2])) == "owner" else 1)' "$OUT" "$NEWC"
then ok api-campaign-review-by-owner; else cp "$OUT" "$ERR"; bad api-campaign-review-by-owner; fi
req campaign-new-listed 200 -b "${JAR[revdk]}" "$BASE/campaigns"
has campaign-new-visible "$OUT" "Đánh giá nhiệm vụ CNTT năm học 2026-2027"
login "$W/qtdk2" qt.dk
tok=$(csrf "$W/qtdk2" /admin/campaigns/new)
req campaign-new-outside 403 -b "$W/qtdk2" --data-urlencode "_csrf=$tok" --data-urlencode "title=X" --data-urlencode "owner=31LC" --data-urlencode "rubric=tdm-cntt-2022" --data-urlencode "year=2026-2027" --data-urlencode "opens=2026-12-01" --data-urlencode "due=2027-05-31" "$BASE/admin/campaigns"

# --- adding and closing units from the page
tok=$(csrf "${JAR[admin]}" /admin/org)
req org-add-bad 422 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "code=31DK950" --data-urlencode "name=Trường Mầm non Sen Hồng" --data-urlencode "kind=truong" --data-urlencode "parent=31DK" --data-urlencode "levels=" "$BASE/admin/org"
has org-add-needs-levels "$OUT" "trường, trung tâm phải có ít nhất một cấp học"
req org-add 303 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "code=31DK950" --data-urlencode "name=Trường Mầm non Sen Hồng" --data-urlencode "kind=truong" --data-urlencode "parent=31DK" --data-urlencode "levels=MN" "$BASE/admin/org"
req org-close-unconfirmed 422 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "code=31DK950" "$BASE/admin/org/close"
has org-close-asks-confirm "$OUT" "hãy đánh dấu ô xác nhận"
req org-close 303 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "code=31DK950" --data-urlencode "confirm=1" "$BASE/admin/org/close"
req org-closed 200 -b "${JAR[admin]}" "$BASE/admin/org/31DK950"
has org-closed-shown "$OUT" "Mở lại"
req org-close-own-unit 403 -b "$W/qtdk" --data-urlencode "_csrf=$(csrf "$W/qtdk" /admin/org)" --data-urlencode "code=31DK" --data-urlencode "confirm=1" "$BASE/admin/org/close"
req org-reopen 303 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "code=31DK950" --data-urlencode "reopen=1" "$BASE/admin/org/close"

# --- editing one unit: rename, move, cấp học (one transaction)
req unit-page 200 -b "${JAR[admin]}" "$BASE/admin/org/31DK011"
has unit-page-escaped "$OUT" 'value="&lt;script&gt;alert(1)&lt;/script&gt; &quot;onerror=x &#39;a"'
hasnt unit-page-no-raw "$OUT" "<script>alert"
has unit-page-parent "$OUT" 'name="parent" value="31DK"'
# The list is paged (100 units): find the unit by its code.
req admin-org-edit-link 200 -b "${JAR[admin]}" "$BASE/admin/org?q=31DK950"
has admin-org-links-unit "$OUT" 'href="/admin/org/31DK950"'
EDU=(--data-urlencode "_csrf=$tok")
req unit-edit-bad-levels 422 -b "${JAR[admin]}" "${EDU[@]}" --data-urlencode "name=Trường Mầm non Sen Hồng" --data-urlencode "levels=ĐH" "$BASE/admin/org/31DK950/edit"
has unit-edit-levels-message "$OUT" "cấp học &quot;ĐH&quot; không hợp lệ"
req unit-edit-bad-parent 422 -b "${JAR[admin]}" "${EDU[@]}" --data-urlencode "name=Tên mới <b>x</b>" --data-urlencode "parent=31DK001" "$BASE/admin/org/31DK950/edit"
has unit-edit-kept "$OUT" 'value="Tên mới &lt;b&gt;x&lt;/b&gt;"'
if [ "$(q "SELECT name FROM org_unit WHERE code = '31DK950'")" = "Trường Mầm non Sen Hồng" ]; then ok unit-edit-rolled-back; else bad unit-edit-rolled-back; fi
# The move's effective date (issue 16): a date field, today by default,
# the note on frozen campaigns; a malformed, future or too early date is
# refused at the field and changes nothing.
TODAY=$(TZ=Asia/Ho_Chi_Minh date +%F)
TODAY_VN=$(TZ=Asia/Ho_Chi_Minh date +%d/%m/%Y)
req unit-page-move-day 200 -b "${JAR[admin]}" "$BASE/admin/org/31DK950"
has unit-page-move-day-field "$OUT" "<input type=\"date\" id=\"move_day\" name=\"move_day\" value=\"$TODAY\">"
has unit-page-close-day-field "$OUT" "<input type=\"date\" id=\"close_day\" name=\"close_day\" value=\"$TODAY\">"
has unit-page-frozen-note "$OUT" "giữ nguyên danh sách đơn vị tham gia"
move_refused() { # NAME DAY PARENT MESSAGE
	req "$1" 422 -b "${JAR[admin]}" "${EDU[@]}" --data-urlencode "parent=$3" --data-urlencode "move_day=$2" "$BASE/admin/org/31DK950/edit"
	has "$1-says" "$OUT" "$4"
	has "$1-at-field" "$OUT" "aria-invalid=\"true\" aria-describedby=\"move_day-loi\"><p class=\"field-error\" id=\"move_day-loi\" role=\"alert\">$4"
	has "$1-kept" "$OUT" "name=\"move_day\" value=\"$2\""
	if [ "$(q "SELECT p.code FROM org_unit o JOIN org_unit p ON p.id = o.parent_id WHERE o.code = '31DK950'")" = 31DK ]; then ok "$1-unmoved"; else bad "$1-unmoved"; fi
}
move_refused move-day-malformed "05/12/2026" 31LC "ngày chuyển phải có dạng YYYY-MM-DD"
move_refused move-day-future "2099-01-01" 31LC "ngày chuyển không được sau hôm nay"
move_refused move-day-before-unit "2025-09-01" 31LC "ngày chuyển 01/09/2025 trước ngày đơn vị bắt đầu hoạt động ($TODAY_VN)"
# A demo school under its commune office since 1/7/2025: not back under
# the Sở before that day, nor under an office before the office existed.
req unit-page-since 200 -b "${JAR[admin]}" "$BASE/admin/org/31AL016"
has unit-page-since-said "$OUT" "Thuộc đơn vị cấp trên hiện tại từ ngày 01/07/2025."
req move-day-before-parent 422 -b "${JAR[admin]}" "${EDU[@]}" --data-urlencode "parent=31" --data-urlencode "move_day=2025-06-01" "$BASE/admin/org/31AL016/edit"
has move-day-before-parent-says "$OUT" "ngày chuyển 01/06/2025 trước ngày đơn vị về đơn vị cấp trên hiện tại (01/07/2025)"
req move-day-before-new-parent 422 -b "${JAR[admin]}" "${EDU[@]}" --data-urlencode "parent=31HB" --data-urlencode "move_day=2025-06-30" "$BASE/admin/org/31AL016/edit"
has move-day-before-new-parent-says "$OUT" "ngày chuyển 30/06/2025 trước ngày đơn vị cấp trên mới 31HB bắt đầu hoạt động (01/07/2025)"
# Closing takes its date too: not before the unit existed.
req close-day-before-unit 422 -b "${JAR[admin]}" "${EDU[@]}" --data-urlencode "code=31DK950" --data-urlencode "confirm=1" --data-urlencode "close_day=2020-01-01" "$BASE/admin/org/close"
has close-day-before-unit-at-field "$OUT" "aria-describedby=\"close_day-loi\"><p class=\"field-error\" id=\"close_day-loi\" role=\"alert\">ngày đóng 01/01/2020 trước ngày đơn vị bắt đầu hoạt động ($TODAY_VN)"
req close-day-malformed 422 -b "${JAR[admin]}" "${EDU[@]}" --data-urlencode "code=31DK950" --data-urlencode "confirm=1" --data-urlencode "close_day=mai" "$BASE/admin/org/close"
has close-day-malformed-says "$OUT" "ngày &quot;mai&quot; không hợp lệ (dạng YYYY-MM-DD)"
if [ -z "$(q "SELECT active_to FROM org_unit WHERE code = '31DK950'")" ]; then ok close-day-refused-open; else bad close-day-refused-open; fi
req unit-edit 303 -b "${JAR[admin]}" "${EDU[@]}" --data-urlencode "name=Trường Mầm non \"Hoa\" <Sen>" --data-urlencode "parent=31LC" --data-urlencode "levels=MN, TH" "$BASE/admin/org/31DK950/edit"
has unit-edit-redirect "$ERR" "Location: /admin/org/31DK950?ok=1"
req unit-edited 200 -b "${JAR[admin]}" "$BASE/admin/org/31DK950?ok=1"
has unit-edited-notice "$OUT" "Đã lưu thay đổi."
has unit-edited-name "$OUT" "Trường Mầm non &quot;Hoa&quot; &lt;Sen&gt;"
has unit-edited-levels "$OUT" 'value="MN, TH"'
has unit-moved "$OUT" 'name="parent" value="31LC"'
if [ "$(q "SELECT change FROM org_unit_history h JOIN org_unit o ON o.id = h.unit_id WHERE o.code = '31DK950' ORDER BY h.id" | paste -sd,)" = "create,close,reopen,rename,move,levels" ]; then ok unit-edit-history; else q "SELECT change FROM org_unit_history h JOIN org_unit o ON o.id = h.unit_id WHERE o.code = '31DK950'" >"$ERR"; bad unit-edit-history; fi
req unit-edit-now-outside 403 -b "$W/qtdk" --data-urlencode "_csrf=$(csrf "$W/qtdk" /admin/org)" --data-urlencode "name=X" "$BASE/admin/org/31DK950/edit"
req unit-edit-move-outside 403 -b "$W/qtdk" --data-urlencode "_csrf=$(csrf "$W/qtdk" /admin/org)" --data-urlencode "parent=31LC" "$BASE/admin/org/31DK001/edit"
req unit-edit-no-csrf 403 -b "${JAR[admin]}" --data-urlencode "name=X" "$BASE/admin/org/31DK950/edit"
req unit-edit-forged-csrf 403 -b "${JAR[admin]}" --data-urlencode "_csrf=$(csrf "$W/qtdk" /admin/org)" --data-urlencode "name=X" "$BASE/admin/org/31DK950/edit"

# --- changing an account: role, unit, lock (confirmed), never oneself
tok=$(csrf "${JAR[admin]}" /admin/users)
req user-page 200 -b "${JAR[admin]}" "$BASE/admin/users/cv.moi"
has user-page-escaped "$OUT" "&lt;b&gt;Nguyễn Văn Mới&lt;/b&gt;"
hasnt user-page-no-raw "$OUT" "<b>Nguyễn"
req users-link-to-page 200 -b "${JAR[admin]}" "$BASE/admin/users"
has users-link "$OUT" 'href="/admin/users/cv.moi"'
req user-role-mismatch 422 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "role=school_head" --data-urlencode "unit=31DK" "$BASE/admin/users/cv.moi"
has user-role-mismatch-message "$OUT" "tài khoản của Sở, Bộ, xã/phường, Phòng chỉ có vai trò reviewer, admin hoặc observer"
req user-set-role 303 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "role=admin" --data-urlencode "unit=31LC" "$BASE/admin/users/cv.moi"
if [ "$(q "SELECT u.role || '@' || o.code FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE login = 'cv.moi'")" = "admin@31LC" ]; then ok user-role-stored; else bad user-role-stored; fi
req user-lock-unconfirmed 422 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "disabled=1" "$BASE/admin/users/cv.moi"
has user-lock-asks-confirm "$OUT" "hãy đánh dấu ô xác nhận"
curl -s -c "$W/moi" -o /dev/null -d "login=cv.moi&password=mat-khau-2026" "$BASE/login"
req user-session-before-lock 200 -b "$W/moi" "$BASE/admin/users"
req user-lock 303 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "disabled=1" --data-urlencode "confirm=1" "$BASE/admin/users/cv.moi"
req user-locked-signed-out 303 -b "$W/moi" "$BASE/admin/users"
req user-locked-cannot-sign-in 403 -d "login=cv.moi&password=mat-khau-2026" "$BASE/login"
has user-locked-message "$OUT" "tài khoản này đã bị khóa; hãy liên hệ người quản trị của đơn vị"
req user-locked-wrong-password 403 -d "login=cv.moi&password=sai-mat-khau" "$BASE/login"
hasnt user-locked-not-told-without-password "$OUT" "đã bị khóa"
req user-unlock 303 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "disabled=0" "$BASE/admin/users/cv.moi"
req user-unlocked-signs-in 303 -d "login=cv.moi&password=mat-khau-2026" "$BASE/login"
req user-lock-self 403 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "disabled=1" --data-urlencode "confirm=1" "$BASE/admin/users/qt.so"
has user-lock-self-message "$OUT" "không thể tự khóa"
req user-lock-no-csrf 403 -b "${JAR[admin]}" --data-urlencode "disabled=1" --data-urlencode "confirm=1" "$BASE/admin/users/cv.moi"
if [ "$(q "SELECT count(*) FROM audit WHERE object = 'cv.moi' AND action IN ('user.update', 'user.disable', 'user.enable')")" = 3 ]; then ok user-changes-audited; else bad user-changes-audited; fi
if "$T" --db "$DB" user disable qt.so 2>"$OUT"; then bad user-last-admin-kept; else ok user-last-admin-kept; fi
has user-last-admin-message "$OUT" "sẽ không còn tài khoản quản trị nào"

# --- a forgotten password: a one-time code from an admin above the account
tok=$(csrf "${JAR[admin]}" /admin/users)
req reset-form-shown 200 -b "${JAR[admin]}" "$BASE/admin/users/cv.moi"
has reset-form "$OUT" 'action="/admin/users/cv.moi/reset"'
curl -s -c "$W/moi3" -o /dev/null -d "login=cv.moi&password=mat-khau-2026" "$BASE/login"
req reset-session-before 200 -b "$W/moi3" "$BASE/campaigns"
req reset-start 200 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" "$BASE/admin/users/cv.moi/reset"
CODE=$(grep -o 'class="reset-code">[a-z0-9-]*' "$OUT" | sed 's/.*>//')
if [ ${#CODE} -eq 14 ]; then ok reset-code-shown; else bad reset-code-shown; fi
has reset-code-expiry "$OUT" "Mã dùng một lần, hết hạn lúc"
same reset-code-hashed "$(q "SELECT count(*) FROM password_reset WHERE code_hash = '$CODE'")" 0
same reset-audited "$(q "SELECT actor || ' ' || action FROM audit WHERE object = 'cv.moi' ORDER BY id DESC LIMIT 1")" "qt.so user.reset_password"
req reset-no-csrf 403 -b "${JAR[admin]}" -d x=1 "$BASE/admin/users/cv.moi/reset"
req reset-page 200 "$BASE/reset"
req reset-wrong-code 403 --data-urlencode "login=cv.moi" --data-urlencode "code=aaaa-bbbb-cccc" --data-urlencode "password=mat-khau-dat-lai" "$BASE/reset"
has reset-wrong-code-message "$OUT" "mã đặt lại mật khẩu không đúng hoặc đã hết hạn"
req reset-short-password 422 --data-urlencode "login=cv.moi" --data-urlencode "code=$CODE" --data-urlencode "password=ngan" "$BASE/reset"
req reset-cross-site 403 -H 'Sec-Fetch-Site: cross-site' --data-urlencode "login=cv.moi" --data-urlencode "code=$CODE" --data-urlencode "password=mat-khau-dat-lai" "$BASE/reset"
req reset-finish 200 --data-urlencode "login=cv.moi" --data-urlencode "code=$CODE" --data-urlencode "password=mat-khau-dat-lai" "$BASE/reset"
has reset-finish-message "$OUT" "Đã đặt mật khẩu mới."
req reset-code-once 403 --data-urlencode "login=cv.moi" --data-urlencode "code=$CODE" --data-urlencode "password=mat-khau-khac-nua" "$BASE/reset"
req reset-ends-sessions 303 -b "$W/moi3" "$BASE/campaigns"
req reset-old-password-refused 403 -d "login=cv.moi&password=mat-khau-2026" "$BASE/login"
req reset-new-password-works 303 -d "login=cv.moi&password=mat-khau-dat-lai" "$BASE/login"
same reset-finish-audited "$(q "SELECT actor || ' ' || action FROM audit WHERE object = 'cv.moi' AND action LIKE 'user.%' ORDER BY id DESC LIMIT 1")" "cv.moi user.password_reset"
# An expired code does not work.
"$T" --db "$DB" user reset-password cv.moi >"$OUT" 2>&1
has reset-cli "$OUT" "Mã đặt lại mật khẩu của cv.moi:"
CODE=$(sed -n 's/.*cv.moi: \([a-z0-9-]*\)$/\1/p' "$OUT")
q "UPDATE password_reset SET expires_at = '2000-01-01T00:00:00Z'"
req reset-expired 403 --data-urlencode "login=cv.moi" --data-urlencode "code=$CODE" --data-urlencode "password=mat-khau-het-han" "$BASE/reset"
if "$T" --db "$DB" --as cv.dk user reset-password cv.moi >"$OUT" 2>&1; then bad reset-cli-admin-only; else ok reset-cli-admin-only; fi
req api-user-reset 200 -b "${JAR[admin]}" -H "X-CSRF-Token: $(curl -s -b "${JAR[admin]}" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')" -X POST "$BASE/api/users/cv.moi/reset-password"
has api-user-reset-code "$OUT" '"code":"'
req api-user-reset-editor 403 -b "${JAR[editor]}" -H "X-CSRF-Token: $(curl -s -b "${JAR[editor]}" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')" -X POST "$BASE/api/users/cv.moi/reset-password"

# --- editing a campaign
tok=$(csrf "${JAR[admin]}" /admin/campaigns/$NEWC)
req campaign-edit-page 200 -b "${JAR[admin]}" "$BASE/admin/campaigns/$NEWC"
has campaign-edit-prefilled "$OUT" 'name="due" type="date" value="2027-05-31"'
req campaign-edit-bad 422 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "due=2026-01-01" "$BASE/admin/campaigns/$NEWC"
has campaign-edit-bad-message "$OUT" "hạn nộp phải sau ngày mở đợt"
req campaign-edit 303 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "title=Đợt <script>alert(2)</script> \"onerror=" --data-urlencode "due=2027-06-15" --data-urlencode "review_due=" "$BASE/admin/campaigns/$NEWC"
if [ "$(q "SELECT due_at || ' ' || coalesce(review_due_at, '-') FROM campaign WHERE id = $NEWC")" = "2027-06-15T16:59:59Z -" ]; then ok campaign-edit-stored; else bad campaign-edit-stored; fi
req campaign-edited 200 -b "${JAR[revdk]}" "$BASE/campaigns"
has campaign-edited-escaped "$OUT" "Đợt &lt;script&gt;alert(2)&lt;/script&gt; &quot;onerror="
hasnt campaign-edited-no-raw "$OUT" "<script>alert(2)"
req campaign-dashboard-edit-link 200 -b "${JAR[admin]}" "$BASE/campaigns/$NEWC"
has campaign-edit-link "$OUT" "href=\"/admin/campaigns/$NEWC\""
req campaign-edit-outside 403 -b "$W/qtdk" --data-urlencode "_csrf=$(csrf "$W/qtdk" /admin/org)" --data-urlencode "title=X" "$BASE/admin/campaigns/1"
req campaign-edit-no-csrf 403 -b "${JAR[admin]}" --data-urlencode "title=X" "$BASE/admin/campaigns/$NEWC"

# --- encoded paths are decoded exactly once
# A decoded parameter never holds "/" (route_match refuses it), so the
# code 31DK/A1 is not reachable as one segment, and %2F is not a way round.
req path-slash-encoded 404 -b "${JAR[admin]}" "$BASE/admin/org/31DK%2FA1"
hasnt path-slash-not-decoded-into-code "$OUT" "Gạch Chéo"
req path-percent-encoded 200 -b "${JAR[admin]}" "$BASE/admin/org/31DK%252FA1"
has path-percent-unit "$OUT" "Trường Mầm non Phần Trăm"
has path-percent-action "$OUT" 'action="/admin/org/31DK%252FA1/edit"'
req path-raw-slash-not-a-unit 404 -b "${JAR[admin]}" "$BASE/admin/org/31DK/A1"
req path-bad-escape 404 -b "${JAR[admin]}" "$BASE/admin/org/31DK%zz"
req path-query-kept 200 -b "${JAR[admin]}" "$BASE/admin/org/31DK%252FA1?ok=1"
has path-query-notice "$OUT" "Đã lưu thay đổi."

# --- the JSON API: administration and evidence
jpost() { # jpost NAME STATUS JAR TOKEN PATH BODY
	req "$1" "$2" -b "$3" -H "X-CSRF-Token: $4" -H 'Content-Type: application/json' --data-binary "$6" "$BASE$5"
}
QTOK=$(curl -s -b "${JAR[admin]}" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
DTOK=$(curl -s -b "$W/qtdk" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
jpost api-org-add 200 "${JAR[admin]}" "$QTOK" /api/org '{"code":"31DK960","name":"Trường Tiểu học <i>API</i>","kind":"truong","parent":"31DK","levels":"TH"}'
has api-org-add-id "$OUT" '"id":'
jpost api-org-add-bad-kind 422 "${JAR[admin]}" "$QTOK" /api/org '{"code":"31DK961","name":"X","kind":"benh_vien","parent":"31DK"}'
has api-org-add-kind-message "$OUT" "loại đơn vị không hợp lệ"
jpost api-org-add-bad-code 422 "${JAR[admin]}" "$QTOK" /api/org '{"code":"31DK/962","name":"X","kind":"truong","parent":"31DK","levels":"TH"}'
has api-org-add-code-message "$OUT" "chỉ gồm chữ cái không dấu, chữ số và các dấu - _ ."
jpost api-org-add-no-csrf 403 "${JAR[admin]}" "" /api/org '{"code":"31DK962","name":"X","kind":"truong","parent":"31DK","levels":"TH"}'
jpost api-org-edit 200 "${JAR[admin]}" "$QTOK" /api/org/31DK960 '{"name":"Trường Tiểu học API","parent":"31LC","levels":"TH, THCS"}'
if [ "$(q "SELECT o.name || '|' || p.code || '|' || o.school_levels FROM org_unit o JOIN org_unit p ON p.id = o.parent_id WHERE o.code = '31DK960'")" = "Trường Tiểu học API|31LC|6" ]; then ok api-org-edit-stored; else q "SELECT o.name || '|' || p.code || '|' || o.school_levels FROM org_unit o JOIN org_unit p ON p.id = o.parent_id WHERE o.code = '31DK960'" >"$ERR"; bad api-org-edit-stored; fi
jpost api-org-edit-wrong-type 422 "${JAR[admin]}" "$QTOK" /api/org/31DK960 '{"name":5}'
has api-org-edit-type-message "$OUT" '\"name\" phải là chuỗi'
jpost api-org-edit-not-object 400 "${JAR[admin]}" "$QTOK" /api/org/31DK960 '[1]'
jpost api-org-edit-outside 403 "$W/qtdk" "$DTOK" /api/org/31LC001 '{"name":"X"}'
jpost api-org-edit-unknown 404 "${JAR[admin]}" "$QTOK" /api/org/KHONGCO '{"name":"X"}'
jpost api-org-close 200 "${JAR[admin]}" "$QTOK" /api/org/31DK960/close '{"date":"2026-12-31"}'
if [ "$(q "SELECT active_to FROM org_unit WHERE code = '31DK960'")" = 2026-12-31 ]; then ok api-org-closed; else bad api-org-closed; fi
jpost api-org-close-bad-date 422 "${JAR[admin]}" "$QTOK" /api/org/31DK960/close '{"date":"31/12/2026"}'
jpost api-org-reopen 200 "${JAR[admin]}" "$QTOK" /api/org/31DK960/reopen ''
jpost api-org-bogus-action 404 "${JAR[admin]}" "$QTOK" /api/org/31DK960/xoa ''
req api-users 200 -b "$W/qtdk" "$BASE/api/users"
has api-users-listed "$OUT" '"login":"cv.dk","full_name"'
hasnt api-users-scoped "$OUT" '"login":"cv.so"'
jpost api-user-add 200 "${JAR[admin]}" "$QTOK" /api/users '{"login":"api.moi","full_name":"Trần \"API\"","unit":"31DK","role":"reviewer","password":"mat-khau-2026"}'
jpost api-user-add-bad-role 422 "${JAR[admin]}" "$QTOK" /api/users '{"login":"api.sai","full_name":"X","unit":"31DK","role":"vua","password":"mat-khau-2026"}'
jpost api-user-add-outside 403 "$W/qtdk" "$DTOK" /api/users '{"login":"api.ngoai","full_name":"X","unit":"31LC","role":"reviewer","password":"mat-khau-2026"}'
jpost api-user-disable 200 "${JAR[admin]}" "$QTOK" /api/users/api.moi '{"disabled":true}'
if [ "$(q "SELECT disabled FROM app_user WHERE login = 'api.moi'")" = 1 ]; then ok api-user-disabled; else bad api-user-disabled; fi
jpost api-user-disabled-bad-type 422 "${JAR[admin]}" "$QTOK" /api/users/api.moi '{"disabled":"yes"}'
jpost api-user-role 200 "${JAR[admin]}" "$QTOK" /api/users/api.moi '{"disabled":false,"role":"admin","unit":"31LC"}'
if [ "$(q "SELECT disabled || role FROM app_user WHERE login = 'api.moi'")" = 0admin ]; then ok api-user-role-stored; else bad api-user-role-stored; fi
jpost api-user-self 403 "${JAR[admin]}" "$QTOK" /api/users/qt.so '{"role":"reviewer"}'
jpost api-user-outside 403 "$W/qtdk" "$DTOK" /api/users/qt.lc '{"disabled":true}'
jpost api-campaign-edit 200 "${JAR[admin]}" "$QTOK" /api/campaigns/$NEWC '{"due":"2027-06-30","legal_basis":"Công văn số 1/API"}'
if [ "$(q "SELECT due_at || '|' || legal_basis FROM campaign WHERE id = $NEWC")" = "2027-06-30T16:59:59Z|Công văn số 1/API" ]; then ok api-campaign-edit-stored; else bad api-campaign-edit-stored; fi
jpost api-campaign-edit-bad 422 "${JAR[admin]}" "$QTOK" /api/campaigns/$NEWC '{"due":"2020-01-01"}'
jpost api-campaign-edit-outside 403 "$W/qtdk" "$DTOK" /api/campaigns/1 '{"title":"X"}'
jpost api-campaign-edit-unknown 404 "${JAR[admin]}" "$QTOK" /api/campaigns/999 '{"title":"X"}'
EP="/api/campaigns/1/units/$API2/evidence"
req api-evidence-upload 200 -b "$W/api" -H "X-CSRF-Token: $ATOK" -F "criterion=2.4" -F "file=@$W/Kế hoạch số 1.pdf" "$BASE$EP"
has api-evidence-type "$OUT" '"mime":"application/pdf"'
AEV=$(sed 's/.*"id":\([0-9]*\).*/\1/' "$OUT")
req api-evidence-no-csrf 403 -b "$W/api" -F "criterion=2.4" -F "file=@$W/Kế hoạch số 1.pdf" "$BASE$EP"
req api-evidence-forged-csrf 403 -b "$W/api" -H "X-CSRF-Token: $QTOK" -F "criterion=2.4" -F "file=@$W/Kế hoạch số 1.pdf" "$BASE$EP"
req api-evidence-executable 422 -b "$W/api" -H "X-CSRF-Token: $ATOK" -F "criterion=2.4" -F "file=@$W/chuong-trinh.pdf" "$BASE$EP"
has api-evidence-type-message "$OUT" "không được nhận"
req api-evidence-too-big 413 -b "$W/api" -H "X-CSRF-Token: $ATOK" -F "criterion=2.4" -F "file=@$W/lon.pdf" "$BASE$EP"
req api-evidence-no-file 422 -b "$W/api" -H "X-CSRF-Token: $ATOK" -F "criterion=2.4" "$BASE$EP"
req api-evidence-reviewer-refused 403 -b "${JAR[revdk]}" -H "X-CSRF-Token: $RTOK" -F "criterion=2.4" -F "file=@$W/Kế hoạch số 1.pdf" "$BASE$EP"
jpost api-evidence-link 200 "$W/api" "$ATOK" "$EP" '{"criterion":"2.4","link":"http://thu-phi.truong.vn/bien-lai"}'
jpost api-evidence-fact-bad 422 "$W/api" "$ATOK" "$EP" '{"criterion":"2.4"}'
jpost api-evidence-link-bad 422 "$W/api" "$ATOK" "$EP" '{"criterion":"2.4","link":"ftp://x.vn/a"}'
req api-evidence-list 200 -b "${JAR[revdk]}" "$BASE$EP"
has api-evidence-link-listed "$OUT" '"kind":"link","criterion":"2.4","name":"http://thu-phi.truong.vn/bien-lai"'
has api-evidence-link-no-url "$OUT" '"url":null'
req api-evidence-list-2 200 -b "${JAR[revdk]}" "$BASE$EP"
has api-evidence-listed "$OUT" '"kind":"file","criterion":"2.4","name":"Kế hoạch số 1.pdf"'
has api-evidence-url "$OUT" "\"url\":\"/api/evidence/$AEV\""
req api-evidence-download 200 -b "${JAR[revdk]}" "$BASE/api/evidence/$AEV"
if cmp -s "$OUT" "$W/Kế hoạch số 1.pdf"; then ok api-evidence-same-bytes; else bad api-evidence-same-bytes; fi
has api-evidence-attachment "$ERR" "Content-Disposition: attachment"
req api-evidence-other-phong 404 -b "${JAR[revlc]}" "$BASE/api/evidence/$AEV"
cp "$OUT" "$W/api-ev-other"
req api-evidence-missing 404 -b "${JAR[revlc]}" "$BASE/api/evidence/999999"
if cmp -s "$OUT" "$W/api-ev-other"; then ok api-evidence-no-existence-oracle; else bad api-evidence-no-existence-oracle; fi
has api-evidence-json-error "$ERR" "Content-Type: application/json"

# --- administration pages
req admin-audit 200 -b "${JAR[admin]}" "$BASE/admin/audit?action=submission.&object=submission:1/$OWN"
has admin-audit-filtered "$OUT" "submission.publish"
hasnt admin-audit-only-filtered "$OUT" "<td>session.login</td>"
req admin-users 200 -b "${JAR[admin]}" "$BASE/admin/users"
has admin-users-listed "$OUT" "cv.dk"
req admin-org 200 -b "${JAR[admin]}" "$BASE/admin/org?q=31DK011"
has admin-org-escaped "$OUT" "&lt;script&gt;alert(1)&lt;/script&gt;"
hasnt admin-org-no-inline-style "$OUT" ' style="'
hasnt admin-org-no-inline-script "$OUT" '<script>'
# A school under a Phòng, two levels below the Sở admin's own unit.
has admin-org-indented "$OUT" '<td class="d2">' 

# --- invalid text in every form field and API text field: a clear 4xx
# naming the field, and no stored data changes (app/text.c, one door).
BAD=$(printf 'Tr\377\376ng')
CTL=$(printf 'Tr\001ng')
# Every row these tests could write, except the rows of the school that
# tests/http/load.sh keeps saving under HTTP_LOAD (its unit's submission,
# evidence and links, and its accounts' audit rows).
LOADU="(SELECT id FROM org_unit WHERE code = '31HB011')"
data_sum() {
	q "SELECT * FROM org_unit ORDER BY 1; SELECT * FROM app_user ORDER BY 1;
		 SELECT * FROM campaign ORDER BY 1; SELECT * FROM review_note ORDER BY 1;
		 SELECT * FROM doc_field ORDER BY 1, 2, 3;
		 SELECT * FROM submission WHERE unit_id NOT IN $LOADU ORDER BY 1;
		 SELECT * FROM evidence WHERE unit_id NOT IN $LOADU ORDER BY 1;
		 SELECT l.* FROM evidence_link l JOIN submission s ON s.id = l.submission_id WHERE s.unit_id NOT IN $LOADU ORDER BY 1, 2, 3;
		 SELECT * FROM audit WHERE actor NOT LIKE '%.31hb011' ORDER BY 1;" | sha256sum
}
# bad_text NAME STATUS PATTERN CURL_ARGS...
bad_text() {
	local name=$1 want=$2 pat=$3
	shift 3
	before=$(data_sum)
	req "bad-text: $name" "$want" "$@"
	has "bad-text-message: $name" "$OUT" "$pat"
	same "bad-text-unchanged: $name" "$(data_sum)" "$before"
}
BTD=$(pick 3 draft)
BTS=$(pick 31DK submitted)
login "$W/jar-bt" "cntt.$(lower "$BTD")"
AT=$(curl -s -b "${JAR[admin]}" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
ET=$(curl -s -b "$W/jar-bt" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
RT=$(curl -s -b "${JAR[revdk]}" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
# bad_form NAME LABEL FIELD CURL_ARGS...: the field not UTF-8 is refused
# by the form reader (400); with a control character it reaches the app,
# which names the field (422).
bad_form() {
	local name=$1 lab=$2 field=$3
	shift 3
	bad_text "$name (not UTF-8)" 400 "Dữ liệu biểu mẫu không hợp lệ" "$@" --data-urlencode "$field=$BAD"
	bad_text "$name (control)" 422 "$lab: có ký tự điều khiển" "$@" --data-urlencode "$field=$CTL"
}
tok=$(csrf "${JAR[admin]}" /admin/org)
A=(-b "${JAR[admin]}" --data-urlencode "_csrf=$tok")
bad_form "form org name" "tên đơn vị" name "${A[@]}" --data-urlencode "code=31DK960" --data-urlencode "kind=truong" --data-urlencode "parent=31DK" --data-urlencode "levels=MN" "$BASE/admin/org"
bad_form "form org code" "mã đơn vị" code "${A[@]}" --data-urlencode "name=Trường Mới" --data-urlencode "kind=truong" --data-urlencode "parent=31DK" --data-urlencode "levels=MN" "$BASE/admin/org"
bad_form "form unit edit name" "tên đơn vị" name "${A[@]}" "$BASE/admin/org/31DK950/edit"
bad_form "form user full_name" "họ tên" full_name "${A[@]}" --data-urlencode "login=cv.utf" --data-urlencode "unit=31DK" --data-urlencode "role=reviewer" --data-urlencode "password=mat-khau-2026" "$BASE/admin/users"
hasnt "bad-text: form user not a conflict" "$OUT" "đã có người dùng"
CF=(title "tên đợt đánh giá" "Đợt mới" basis "căn cứ" "Căn cứ" year "năm học" "2026-2027")
for i in 0 3 6; do
	args=()
	for k in 0 3 6; do
		[ "$k" = "$i" ] || args+=(--data-urlencode "${CF[$k]}=${CF[$((k + 2))]}")
	done
	bad_form "form campaign ${CF[$i]}" "${CF[$((i + 1))]}" "${CF[$i]}" "${A[@]}" "${args[@]}" --data-urlencode "owner=31DK" --data-urlencode "rubric=tdm-cntt-2022" --data-urlencode "levels=TH" --data-urlencode "opens=2026-12-01" --data-urlencode "due=2027-05-31" "$BASE/admin/campaigns"
done
bad_form "form campaign edit title" "tên đợt đánh giá" title "${A[@]}" "$BASE/admin/campaigns/1"
bad_form "form campaign edit basis" "căn cứ" basis "${A[@]}" "$BASE/admin/campaigns/1"
tok=$(csrf "${JAR[revdk]}" /password)
bad_form "form return reason" "lý do trả lại tiêu chí 1.3" "r:1.3" -b "${JAR[revdk]}" --data-urlencode "_csrf=$tok" "$BASE$(U "$BTS")/return"
tok=$(csrf "$W/jar-bt" /password)
E=(-b "$W/jar-bt" --data-urlencode "_csrf=$tok")
bad_form "form evidence fact" "dữ kiện" fact "${E[@]}" --data-urlencode "criterion=1.4" "$BASE$(U "$BTD")/evidence"
bad_form "form evidence link" "đường link" link "${E[@]}" --data-urlencode "criterion=1.4" "$BASE$(U "$BTD")/evidence"
bad_form "form report field" "Số, ký hiệu văn bản" "f:so_ky_hieu" "${E[@]}" "$BASE$(U "$BTD")/report"
bad_text "form answer note (not UTF-8)" 400 "Dữ liệu biểu mẫu không hợp lệ" "${E[@]}" --data-urlencode "v:1.4=5" --data-urlencode "n:1.4=$BAD" "$BASE$(U "$BTD")/save"
# The API: a control character (valid JSON) reaches the app; raw bytes
# that are not UTF-8 are refused by the JSON reader.
J=(-H 'Content-Type: application/json')
bad_text "api org name" 422 '"where":"tên đơn vị","message":"có ký tự điều khiển' -b "${JAR[admin]}" -H "X-CSRF-Token: $AT" "${J[@]}" --data-binary '{"code":"31DK961","name":"A\u0001B","kind":"truong","parent":"31DK","levels":"MN"}' "$BASE/api/org"
bad_text "api org rename" 422 '"where":"tên đơn vị","message":"có ký tự điều khiển' -b "${JAR[admin]}" -H "X-CSRF-Token: $AT" "${J[@]}" --data-binary '{"name":"A\u0007B"}' "$BASE/api/org/31DK950"
bad_text "api user full_name" 422 '"where":"họ tên","message":"có ký tự điều khiển' -b "${JAR[admin]}" -H "X-CSRF-Token: $AT" "${J[@]}" --data-binary '{"login":"cv.ctl","full_name":"A\u001bB","unit":"31DK","role":"reviewer","password":"mat-khau-2026"}' "$BASE/api/users"
bad_text "api campaign title" 422 '"where":"tên đợt đánh giá","message":"có ký tự điều khiển' -b "${JAR[admin]}" -H "X-CSRF-Token: $AT" "${J[@]}" --data-binary '{"title":"A\u0001"}' "$BASE/api/campaigns/1"
bad_text "api return reason" 422 '"where":"lý do trả lại tiêu chí 1.3","message":"có ký tự điều khiển' -b "${JAR[revdk]}" -H "X-CSRF-Token: $RT" "${J[@]}" --data-binary '{"reasons":[{"criterion":"1.3","text":"A\u0002"}]}' "$BASE/api$(U "$BTS")/return"
bad_text "api evidence fact" 422 '"where":"dữ kiện","message":"có ký tự điều khiển' -b "$W/jar-bt" -H "X-CSRF-Token: $ET" "${J[@]}" --data-binary '{"criterion":"1.4","fact":"A\u0003"}' "$BASE/api$(U "$BTD")/evidence"
bad_text "api report field" 422 '"where":"Số, ký hiệu văn bản","message":"có ký tự điều khiển' -b "$W/jar-bt" -H "X-CSRF-Token: $ET" "${J[@]}" --data-binary '{"fields":{"so_ky_hieu":"A\u0004"}}' "$BASE/api$(U "$BTD")/report-fields"
printf '{"format":1,"answers":{"1.4":{"value":5,"note":"%s"}}}' "$BAD" >"$W/bad-utf8.json"
bad_text "api answers not UTF-8" 422 "không phải văn bản UTF-8 hợp lệ" -b "$W/jar-bt" -H "X-CSRF-Token: $ET" "${J[@]}" --data-binary "@$W/bad-utf8.json" "$BASE/api$(U "$BTD")/answers"
# --- a school moved to another Phòng: campaign 1 froze it under Dương Kinh
# The old Phòng still opens, approves and counts it in campaign 1; Lê Chân,
# where it sits now, does neither there, but does in a campaign opened after
# the move.
MV=$(q "SELECT o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id
	WHERE s.campaign_id = 1 AND o.code LIKE '31DK%' AND s.state = 'submitted'
	AND o.code <> '$DKSUB' ORDER BY o.code LIMIT 1")
total() { # total JAR CAMPAIGN: the "expected" total of the status API
	curl -s -b "$1" "$BASE/api/campaigns/$2/status" | sed 's/.*"total":{[^}]*"expected":\([0-9]*\).*/\1/'
}
dk_before=$(total "${JAR[revdk]}" 1) lc_before=$(total "${JAR[revlc]}" 1)
tok=$(csrf "${JAR[admin]}" /admin/org)
req moved-edit 303 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "parent=31LC" "$BASE/admin/org/$MV/edit"
req moved-old-office-opens 200 -b "${JAR[revdk]}" "$BASE/campaigns/1/units/$MV"
req moved-new-office-cannot-open 403 -b "${JAR[revlc]}" "$BASE/campaigns/1/units/$MV"
req moved-new-office-cannot-approve 403 -b "${JAR[revlc]}" -d "_csrf=$(csrf "${JAR[revlc]}" /password)" "$BASE/campaigns/1/units/$MV/approve"
req moved-new-office-api-refused 403 -b "${JAR[revlc]}" "$BASE/api/campaigns/1/units/$MV"
req moved-old-office-approves 303 -b "${JAR[revdk]}" -d "_csrf=$(csrf "${JAR[revdk]}" /password)&confirm=1" -d "rev=$(rev "${JAR[revdk]}" "/campaigns/1/units/$MV")" "$BASE/campaigns/1/units/$MV/approve"
req moved-new-office-cannot-publish 403 -b "${JAR[revlc]}" -d "_csrf=$(csrf "${JAR[revlc]}" /password)" "$BASE/campaigns/1/units/$MV/publish"
same moved-old-office-still-counts "$(total "${JAR[revdk]}" 1)" "$dk_before"
same moved-new-office-not-counted "$(total "${JAR[revlc]}" 1)" "$lc_before"
# A campaign takes the tree as it was on its opening day (issue 16): the
# move above happened today (Việt Nam time), so this one opens today.
OPENS=$(TZ=Asia/Ho_Chi_Minh date +%F)
C2=$("$T" --db "$DB" campaign create --owner 31 --rubric qd4725-2022-pt --year 2027-2028 \
	--title "Đánh giá sau khi chuyển trường" --opens "$OPENS" \
	--due "$(TZ=Asia/Ho_Chi_Minh date -d "$OPENS + 1 year" +%F)" | sed -n 's/.*số \([0-9]*\).*/\1/p')
req moved-new-office-opens-later 200 -b "${JAR[revlc]}" "$BASE/campaigns/$C2/units/$MV"
req moved-old-office-not-later 403 -b "${JAR[revdk]}" "$BASE/campaigns/$C2/units/$MV"
# A move from a past day (issue 16): campaigns opening before that day
# count the school under its old office, those opening on or after it
# under the new one, even when created after the move; audited with the
# day.
tok=$(csrf "${JAR[admin]}" /admin/org)
req moved-dated 303 -b "${JAR[admin]}" --data-urlencode "_csrf=$tok" --data-urlencode "parent=31HB" --data-urlencode "move_day=2025-09-01" "$BASE/admin/org/31AL016/edit"
same moved-dated-history "$(q "SELECT p.code || ':' || h.valid_from || '-' || coalesce(h.valid_to, '') FROM org_parent h JOIN org_unit u ON u.id = h.unit_id JOIN org_unit p ON p.id = h.parent_id WHERE u.code = '31AL016' ORDER BY h.valid_from" | paste -sd' ')" \
	"31PGD-AL:2020-09-01-2025-07-01 31AL:2025-07-01-2025-09-01 31HB:2025-09-01-"
same moved-dated-audit "$(q "SELECT detail FROM audit WHERE action = 'org.move' AND object = '31AL016' ORDER BY id DESC LIMIT 1")" "31HB từ 2025-09-01"
dated() { # OPENS: the frozen office of 31AL016 in a new campaign opening then
	c=$("$T" --db "$DB" campaign create --owner 31 --rubric qd4725-2022-pt --year 2025-2026 \
		--title "Đánh giá mở ngày $1" --opens "$1" --due 2026-05-31 | sed -n 's/.*số \([0-9]*\).*/\1/p')
	q "SELECT p.code FROM campaign_unit cu JOIN org_unit u ON u.id = cu.unit_id
	   JOIN org_unit p ON cu.path = p.path || u.id || '/' WHERE cu.campaign_id = $c AND u.code = '31AL016'"
}
same moved-dated-before "$(dated 2025-08-15)" 31AL
same moved-dated-after "$(dated 2025-09-01)" 31HB

# --- password change
# A second session of the same account (another browser), which the
# change must end.
login "$W/headsub2" "ht.$(lower "$DKSUB")"
req password-other-session-before 200 -b "$W/headsub2" "$BASE/campaigns"
tok=$(csrf "${JAR[headsub]}" /password)
req password-too-short 422 -b "${JAR[headsub]}" -d "_csrf=$tok&current=truongso-demo&next=ngan" "$BASE/password"
req password-change 200 -b "${JAR[headsub]}" -d "_csrf=$tok&current=truongso-demo&next=mat-khau-moi-2026" "$BASE/password"
has password-changed "$OUT" "Đã đổi mật khẩu."
req password-other-session-ended 303 -b "$W/headsub2" "$BASE/campaigns"
req password-own-session-kept 200 -b "${JAR[headsub]}" "$BASE/campaigns"
req password-old-refused 403 -d "login=ht.$(lower "$DKSUB")&password=truongso-demo" "$BASE/login"
req password-new-works 303 -d "login=ht.$(lower "$DKSUB")&password=mat-khau-moi-2026" "$BASE/login"

# --- sign-out and shutdown
tok=$(csrf "${JAR[editor]}" /password)
req logout 303 -b "${JAR[editor]}" -c "${JAR[editor]}" -d "_csrf=$tok" "$BASE/logout"
req after-logout 303 -b "${JAR[editor]}" "$BASE/campaigns"
if [ -n "$LOAD" ]; then
	touch "$W/load/stop"
	# The load's own record of how it ended (tests/http/load.sh): its
	# clients stop after the request in hand, so this is bounded.
	for _ in $(seq 600); do [ -e "$W/load/rc" ] && break; sleep 0.5; done
	wait "$LOAD" 2>/dev/null
	if [ "$(cat "$W/load/rc" 2>/dev/null)" = 0 ]; then ok concurrent-load; else bad concurrent-load; fi
	LOAD=
	cat "$W/load.log"
fi
# The server lets requests in flight finish (up to 10 s) before it exits;
# a busy machine gets a minute before this counts as a hang.
kill -TERM "$SERVER"
for _ in $(seq 600); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$SERVER" 2>/dev/null; then bad graceful-shutdown; else wait "$SERVER"; rc=$?; SERVER=; if [ "$rc" -eq 0 ]; then ok graceful-shutdown; else echo "exit $rc" >"$ERR"; bad graceful-shutdown; fi; fi
# Checked once the server has stopped: an upload's temp file is removed
# when MHD reports the request complete, which can be just after the
# client (this script or the load) has read the whole answer.
n=$(ls "$W"/tmp/truongso-* 2>/dev/null | wc -l)
if [ "$n" -eq 0 ]; then ok evidence-temp-files-removed; else echo "$n left" >"$ERR"; bad evidence-temp-files-removed; fi
has access-log "$W/server.log" "POST /campaigns/1/units/$OWN/submit 303"
echo "http: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/bash
# `make check-fresh`: the README's first command (`sh run.sh`) on a bare
# Debian 12. Builds a minimal root (debootstrap --variant=minbase, which
# has sh and apt-get but no make, gcc or git) under build/fresh/, puts the
# committed source in it (git archive HEAD), runs the command there as
# root in the background, and checks the demo answers: the login page,
# a sign-in, the status table and the account list it printed. Then it
# stops the server and runs the CLI tests inside the root.
# Needs root and the Debian mirror; not part of `make test` (it downloads
# about 250 MB the first time; build/fresh/ keeps the debootstrap tarball
# and apt's .deb files for the next run).
# Env: FRESH_REF (default HEAD), FRESH_TIMEOUT seconds for the first
# command to serve (default 1800), FRESH_MIRROR.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
SRC=$PWD
F=$SRC/build/fresh
ROOT=$F/root
TARBALL=$F/bookworm-minbase.tgz
APT_CACHE=$F/apt-archives
MIRROR=${FRESH_MIRROR:-http://deb.debian.org/debian}
REF=${FRESH_REF:-HEAD}
TIMEOUT=${FRESH_TIMEOUT:-1800}
SERVER=
MOUNTS=()

[ "$(id -u)" -eq 0 ] || { echo "check-fresh: needs root (debootstrap, chroot, mount)"; exit 2; }
scripts/deps fresh || exit 2

# Paths under ROOT that are mount points, deepest first.
mounted() { awk -v r="$ROOT" 'index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r; }
cleanup() {
	if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then
		kill -- -"$SERVER" 2>/dev/null
		for _ in $(seq 50); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.2; done
		kill -9 -- -"$SERVER" 2>/dev/null
	fi
	for m in $(mounted); do umount "$m" || umount -l "$m"; done
	rm -f "$OUT" "$ERR"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

now() { date +%s; }
# in_root CMD: runs CMD (a shell command line) in the root, as a fresh
# login of root would: a clean environment, no locale, the source dir.
in_root() {
	chroot "$ROOT" /usr/bin/env -i HOME=/root TERM=dumb \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		/bin/sh -c "cd /root/truongso && $1"
}

mkdir -p "$F" "$APT_CACHE/partial"
t0=$(now)
if [ ! -s "$TARBALL" ]; then
	echo "== debootstrap: downloading the minbase packages into $TARBALL"
	rm -rf "$F/tarball-work"
	debootstrap --variant=minbase --make-tarball="$TARBALL" bookworm "$F/tarball-work" "$MIRROR" \
		>"$F/debootstrap-download.log" 2>&1 || { tail -20 "$F/debootstrap-download.log"; exit 1; }
fi
# Never delete through a mount left by an earlier run that was killed.
for m in $(mounted); do umount "$m" || umount -l "$m"; done
if [ -n "$(mounted)" ]; then echo "check-fresh: still mounted under $ROOT:"; mounted; exit 1; fi
rm -rf --one-file-system "$ROOT"
echo "== debootstrap --variant=minbase bookworm $ROOT"
debootstrap --variant=minbase --unpack-tarball="$TARBALL" bookworm "$ROOT" "$MIRROR" \
	>"$F/debootstrap.log" 2>&1 || { tail -20 "$F/debootstrap.log"; exit 1; }
t_root=$(($(now) - t0))

mount -t proc proc "$ROOT/proc" && MOUNTS+=(proc)
mount --bind /dev "$ROOT/dev" && MOUNTS+=(dev)
mount --bind /dev/pts "$ROOT/dev/pts" && MOUNTS+=(pts)
mount --bind "$APT_CACHE" "$ROOT/var/cache/apt/archives" && MOUNTS+=(apt)
[ ${#MOUNTS[@]} -eq 4 ] || { echo "check-fresh: mount failed"; exit 1; }
# Debian's docker-style images drop .deb files after install; a plain
# minbase root keeps them, which is what the cache relies on.

mkdir -p "$ROOT/root/truongso"
git archive "$REF" | tar -x -C "$ROOT/root/truongso" || exit 1
echo "== source: $(git rev-parse --short "$REF") ($REF) in $ROOT/root/truongso"

# The root is bare: no make, no compiler, no git, no curl.
for tool in make gcc cc git pkg-config curl; do
	if in_root "command -v $tool" >/dev/null; then bad "bare-root-has-no-$tool"; else ok "bare-root-has-no-$tool"; fi
done

# 8080 as the README says, unless something on this machine already
# listens there (another `make run`): then the first free of 18080-18089.
listening() { # listening PORT: is a TCP socket listening on it?
	awk -v p="$(printf ':%04X' "$1")" '$4 == "0A" && substr($2, length($2) - 4) == p { f = 1 } END { exit !f }' \
		/proc/net/tcp /proc/net/tcp6
}
PORT=8080
ARGS=
if listening 8080; then
	for p in $(seq 18080 18089); do listening "$p" || { PORT=$p; break; }; done
	listening "$PORT" && { echo "check-fresh: ports 8080 and 18080-18089 all busy"; exit 1; }
	ARGS="PORT=$PORT"
	echo "   8080 is busy on this machine: running 'sh run.sh $ARGS' instead"
fi
BASE=http://127.0.0.1:$PORT
LOG=$F/first-command.log

echo "== in the root: sh run.sh $ARGS (log: $LOG)"
t1=$(now)
setsid chroot "$ROOT" /usr/bin/env -i HOME=/root TERM=dumb \
	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	/bin/sh -c "cd /root/truongso && sh run.sh $ARGS" </dev/null >"$LOG" 2>&1 &
SERVER=$!
up=
while [ $(($(now) - t1)) -lt "$TIMEOUT" ]; do
	kill -0 "$SERVER" 2>/dev/null || break
	if grep -q "listening on http://127.0.0.1:$PORT" "$LOG" &&
		[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/healthz")" = 200 ]; then
		up=1
		break
	fi
	sleep 2
done
t_first=$(($(now) - t1))
if [ -n "$up" ]; then ok first-command-serves; else
	tail -40 "$LOG" >"$OUT"; echo "not serving after ${t_first}s" >"$ERR"; bad first-command-serves
fi

req() { # req NAME WANT CURL_ARGS...: the HTTP status of one request.
	name=$1 want=$2
	shift 2
	got=$(curl -s -o "$OUT" -D "$ERR" --max-time 10 -w '%{http_code}' "$@")
	if [ "$got" = "$want" ]; then ok "$name"; else echo "status $got, expected $want" >>"$ERR"; bad "$name"; fi
}
has() { # has NAME FILE TEXT
	if grep -qF -- "$3" "$2"; then ok "$1"; else echo "missing: $3" >"$ERR"; cp "$2" "$OUT"; bad "$1"; fi
}
J=$F/cookies
rm -f "$J"
req login-page 200 "$BASE/login"
has login-page-vietnamese "$OUT" "Tên đăng nhập"
req sign-in 303 -c "$J" -d 'login=cv.dk&password=truongso-demo' "$BASE/login"
req signed-in-page 200 -L -b "$J" "$BASE/campaigns"
has signed-in-can-sign-out "$OUT" "Đăng xuất"
# What the first command printed: the status table with its headers,
# every demo account, how to open it from the LAN.
has printed-status-headers "$LOG" "| Đơn vị"
has printed-status-total "$LOG" "| Tổng cộng"
for u in cntt.31dk018 ht.31dk018 cv.dk qt.dk cv.so qt.so; do has "printed-account-$u" "$LOG" "  $u "; done
has printed-lan-hint "$LOG" "LISTEN=0.0.0.0"
has installed-in-vietnamese "$LOG" "scripts/deps: máy còn thiếu"

# Stop the server (its whole process group: sh, make, truongso).
kill -- -"$SERVER" 2>/dev/null
for _ in $(seq 50); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$SERVER" 2>/dev/null; then bad server-stops; else ok server-stops; fi
SERVER=

# The cheapest part of `make test`, inside the root: the CLI tests on
# the release binary the first command built, and the second `make`
# finding nothing to do.
if in_root "build/truongso rubric list" >"$OUT" 2>"$ERR" && grep -q qd4725-2022-pt "$OUT"; then
	ok rubric-list-in-root; else bad rubric-list-in-root; fi
if in_root "tests/cli/run.sh build/truongso" >"$OUT" 2>"$ERR"; then ok cli-tests-in-root; else
	tail -30 "$OUT" >"$ERR"; bad cli-tests-in-root; fi
if in_root "make --no-print-directory" >"$OUT" 2>"$ERR" && ! grep -q '  CC ' "$OUT"; then
	ok make-again-builds-nothing; else bad make-again-builds-nothing; fi

echo "fresh: debootstrap ${t_root}s; sh run.sh until the demo answered ${t_first}s"
# What the first command downloaded, for README's figure: the packages apt
# unpacked and the size of their .deb files (kept in the apt cache).
npkg=$(grep -c 'Selecting previously unselected package' "$LOG")
bytes=0
for deb in $(sed -n 's|^Preparing to unpack \.\.\./\([0-9]*-\)\{0,1\}\([^ ]*\.deb\).*|\2|p' "$LOG"); do
	[ -f "$APT_CACHE/$deb" ] && bytes=$((bytes + $(stat -c %s "$APT_CACHE/$deb")))
done
echo "fresh: sh run.sh installed $npkg packages, $((bytes / 1048576)) MB of .deb files"
echo "fresh: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

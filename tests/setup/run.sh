#!/bin/sh
# What a user meets first, without a fresh machine (that is `make
# check-fresh`): the build's flags and output (quiet, parallel, -Werror
# only for developers), what `make run` prints, and scripts/deps's
# messages, driven through stand-in commands.
# Usage: tests/setup/run.sh (after the release build, build/truongso).
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
W=$(mktemp -d)
RUN=
cleanup() {
	[ -n "$RUN" ] && kill -- -"$RUN" 2>/dev/null
	rm -rf "$W" "$OUT" "$ERR"
}
trap cleanup EXIT
# The build as a user or a developer starts it: no flags from a parent make.
BUILD="env -u MAKEFLAGS -u MAKELEVEL -u DEVELOPER -u V make --no-print-directory"
OBJ=obj/src/util/arena.o

# --- build flags: -Werror for developers and CI, never for a user's build
if run 0 $BUILD -n -B all >/dev/null && grep -q 'gcc .*-c src/util/arena.c' "$OUT" &&
	! grep -q -- '-Werror' "$OUT"; then ok user-build-no-werror; else bad user-build-no-werror; fi
for v in release asan tsan clang fuzz; do
	b=build/$v
	[ "$v" = release ] && b=build
	if run 0 $BUILD -n -B -f mk/build.mk VARIANT=$v DEVELOPER=1 V=1 "$b/$OBJ" &&
		grep -q -- '-Werror.*-c src/util/arena.c' "$OUT"; then ok "developer-$v-werror"; else bad "developer-$v-werror"; fi
done
if grep -q '^export DEVELOPER=1' tests/run.sh; then ok tests-run-sets-developer; else bad tests-run-sets-developer; fi
if grep -q '^export DEVELOPER=1' .ci/run; then ok ci-sets-developer; else bad ci-sets-developer; fi

# --- quiet by default, full commands with V=1, the variant is VARIANT=
check quiet-one-line 0 out "  CC    src/util/arena.c" \
	$BUILD -B -f mk/build.mk DEVELOPER=1 "build/$OBJ"
same quiet-only-that-line "$(cat "$OUT")" "  CC    src/util/arena.c"
check verbose-full-command 0 out "-c src/util/arena.c -o build/$OBJ" \
	$BUILD -n -B -f mk/build.mk V=1 "build/$OBJ"
if grep -q "printf '  %-5s" "$OUT"; then bad verbose-no-short-line; else ok verbose-no-short-line; fi
check old-variant-selector-explained 2 err "VARIANT=asan" $BUILD -f mk/build.mk V=asan all
# Parallel by default: one job per core, unless -j is given.
show='show-makeflags: ; @echo "$$MAKEFLAGS"'
check parallel-by-default 0 out " -j$(nproc) " $BUILD -f mk/build.mk --eval "$show" show-makeflags
check explicit-j-wins 0 out " -j1 " $BUILD -j1 -f mk/build.mk --eval "$show" show-makeflags

# --- make run: what it made (with the table's headers), every demo
# account, how to reach it from the LAN; then it serves (port 0 here).
DB=$W/demo.db
setsid make --no-print-directory run PORT=0 DEMO_DB="$DB" >"$W/run.log" 2>&1 </dev/null &
RUN=$!
for _ in $(seq 600); do
	grep -q "listening on http://127.0.0.1:" "$W/run.log" && break
	kill -0 "$RUN" 2>/dev/null || break
	sleep 0.1
done
kill -- -"$RUN" 2>/dev/null
RUN=
cp "$W/run.log" "$OUT"
: >"$ERR"
has() { # has NAME TEXT: in what make run printed
	if grep -qF -- "$2" "$W/run.log"; then ok "$1"; else echo "missing: $2" >"$ERR"; bad "$1"; fi
}
has run-serves "listening on http://127.0.0.1:"
has run-status-title "Đợt 1:"
has run-status-headers "| Đơn vị "
has run-status-header-rate "Tỷ lệ"
has run-status-total "| Tổng cộng "
has run-says-demo-is-new "được tạo lại mỗi lần chạy make run"
has run-lan-hint "make run LISTEN=0.0.0.0"
accounts=$(sed -n 's/^  \([a-z]*\.[a-z0-9]*\)  .*/\1/p' "$W/run.log")
same run-lists-every-role "$(echo $accounts)" "cntt.31dk018 ht.31dk018 cv.dk qt.dk cv.so qt.so xem.so"
for u in $accounts; do
	check "run-account-$u-exists" 0 out "Đợt đánh giá" build/truongso --db "$DB" --as "$u" campaign list
done
# README lists the same accounts.
for u in $accounts; do
	if grep -q "\`$u\`" README.md; then ok "readme-account-$u"; else bad "readme-account-$u"; fi
done
check run-listen-passed 0 out "build/truongso build/demo.db 8080 0.0.0.0" \
	make --no-print-directory -n run LISTEN=0.0.0.0
# Open to the LAN: the address to type on another PC. A stand-in
# truongso, so no server listens beyond loopback in a test.
cat >"$W/fake-truongso" <<'FAKE'
#!/bin/sh
case "$*" in *serve*) echo "serve: $*" ;; *status*) echo "+=" ;; esac
FAKE
chmod +x "$W/fake-truongso"
lan=$(hostname -I 2>/dev/null | cut -d' ' -f1)
check run-lan-address 0 out "http://${lan:-ĐỊA_CHỈ_IP_MÁY_NÀY}:8080" \
	scripts/serve-demo "$W/fake-truongso" "$W/x.db" 8080 0.0.0.0
check run-lan-serves-on-all 0 out "serve --port 8080 --listen 0.0.0.0" \
	scripts/serve-demo "$W/fake-truongso" "$W/x.db" 8080 0.0.0.0
# The account list names what qt.dk is now and the observer (issue 16).
check run-accounts-commune 0 out "qt.dk         quản trị UBND phường Dương Kinh" \
	scripts/serve-demo "$W/fake-truongso" "$W/x.db" 8080 127.0.0.1
check run-accounts-observer 0 out "xem.so        theo dõi Sở GD&ĐT (chỉ xem" \
	scripts/serve-demo "$W/fake-truongso" "$W/x.db" 8080 127.0.0.1

# --- scripts/deps: Vietnamese messages, package names and apt's exit
# status kept. Stand-ins: every package missing, apt-get as told.
S=$W/bin
mkdir -p "$S"
for t in dirname sed wc cat; do ln -s "$(command -v $t)" "$S/$t"; done
printf '#!/bin/sh\necho not-installed\n' >"$S/dpkg-query"
printf '#!/bin/sh\necho "${FAKE_UID:-1000}"\n' >"$S/id"
printf '#!/bin/sh\ncase "$1" in update) exit ${FAKE_UPDATE:-0} ;; install) exit ${FAKE_INSTALL:-0} ;; esac\n' >"$S/apt-get"
chmod +x "$S/dpkg-query" "$S/id" "$S/apt-get"
deps() { env PATH="$S" "$@" /bin/sh scripts/deps build; }
check deps-names-missing 1 err "máy còn thiếu 19 gói Debian (để biên dịch và chạy truongso): make gcc pkg-config" deps
check deps-needs-root 1 err "cần quyền root hoặc sudo" deps
check deps-root-command 1 err "apt-get install -y make gcc" deps
check deps-update-fails 1 err "apt-get update thất bại (mã thoát 100)" deps FAKE_UID=0 FAKE_UPDATE=100
check deps-install-fails 1 err "apt-get install thất bại (mã thoát 100) khi cài: make gcc" deps FAKE_UID=0 FAKE_INSTALL=100
check deps-installs 0 err "scripts/deps: đã cài xong 19 gói." deps FAKE_UID=0
check deps-unknown-kind 2 err "không có nhóm gói 'khong-co'" env PATH="$S" /bin/sh scripts/deps khong-co
# Every line a user reads is Vietnamese (apt's own output aside).
deps FAKE_UID=0 >/dev/null 2>"$W/deps.err"
deps FAKE_UID=0 FAKE_INSTALL=100 >/dev/null 2>>"$W/deps.err"
deps >/dev/null 2>>"$W/deps.err"
cp "$W/deps.err" "$ERR"
if grep -qiE 'installing|missing|run as|failed' "$W/deps.err"; then bad deps-no-english; else ok deps-no-english; fi

echo "setup: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# The release binary under valgrind on the school documents of the demo
# (seed 004's Báo cáo tự kiểm tra, seed 001's Báo cáo CNTT) and on typing
# their fields: no invalid access, no leak.
# Usage: tests/cli/valgrind-docs.sh PATH/TO/truongso
set -u
T=${1:?usage: valgrind-docs.sh TRUONGSO}
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
# "Still reachable" blocks are process-wide library caches (glib, pango,
# fontconfig once the PDF writer is linked), not leaks; definite, indirect
# and possible leaks fail, except library ones listed in tests/valgrind.supp
# when it exists.
VG="valgrind -q --error-exitcode=99 --leak-check=full --num-callers=40 \
	--show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible"
[ -f tests/valgrind.supp ] && VG="$VG --suppressions=tests/valgrind.supp"
W=$(mktemp -d)
trap 'rm -rf "$W" "$OUT" "$ERR"' EXIT

vg() {
	name=$1 want=$2
	shift 2
	if run "$want" $VG "$T" --db "$W/demo.db" "$@"; then ok "valgrind $name"; else bad "valgrind $name"; fi
}
# Built without valgrind: the demo's Argon2 hash is slow under it.
if run 0 "$T" --db "$W/demo.db" demo; then ok "demo database"; else bad "demo database"; fi
R="report --format csv"
vg tu-kiem-tra 0 $R tu-kiem-tra --campaign 2 --unit 31DK001 -o "$W/mn.csv"
vg tu-kiem-tra-not-started 0 $R tu-kiem-tra --campaign 2 --unit 31LC002 -o "$W/mn2.csv"
vg cntt 0 $R cntt --campaign 3 --unit 31DK023 -o "$W/tdm.csv"
vg cntt-not-started 0 $R cntt --campaign 3 --unit 31DK015 -o "$W/tdm2.csv"
vg cntt-wrong-kind 2 $R cntt --campaign 2 --unit 31DK001 -o "$W/x.csv"
vg set-staff 0 --as cntt.31dk005 report set --campaign 2 --unit 31DK005 \
	tong_cbgvcnv=30 cbql=3 hieu_truong=1 pho_hieu_truong=1 giao_vien=20
vg tu-kiem-tra-mismatch 0 $R tu-kiem-tra --campaign 2 --unit 31DK005 -o "$W/mn3.csv"
vg set-refused 2 --as cntt.31dk005 report set --campaign 2 --unit 31DK005 giao_vien=x khong_co=1
finish

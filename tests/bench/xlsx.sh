#!/bin/sh
# XLSX export of a 50,000-row listing: rp_write_xlsx (libxlsxwriter,
# constant_memory since the table has no spans) against openpyxl writing
# the same rows in write_only mode. Prints both times and the ratio; run
# from anywhere. Record results in docs/performance.md. No assertion.
set -eu
cd "$(dirname "$0")/../.."
N=${N:-50000}
make --no-print-directory -f mk/build.mk VARIANT=release build/bench_xlsx >/dev/null
ours=$(build/bench_xlsx "$N" build/bench-listing.xlsx | sed -n 's/xlsx_ms=\([0-9.]*\).*/\1/p')
peer=$(/usr/bin/python3 tests/bench/xlsx_peer.py "$N" build/bench-listing-peer.xlsx | sed -n 's/peer_ms=//p')
echo "rows=$N truongso_ms=$ours openpyxl_ms=$peer" \
	"ratio=$(echo "$peer $ours" | awk '{ printf "%.1f", $1 / $2 }')x" \
	"sizes=$(stat -c %s build/bench-listing.xlsx)/$(stat -c %s build/bench-listing-peer.xlsx)"

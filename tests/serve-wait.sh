# Sourced by test scripts that start `truongso serve --port 0`.

# wait_listening LOG PID: sets BASE to the address a `serve --port 0`
# printed to LOG, waiting as long as the server PID runs (2 minutes at
# most): a sanitizer build on a busy machine can take many seconds to
# start, so a fixed short wait would fail without a code change. Ends the
# script if the server never listens.
wait_listening() {
	BASE=
	for _ in $(seq 1200); do
		BASE=$(sed -n 's|.*listening on \(http://[0-9.:]*\).*|\1|p' "$1")
		[ -n "$BASE" ] && return 0
		kill -0 "$2" 2>/dev/null || break
		sleep 0.1
	done
	cat "$1"
	echo "server did not start"
	exit 1
}

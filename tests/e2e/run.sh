#!/bin/sh
# End-to-end tests in Debian's headless Chromium, driven by playwright-core
# from npm, with axe-core for the accessibility rules (both installed here,
# locked by package-lock.json; nothing downloads a browser). Ends with
# "e2e: N passed, N failed".
set -u
cd "$(dirname "$0")" || exit 2
../../scripts/deps e2e || exit 1
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
	../../scripts/deps node || exit 1
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
	npm ci --no-audit --no-fund --loglevel=error || exit 1
fi
log=$(mktemp)
node --test ./ >"$log" 2>&1
rc=$?
cat "$log"
p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log")
f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log")
rm -f "$log"
echo "e2e: ${p:-0} passed, ${f:-1} failed"
[ "$rc" -eq 0 ]

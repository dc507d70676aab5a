#!/bin/sh
# `make test`'s format step: every C file tracked by git is laid out as
# .clang-format says (clang-format 14, package clang-format). Prints the
# files that differ and how to fix them; exits 1 on any.
set -u
cd "$(dirname "$0")/.." || exit 2
command -v clang-format >/dev/null 2>&1 || {
	echo "format: clang-format is missing (scripts/deps test installs it)"; exit 2; }
# Outside a git checkout (an unpacked tarball) there is no list: check src/
# and tests/ instead.
files=$(git ls-files '*.c' '*.h' 2>/dev/null) ||
	files=$(find src tests -name '*.c' -o -name '*.h')
bad=""
for f in $files; do
	clang-format --style=file --dry-run -Werror "$f" >/dev/null 2>&1 ||
		bad="$bad $f"
done
if [ -n "$bad" ]; then
	echo "format: these files differ from .clang-format:"
	for f in $bad; do echo "  $f"; done
	echo "fix with: clang-format -i --style=file$bad"
	exit 1
fi
echo "format: ok"

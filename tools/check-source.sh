#!/bin/sh
# Source rules a compiler can't enforce (style.md part C):
#  - src/core is pure: no I/O headers, no database, server or drawing libs;
#  - nobody calls the banned unbounded or non-reentrant libc functions.
# Prints one line per violation and exits 1 if there is any.
set -u
cd "$(dirname "$0")/.." || exit 2
bad=0
impure=$(grep -nE '#include[[:space:]]*<(stdio|unistd|fcntl|dirent|sqlite3|libpq-fe|microhttpd|cairo)\.h>|#include[[:space:]]*<sys/' src/core/*.c src/core/*.h)
if [ -n "$impure" ]; then
	echo "src/core must not do I/O:"; echo "$impure"; bad=1
fi
banned=$(grep -nE '\b(strcpy|strcat|strncpy|sprintf|vsprintf|strtok|atoi|gets|gmtime|localtime)[[:space:]]*\(' src/*/*.c src/*/*.h | grep -vE '(snprintf|vsnprintf|_r[[:space:]]*\()')
if [ -n "$banned" ]; then
	echo "banned function (use the bounded or _r form):"; echo "$banned"; bad=1
fi
[ $bad -eq 0 ] && echo "check-source: ok"
exit $bad

#!/bin/sh
# Source rules a compiler can't enforce (style.md part C):
#  - src/core is pure: no I/O headers, no database, server or drawing libs;
#  - nobody calls the banned unbounded or non-reentrant libc functions;
#  - variadic functions are checked by the compiler (format or sentinel);
#  - no submission state is written as a literal in app SQL;
#  - no transaction is opened outside the write door (app/door.c);
#  - the CLI and HTTP test scripts read their database through
#    tests/lib/sql.sh, so they run on both backends.
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
# Submission states in app SQL come from the workflow table (core/
# workflow.c: wf_from_codes, wf_reviewed_codes, sub_state_code), bound as
# values, never written as SQL literals: a state renamed or a transition
# added then changes one table, not a query that silently stops matching.
states=$(grep -nE "'(none|draft|submitted|returned|approved|published)'" src/app/*.c)
if [ -n "$states" ]; then
	echo "submission state written as an SQL literal (bind it from core/workflow.c):"
	echo "$states"; bad=1
fi
# Transactions belong to the write door (app/door.c, issue 13): it
# checks, asks the policy, audits, commits or rolls back, and retries a
# transaction the database lost for now, the same way for every write use
# case. db/ implements them (and migrations run their own).
tx=$(grep -nE '\b(db_begin|db_commit|db_rollback)[[:space:]]*\(|"[[:space:]]*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT)\b' \
	src/*/*.c src/*/*.h | grep -vE '^src/(db/|app/door\.c:)')
if [ -n "$tx" ]; then
	echo "transaction outside the write door (write a struct door, app/door.h):"
	echo "$tx"; bad=1
fi
# Every variadic function declared in a header says how the compiler
# checks its arguments: printf-like ones carry format(printf, ...), the
# NULL-terminated ones (h_open, h_elem) carry sentinel.
unchecked=$(awk '
	/^[[:space:]]*(\/\*|\*)/ { next }
	/\.\.\.\)/ { decl = $0; at = FILENAME ":" FNR; open = 1 }
	open && !/\.\.\.\)/ { decl = decl $0 }
	open && /;/ {
		if (decl !~ /format\(|sentinel/) print at ": " decl
		open = 0
	}' src/*/*.h)
if [ -n "$unchecked" ]; then
	echo "variadic function without format or sentinel attribute:"
	echo "$unchecked"; bad=1
fi
# Test scripts reach the database through tests/lib/sql.sh (q, qd, lines,
# calc, csvq, sql_dump), never by calling sqlite3 themselves: then
# tests/pg/run.sh runs each of them on PostgreSQL too. The one exception
# is about SQLite itself: tests/cli/workflow-sqlite.sh (files of older
# schemas made by hand, backup files, the write lock), run on SQLite only.
direct=$(grep -nE '(^|[^[:alnum:]_./-])sqlite3[[:space:]]+[^[:space:]]' tests/cli/*.sh tests/http/*.sh |
	grep -vE '^[^:]*:[0-9]+:[[:space:]]*#' | grep -v '^tests/cli/workflow-sqlite\.sh:')
if [ -n "$direct" ]; then
	echo "test script calls sqlite3 itself (use tests/lib/sql.sh: q, qd, lines, calc):"
	echo "$direct"; bad=1
fi
# sentinel_call CALL: compiles CALL against web.h; prints the compiler's
# output. The well-formed calls must compile, and each call missing its
# NULL must fail with "missing sentinel" (-Wformat, an error with -Werror).
sentinel_call() {
	printf '#include "src/web/web.h"\nvoid f(struct buf *b);\nvoid f(struct buf *b) { %s; }\n' "$1" |
		${CC:-gcc} -std=c17 -D_POSIX_C_SOURCE=200809L -I. -Wall -Werror \
			-fsyntax-only -x c - 2>&1
}
if ! out=$(sentinel_call 'h_open(b, "p", "class", "x", NULL); h_elem(b, "p", "t", NULL)'); then
	echo "sentinel check: well-formed calls do not compile:"; echo "$out"; bad=1
fi
for call in 'h_open(b, "p", "class", "x")' 'h_open(b, "p")' 'h_elem(b, "p", "t")' \
	'h_elem(b, "a", "t", "href", "/")'; do
	if out=$(sentinel_call "$call") || ! echo "$out" | grep -q sentinel; then
		echo "sentinel check: $call (no NULL) compiled or failed otherwise:"
		echo "$out"; bad=1
	fi
done
[ $bad -eq 0 ] && echo "check-source: ok"
exit $bad

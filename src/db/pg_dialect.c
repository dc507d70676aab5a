/* SQLite dialect → PostgreSQL (pg_dialect.h). No I/O. */
#include "pg_dialect.h"

#include <ctype.h>
#include <regex.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/buf.h"

struct tr {
	const char *s; /* the input, at the current position */
	struct buf out;
	bool script; /* a migration (DDL) rather than one statement */
	int maxparam;
	char prev[16]; /* the previous word, upper-case */
	char last;     /* the last character written that is not space */
	const char *refused;
};

/* Words SQLite has and PostgreSQL lacks or reads otherwise, refused. */
static const char *const REFUSED[] = {
	"PRAGMA",
	"GLOB",
	"AUTOINCREMENT",
	"ROWID",
	"STRFTIME",
	"DATETIME",
	"JULIANDAY",
	"UNIXEPOCH",
	"GROUP_CONCAT",
	"IIF",
	"TYPEOF",
	"IFNULL",
	"LAST_INSERT_ROWID",
	"CHANGES",
	"TOTAL_CHANGES",
	"RANDOMBLOB",
	"ZEROBLOB",
	"PRINTF",
	"SQLITE_SCHEMA",
	"SQLITE_MASTER",
	"WITHOUT",
	"VACUUM",
	"ATTACH",
	NULL,
};

static bool
is_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

static void
put(struct tr *t, const char *s, size_t n)
{
	buf_put(&t->out, s, n);
	for (size_t i = n; i > 0; i--)
		if (!isspace((unsigned char)s[i - 1])) {
			t->last = s[i - 1];
			break;
		}
}

/* Copies a quoted run ('…' or "…", doubled quotes inside) unchanged. */
static void
quoted(struct tr *t)
{
	char q = *t->s;
	const char *p = t->s + 1;
	while (*p != '\0' && !(*p == q && p[1] != q))
		p += *p == q ? 2 : 1;
	if (*p == q)
		p++;
	put(t, t->s, (size_t)(p - t->s));
	t->s = p;
}

static void
comment(struct tr *t)
{
	const char *p = strchr(t->s, '\n');
	size_t n = p ? (size_t)(p - t->s) : strlen(t->s);
	buf_put(&t->out, t->s, n);
	t->s += n;
}

static void
param(struct tr *t)
{
	const char *p = t->s + 1;
	int n = 0;
	while (isdigit((unsigned char)*p) && n < 10000)
		n = n * 10 + (*p++ - '0');
	if (p == t->s + 1)
		n = t->maxparam + 1;
	if (n > t->maxparam)
		t->maxparam = n;
	buf_printf(&t->out, "$%d", n);
	t->last = '0';
	t->s = p;
}

static const char *
skip_space(const char *p)
{
	while (isspace((unsigned char)*p))
		p++;
	return p;
}

static bool
word_is(const char *p, const char *w)
{
	size_t n = strlen(w);
	return strncasecmp(p, w, n) == 0 && !is_word_char(p[n]);
}

static const char *
refused_word(const char *w)
{
	for (const char *const *r = REFUSED; *r != NULL; r++)
		if (strcasecmp(w, *r) == 0)
			return *r;
	return strncasecmp(w, "SQLITE_", 7) == 0 ? "SQLITE_…" : NULL;
}

/* CREATE TRIGGER name BEFORE op ON table BEGIN SELECT RAISE(ABORT,
 * 'why'); END; — the only trigger form the migrations use. */
static const char TRIGGER_RE[] =
	"^CREATE[[:space:]]+TRIGGER[[:space:]]+([A-Za-z0-9_]+)[[:space:]]+"
	"(BEFORE|AFTER)[[:space:]]+(UPDATE|DELETE|INSERT)[[:space:]]+ON"
	"[[:space:]]+([A-Za-z0-9_]+)[[:space:]]+BEGIN[[:space:]]+SELECT"
	"[[:space:]]+RAISE\\(ABORT,[[:space:]]*'([^']*)'\\);[[:space:]]*"
	"END;";

static char *translate(const char *sql, bool script, int *nparams,
		       const char **refused);

/* CREATE TRIGGER name AFTER op ON table BEGIN statements END; — a row
 * trigger that writes (the page stamps): its statements, which read NEW
 * and OLD as PostgreSQL's do, become a function's body. */
static const char AFTER_RE[] =
	"^CREATE[[:space:]]+TRIGGER[[:space:]]+([A-Za-z0-9_]+)[[:space:]]+"
	"AFTER[[:space:]]+(UPDATE|DELETE|INSERT)[[:space:]]+ON[[:space:]]+"
	"([A-Za-z0-9_]+)[[:space:]]+BEGIN[[:space:]]";

/* The END; closing a trigger's body at or after s, or NULL. */
static const char *
body_end(const char *s)
{
	for (const char *p = strstr(s, "END;"); p != NULL;
	     p = strstr(p + 4, "END;"))
		if (isspace((unsigned char)p[-1]) || p[-1] == ';')
			return p;
	return NULL;
}

static bool
after_trigger(struct tr *t)
{
	regex_t re;
	regmatch_t m[4];
	if (regcomp(&re, AFTER_RE, REG_EXTENDED | REG_ICASE) != 0)
		return false;
	bool ok = regexec(&re, t->s, 4, m, 0) == 0;
	regfree(&re);
	const char *body = t->s + (ok ? m[0].rm_eo : 0);
	const char *end = ok ? body_end(body) : NULL;
	const char *stop = end;
	while (stop != NULL && stop > body && isspace((unsigned char)stop[-1]))
		stop--;
	char *src = end ? strndup(body, (size_t)(stop - body)) : NULL;
	const char *refused = NULL;
	char *pg = src ? translate(src, false, NULL, &refused) : NULL;
	free(src);
	if (pg == NULL)
		return false;
#define G(i) (int)(m[i].rm_eo - m[i].rm_so), t->s + m[i].rm_so
	buf_printf(&t->out,
		   "CREATE FUNCTION %.*s_fn() RETURNS trigger LANGUAGE plpgsql "
		   "AS $$BEGIN %s RETURN NULL; END$$;\n"
		   "CREATE TRIGGER %.*s AFTER %.*s ON %.*s FOR EACH ROW "
		   "EXECUTE FUNCTION %.*s_fn();",
		   G(1), pg, G(1), G(2), G(3), G(1));
#undef G
	free(pg);
	t->last = ';';
	t->s = end + 4;
	return true;
}

static bool
trigger(struct tr *t)
{
	regex_t re;
	regmatch_t m[6];
	if (regcomp(&re, TRIGGER_RE, REG_EXTENDED | REG_ICASE) != 0)
		return false;
	bool ok = regexec(&re, t->s, 6, m, 0) == 0;
	regfree(&re);
	if (!ok)
		return after_trigger(t);
#define G(i) (int)(m[i].rm_eo - m[i].rm_so), t->s + m[i].rm_so
	buf_printf(&t->out,
		   "CREATE FUNCTION %.*s_fn() RETURNS trigger LANGUAGE plpgsql "
		   "AS $$BEGIN RAISE EXCEPTION '%.*s'; END$$;\n"
		   "CREATE TRIGGER %.*s %.*s %.*s ON %.*s FOR EACH ROW "
		   "EXECUTE FUNCTION %.*s_fn();",
		   G(1), G(5), G(1), G(2), G(3), G(4), G(1));
#undef G
	t->last = ';';
	t->s += m[0].rm_eo;
	return true;
}

/* Names SQLite takes as identifiers that PostgreSQL reserves (an index
 * is called session_user): quoted in migrations. */
static const char *const RESERVED[] = {
	"SESSION_USER", "CURRENT_USER", "CURRENT_ROLE", "USER", NULL,
};

static bool
reserved(const char *w)
{
	for (const char *const *r = RESERVED; *r != NULL; r++)
		if (strcmp(w, *r) == 0)
			return true;
	return false;
}

static const char IDENTITY[] =
	"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";

/* A word of a migration: the DDL rewrites. True if it was handled. */
static bool
script_word(struct tr *t, const char *w, size_t n)
{
	const char *after = skip_space(t->s + n);
	if (strcasecmp(w, "INTEGER") == 0 && word_is(after, "PRIMARY") &&
	    word_is(skip_space(after + 7), "KEY")) {
		put(t, IDENTITY, sizeof(IDENTITY) - 1);
		t->s = skip_space(after + 7) + 3;
		return true;
	}
	if (strcasecmp(w, "INTEGER") == 0) {
		put(t, "BIGINT", 6);
		t->s += n;
		return true;
	}
	if (reserved(w)) {
		buf_putc(&t->out, '"');
		for (size_t i = 0; i < n; i++)
			buf_putc(&t->out,
				 (char)tolower((unsigned char)t->s[i]));
		buf_putc(&t->out, '"');
		t->last = '"';
		t->s += n;
		return true;
	}
	if (strcasecmp(w, "STRICT") == 0 && t->last == ')') {
		while (t->out.len > 0 && t->out.p[t->out.len - 1] == ' ')
			t->out.p[--t->out.len] = '\0';
		t->s += n;
		return true;
	}
	return strcasecmp(w, "CREATE") == 0 && word_is(after, "TRIGGER") &&
	       trigger(t);
}

/* Whether the word (upper-cased in w) must be refused. */
static const char *
refusal(const struct tr *t, const char *w, const char *after)
{
	const char *r = refused_word(w);
	if (r != NULL)
		return r;
	if (strcmp(t->prev, "INSERT") == 0 && strcmp(w, "OR") == 0)
		return "INSERT OR";
	if (strcmp(w, "REPLACE") == 0 && word_is(after, "INTO"))
		return "REPLACE INTO";
	if (strcmp(w, "CREATE") == 0 && t->script && word_is(after, "TRIGGER"))
		return "CREATE TRIGGER";
	return NULL;
}

static void
word(struct tr *t)
{
	size_t n = 0;
	while (is_word_char(t->s[n]))
		n++;
	char w[32];
	size_t k = n < sizeof(w) - 1 ? n : sizeof(w) - 1;
	for (size_t i = 0; i < k; i++)
		w[i] = (char)toupper((unsigned char)t->s[i]);
	w[k] = '\0';
	const char *after = skip_space(t->s + n);
	bool done = (t->script && script_word(t, w, n)) ||
		    (t->refused = refusal(t, w, after)) != NULL;
	memcpy(t->prev, w, k < sizeof(t->prev) ? k + 1 : sizeof(t->prev));
	t->prev[sizeof(t->prev) - 1] = '\0';
	if (done)
		return;
	if (strcmp(w, "INSTR") == 0 && *after == '(') {
		put(t, "strpos", 6);
		t->s += n;
		return;
	}
	put(t, t->s, n);
	t->s += n;
}

static char *
translate(const char *sql, bool script, int *nparams, const char **refused)
{
	struct tr t = { .s = sql, .script = script };
	buf_init(&t.out, 0);
	while (*t.s != '\0' && t.refused == NULL) {
		char c = *t.s;
		if (c == '\'' || c == '"')
			quoted(&t);
		else if (c == '-' && t.s[1] == '-')
			comment(&t);
		else if (c == '?')
			param(&t);
		else if (isalpha((unsigned char)c) || c == '_')
			word(&t);
		else
			put(&t, t.s++, 1);
	}
	*refused = t.refused;
	if (nparams != NULL)
		*nparams = t.maxparam;
	if (t.refused != NULL || t.out.err != TS_OK) {
		buf_release(&t.out);
		return NULL;
	}
	return buf_take(&t.out);
}

char *
pg_stmt_sql(const char *sql, int *nparams, const char **refused)
{
	return translate(sql, false, nparams, refused);
}

/* Where a migration must differ, one file holds both: lines between
 * "-- sqlite:begin" and "-- sqlite:end" are SQLite's alone (a table
 * rebuild, which PostgreSQL does with ALTER TABLE), and a line
 * "-- pg: SQL" is PostgreSQL's alone (a comment to SQLite). */
static bool
line_is(const char *p, const char *end, const char *w)
{
	size_t n = strlen(w);
	return (size_t)(end - p) >= n && strncmp(p, w, n) == 0;
}

static char *
sections(const char *sql)
{
	struct buf b;
	bool skip = false;
	buf_init(&b, 0);
	for (const char *p = sql; *p != '\0';) {
		const char *nl = strchr(p, '\n');
		const char *end = nl ? nl + 1 : p + strlen(p);
		if (line_is(p, end, "-- sqlite:begin"))
			skip = true;
		else if (line_is(p, end, "-- sqlite:end"))
			skip = false;
		else if (line_is(p, end, "-- pg: "))
			buf_put(&b, p + 7, (size_t)(end - p - 7));
		else if (!skip)
			buf_put(&b, p, (size_t)(end - p));
		p = end;
	}
	if (b.err != TS_OK) {
		buf_release(&b);
		return NULL;
	}
	return buf_take(&b);
}

char *
pg_script_sql(const char *sql, const char **refused)
{
	*refused = NULL;
	char *own = sections(sql);
	if (own == NULL)
		return NULL;
	char *out = translate(own, true, NULL, refused);
	free(own);
	return out;
}

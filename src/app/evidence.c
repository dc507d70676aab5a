#include "evidence.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <magic.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/err.h"
#include "../util/timeutil.h"
#include "../util/vnstr.h"
#include "door.h"
#include "fileio.h"
#include "stats.h"
#include "submission.h"
#include "submission_int.h"
#include "text.h"

/* Types sniffed from content (never from the name) that may be kept. */
/* A file error, said in Vietnamese with the path: "what: reason". */
static void
io_problem(struct diags *d, const char *path, const char *what)
{
	char why[TS_ERRNO_TEXT_SIZE];
	diags_add(d, path, "%s: %s", what, ts_errno_text(errno, why));
}

static const char *const ALLOWED[] = {
	"application/pdf",
	"image/png",
	"image/jpeg",
	"image/gif",
	"image/webp",
	"text/plain",
	"text/csv",
	"application/msword",
	"application/vnd.ms-excel",
	"application/vnd.ms-powerpoint",
	"application/vnd.openxmlformats-officedocument.",
	"application/vnd.oasis.opendocument.",
	NULL,
};

static bool
allowed(const char *mime)
{
	for (const char *const *p = ALLOWED; *p; p++)
		if (strncmp(mime, *p, strlen(*p)) == 0 &&
		    ((*p)[strlen(*p) - 1] == '.' || strlen(mime) == strlen(*p)))
			return true;
	return false;
}

static bool
sniff(const char *buf, size_t len, char *out, size_t n)
{
	magic_t m = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS);
	const char *t = NULL;
	if (m != NULL && magic_load(m, NULL) == 0)
		t = magic_buffer(m, buf, len < (1u << 20) ? len : (1u << 20));
	snprintf(out, n, "%s", t ? t : "application/octet-stream");
	magic_close(m);
	return t != NULL;
}

char *
evidence_blob_path(const struct app *app, const char *sha)
{
	struct buf b;
	buf_init(&b, 8192);
	buf_printf(&b, "%s/%.2s/%s", app->blob_dir, sha, sha + 2);
	return b.err == TS_OK ? buf_take(&b) : (buf_release(&b), NULL);
}

static int
mkdir_p(const char *dir)
{
	if (mkdir(dir, 0750) == 0 || errno == EEXIST)
		return 0;
	return -1;
}

static int
fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The blob being written: a temp file in the blob store, hashed as it
 * is written, so no file is ever held whole in memory. */
struct blob_tmp {
	char path[8192];
	int fd;
	crypto_hash_sha256_state h;
	size_t size;
};

static int
blob_tmp_open(const struct app *app, struct blob_tmp *t)
{
	snprintf(t->path, sizeof(t->path), "%s/.tmp-XXXXXX", app->blob_dir);
	t->size = 0;
	crypto_hash_sha256_init(&t->h);
	if (mkdir_p(app->blob_dir) != 0)
		return t->fd = -1;
	return t->fd = mkstemp(t->path);
}

static int
blob_tmp_put(struct blob_tmp *t, const char *p, size_t n)
{
	crypto_hash_sha256_update(&t->h, (const unsigned char *)p, n);
	t->size += n;
	return write_all(t->fd, p, n);
}

/* fsyncs it and renames it to its content's name (or drops it if that
 * content is already stored), then fsyncs the directory: after a crash
 * the blob is either whole under its name or absent. */
static int
blob_tmp_commit(const struct app *app, struct blob_tmp *t, char sha[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	struct stat st;
	crypto_hash_sha256_final(&t->h, h);
	sodium_bin2hex(sha, 65, h, sizeof(h));
	int rc = fsync(t->fd);
	rc |= close(t->fd);
	t->fd = -1;
	char *final = rc == 0 ? evidence_blob_path(app, sha) : NULL;
	char *dir = final ? strdup(final) : NULL;
	if (dir == NULL)
		rc = -1;
	else if (stat(final, &st) == 0 && (size_t)st.st_size == t->size)
		unlink(t->path); /* identical content already stored */
	else if (mkdir_p(dirname(dir)) != 0 || rename(t->path, final) != 0 ||
		 fsync_dir(dir) != 0)
		rc = -1;
	free(dir);
	free(final);
	return rc;
}

static void
blob_tmp_drop(struct blob_tmp *t)
{
	if (t->fd >= 0)
		close(t->fd);
	unlink(t->path);
}

const char *
evidence_kind_code(enum evidence_kind k)
{
	return k == EVIDENCE_LINK   ? "link"
	       : k == EVIDENCE_FACT ? "fact"
				    : "file";
}

static enum ts_err
insert_meta(struct app *app, const struct actor *who, int64_t unit,
	    const char *name, const struct evidence_added *ev,
	    enum evidence_kind kind)
{
	static const char ins[] =
		"INSERT INTO evidence(unit_id, sha256, name, mime, size, "
		"uploaded_by, at, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
		"ON CONFLICT DO NOTHING";
	struct db_stmt *st = db_prep(app->db, ins);
	if (st == NULL)
		return TS_EDB;
	char now[TS_TIME_SIZE];
	db_bind_int(st, 1, unit);
	db_bind_text(st, 2, ev->sha256);
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, ev->mime);
	db_bind_int(st, 5, (int64_t)ev->size);
	db_bind_text(st, 6, who->login);
	db_bind_text(st, 7, ts_time_format(ts_time_now(), now));
	db_bind_text(st, 8, evidence_kind_code(kind));
	return db_exec_stmt(st);
}

static enum ts_err
find_id(struct app *app, int64_t unit, const char *sha, int64_t *id)
{
	static const char sql[] =
		"SELECT id FROM evidence WHERE unit_id = ? AND sha256 = ?";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, unit);
	db_bind_text(st, 2, sha);
	enum db_step r = db_step(st);
	if (r == DB_ROW)
		*id = db_col_int(st, 0);
	db_done(st);
	return r == DB_ROW ? TS_OK : r == DB_DONE ? TS_ENOTFOUND : TS_EDB;
}

static enum ts_err
link_criterion(struct app *app, int64_t ev, int64_t sub, const char *crit)
{
	static const char sql[] =
		"INSERT INTO evidence_link(evidence_id, submission_id, "
		"criterion_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, ev);
	db_bind_int(st, 2, sub);
	db_bind_text(st, 3, crit);
	return db_exec_stmt(st);
}

static bool
has_criterion(const struct rubric *r, const char *id)
{
	for (size_t i = 0; id && i < r->ncriteria; i++)
		if (strcmp(r->criteria[i]->id, id) == 0)
			return true;
	return false;
}

/* A statistics report's evidence goes to one of its indicators, keyed by
 * the indicator's code where a self-assessment's goes to a criterion's
 * id (a code starts with a letter, an id with its group's number). */
static enum ts_err
has_indicator(struct app *app, const struct submission *s, const char *code,
	      struct arena *a, struct diags *d)
{
	struct stats_info info;
	enum ts_err e = stats_info_get(app, s->campaign.id, a, &info, d);
	if (e == TS_OK && (code == NULL || ind_find(info.set, code) == NULL)) {
		diags_add(d, s->unit.code, "không có chỉ số \"%s\"",
			  code ? code : "");
		e = TS_EINVAL;
	}
	ind_set_free(info.set);
	return e;
}

#define SNIFF_BYTES ((size_t)1 << 20)

static const struct blob_rules EVIDENCE_RULES = {
	EVIDENCE_MAX_BYTES,
	EVIDENCE_ACCEPTS,
	allowed,
};

/* Types the file from its first bytes: empty and unknown types refused. */
static enum ts_err
check_head(const char *path, const char *head, size_t len,
	   const struct blob_rules *rules, struct evidence_added *out,
	   struct diags *d)
{
	sniff(head, len, out->mime, sizeof(out->mime));
	if (len == 0) {
		diags_add(d, path, "tệp rỗng");
		return TS_EINVAL;
	}
	if (!rules->allowed(out->mime)) {
		diags_add(d, path, "loại tệp này không được nhận (%s)",
			  rules->accepts);
		return TS_EINVAL;
	}
	if (len > rules->max) {
		diags_add(d, path, "tệp quá lớn (%s)", rules->accepts);
		return TS_ELIMIT;
	}
	return TS_OK;
}

/* Copies the rest of f after its head into the blob, within the limit. */
static enum ts_err
copy_rest(FILE *f, const char *path, struct blob_tmp *t, char *buf,
	  size_t bufsize, const struct blob_rules *rules, struct diags *d)
{
	size_t n;
	while ((n = fread(buf, 1, bufsize, f)) > 0) {
		if (t->size + n > rules->max) {
			diags_add(d, path, "tệp quá lớn (%s)", rules->accepts);
			return TS_ELIMIT;
		}
		if (blob_tmp_put(t, buf, n) != 0)
			break;
	}
	if (ferror(f) || n > 0) {
		io_problem(d, path, "không ghi được tệp minh chứng");
		return TS_EIO;
	}
	return TS_OK;
}

/* The copy of an open file into the blob store, its head typed first. */
static enum ts_err
store_open(const struct app *app, FILE *f, const char *path, char *buf,
	   const struct blob_rules *rules, struct blob_tmp *t,
	   struct evidence_added *out, struct diags *d)
{
	size_t n = fread(buf, 1, SNIFF_BYTES, f);
	enum ts_err e = check_head(path, buf, n, rules, out, d);
	if (e != TS_OK)
		return e;
	if (blob_tmp_open(app, t) < 0 || blob_tmp_put(t, buf, n) != 0) {
		io_problem(d, path, "không ghi được tệp minh chứng");
		return TS_EIO;
	}
	e = copy_rest(f, path, t, buf, SNIFF_BYTES, rules, d);
	out->size = t->size;
	if (e == TS_OK && blob_tmp_commit(app, t, out->sha256) != 0) {
		io_problem(d, path, "không ghi được tệp minh chứng");
		e = TS_EIO;
	}
	return e;
}

/* Stores the file at path ("-": stdin) by content, streaming: its head
 * is typed by libmagic, then everything is hashed as it is copied. */
static enum ts_err
store_file(const struct app *app, const char *path,
	   const struct blob_rules *rules, struct evidence_added *out,
	   struct diags *d)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *buf = malloc(SNIFF_BYTES);
	struct blob_tmp t = { .fd = -1 };
	enum ts_err e = TS_OK;
	if (f == NULL || buf == NULL) {
		io_problem(d, path, "không mở được tệp");
		e = f == NULL && errno == ENOENT ? TS_ENOTFOUND : TS_EIO;
		goto out;
	}
	e = store_open(app, f, path, buf, rules, &t, out, d);
out:
	if (e != TS_OK && t.fd >= 0)
		blob_tmp_drop(&t);
	if (f != NULL && f != stdin)
		fclose(f);
	free(buf);
	return e;
}

enum ts_err
evidence_store(const struct app *app, const char *path,
	       const struct blob_rules *rules, struct evidence_added *out,
	       struct diags *d)
{
	return store_file(app, path, rules, out, d);
}

/* The name users see: no directories (either slash), no control
 * characters, NFC, at most 200 bytes cut at a character boundary. */
const char *
evidence_clean_name(struct arena *a, const char *given)
{
	const char *base = given;
	for (const char *p = given; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	char *s = vn_nfc(a, base[0] ? base : "tep");
	if (s == NULL)
		return "tep";
	size_t o = 0;
	for (size_t i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] >= 0x20 && s[i] != 0x7f)
			s[o++] = s[i];
	s[o] = '\0';
	if (o > 200) {
		o = vn_prefix_fitting(s, o, 200);
		s[o] = '\0';
	}
	return o ? s : "tep";
}

static enum ts_err
record(struct app *app, const struct actor *who, const struct submission *s,
       const char *crit, const char *name, struct evidence_added *out,
       enum evidence_kind kind)
{
	char obj[160];
	int64_t before = 0;
	enum ts_err e = find_id(app, s->unit.id, out->sha256, &before);
	out->reused = e == TS_OK;
	if (e == TS_ENOTFOUND || e == TS_OK)
		e = insert_meta(app, who, s->unit.id, name, out, kind);
	if (e == TS_OK)
		e = find_id(app, s->unit.id, out->sha256, &out->id);
	if (e == TS_OK)
		e = link_criterion(app, out->id, s->id, crit);
	snprintf(obj, sizeof(obj), "evidence:%lld", (long long)out->id);
	if (e == TS_OK)
		e = audit_add(app, who,
			      kind == EVIDENCE_FILE   ? "evidence.add"
			      : kind == EVIDENCE_LINK ? "evidence.link"
						      : "evidence.fact",
			      obj, kind == EVIDENCE_FILE ? out->sha256 : name);
	return e;
}

/* The submission evidence goes to: one the school may still edit (a
 * draft or a returned one, never one under review or published), saved
 * once, with that criterion. */
static enum ts_err
open_target(struct app *app, const struct actor *who, int64_t cid,
	    const char *unit, const char *crit, struct arena *a,
	    struct submission *s, struct diags *d)
{
	enum ts_err e = a ? sub_open_for(app, who, cid, unit, ACT_SAVE, a, s, d)
			  : TS_ENOMEM;
	bool stats = e == TS_OK && strcmp(s->campaign.kind, "thong-ke") == 0;
	if (e == TS_OK && s->id == 0) {
		diags_add(d, unit,
			  stats ? "hãy lưu số liệu thống kê trước khi gắn "
				  "minh chứng"
				: "hãy lưu bản tự đánh giá trước khi gắn minh "
				  "chứng");
		e = TS_EINVAL;
	}
	if (e == TS_OK && stats)
		e = has_indicator(app, s, crit, a, d);
	else if (e == TS_OK && !has_criterion(s->rubric, crit)) {
		diags_add(d, unit, "không có tiêu chí \"%s\"", crit);
		e = TS_EINVAL;
	}
	return e;
}

/* A write of evidence: the door's input. */
struct ev_job {
	int64_t cid, id; /* id: the evidence to remove */
	const char *unit, *crit;
	enum evidence_kind kind;
	const char *text; /* a file's name, or the link or fact */
	struct evidence_added *out;
	struct submission s;
};

/* The submission, opened again inside the transaction: what is checked
 * is what is written. */
static enum ts_err
ev_resolve(struct door_ctx *c, struct door_target *t)
{
	struct ev_job *j = c->in;
	enum ts_err e = open_target(c->app, c->who, j->cid, j->unit, j->crit,
				    c->a, &j->s, c->d);
	*t = (struct door_target){ PK_SUBMISSION, j->s.scope_path,
				   (int)j->s.state, j->unit };
	return e;
}

static enum ts_err
ev_record(struct door_ctx *c, struct ev_job *j, const char *name)
{
	enum ts_err e = record(c->app, c->who, &j->s, j->crit, name, j->out,
			       j->kind);
	if (e != TS_OK)
		app_db_error(c->app, c->d, "ghi minh chứng");
	return e;
}

static enum ts_err
file_body(struct door_ctx *c)
{
	struct ev_job *j = c->in;
	return ev_record(c, j, j->text);
}

static const struct door EV_FILE = {
	"evidence.add", PA_SAVE, "ghi minh chứng", NULL, ev_resolve, file_body,
};

enum ts_err
evidence_add(struct app *app, const struct actor *who, int64_t cid,
	     const char *unit, const char *crit, const char *path,
	     const char *name, struct evidence_added *out, struct diags *d)
{
	struct arena *a = arena_new();
	struct submission s;
	memset(out, 0, sizeof(*out));
	/* Checked before the file is stored, and again by the door. */
	enum ts_err e = open_target(app, who, cid, unit, crit, a, &s, d);
	if (e == TS_OK && sodium_init() < 0)
		e = TS_ENOMEM;
	if (e == TS_OK)
		e = evidence_store(app, path, &EVIDENCE_RULES, out, d);
	struct ev_job j = {
		cid,
		0,
		unit,
		crit,
		EVIDENCE_FILE,
		e == TS_OK ? evidence_clean_name(a, name ? name : path) : NULL,
		out,
		{ 0 }
	};
	if (e == TS_OK)
		e = door_run(app, who, &EV_FILE, &j, NULL, d);
	arena_free(a);
	return e;
}

/* An absolute http(s) URL with a host, no spaces, quotes or angle
 * brackets: safe to show as a link (never javascript: or data:). */
static bool
web_url(const char *s)
{
	size_t skip = strncasecmp(s, "https://", 8) == 0  ? 8
		      : strncasecmp(s, "http://", 7) == 0 ? 7
							  : 0;
	if (skip == 0 || s[skip] == '\0' || strchr("/?#:@", s[skip]))
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || strchr("\"'<>\\`{}|^", *p))
			return false;
	return true;
}

/* A copy of t without the spaces and tabs around it (*n bytes). */
static char *
trimmed(struct arena *a, const char *t, size_t *n)
{
	while (*t == ' ' || *t == '\t')
		t++;
	*n = strlen(t);
	while (*n > 0 && (t[*n - 1] == ' ' || t[*n - 1] == '\t'))
		(*n)--;
	return arena_strndup(a, t, *n);
}

static bool
has_control(const char *c)
{
	for (; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			return true;
	return false;
}

/* The text, cleaned (NFC, trimmed) and checked; NULL after a message. */
static const char *
text_problem(struct arena *a, enum evidence_kind kind, const char *text,
	     struct diags *d, const char *where)
{
	const char *t = text;
	const struct text_field tf[] = {
		{ kind == EVIDENCE_LINK ? "đường link" : "dữ kiện", &t,
		  EVIDENCE_TEXT_MAX, TEXT_REQUIRED },
	};
	if (text_check(a, tf, 1, d) != TS_OK)
		return NULL;
	size_t n = 0;
	char *c = t ? trimmed(a, t, &n) : NULL;
	if (c == NULL || n == 0 || n > EVIDENCE_TEXT_MAX || has_control(c))
		diags_add(d, where,
			  "%s phải có từ 1 đến %d ký tự trên một dòng",
			  kind == EVIDENCE_LINK ? "đường link" : "dữ kiện",
			  EVIDENCE_TEXT_MAX);
	else if (kind == EVIDENCE_LINK && !web_url(c))
		diags_add(d, where,
			  "đường link \"%s\" không hợp lệ (phải bắt "
			  "đầu bằng http:// hoặc https://)",
			  c);
	else
		return c;
	return NULL;
}

/* The sha256, type and size of a link or fact (the kind is hashed too:
 * a fact never matches a link). */
static void
text_identity(enum evidence_kind kind, const char *t,
	      struct evidence_added *out)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;
	crypto_hash_sha256_init(&st);
	const char *k = evidence_kind_code(kind);
	crypto_hash_sha256_update(&st, (const unsigned char *)k, strlen(k) + 1);
	crypto_hash_sha256_update(&st, (const unsigned char *)t, strlen(t));
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(out->sha256, sizeof(out->sha256), h, sizeof(h));
	snprintf(out->mime, sizeof(out->mime), "%s",
		 kind == EVIDENCE_LINK ? "text/uri-list" : "text/plain");
	out->size = strlen(t);
}

static enum ts_err
text_body(struct door_ctx *c)
{
	struct ev_job *j = c->in;
	memset(j->out, 0, sizeof(*j->out));
	const char *t = j->kind != EVIDENCE_FILE
				? text_problem(c->a, j->kind, j->text, c->d,
					       j->crit)
				: NULL;
	if (t == NULL)
		return TS_EINVAL;
	if (sodium_init() < 0)
		return TS_ENOMEM;
	text_identity(j->kind, t, j->out);
	return ev_record(c, j, t);
}

static const struct door EV_TEXT = {
	"evidence.link", PA_SAVE, "ghi minh chứng", NULL, ev_resolve, text_body,
};

enum ts_err
evidence_add_text(struct app *app, const struct actor *who, int64_t cid,
		  const char *unit, const char *crit, enum evidence_kind kind,
		  const char *text, struct evidence_added *out, struct diags *d)
{
	struct ev_job j = { cid, 0, unit, crit, kind, text, out, { 0 } };
	memset(out, 0, sizeof(*out));
	return door_run(app, who, &EV_TEXT, &j, NULL, d);
}

static void
fill_item(struct db_stmt *st, struct arena *a, void *p)
{
	struct evidence_item *v = p;
	v->id = db_col_int(st, 0);
	v->criterion_id = db_col_dup(st, 1, a);
	v->name = db_col_dup(st, 2, a);
	v->mime = db_col_dup(st, 3, a);
	v->size = db_col_int(st, 4);
	v->sha256 = db_col_dup(st, 5, a);
	v->uploaded_by = db_col_dup(st, 6, a);
	v->at = db_col_dup(st, 7, a);
	const char *k = db_col_text(st, 8);
	v->kind = k && strcmp(k, "link") == 0	? EVIDENCE_LINK
		  : k && strcmp(k, "fact") == 0 ? EVIDENCE_FACT
						: EVIDENCE_FILE;
}

enum ts_err
evidence_list_of(struct app *app, const struct submission *s, struct arena *a,
		 struct evidence_item **out, size_t *n, struct diags *d)
{
	static const char sql[] =
		"SELECT e.id, l.criterion_id, e.name, e.mime, e.size, e.sha256, "
		"e.uploaded_by, e.at, e.kind FROM evidence_link l JOIN evidence e ON "
		"e.id = l.evidence_id WHERE l.submission_id = ? "
		"ORDER BY l.criterion_id, e.id";
	*n = 0;
	*out = NULL;
	if (s->id == 0)
		return TS_OK;
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return app_db_error(app, d, "đọc minh chứng");
	db_bind_int(st, 1, s->id);
	return db_collect(st, a, sizeof(**out), (void **)out, n, fill_item);
}

enum ts_err
evidence_list(struct app *app, const struct actor *who, int64_t cid,
	      const char *unit, struct arena *a, struct evidence_item **out,
	      size_t *n, struct diags *d)
{
	struct submission s;
	*n = 0;
	*out = NULL;
	enum ts_err e = sub_open(app, who, cid, unit, ACT_VIEW, a, &s, d);
	return e == TS_OK ? evidence_list_of(app, &s, a, out, n, d) : e;
}

static void
fill_campaign(struct db_stmt *st, struct arena *a, void *p)
{
	(void)a;
	*(int64_t *)p = db_col_int(st, 0);
}

/* Whether the actor may read the unit's evidence `id`: the unit's own
 * users, or by the path each campaign that links it froze for the unit
 * (campaign_scope, as every other check of a campaign's submission). */
static bool
may_read(struct app *app, const struct actor *who, int64_t id, int64_t unit,
	 struct arena *a)
{
	static const char sql[] =
		"SELECT DISTINCT s.campaign_id FROM evidence_link l JOIN "
		"submission s ON s.id = l.submission_id WHERE "
		"l.evidence_id = ? ORDER BY 1";
	int64_t *cids = NULL;
	size_t n = 0;
	if (who->unit_id == unit)
		return true;
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return false;
	db_bind_int(st, 1, id);
	if (db_collect(st, a, sizeof(*cids), (void **)&cids, &n,
		       fill_campaign) != TS_OK)
		return false;
	/* Judged by the policy on the path each campaign froze for the
	 * unit, so the office that reviewed it keeps access after a move. */
	for (size_t i = 0; i < n; i++) {
		const char *path = NULL;
		if (campaign_scope_path(app, who, cids[i], unit, a, &path) ==
			    TS_OK &&
		    actor_may(who, PK_EVIDENCE, path, PA_VIEW, NULL, NULL) ==
			    TS_OK)
			return true;
	}
	return false;
}

enum ts_err
evidence_open(struct app *app, const struct actor *who, int64_t id,
	      struct arena *a, char **path, const char **name,
	      const char **mime)
{
	static const char sql[] =
		"SELECT sha256, name, mime, unit_id FROM evidence WHERE id = ? "
		"AND kind = 'file'";
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, id);
	const char *sha = NULL;
	int64_t unit = 0;
	if (db_step(st) == DB_ROW) {
		sha = db_col_dup(st, 0, a);
		*name = db_col_dup(st, 1, a);
		*mime = db_col_dup(st, 2, a);
		unit = db_col_int(st, 3);
	}
	db_done(st);
	/* To anyone who may not read it, it does not exist (ids are
	 * sequential: a different answer would tell which ones do). */
	if (sha == NULL || !may_read(app, who, id, unit, a))
		return TS_ENOTFOUND;
	*path = evidence_blob_path(app, sha);
	return *path != NULL ? TS_OK : TS_ENOMEM;
}

static enum ts_err
unlink_tx(struct app *app, const struct actor *who, const struct submission *s,
	  int64_t id, const char *crit)
{
	static const char sql[] =
		"DELETE FROM evidence_link WHERE evidence_id = ? AND "
		"submission_id = ? AND criterion_id = ?";
	char obj[64];
	struct db_stmt *st = db_prep(app->db, sql);
	if (st == NULL)
		return TS_EDB;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, s->id);
	db_bind_text(st, 3, crit);
	enum ts_err e = db_exec_changed(st);
	snprintf(obj, sizeof(obj), "evidence:%lld", (long long)id);
	if (e == TS_OK)
		e = audit_add(app, who, "evidence.remove", obj, crit);
	return e;
}

static enum ts_err
remove_body(struct door_ctx *c)
{
	struct ev_job *j = c->in;
	enum ts_err e = unlink_tx(c->app, c->who, &j->s, j->id, j->crit);
	if (e == TS_ESTALE)
		diags_add(c->d, j->crit,
			  "minh chứng này không còn gắn với "
			  "tiêu chí %s",
			  j->crit);
	return e;
}

static const struct door EV_REMOVE = {
	"evidence.remove", PA_SAVE,	"gỡ minh chứng", NULL,
	ev_resolve,	   remove_body,
};

enum ts_err
evidence_remove(struct app *app, const struct actor *who, int64_t cid,
		const char *unit, int64_t id, const char *crit, struct diags *d)
{
	struct ev_job j = { cid,	   id,	 unit, crit,
			    EVIDENCE_FILE, NULL, NULL, { 0 } };
	return door_run(app, who, &EV_REMOVE, &j, NULL, d);
}

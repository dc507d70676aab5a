/*
 * Evidence (minh chứng) files: stored once by content (SHA-256) in a blob
 * directory next to the database, written to a temporary file, fsynced and
 * renamed so a crash never leaves half a file under a real name; metadata
 * in the database. The same file can be linked to several criteria and
 * reused in a later campaign; identical files are stored once.
 */
#ifndef TS_EVIDENCE_H
#define TS_EVIDENCE_H

#include <stddef.h>

#include "../core/rubric.h"
#include "app.h"

#define EVIDENCE_MAX_BYTES ((size_t)50 << 20)
/* What a refused file is told, in users' words (never a MIME type). */
#define EVIDENCE_ACCEPTS                                                       \
	"chỉ nhận PDF, ảnh, văn bản, Word, Excel, "                   \
	"PowerPoint hoặc OpenDocument, tối đa 50 MB"

struct evidence_added {
	int64_t id;
	char sha256[65];
	char mime[64];
	size_t size;
	bool reused; /* the unit already had this exact file */
};

/* Stores the file at path and links it to criterion_id of the unit's
 * submission in campaign cid. `name` is what users see (the uploaded
 * file's name; NULL: the base name of path); it is cleaned and never used
 * as a path. */
enum ts_err evidence_add(struct app *app, const struct actor *who, int64_t cid,
			 const char *unit_code, const char *criterion_id,
			 const char *path, const char *name,
			 struct evidence_added *out,
			 struct diags *d) TS_MUSTCHECK;

/* enum evidence_kind (core/rubric.h): what a criterion asks for, and what
 * an evidence row is. */
#define EVIDENCE_TEXT_MAX 500 /* bytes of a link or a fact */

const char *evidence_kind_code(enum evidence_kind k); /* "link" */
/* Links a link (an absolute http or https URL) or a short fact ("Số
 * lượng học liệu: 42") to criterion_id, with the same rules as a file:
 * who may edit the submission, a known criterion, stored once per unit,
 * audited. out->mime is text/uri-list or text/plain. */
enum ts_err evidence_add_text(struct app *app, const struct actor *who,
			      int64_t cid, const char *unit_code,
			      const char *criterion_id, enum evidence_kind kind,
			      const char *text, struct evidence_added *out,
			      struct diags *d) TS_MUSTCHECK;

/* Unlinks evidence `evidence_id` from criterion_id of the unit's
 * submission in campaign cid: only by someone who may edit it, only
 * while it is editable (a draft or returned), audited. The evidence row
 * and its blob stay (the unit's other links and campaigns may use them;
 * a blob is stored once by content). */
enum ts_err evidence_remove(struct app *app, const struct actor *who,
			    int64_t cid, const char *unit_code,
			    int64_t evidence_id, const char *criterion_id,
			    struct diags *d) TS_MUSTCHECK;

/* A stored file the actor may read: the unit's own users, and whoever
 * has the unit in scope by the path a campaign that links it froze (an
 * office keeps the files of the campaigns it reviews after the school
 * moves; the new office sees them once a campaign of its own links
 * them). Outside that, as for a link or a fact, which have no file, and for an id
 * that does not exist: TS_ENOTFOUND):
 * blob path (malloc'd), display name and type (arena). */
enum ts_err evidence_open(struct app *app, const struct actor *who, int64_t id,
			  struct arena *a, char **path, const char **name,
			  const char **mime) TS_MUSTCHECK;

struct evidence_item {
	int64_t id;
	enum evidence_kind kind;
	const char *criterion_id;
	const char *name; /* file name, or the link or fact itself */
	const char *mime;
	int64_t size;
	const char *sha256;
	const char *uploaded_by;
	const char *at;
};
struct arena;
/* Evidence linked to the unit's submission in campaign cid, by criterion. */
enum ts_err evidence_list(struct app *app, const struct actor *who, int64_t cid,
			  const char *unit_code, struct arena *a,
			  struct evidence_item **out, size_t *n,
			  struct diags *d) TS_MUSTCHECK;
struct submission;
/* The same for a submission the caller opened (sub_open, ACT_VIEW): a
 * page that has it does not open it again. */
enum ts_err evidence_list_of(struct app *app, const struct submission *s,
			     struct arena *a, struct evidence_item **out,
			     size_t *n, struct diags *d) TS_MUSTCHECK;

/* What a stored file may be: its size cap, its types (sniffed from the
 * content, never the name) and how a refusal says so. */
struct blob_rules {
	size_t max;
	const char *accepts; /* "chỉ nhận tệp PDF, tối đa 20 MB" */
	bool (*allowed)(const char *mime);
};
/* Stores the file at path ("-": stdin) in the blob store by content
 * (SHA-256), byte for byte, checked against rules; out gets its hash,
 * type and size. No database row: the caller records what it is. */
enum ts_err evidence_store(const struct app *app, const char *path,
			   const struct blob_rules *rules,
			   struct evidence_added *out,
			   struct diags *d) TS_MUSTCHECK;
/* The name users see of an uploaded file: no directories, no control
 * characters, NFC, at most 200 bytes. */
struct arena;
const char *evidence_clean_name(struct arena *a, const char *given);

/* Path of a stored blob (for serving and checks), malloc'd. */
char *evidence_blob_path(const struct app *app, const char *sha256);

#endif

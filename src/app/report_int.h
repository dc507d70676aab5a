/* Shared by the document builders (report_*.c). */
#ifndef TS_REPORT_INT_H
#define TS_REPORT_INT_H

#include "docfield_int.h"
#include "report.h"

/* One document being built. */
struct rb {
	struct app *app;
	const struct actor *who;
	struct arena *a;
	struct diags *d;
	struct rp_doc *doc;
	struct doc_target t;
	struct doc_fields f;
	const struct report_opts *opts;
};

/* Upper-case copy for NĐ 30 headings. */
const char *rb_upper(struct rb *b, const char *s);
/* The NĐ 30 header from the typed fields, defaulting the cơ quan chủ
 * quản to rb_governing(). */
void rb_header(struct rb *b);
/* The default cơ quan chủ quản for a document of that date (rules.md
 * §12, report_governing.c), or NULL for none. */
const char *rb_governing(struct rb *b, int year, int month, int day);
/* A typed text field as body paragraphs, one per line; dotted lines for
 * the user to write on when it is empty. */
void rb_text(struct rb *b, struct rp_section *s, const char *field);
/* The signer's title by unit kind unless typed; Nơi nhận from the typed
 * list, or `deflt` lines. */
void rb_closing(struct rb *b, const char *const *deflt, size_t ndeflt);
/* The legal-basis line: the typed one or "Thực hiện <campaign basis>". */
const char *rb_basis(struct rb *b);
/* The same as one sentence: the typed text, or "<verb> <campaign
 * basis>." ("Thực hiện …", "Căn cứ …"). */
const char *rb_basis_line(struct rb *b, const char *verb);
/* The file name stem: "<kind>-<campaign>-<unit code>". */
void rb_filename(struct rb *b, const char *kind);

/* The builders. */
enum ts_err rb_self_4725(struct rb *b);
enum ts_err rb_self_mn(struct rb *b);
enum ts_err rb_tdm(struct rb *b);
enum ts_err rb_levels(struct rb *b);
enum ts_err rb_listing(struct rb *b);

#endif

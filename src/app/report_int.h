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
	const struct report_kind_info *kind; /* the document being built */
	enum ts_err err; /* the first failure of a helper without a status */
};

/* Records a failure where a helper returns a text, not a status (a
 * header's names): the first one is what report_build returns, so a
 * database error never leaves a name out or puts another in its place.
 * TS_ENOTFOUND is not a failure (nothing to name). */
void rb_fail(struct rb *b, enum ts_err e, const char *what);

/* Upper-case copy for NĐ 30 headings. */
const char *rb_upper(struct rb *b, const char *s);
/* The NĐ 30 header from the typed fields, defaulting the cơ quan chủ
 * quản to rb_governing() and the địa danh to rb_place(). */
void rb_header(struct rb *b);
/* The day (YYYY-MM-DD) an untyped date of a document of that kind takes:
 * today, but not after the kind's last day in the campaign. Documents
 * citing another one's date (the approval decision) use it too, so the
 * set agrees when nothing is typed. */
void rb_default_day(const struct rb *b, enum report_kind kind, char day[11]);
/* A unit's name as an NĐ 30 header prints it, in full: "UBND phường
 * Hồng Bàng" -> "Ủy ban nhân dân phường Hồng Bàng" (in the document). */
const char *rb_spelled(struct rb *b, const char *name);
/* The default cơ quan chủ quản for a document of that date (rules.md
 * §12, report_governing.c), or NULL for none. */
const char *rb_governing(struct rb *b, int year, int month, int day);
/* The default địa danh of the date line for a document of that date
 * (NĐ 30 Phụ lục I, report_governing.c), or NULL for the dotted blank. */
const char *rb_place(struct rb *b, int year, int month, int day);
/* A typed text field as body paragraphs, one per line; dotted lines for
 * the user to write on when it is empty. */
void rb_text(struct rb *b, struct rp_section *s, const char *field);
/* The signer's title by unit kind unless typed; Nơi nhận from the typed
 * list, or `deflt` lines. */
void rb_closing(struct rb *b, const char *const *deflt, size_t ndeflt);
/* The office that reviews the school in this campaign, as the campaign
 * froze it (the Phòng in a past year, the commune office or the Sở now),
 * else the campaign's owner. */
const char *rb_reviewer(struct rb *b);
/* The legal-basis line: rb_basis_line(b, "Thực hiện"). */
const char *rb_basis(struct rb *b);
/* The basis as NĐ 30's last căn cứ line, ending with ".": the typed text
 * (a trailing ";" made "."), or "<verb> <campaign basis>." ("Thực hiện
 * …", "Căn cứ …"). */
const char *rb_basis_line(struct rb *b, const char *verb);
/* The file name stem: "<kind>-<campaign>-<unit code>". */
void rb_filename(struct rb *b, const char *kind);
struct range;
/* A grade band in seed 001's words: "từ 80 - 89 điểm", "dưới 50 điểm". */
const char *rb_band_words(struct rb *b, const struct range *r);

/* Under a table by cấp học that adds up to more than its headline
 * ("20/22" vs "18/20"): the multi liên cấp schools counted in each of
 * their cấp học. Nothing when multi is 0. */
void rb_multi_note(struct rb *b, struct rp_section *s, size_t multi,
		   const char *sum, const char *once);
/* The one cấp học shown[l] when there is one and it holds all `all`
 * units (units[l] == all), else LC_LEVELS: a table by cấp học would then
 * repeat each total in a row of its own ("1 … 23" and "1.1 CSGD Mầm non
 * … 23"), so it prints the totals only. */
size_t rb_only_level(const bool *shown, const size_t *units, size_t all);
/* The office summary of a rubric whose groups have no levels: grades and
 * per group gates and mean points, by cấp học shown[l]. */
void rb_grade_summary(struct rb *b, struct rp_section *s,
		      const struct rubric *r, const struct grade_counts *gc,
		      const bool *shown);

/* The builders. */
enum ts_err rb_self_4725(struct rb *b);
enum ts_err rb_self_mn(struct rb *b);
enum ts_err rb_tdm(struct rb *b);
enum ts_err rb_levels(struct rb *b);
enum ts_err rb_listing(struct rb *b);
enum ts_err rb_chase(struct rb *b);
enum ts_err rb_stats_pl2(struct rb *b); /* report_stats.c */
enum ts_err rb_stats_pl6(struct rb *b);
/* Phụ lục 6, section III by school year (report_pl6_years.c). */
struct stats_rollup;
struct ind_values;
enum ts_err rb_pl6_years(struct rb *b, struct rp_section *s,
			 const struct stats_rollup *ru,
			 const struct ind_values *office);
enum ts_err rb_guidance(struct rb *b);
enum ts_err rb_committee(struct rb *b);
enum ts_err rb_meeting(struct rb *b);
enum ts_err rb_approval(struct rb *b);
/* A Phụ lục 3 row: stt, name, then count and share at Mức độ 1..3 of
 * n[1..3] out of units, the shares by largest remainder. */
struct rp_table;
/* Its two header rows: col0, col1, then Mức độ 1..3 (as group g0 names
 * them) over "Số lượng" and "Tỷ lệ %". */
void rb_levels_head(struct rb *b, struct rp_table *t, const struct group *g0,
		    const char *col0, const char *col1);
void rb_counts_row(struct rb *b, struct rp_table *t, const char *stt,
		   const char *name, unsigned style, const size_t *n,
		   size_t units);
/* Phụ lục 3 across the years of the rubric family, in section s
 * (report_years_office.c). These sections fail the document on a
 * database error, never print it without its numbers. */
enum ts_err rb_levels_years(struct rb *b, struct rp_section *s);
/* What an optional section does with its use case's outcome e (its
 * problems in quiet, released here): a database error or no memory
 * fails the document (returned, and kept as b->err for a section that
 * returns nothing), with quiet's messages moved into b->d; anything
 * else (nothing to show) leaves the section out and returns TS_OK. */
enum ts_err rb_section_outcome(struct rb *b, enum ts_err e,
			       struct diags *quiet);
/* The software inventory summed over the office's schools, in section s
 * (report_software.c). */
enum ts_err rb_software_sum(struct rb *b, struct rp_section *s);
/* The items most of the office's schools still lack, as on the
 * dashboard, in section s (report_gaps.c); nothing when none. */
enum ts_err rb_gaps(struct rb *b, struct rp_section *s, const struct rubric *r);
/* "So với năm học trước" as an appendix headed heading ("Phụ lục 2")
 * (report_years.c); nothing when the school has no year of its rubric
 * family. */
struct result;
void rb_years(struct rb *b, const char *heading, const struct result *res);

/* The school's decisions (report_decision.c). "Hiệu trưởng" or "Giám
 * đốc" by the unit's kind. */
const char *rb_head_title(const struct rb *b);
/* Does the campaign's rubric have QĐ 4725's shape (groups with levels)? */
bool rb_is_4725(const struct rb *b);
/* QUYẾT ĐỊNH, the issuing authority line, căn cứ (typed can_cu, or the
 * head's powers, QĐ 4725, the campaign's basis, then extra), and
 * "QUYẾT ĐỊNH:". */
void rb_decision_open(struct rb *b, struct rp_section *s, const char *extra);
/* "Điều n. text" */
void rb_article(struct rb *b, struct rp_section *s, int n, const char *text);
/* The steering committee's members, one per line of text ("Họ và tên;
 * chức vụ; nhiệm vụ; email; điện thoại"), as a table; blank rows to
 * fill by hand when none. Returns the members printed. */
size_t rb_members_table(struct rb *b, struct rp_section *s, const char *text);

#endif

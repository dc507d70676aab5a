/*
 * Official documents (báo cáo) built from live campaign data: the report
 * kinds, the fields a unit types into them (doc_field), and building a
 * document model (src/report) that every writer renders. Numbers are
 * never typed: scores, levels, counts and percentages come from the same
 * scoring code as the web pages.
 */
#ifndef TS_APP_REPORT_H
#define TS_APP_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "../report/report.h"
#include "app.h"

enum report_kind {
	RK_SELF_4725, /* Báo cáo công tác triển khai tự đánh giá + Phụ lục 1 */
	RK_SELF_MN, /* Báo cáo tự kiểm tra (mầm non, seed 004) */
	RK_TDM,	    /* Báo cáo CNTT + Tiêu chuẩn đánh giá (seed 001) */
	RK_LEVELS, /* Phụ lục 3: kết quả đánh giá theo cấp học */
	RK_LISTING, /* Danh sách kết quả từng đơn vị */
	RK_CHASE, /* Đơn vị chưa nộp, kèm liên hệ (issue 17 item 7) */
	RK_STATS_PL2, /* Phụ lục 2: CNTT, CĐS và thống kê (seed 000) */
	RK_STATS_PL6, /* Phụ lục 6: QĐ 131/QĐ-TTg, the Sở (seed 002) */
	RK_GUIDANCE,  /* Công văn hướng dẫn of the office (seed 001) */
	RK_COMMITTEE, /* QĐ thành lập Ban chỉ đạo chuyển đổi số (seed 003) */
	RK_MEETING, /* Biên bản họp tự đánh giá */
	RK_APPROVAL, /* QĐ phê duyệt kết quả tự đánh giá (QĐ 4725) */
};

enum df_kind {
	DF_LINE,
	DF_TEXT,
	DF_INT,
	DF_DATE,
	/* A signer's title: one line, or two when someone signs for the
	 * head ("KT. GIÁM ĐỐC" then "PHÓ GIÁM ĐỐC", NĐ 30). */
	DF_SIGNER,
	DF_KINDS /* how many: the arrays naming them are checked against it */
};

/* The longest line of a DF_SIGNER field, in characters: longer ones
 * would wrap in the signature column. */
#define SIGNER_LINE_MAX 48

/* One field a unit fills in for a document. */
struct df_def {
	const char *name;  /* "kho_khan" */
	const char *label; /* "Khó khăn" */
	enum df_kind kind;
	const char *hint; /* shown under the input; may be NULL */
};

struct report_kind_info {
	enum report_kind kind;
	const char *code; /* "tu-danh-gia": CLI and URLs */
	const char *name; /* Vietnamese, for menus */
	bool office;	  /* a Phòng/Sở document, not a school's */
	/* The rubric shape it needs (core/rubric.h rubric_shape): it fits
	 * when (shape & shape_mask) == shape_need; never the rubric's id. */
	unsigned shape_mask, shape_need;
	const struct df_def *fields;
	size_t nfields;
	/* Fields named "<prefix>x" are this document's own "x" (its số ký
	 * hiệu, date, signer…), kept apart from the unit's other documents
	 * of the same campaign; NULL: the shared names. */
	const char *field_prefix;
	/* A school's decision or record made beside its report (seed 003),
	 * never the report itself (report_school_kind). */
	bool companion;
};

const struct report_kind_info *report_kind_find(const char *code);
const struct report_kind_info *report_kind_get(enum report_kind k);
/* Every kind, for help texts and tests. */
const struct report_kind_info *report_kinds(size_t *n);
/* The school document for a campaign's rubric, by its shape, or NULL. */
struct rubric;
const struct report_kind_info *report_school_kind(const struct rubric *r);
/* The companions (decisions, meeting record) a school makes beside its
 * report for rubric r, at most max, in document order; their count. */
size_t report_companion_kinds(const struct rubric *r,
			      const struct report_kind_info **out, size_t max);
/* Does this kind apply to a campaign with that rubric? */
bool report_kind_fits(const struct report_kind_info *k, const struct rubric *r);

/* One chart of a document: of the group with index `group`, or of the
 * whole rubric (-1), or of the school's years (-2, report_years.c), and
 * its title. The documents draw exactly these and
 * the report page shows them (bieu-do-N.svg), so both agree. */
struct report_chart {
	int group;
	const char *title;
	bool years; /* Phụ lục 3's group across years (report_years_office.c) */
};
/* The charts of kind k's document for rubric r, in document order. */
size_t report_charts(const struct report_kind_info *k, const struct rubric *r,
		     struct arena *a, const struct report_chart **out);

/* The fields a unit has typed for a campaign (name → value). */
struct doc_fields {
	const char **names;
	const char **values;
	size_t n;
};
/* Value of a field, or NULL when unset or blank. */
const char *doc_field(const struct doc_fields *f, const char *name);

/* Saves fields (an empty value clears one). Every name must belong to a
 * document the unit produces in that campaign; every value is checked
 * (numbers, dates, length) before anything is written; the actor must
 * belong to the unit itself. One transaction, audited. */
enum ts_err docfield_save(struct app *app, const struct actor *who, int64_t cid,
			  const char *unit_code, const char *const *names,
			  const char *const *values, size_t n,
			  struct diags *d) TS_MUSTCHECK;
/* The fields a unit can fill in a campaign: its kinds' fields, each name
 * once, in document order. */
const struct df_def **docfield_defs(const struct report_kind_info *const *k,
				    size_t nk, struct arena *a, size_t *n);

/* What a unit's report page shows: its documents in the campaign, the
 * fields it has typed, and whether the actor may edit them. */
struct report_target {
	const char *unit_code, *unit_name;
	bool school;
	const struct report_kind_info *kinds[4];
	/* refused[i]: why kinds[i]'s document cannot be built now, as its
	 * download would say (rb_refusal); NULL when it can. */
	const char *refused[4];
	size_t nkinds;
	bool can_edit;
	struct doc_fields fields;
	/* The charts of kinds[0]'s document (bieu-do-N.svg), report_charts */
	const struct report_chart *chart_list;
	size_t charts;
	bool results; /* an office whose rubric results_export serves */
};
enum ts_err report_target_open(struct app *app, const struct actor *who,
			       int64_t cid, const char *unit_code,
			       struct arena *a, struct report_target *out,
			       struct diags *d) TS_MUSTCHECK;

/* Which results a Phòng/Sở report counts. */
struct report_opts {
	bool include_submitted; /* also submitted (not yet approved) ones */
	enum rp_csv_dialect csv_dialect; /* separator and decimal mark */
	/* Asked before building, per unit of a listing and by the writers;
	 * when it says stop the build returns TS_ECANCELED. NULL: never. */
	struct ts_cancel *cancel;
	/* The drafting unit for "- Lưu: VT, X." in this document only, over
	 * the typed luu_don_vi; "" prints "- Lưu: VT."; NULL: as typed. */
	const char *drafter;
};

/* Builds document `k` for unit_code (a school for school kinds, an office
 * for office kinds; NULL = the actor's own unit) in campaign cid. */
enum ts_err report_build(struct app *app, const struct actor *who,
			 const struct report_kind_info *k, int64_t cid,
			 const char *unit_code, const struct report_opts *o,
			 struct arena *a, struct rp_doc **out,
			 struct diags *d) TS_MUSTCHECK;
/* Builds and writes it in format f to path. */
enum ts_err report_render(struct app *app, const struct actor *who,
			  const struct report_kind_info *k, int64_t cid,
			  const char *unit_code, const struct report_opts *o,
			  enum rp_format f, const char *path,
			  struct diags *d) TS_MUSTCHECK;
/* Many report_render calls on this thread in a row (report --each, the
 * ZIP of every school's report): from begin to end they share the fonts
 * set up once, and their files are not fsynced one by one
 * (rp_batch_begin): report_batch_sync makes those in dir durable at once. */
void report_batch_begin(void);
void report_batch_end(void);
enum ts_err report_batch_sync(const char *dir, struct diags *d) TS_MUSTCHECK;

/* The results of every unit under unit_code (NULL: the actor's unit) in
 * campaign cid as one XLSX table written to path row by row, from the
 * stored score summaries: constant memory at any size (results_export.c).
 * Asks o->cancel per unit. *rows receives the number of units. */
bool results_export_fits(const struct rubric *r);
enum ts_err results_export(struct app *app, const struct actor *who,
			   int64_t cid, const char *unit_code,
			   const struct report_opts *o, const char *path,
			   size_t *rows, struct diags *d) TS_MUSTCHECK;

#endif

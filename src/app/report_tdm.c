/* Seed 001 (Phòng GD&ĐT Thủ Dầu Một, 2022): a school's "BÁO CÁO Công tác
 * ứng dụng công nghệ thông tin và thống kê giáo dục năm học …" with the
 * outline the Phòng sent (parts 1-4, 4a-4c, typed by the school), then on
 * a new page the "TIÊU CHUẨN ĐÁNH GIÁ NHIỆM VỤ CÔNG NGHỆ THÔNG TIN" table
 * with the school's "Tự chấm", the grade bands and its computed grade,
 * dated and signed again as the seed's last page is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/score.h"
#include "../util/arena.h"
#include "report_int.h"
#include "report_result.h"

enum {
	C_STT,
	C_TEXT,
	C_MAX,
	C_SELF,
	C_EVIDENCE,
	NCOLS
};

/* The outline's fixed headings; the school types what goes under each. */
static const struct {
	const char *field;	 /* NULL: a heading with parts below it */
	const char *text, *bold; /* bold: the plan it refers to */
	int level;
} OUTLINE[] = {
	{ "tdm_day_hoc",
	  "1. Ứng dụng CNTT trong đổi mới phương pháp dạy - "
	  "học và kiểm tra, đánh giá:",
	  NULL, 2 },
	{ "tdm_quan_ly",
	  "2. Ứng dụng CNTT trong công tác quản lý, điều "
	  "hành:",
	  NULL, 2 },
	{ "tdm_thong_tin", "3. Ứng dụng CNTT trong công tác thông tin:", NULL,
	  2 },
	{ NULL, "4. Công tác tổ chức thực hiện nhiệm vụ CNTT:", NULL, 2 },
	{ "tdm_4a",
	  "4a. Kết quả thực hiện các kế hoạch về xây dựng và phát "
	  "triển thành phố Thủ Dầu Một theo hướng đô thị thông minh, giai "
	  "đoạn 2020-2025 và các năm tiếp theo, lĩnh vực giáo dục và đào tạo ",
	  "(KH 962/KH-PGDĐT ngày 27/8/2021 của Phòng GDĐT)", 3 },
	{ "tdm_4b",
	  "4b. Kết quả thực hiện các kế hoạch triển khai chương "
	  "trình chuyển đổi số của Ngành Giáo dục và Đào tạo thành phố Thủ "
	  "Dầu Một giai đoạn 2021-2025, định hướng đến năm 2030 ",
	  "(KH 456/KH-PGDĐT ngày 01/4/2022 của Phòng GDĐT)", 3 },
};

/* "trường Tiểu học Lê Lợi" in the middle of a sentence, as the seed
 * writes "trường….. báo cáo". */
static const char *
name_in_sentence(struct rb *b)
{
	const char *n = b->t.unit.name;
	if (strncmp(n, "Trường ", strlen("Trường ")) == 0)
		return rp_printf(b->doc, "t%s", n + 1);
	return n;
}

/* "2026-2027" after "2025-2026" (4c plans the next school year). */
static const char *
next_year(struct rb *b)
{
	const char *y = b->t.campaign.school_year;
	long first = y ? strtol(y, NULL, 10) : 0;
	if (first < 2000)
		return RP_BLANK;
	return rp_printf(b->doc, "%ld-%ld", first + 1, first + 2);
}

static void
outline_part(struct rb *b, struct rp_section *s, size_t i)
{
	struct rp_doc *d = b->doc;
	if (OUTLINE[i].level == 2) {
		rp_heading(d, s, 2, OUTLINE[i].text);
	} else {
		struct rp_para *p = rp_body(d, s, 0, OUTLINE[i].text);
		rp_run_add(d, p, RP_BOLD, OUTLINE[i].bold);
		p->keep_with_next = true;
	}
	if (OUTLINE[i].field)
		rb_text(b, s, OUTLINE[i].field);
}

static void
body(struct rb *b)
{
	struct rp_doc *d = b->doc;
	struct rp_section *s = rp_section0(d);
	const char *year = b->t.campaign.school_year;
	rp_body(d, s, RP_ITALIC, rb_basis_line(b, "Căn cứ"));
	rp_body(d, s, 0,
		rp_printf(
			d,
			"Qua quá trình thực hiện nhiệm vụ công "
			"nghệ thông tin (CNTT) trong năm học %s, %s báo cáo tổng kết "
			"việc thực hiện các nhiệm vụ về ứng dụng CNTT và thống kê giáo "
			"dục như sau:",
			year, name_in_sentence(b)));
	for (size_t i = 0; i < sizeof(OUTLINE) / sizeof(OUTLINE[0]); i++)
		outline_part(b, s, i);
	struct rp_para *p = rp_body(
		d, s, 0,
		rp_printf(d,
			  "4c. Các phương "
			  "hướng triển khai các Kế hoạch trong năm học %s.",
			  next_year(b)));
	p->keep_with_next = true;
	rb_text(b, s, "tdm_4c");
	rp_body(d, s, 0,
		rp_printf(
			d,
			"Trên đây là báo cáo tổng kết công tác "
			"ứng dụng công nghệ thông tin và thống kê giáo dục năm học %s "
			"của %s./.",
			year, name_in_sentence(b)));
}

static void
header_row(struct rb *b, struct rp_table *t)
{
	static const char *const names[NCOLS] = { "STT", "NỘI DUNG",
						  "Điểm chuẩn", "Tự chấm",
						  "Kèm minh chứng" };
	rp_head_row(b->doc, t, names);
}

/* The school's evidence, or what the Phòng asked for when none yet. */
static void
evidence_cell(struct rb *b, struct rp_table *t, size_t row,
	      const struct result *r, const struct criterion *c)
{
	struct rp_cell *cell = rp_cell_text(b->doc, t, row, C_EVIDENCE, 0, "");
	cell->nparas = 0;
	rb_evidence_cell(b, cell, r, c);
	if (cell->nparas == 0 && c->evidence.hint)
		rp_cell_para(b->doc, cell, RP_LEFT, 0, c->evidence.hint);
}

static void
self_cell(struct rb *b, struct rp_table *t, size_t row, bool answered, pts_t v)
{
	if (answered)
		rp_cell_pts(b->doc, t, row, C_SELF, v);
	else
		rb_unanswered_cell(b, t, row, C_SELF);
}

static void
criterion_rows(struct rb *b, struct rp_table *t, const struct result *r,
	       const struct criterion *c)
{
	size_t row = rp_row_add(b->doc, t);
	rp_cell_text(b->doc, t, row, C_STT, 0, c->id);
	rp_cell_text(b->doc, t, row, C_TEXT, 0, c->title);
	rp_cell_pts(b->doc, t, row, C_MAX, c->max);
	self_cell(b, t, row, rb_criterion_answered(r, c),
		  r->self->criteria[c->idx].points);
	evidence_cell(b, t, row, r, c);
	for (size_t i = 0; c->nitems > 1 && i < c->nitems; i++) {
		const struct item *it = &c->items[i];
		const struct item_score *is = &r->self->items[it->idx];
		row = rp_row_add(b->doc, t);
		/* The criterion's row keeps its first item. */
		if (i == 0)
			rp_row_keep_prev(t, row);
		rp_cell_text(b->doc, t, row, C_TEXT, RP_ITALIC,
			     rp_printf(b->doc, "- %s", it->text));
		rp_cell_pts(b->doc, t, row, C_MAX, it->max);
		self_cell(b, t, row, is->answered, is->points);
	}
}

/* Group rows bold and italic, as the seed sets "Ứng dụng CNTT trong …". */
static void
group_row(struct rb *b, struct rp_table *t, const struct result *r,
	  const struct group *g)
{
	size_t row = rp_row_add(b->doc, t);
	rp_cell_text(b->doc, t, row, C_STT, RP_BOLD, g->id);
	rp_cell_text(b->doc, t, row, C_TEXT, RP_BOLD | RP_ITALIC, g->title);
	rp_cell_pts(b->doc, t, row, C_MAX, g->max)->style = RP_BOLD;
	if (rb_group_answered(r, g))
		rp_cell_pts(b->doc, t, row, C_SELF,
			    r->self->groups[g->idx].points)
			->style = RP_BOLD;
	else
		rb_unanswered_cell(b, t, row, C_SELF);
}

static void
rubric_table(struct rb *b, struct rp_section *s, const struct result *r)
{
	static const int w[NCOLS] = { 9, 53, 10, 10, 28 };
	/* No caption: the sheet's title is the section's. */
	struct rp_table *t = rp_table_add(b->doc, s, NCOLS, w);
	if (t == NULL)
		return;
	header_row(b, t);
	const struct rubric *rb = r->sub.rubric;
	for (size_t g = 0; g < rb->ngroups; g++) {
		group_row(b, t, r, &rb->groups[g]);
		/* A group's row keeps its first criterion. */
		size_t first = t->nrows;
		for (size_t c = 0; c < rb->groups[g].ncriteria; c++)
			criterion_rows(b, t, r, &rb->groups[g].criteria[c]);
		rp_row_keep_prev(t, first);
	}
	size_t row = rp_row_add(b->doc, t);
	rp_cell_align(
		rp_cell_text(b->doc, t, row, C_TEXT, RP_BOLD, "Tổng cộng"),
		RP_CENTER);
	rp_cell_pts(b->doc, t, row, C_MAX, rb->total_max)->style = RP_BOLD;
	if (r->self->unanswered < rb->nitems)
		rp_cell_pts(b->doc, t, row, C_SELF, r->self->total)->style =
			RP_BOLD;
	else
		rb_unanswered_cell(b, t, row, C_SELF);
}

/* A draft with open items has no grade yet: "Yếu (45 điểm)" there would
 * read like the final result. */
static const char *
grade_text(struct rb *b, const struct score *sc)
{
	char pts[RP_VALUE_SIZE];
	if (sc->grade == NULL || sc->unanswered == sc->rubric->nitems)
		return "Xếp loại: " RP_BLANK;
	pts_format_vn(sc->total, pts);
	if (!score_settled(sc, b->doc->stamp != NULL))
		return rp_printf(b->doc,
				 "Xếp loại: " RP_BLANK " (%s điểm, còn "
				 "%zu nội dung chưa tự chấm)",
				 pts, sc->unanswered);
	const char *rest =
		sc->unanswered == 0
			? ""
			: rp_printf(b->doc, " - còn %zu nội dung chưa tự chấm",
				    sc->unanswered);
	return rp_printf(b->doc, "Xếp loại: %s (%s điểm)%s", sc->grade->name,
			 pts, rest);
}

static void
results(struct rb *b, struct rp_section *s, const struct result *r)
{
	const struct rubric *rb = r->sub.rubric;
	/* The bands stay with the Xếp loại they lead to: Writer ended a
	 * page with them and put Xếp loại and the signature alone on the
	 * next. */
	rp_body(b->doc, s, RP_BOLD, "* Kết quả:")->keep_with_next = true;
	for (size_t i = rb->ngrades; i-- > 0;)
		rp_body(b->doc, s, 0,
			rp_printf(b->doc, "- %s: %s", rb->grades[i].name,
				  rb_band_words(b, &rb->grades[i].range)))
			->keep_with_next = true;
	rp_body(b->doc, s, RP_BOLD, grade_text(b, r->self));
	if (r->ext)
		rp_body(b->doc, s, RP_ITALIC,
			rp_printf(b->doc,
				  "Kết quả sau "
				  "khi %s kiểm tra, phê duyệt: %s",
				  rb_reviewer(b), grade_text(b, r->ext)));
}

/* The seed's last page ends with its own date and "HIỆU TRƯỞNG" on the
 * right: a borderless layout table, as the NĐ 30 signature block is. */
static void
appendix_signature(struct rb *b, struct rp_section *s)
{
	static const int w[] = { 1, 1 };
	struct rp_table *t = rp_table_add(b->doc, s, 2, w);
	if (t == NULL || b->doc->sig == NULL)
		return;
	t->borders = false;
	struct buf date;
	buf_init(&date, 1024);
	rp_date_line(b->doc->header, &date);
	size_t row = rp_row_add(b->doc, t);
	struct rp_cell *c = rp_cell_text(b->doc, t, row, 1, RP_ITALIC,
					 rp_strdup(b->doc, buf_str(&date)));
	buf_release(&date);
	rp_cell_align(c, RP_CENTER);
	c->style = 0; /* only the date line is italic */
	const struct rp_signature *sig = b->doc->sig;
	if (sig->authority)
		rp_cell_para(b->doc, c, RP_CENTER, RP_BOLD, sig->authority);
	rp_cell_para(b->doc, c, RP_CENTER, RP_BOLD, sig->title);
	rp_cell_para(b->doc, c, RP_CENTER, 0, "\n\n\n");
	if (sig->name)
		rp_cell_para(b->doc, c, RP_CENTER, RP_BOLD, sig->name);
}

/* Title and "(Đối với các trường …)" from the rubric's own title. */
static void
appendix_title(struct rb *b, struct rp_section *s, const struct rubric *r)
{
	const char *paren = strstr(r->title, " (Đối với");
	s->title = rb_upper(b,
			    paren ? rp_printf(b->doc, "%.*s",
					      (int)(paren - r->title), r->title)
				  : r->title);
	s->subtitle = paren ? rp_strdup(b->doc, paren + 1) : NULL;
}

static void
appendix(struct rb *b, const struct result *r)
{
	struct rp_doc *d = b->doc;
	struct rp_section *s = rp_section_add(d, false);
	char max[RP_VALUE_SIZE];
	appendix_title(b, s, r->sub.rubric);
	s->sheet_name = "Tiêu chuẩn đánh giá";
	rp_line(d, s, RP_CENTER, RP_BOLD,
		rp_printf(d, "Tiêu chuẩn: %s điểm",
			  pts_format_vn(r->sub.rubric->total_max, max)));
	rp_body(d, s, 0, rp_printf(d, "- Đơn vị: %s", b->t.unit.name));
	rubric_table(b, s, r);
	results(b, s, r);
	appendix_signature(b, s);
}

enum ts_err
rb_tdm(struct rb *b)
{
	struct result res;
	enum ts_err e = rb_result_load(b, &res);
	if (e != TS_OK)
		return e;
	struct rp_doc *d = b->doc;
	rb_header(b);
	d->kind = "BÁO CÁO";
	rp_subject_add(d, rp_printf(d,
				    "Công tác ứng dụng công nghệ thông tin "
				    "và thống kê giáo dục năm học %s",
				    b->t.campaign.school_year));
	d->title = rp_printf(d, "Báo cáo công tác ứng dụng CNTT - %s",
			     b->t.unit.name);
	body(b);
	const char *deflt[] = { rp_printf(d, "- %s (b/c);",
					  b->t.campaign.owner_name),
				"- Lưu: VT." };
	rb_closing(b, deflt, 2);
	appendix(b, &res);
	rb_years(b, "Phụ lục", &res);
	rb_filename(b, "cntt");
	rb_result_release(&res);
	return TS_OK;
}

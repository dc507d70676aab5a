/* Phụ lục 2 (seed 000) and Phụ lục 6 (seed 002, QĐ 131 targets for the
 * Sở). Phụ lục 2: the office's report on IT, digital transformation
 * and education statistics, from a statistics campaign. Every number is
 * the roll-up by bậc học of the approved reports under the office
 * (stats_rollup_open), with how many schools answered; the Có/Không
 * questions and the narrative sections are the office's own answers
 * (stats_office_get), which it types on /campaigns/{id}/office. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../core/target.h"
#include "../util/arena.h"
#include "indicator_set.h"
#include "report_int.h"
#include "stats.h"

#define OFFICE_SET "thong-ke-cds-co-quan"

static const char *const LEVEL_NAMES[AGG_ROWS] = { "MN",   "TH",   "THCS",
						   "THPT", "GDTX", "Tổng" };

struct pl2 {
	struct stats_rollup ru;
	json_t *office;	      /* the office's values object, or NULL */
	struct ind_sets sets; /* for the office set's labels */
	const struct ind_set *oset;
};

/* The office's narrative answers become fields rb_text prints (a field
 * typed on the report page wins). */
static void
office_fields(struct rb *b, const struct pl2 *p)
{
	size_t extra = p->oset ? p->oset->n : 0, n = b->f.n;
	const char **names = arena_calloc(b->a, n + extra + 1, sizeof(*names));
	const char **values = arena_calloc(b->a, n + extra + 1,
					   sizeof(*values));
	if (names == NULL || values == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		names[i] = b->f.names[i];
		values[i] = b->f.values[i];
	}
	for (size_t i = 0; i < extra; i++) {
		const struct indicator *it = p->oset->v[i];
		json_t *v = json_object_get(p->office, it->code);
		if (it->type == IND_TEXT && json_is_string(v) &&
		    doc_field(&b->f, it->code) == NULL) {
			names[n] = it->code;
			values[n++] = arena_strdup(b->a, json_string_value(v));
		}
	}
	b->f.names = names;
	b->f.values = values;
	b->f.n = n;
}

static enum ts_err
load(struct rb *b, struct pl2 *p)
{
	const char *json = NULL;
	enum ts_err e = stats_rollup_open(
		b->app, b->who, b->t.campaign.id, b->t.unit.code,
		b->opts->include_submitted, b->a, &p->ru, b->d);
	if (e != TS_OK)
		return e;
	e = stats_office_get(b->app, b->who, b->t.campaign.id, b->t.unit.code,
			     b->a, &json, b->d);
	json_t *doc = e == TS_OK && json ? json_loads(json, 0, NULL) : NULL;
	p->office = json_incref(json_object_get(doc, "values"));
	json_decref(doc);
	const char *dir = arena_printf(b->a, "%s/indicators", b->app->data_dir);
	if (e == TS_OK && ind_sets_load(dir, &p->sets, b->d) == TS_OK)
		p->oset = ind_sets_find(&p->sets, OFFICE_SET);
	return e;
}

static void
release(struct pl2 *p)
{
	stats_rollup_release(&p->ru);
	json_decref(p->office);
	ind_sets_release(&p->sets);
}

/* "Số CSGD đã báo cáo: TH 22/48; THCS 20/41; …": missing is not zero. */
static void
reported(struct rb *b, struct rp_section *s, const struct pl2 *p,
	 const bool *cols)
{
	struct rp_doc *d = b->doc;
	struct rp_para *para = rp_body(d, s, 0,
				       "Số cơ sở giáo dục đã báo cáo "
				       "(số liệu đã được phê duyệt): ");
	const char *sep = "";
	for (size_t k = 0; k < AGG_ROWS; k++) {
		if (!cols[k])
			continue;
		rp_run_add(d, para, 0,
			   rp_printf(d, "%s%s %zu/%zu", sep, LEVEL_NAMES[k],
				     p->ru.agg->reported[k],
				     p->ru.agg->units[k]));
		sep = "; ";
	}
	rp_run_add(d, para, 0, ". Đơn vị chưa báo cáo không được tính là 0.");
}

/* A liên cấp school is counted in each of its bậc học's column, so the
 * columns add up to more than the Tổng column: say so (a Phòng whose two
 * reporting schools were TH&THCS printed "106 | 106 | 106"). */
static void
multi_note(struct rb *b, struct rp_section *s, const struct pl2 *p,
	   const bool *cols)
{
	size_t multi = 0, sum = 0;
	for (size_t k = 0; k < AGG_ALL; k++)
		sum += cols[k] ? p->ru.agg->reported[k] : 0;
	for (size_t i = 0; i < p->ru.n; i++) {
		int n = 0;
		for (size_t k = 0; k < AGG_ALL && p->ru.units[i].values; k++)
			n += cols[k] && (p->ru.units[i].levels & (1u << k));
		multi += n > 1;
	}
	rb_multi_note(b, s, multi, rp_printf(b->doc, "%zu", sum),
		      rp_printf(b->doc, "%zu", p->ru.agg->reported[AGG_ALL]));
}

static struct rp_table *
level_table(struct rb *b, struct rp_section *s, const bool *cols, size_t ncols)
{
	int widths[2 + AGG_ROWS];
	const char *heads[2 + AGG_ROWS] = { "TT", "Nội dung" };
	size_t c = 2;
	widths[0] = 6;
	widths[1] = 40;
	for (size_t k = 0; k < AGG_ROWS; k++)
		if (cols[k]) {
			widths[c] = (int)(54 / ncols);
			heads[c++] = LEVEL_NAMES[k];
		}
	struct rp_table *t = rp_table_add(b->doc, s, c, widths);
	rp_head_row(b->doc, t, heads);
	return t;
}

/* A figure as people read it ("3.050 (91,72%)"), raw for CSV. */
static void
figure_cell(struct rb *b, struct rp_table *t, size_t r, size_t col,
	    const struct indicator *it, const struct agg_cell *cell)
{
	if (cell->units == 0) {
		rp_cell_text(b->doc, t, r, col, 0, "-");
		return;
	}
	struct rp_cell *c = rp_cell_text(b->doc, t, r, col, 0,
					 stats_cell_text(b->a, it, cell));
	c->csv = stats_cell_fmt(b->a, it, cell, STATS_NUM_RAW);
}

static void
section_table(struct rb *b, struct rp_section *s, const struct pl2 *p,
	      const struct ind_section *sec, const bool *cols, size_t ncols)
{
	struct rp_doc *d = b->doc;
	struct rp_table *t = level_table(b, s, cols, ncols);
	size_t tt = 0;
	for (size_t i = 0; i < sec->n; i++) {
		const struct indicator *it = &sec->v[i];
		size_t r = rp_row_add(d, t), c = 2;
		rp_cell_int(d, t, r, 0, (int64_t)++tt);
		rp_cell_text(d, t, r, 1, 0, it->label);
		for (size_t k = 0; k < AGG_ROWS; k++) {
			if (!cols[k])
				continue;
			const struct agg_cell *cell = ind_agg_cell(p->ru.agg,
								   it, k);
			figure_cell(b, t, r, c++, it, cell);
		}
	}
}

static void
figures(struct rb *b, struct rp_section *s, const struct pl2 *p)
{
	const struct ind_set *set = p->ru.info.set;
	bool cols[AGG_ROWS];
	size_t ncols = 0;
	for (size_t k = 0; k < AGG_ROWS; k++)
		ncols += cols[k] = p->ru.agg->units[k] > 0;
	reported(b, s, p, cols);
	multi_note(b, s, p, cols);
	for (size_t i = 0; i < set->nsections; i++) {
		rp_heading(b->doc, s, 2,
			   rp_printf(b->doc, "1.%zu. %s", i + 1,
				     set->sections[i].title));
		section_table(b, s, p, &set->sections[i], cols, ncols);
	}
}

/* The office's Có/Không answers, each question as the outline asks it. */
static void
questions(struct rb *b, struct rp_section *s, const struct pl2 *p)
{
	for (size_t i = 0; p->oset && i < p->oset->n; i++) {
		const struct indicator *it = p->oset->v[i];
		json_t *v = json_object_get(p->office, it->code);
		if (it->type != IND_YESNO)
			continue;
		rp_body(b->doc, s, 0,
			rp_printf(b->doc, "- %s: %s", it->label,
				  json_is_true(v)    ? "Có"
				  : json_is_false(v) ? "Không"
						     : "……"));
	}
}

static void
narrative(struct rb *b, struct rp_section *s, const char *heading,
	  const char *field)
{
	rp_heading(b->doc, s, 1, heading);
	rb_text(b, s, field);
}

enum ts_err
rb_stats_pl2(struct rb *b)
{
	struct pl2 p = { 0 };
	enum ts_err e = load(b, &p);
	if (e != TS_OK) {
		release(&p);
		return e;
	}
	office_fields(b, &p);
	struct rp_doc *d = b->doc;
	struct rp_section *s = rp_section0(d);
	rb_header(b);
	d->kind = "BÁO CÁO";
	/* Two balanced lines: one line for the first subject left "giáo
	 * dục" alone on the second and the year on a third. */
	rp_subject_add(d, "Kết quả triển khai ứng dụng công nghệ thông tin, "
			  "chuyển đổi số");
	rp_subject_add(d, rp_printf(d, "và thống kê giáo dục năm học %s",
				    b->t.campaign.school_year));
	d->title = rp_printf(d, "Phụ lục 2 - %s", b->t.unit.name);
	rp_body(d, s, RP_ITALIC, rb_basis(b));
	narrative(b, s, "I. TÌNH HÌNH CHUNG", "tinh_hinh_chung");
	narrative(b, s, "II. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", "chi_dao_dieu_hanh");
	rp_heading(d, s, 1, "III. KẾT QUẢ TRIỂN KHAI");
	rp_heading(d, s, 2, "1. Số liệu theo bậc học");
	figures(b, s, &p);
	rp_heading(d, s, 2,
		   "2. Quản lý, vận hành và an toàn thông tin; quản "
		   "lý dựa trên dữ liệu");
	questions(b, s, &p);
	rp_heading(d, s, 2, "3. Một số kết quả nổi bật");
	rb_text(b, s, "ket_qua_noi_bat");
	narrative(b, s,
		  "IV. VIỆC TỔ CHỨC TRIỂN KHAI CÔNG TÁC BÁO CÁO THỐNG KÊ "
		  "GIÁO DỤC",
		  "bao_cao_thong_ke");
	narrative(b, s,
		  "V. DỰ KIẾN NHIỆM VỤ TRỌNG TÂM VÀ GIẢI PHÁP NĂM HỌC "
		  "TỚI",
		  "nhiem_vu_nam_sau");
	narrative(b, s, "VI. ĐỀ XUẤT, KIẾN NGHỊ", "de_xuat");
	const char *deflt[] = { "- Như trên;", "- Lưu: VT." };
	rb_closing(b, deflt, 2);
	rb_filename(b, "phu-luc-2");
	release(&p);
	return TS_OK;
}

/* --- Phụ lục 6 (seed 002): the Sở's report on QĐ 131/QĐ-TTg. */

struct pl6 {
	struct pl2 base;
	struct target_set *ts;
	struct ind_set *oset6; /* the office set the targets name */
	struct ind_values *ov; /* the office's values, or NULL */
	bool past;	       /* the as-of day is past the deadline */
	int y, m, d;	       /* the as-of day */
};

static enum ts_err
load6(struct rb *b, struct pl6 *p)
{
	enum ts_err e = load(b, &p->base);
	const char *path = arena_printf(b->a, "%s/targets/qd131-2025.json",
					b->app->data_dir);
	if (e == TS_OK)
		e = stats_targets_load(path, b->app->data_dir,
				       p->base.ru.info.set, &p->oset6, &p->ts,
				       b->d);
	char *text = p->base.office ? json_dumps(p->base.office, 0) : NULL;
	const char *doc = text ? arena_printf(b->a, "{\"values\":%s}", text)
			       : NULL;
	free(text);
	if (e == TS_OK && doc != NULL)
		e = ind_values_parse(p->oset6, doc, strlen(doc), b->t.unit.code,
				     &p->ov, b->d);
	if (e == TS_OK && sscanf(p->base.ru.info.as_of, "%4d-%2d-%2d", &p->y,
				 &p->m, &p->d) == 3)
		p->past = target_past_deadline(p->ts, p->y, p->m, p->d);
	return e;
}

static void
release6(struct pl6 *p)
{
	release(&p->base);
	target_set_free(p->ts);
	ind_set_free(p->oset6);
	ind_values_free(p->ov);
}

/* IV: each target with đạt / không đạt / tiến độ and what was measured. */
static void
targets6(struct rb *b, struct rp_section *s, const struct pl6 *p)
{
	static const int w[] = { 6, 22, 36, 36 };
	static const char *const heads[] = {
		"TT", "Nội dung", "Mục tiêu", "Kết quả (đạt/không đạt/tiến độ)"
	};
	struct rp_doc *d = b->doc;
	struct rp_table *t = rp_table_add(d, s, 4, w);
	rp_head_row(d, t, heads);
	for (size_t i = 0; i < p->ts->n; i++) {
		const struct target *tg = &p->ts->v[i];
		struct measure_eval ev[TARGET_MAX_MEASURES];
		for (size_t k = 0; k < tg->nmeasures; k++)
			ev[k] = target_measure(&tg->measures[k],
					       p->base.ru.units, p->base.ru.n,
					       p->ov, p->past);
		size_t r = rp_row_add(d, t);
		rp_cell_text(d, t, r, 0, 0, tg->id);
		rp_cell_text(d, t, r, 1, 0, tg->title);
		rp_cell_text(d, t, r, 2, 0, tg->text);
		struct rp_cell *c = rp_cell_text(
			d, t, r, 3, 0,
			target_result_name(target_combine(ev, tg->nmeasures)));
		for (size_t k = 0; k < tg->nmeasures; k++)
			rp_cell_para(d, c, RP_LEFT, 0,
				     rp_printf(d, "- %s",
					       stats_measure_text(
						       b->a, &tg->measures[k],
						       &ev[k], true)));
	}
}

enum ts_err
rb_stats_pl6(struct rb *b)
{
	struct pl6 p = { 0 };
	enum ts_err e = load6(b, &p);
	if (e != TS_OK) {
		release6(&p);
		return e;
	}
	office_fields(b, &p.base);
	struct rp_doc *d = b->doc;
	struct rp_section *s = rp_section0(d);
	rb_header(b);
	d->kind = "BÁO CÁO";
	rp_subject_add(d, "Tổng kết thực hiện Quyết định 131/QĐ-TTg ngày "
			  "25/01/2022");
	rp_subject_add(d, "(Dành cho Giáo dục Trung học)");
	d->title = rp_printf(d, "Phụ lục 6 - %s", b->t.unit.name);
	rp_body(d, s, RP_ITALIC, rb_basis(b));
	narrative(b, s, "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN",
		  "p6_lanh_dao");
	rp_heading(d, s, 1,
		   "II. KẾT QUẢ, KHÓ KHĂN, NGUYÊN NHÂN VÀ GIẢI PHÁP "
		   "TRONG QUÁ TRÌNH THỰC HIỆN ĐỀ ÁN");
	static const struct {
		const char *title, *field;
	} parts[] = {
		{ "1. Tăng cường các điều kiện đảm bảo triển khai ứng dụng "
		  "công nghệ thông tin và chuyển đổi số trong giáo dục và đào "
		  "tạo",
		  "p6_dieu_kien" },
		{ "2. Kết quả chuyển đổi số hoạt động dạy, học, kiểm tra, đánh "
		  "giá và nghiên cứu khoa học",
		  "p6_day_hoc" },
		{ "3. Kết quả chuyển đổi số trong hoạt động quản trị, quản lý "
		  "và cơ sở dữ liệu",
		  "p6_quan_tri" },
		{ "4. Kết quả phát triển nguồn nhân lực", "p6_nhan_luc" },
	};
	for (size_t i = 0; i < 4; i++) {
		rp_heading(d, s, 2, parts[i].title);
		rb_text(b, s, parts[i].field);
	}
	rp_heading(d, s, 1, "III. THỐNG KÊ KẾT QUẢ GIAI ĐOẠN 2022-2025");
	reported(b, s, &p.base,
		 (const bool[AGG_ROWS]){ false, false, false, false, false,
					 true });
	e = rb_pl6_years(b, s, &p.base.ru, p.ov);
	if (e != TS_OK) {
		release6(&p);
		return e;
	}
	/* The targets' first row is tall (a measure per line): in Calc the
	 * heading and the table's head fell alone at the foot of page 2. */
	rp_heading(d, s, 1, "IV. MỤC TIÊU ĐẾN NĂM 2025")->page_break_xlsx =
		true;
	rp_body(d, s, RP_ITALIC,
		rp_printf(
			d,
			"Số liệu tính đến ngày "
			"%02d/%02d/%d; hạn của các mục tiêu %02d/%02d/%d: trước hạn, "
			"mục tiêu chưa đạt ghi \"tiến độ\".",
			p.d, p.m, p.y, p.ts->by_day, p.ts->by_month,
			p.ts->by_year));
	targets6(b, s, &p);
	narrative(b, s, "V. ĐỀ XUẤT, KIẾN NGHỊ", "p6_de_xuat");
	const char *deflt[] = { "- Như trên;", "- Lưu: VT." };
	rb_closing(b, deflt, 2);
	rb_filename(b, "phu-luc-6");
	release6(&p);
	return TS_OK;
}

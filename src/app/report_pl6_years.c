/* Phụ lục 6 (seed 002), section III "Thống kê kết quả giai đoạn
 * 2022-2025": the seed's rows, one column per school year from 2022-2023
 * to the campaign's (stats_years_open). Years before truongso show what
 * the Sở typed, marked so; a year with nothing shows "chưa có số liệu",
 * never a zero. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "report_int.h"
#include "stats.h"

#define FIRST_YEAR 2022 /* QĐ 131/QĐ-TTg is of 25/01/2022 */

/* A row of the seed's table: a group (I..IV), an item (1..5) or a
 * figure: its code in the campaign's set or the office's (`code`), and
 * in the typed set (`typed`, when it differs). */
struct p6_row {
	const char *stt, *text, *code, *typed;
	enum stats_year_part part;
};

static const struct p6_row ROWS[] = {
	{ "I", "Tiếp cận giáo dục trực tuyến", NULL, NULL, SYP_CELL },
	{ "1.",
	  "Số lượng nhà giáo (giáo viên) được trang bị (có) máy tính (máy "
	  "tính để bàn, máy tính bảng, máy tính xách tay)/ đường truyền "
	  "Internet/ phần mềm để tham gia các hoạt động dạy, học trực tuyến",
	  NULL, NULL, SYP_CELL },
	{ "", "- Tổng số giáo viên có máy tính", "gv_may_tinh", NULL,
	  SYP_CELL },
	{ "", "- Tổng số giáo viên có đường truyền Internet", "gv_internet",
	  NULL, SYP_CELL },
	{ "2.",
	  "Người học (học sinh) được trang bị (có) máy tính (máy tính để "
	  "bàn, máy tính bảng, máy tính xách tay)/ đường truyền Internet/ "
	  "phần mềm để tham gia các hoạt động dạy, học trực tuyến",
	  NULL, NULL, SYP_CELL },
	{ "", "- Tổng số học sinh có máy tính", "hs_may_tinh", NULL, SYP_CELL },
	{ "", "- Tổng số học sinh có đường truyền Internet", "hs_internet",
	  NULL, SYP_CELL },
	{ "II", "Môi trường giáo dục trực tuyến", NULL, NULL, SYP_CELL },
	{ "3.", "Triển khai nền tảng dạy và học trực tuyến", NULL, NULL,
	  SYP_CELL },
	{ "", "- Số nền tảng", "nen_tang", NULL, SYP_NAMES },
	{ "", "- Số nền tảng là sản phẩm trong nước", "nen_tang",
	  "nen_tang_trong_nuoc", SYP_DOMESTIC },
	{ "", "- Số lượng học sinh tham gia sử dụng nền tảng", "hs_nen_tang",
	  NULL, SYP_CELL },
	{ "III", "Quy mô hoạt động giáo dục trực tuyến", NULL, NULL, SYP_CELL },
	{ "4.",
	  "Tỉ trọng nội dung chương trình giáo dục phổ thông được triển khai "
	  "dưới hình thức trực tuyến",
	  "ty_trong_truc_tuyen", NULL, SYP_CELL },
	{ "IV", "Quản lý, quản trị", NULL, NULL, SYP_CELL },
	{ "5.",
	  "Triển khai hệ thống quản trị, quản lý dựa trên dữ liệu và công "
	  "nghệ số",
	  NULL, NULL, SYP_CELL },
	{ "",
	  "- Tổng số cơ sở giáo dục đã triển khai hệ thống quản trị, quản lý "
	  "dựa trên dữ liệu và công nghệ số",
	  "quan_tri_du_lieu", NULL, SYP_CELL },
	{ "",
	  "- Số lượng người học được quản lý bằng hồ sơ số với định danh "
	  "thống nhất",
	  "hs_ho_so_so", NULL, SYP_CELL },
	{ "",
	  "- Số lượng nhà giáo được quản lý bằng hồ sơ số với định danh "
	  "thống nhất",
	  "gv_ho_so_so", NULL, SYP_CELL },
	{ "",
	  "- Số lượng các cơ sở giáo dục quản lý hồ sơ số đối với cơ sở vật "
	  "chất, thiết bị và các nguồn lực khác phục vụ giáo dục, đào tạo và "
	  "nghiên cứu",
	  "csvc_ho_so_so", NULL, SYP_CELL },
	{ "",
	  "- Số lượng hồ sơ công việc tại cấp Sở được vận hành dựa trên dữ "
	  "liệu và công nghệ số",
	  "ho_so_cong_viec_so", NULL, SYP_CELL },
};

static struct rp_table *
years_table(struct rb *b, struct rp_section *s, const struct stats_years *ys)
{
	int widths[2 + 8] = { 5, 35 };
	const char *heads[2 + 8] = { "STT", "Nội dung triển khai" };
	size_t n = ys->n < 8 ? ys->n : 8;
	for (size_t i = 0; i < n; i++) {
		const struct stats_year *y = &ys->v[i];
		widths[2 + i] = (int)(60 / n);
		/* Line breaks before the year and its note: a spreadsheet
		 * wraps "Năm học 2022-2023" greedily after the year's
		 * hyphen otherwise (Calc, "2022-" / "2023"). */
		heads[2 + i] = rp_printf(b->doc, "Năm học\n%s%s", y->year,
					 i + 1 == n ? "\n(thời điểm hiện tại)"
					 : y->typed   ? "\n(Sở nhập)"
					 : y->nrounds ? ""
						      : "\n(chưa có số liệu)");
	}
	struct rp_table *t = rp_table_add(b->doc, s, 2 + n, widths);
	rp_head_row(b->doc, t, heads);
	return t;
}

static void
figure_row(struct rb *b, struct rp_table *t, const struct stats_years *ys,
	   const struct ind_set *set, const struct p6_row *row)
{
	struct rp_doc *d = b->doc;
	size_t r = rp_row_add(d, t), n = t->ncols - 2;
	rp_cell_text(d, t, r, 0, 0, row->stt);
	rp_cell_text(d, t, r, 1, 0, row->text);
	for (size_t i = 0; i < n; i++) {
		const struct stats_year *y = &ys->v[i];
		const char *code = y->typed && row->typed ? row->typed
							  : row->code;
		struct rp_cell *c =
			rp_cell_text(d, t, r, 2 + i, 0,
				     stats_year_text(b->a, y, set, code,
						     row->part, STATS_NUM_VN));
		c->csv = stats_year_text(b->a, y, set, code, row->part,
					 STATS_NUM_RAW);
	}
}

/* I..IV: a bold heading across the row; 1..5 with no figure of its own:
 * its text across the year columns. */
static void
title_row(struct rb *b, struct rp_table *t, const struct p6_row *row)
{
	struct rp_doc *d = b->doc;
	size_t r = rp_row_add(d, t);
	bool group = strchr(row->stt, '.') == NULL; /* I..IV, not 1. */
	rp_cell_text(d, t, r, 0, group ? RP_BOLD : 0, row->stt);
	rp_cell_text(d, t, r, 1, group ? RP_BOLD : 0, row->text);
	rp_cell_span(d, t, r, 1, (int)t->ncols - 1, 1);
}

/* Under the table: where each year's figures come from. */
static void
sources(struct rb *b, struct rp_section *s, const struct stats_years *ys)
{
	for (size_t i = 0; i < ys->n; i++) {
		const struct stats_year *y = &ys->v[i];
		const char *from =
			y->typed
				? rp_printf(b->doc,
					    "số liệu do %s nhập (chưa thống kê "
					    "trên phần mềm)",
					    b->t.unit.name)
			: y->nrounds
				? rp_printf(b->doc,
					    "tổng hợp từ %zu đợt thống kê, "
					    "%zu/%zu cơ sở giáo dục đã báo "
					    "cáo (chỉ gồm số liệu đã được phê "
					    "duyệt)",
					    y->nrounds, y->reported, y->units)
				: "chưa có số liệu";
		rp_body(b->doc, s, RP_ITALIC,
			rp_printf(b->doc, "- Năm học %s: %s.", y->year, from));
	}
}

enum ts_err
rb_pl6_years(struct rb *b, struct rp_section *s, const struct stats_rollup *ru,
	     const struct ind_values *office)
{
	struct stats_years ys;
	enum ts_err e = stats_years_open(b->app, b->who, ru, office,
					 b->t.unit.code, FIRST_YEAR, b->a, &ys,
					 b->d);
	if (e != TS_OK)
		return e;
	/* The line above already says a unit not reporting is not a 0;
	 * "toàn tỉnh" was wrong for a thành phố such as Hải Phòng. */
	rp_body(b->doc, s, 0,
		"Kết quả (số liệu) thống kê trên địa bàn theo từng năm học:");
	struct rp_table *t = years_table(b, s, &ys);
	for (size_t i = 0; i < sizeof(ROWS) / sizeof(ROWS[0]); i++) {
		if (ROWS[i].code)
			figure_row(b, t, &ys, ru->info.set, &ROWS[i]);
		else
			title_row(b, t, &ROWS[i]);
		/* A heading row ("I", "1.") never ends a page: it keeps the
		 * row under it. */
		if (t && i > 0 && ROWS[i - 1].code == NULL)
			rp_row_keep_prev(t, t->nrows - 1);
	}
	sources(b, s, &ys);
	stats_years_release(&ys);
	return TS_OK;
}

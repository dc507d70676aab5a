/* "Báo cáo công tác triển khai tự đánh giá mức độ chuyển đổi số" as the
 * seed 003 school wrote it, with its Phụ lục 1: every criterion with its
 * maximum, the self-score, the level and the evidence. The points and
 * levels come from score_compute, the same code as the web form. */
#include <stdio.h>
#include <string.h>

#include "../core/score.h"
#include "../util/arena.h"
#include "evidence.h"
#include "report_int.h"
#include "report_result.h"
#include "submission.h"

static const char *
score_line(struct rb *b, const struct group *g, const struct group_score *gs,
	   const struct score *sc)
{
	char pts[RP_VALUE_SIZE], max[RP_VALUE_SIZE];
	pts_format_vn(gs->points, pts);
	pts_format_vn(g->max, max);
	const char *gate = gs->gates_met ? ""
					 : " (chưa đạt điều kiện bắt buộc)";
	size_t all, open = score_group_open(sc, g, &all);
	if (open == all)
		return ": " RB_UNANSWERED;
	/* A draft with open items has no level yet: a "Mức độ 1" there
	 * would read like the final result. */
	if (!score_group_settled(sc, g, b->doc->stamp != NULL))
		return rp_printf(b->doc,
				 ": %s/%s điểm (còn %zu nội dung chưa "
				 "trả lời)",
				 pts, max, open);
	if (gs->level == NULL)
		return rp_printf(b->doc, ": %s/%s điểm%s", pts, max, gate);
	return rp_printf(b->doc, ": %s/%s điểm%s - đạt Mức độ %d", pts, max,
			 gate, gs->level->level);
}

/* "- Nhóm tiêu chí 1 “Chuyển đổi số trong dạy, học”: 73/100 điểm - đạt
 * Mức độ 2", the line seed 003 prints in the body and under Phụ lục 1. */
void
rb_group_lines(struct rb *b, struct rp_section *s, const struct score *sc)
{
	const struct rubric *r = sc->rubric;
	for (size_t g = 0; g < r->ngroups; g++) {
		struct rp_para *p = rp_body(b->doc, s, 0, "- ");
		rp_run_add(
			b->doc, p, RP_BOLD,
			rp_printf(b->doc, "Nhóm tiêu chí %s", r->groups[g].id));
		rp_run_add(b->doc, p, 0,
			   rp_printf(b->doc, " “%s”", r->groups[g].title));
		rp_run_add(b->doc, p, 0,
			   score_line(b, &r->groups[g], &sc->groups[g], sc));
	}
}

static void
body(struct rb *b, const struct result *res)
{
	struct rp_doc *d = b->doc;
	struct rp_section *s = rp_section0(d);
	rp_body(d, s, RP_ITALIC, rb_basis(b));
	rp_body(d, s, 0,
		rp_printf(d,
			  "%s báo cáo kết quả triển khai nhiệm vụ "
			  "cụ thể như sau:",
			  b->t.unit.name));
	rp_heading(d, s, 1, "I. Tình hình chung");
	rp_heading(d, s, 2, "1. Thuận lợi");
	rb_text(b, s, "thuan_loi");
	rp_heading(d, s, 2, "2. Khó khăn");
	rb_text(b, s, "kho_khan");
	rp_heading(d, s, 1, "II. Kết quả triển khai thực hiện nhiệm vụ");
	rp_heading(d, s, 2, "1. Công tác chỉ đạo điều hành");
	rb_text(b, s, "chi_dao");
	rp_heading(d, s, 2, "2. Kết quả tự đánh giá, xếp loại: (Phụ lục 1)");
	rb_group_lines(b, s, res->self);
	rb_external_lines(b, s, res);
	rp_heading(d, s, 2, "3. Đánh giá chung:");
	rp_heading(d, s, 3, "Ưu điểm:");
	rb_text(b, s, "uu_diem");
	rp_heading(d, s, 3, "Tồn tại, hạn chế:");
	rb_text(b, s, "ton_tai");
	rp_heading(d, s, 1, "III. Đề xuất, kiến nghị");
	rb_text(b, s, "de_xuat");
	rp_body(d, s, 0, "Trân trọng./.");
}

static void
appendix(struct rb *b, const struct result *res)
{
	struct rp_doc *d = b->doc;
	struct rp_section *s = rp_section_add(d, true);
	s->heading = "Phụ lục 1";
	s->title = "KẾT QUẢ TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ";
	s->subtitle = rb_attached_to(b);
	s->sheet_name = "Phụ lục 1";
	rb_criteria_table(b, s, res, true);
	rb_group_lines(b, s, res->self);
	rb_score_charts(b, s, res);
}

enum ts_err
rb_self_4725(struct rb *b)
{
	struct result res;
	enum ts_err e = rb_result_load(b, &res);
	if (e != TS_OK)
		return e;
	struct rp_doc *d = b->doc;
	rb_header(b);
	d->kind = "BÁO CÁO";
	rp_subject_add(d,
		       "Công tác triển khai tự đánh giá mức độ chuyển đổi số");
	rp_subject_add(d,
		       rp_printf(d, "năm học %s", b->t.campaign.school_year));
	d->title = rp_printf(d, "Báo cáo tự đánh giá mức độ chuyển đổi số - %s",
			     b->t.unit.name);
	body(b, &res);
	const char *deflt[] = { rp_printf(d, "- %s (b/c);",
					  b->t.campaign.owner_name),
				"- Lưu: VT." };
	rb_closing(b, deflt, 2);
	appendix(b, &res);
	rb_years(b, "Phụ lục 2", &res);
	rb_filename(b, "tu-danh-gia");
	rb_result_release(&res);
	return TS_OK;
}

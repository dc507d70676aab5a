/* "BÁO CÁO TỰ KIỂM TRA" of a mầm non school, laid out as seed 004 (Quận 7,
 * 2023): the NĐ 30 header, the plan it carries out, I. the staff numbers
 * the school typed, II.1 six narrative parts, II.2 the criteria table
 * with each rule and the computed result, III. Kiến nghị, and the head's
 * signature "(Ký tên và đóng dấu)". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fixed.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "../util/vnstr.h"
#include "report_int.h"
#include "report_result.h"
#include "software.h"

/* The narrative parts of II.1, in the seed's order. Their headings and
 * the form's guidance are the fields' labels and hints (report_kinds.c),
 * so the web form and the document say the same words. */
static const char *const TOPICS[] = {
	"mn_chi_dao",  "mn_truc_tuyen", "mn_tuyen_truyen",
	"mn_phan_mem", "mn_du_lieu",	"mn_kinh_phi",
};

/* A typed staff count; false when the school left it blank. */
static bool
staff(struct rb *b, const char *field, long *n)
{
	const char *v = doc_field(&b->f, field);
	if (v == NULL)
		return false;
	*n = strtol(v, NULL, 10);
	return true;
}

/* "12 người", or the dotted blank (with "người" where the seed has it). */
static const char *
count(struct rb *b, const char *field, bool unit_in_blank)
{
	long n;
	if (staff(b, field, &n))
		return rp_printf(b->doc, "%ld người", n);
	return unit_in_blank ? RP_BLANK " người" : RP_BLANK;
}

static void
staff_line(struct rb *b, struct rp_section *s, const char *label,
	   const char *field)
{
	rp_body(b->doc, s, 0,
		rp_printf(b->doc, "%s: %s", label, count(b, field, false)));
}

/* whole must equal the sum of parts; a school's typo is printed as a
 * remark for the reader, not refused, because the figures are the
 * school's own to sign. */
static void
sum_check(struct rb *b, struct rp_section *s, const char *whole_name,
	  long whole, const char *parts_name, const long *parts, size_t n)
{
	long sum = 0;
	struct buf t;
	buf_init(&t, 0);
	for (size_t i = 0; i < n; i++) {
		sum += parts[i];
		buf_printf(&t, "%s%ld", i ? " + " : "", parts[i]);
	}
	if (sum != whole)
		rp_body(b->doc, s, RP_ITALIC,
			rp_printf(
				b->doc,
				"(Lưu ý: số "
				"liệu nhân sự chưa khớp: %s %ld người, nhưng %s = %s = "
				"%ld người; đề nghị kiểm tra lại.)",
				whole_name, whole, parts_name, buf_str(&t),
				sum));
	buf_release(&t);
}

enum {
	S_ALL,
	S_MGR,
	S_HEAD,
	S_DEP,
	S_TCH,
	S_NV,
	S_QUOTA,
	S_SCHOOL,
	NSTAFF
};

static void
staff_checks(struct rb *b, struct rp_section *s)
{
	static const char *const names[NSTAFF] = {
		"tong_cbgvcnv", "cbql",	     "hieu_truong", "pho_hieu_truong",
		"giao_vien",	"nhan_vien", "nv_bien_che", "nv_hop_dong"
	};
	long v[NSTAFF] = { 0 };
	bool set[NSTAFF];
	for (size_t i = 0; i < NSTAFF; i++)
		set[i] = staff(b, names[i], &v[i]);
	if (set[S_MGR] && set[S_HEAD] && set[S_DEP])
		sum_check(b, s, "Cán bộ quản lý", v[S_MGR],
			  "Hiệu trưởng + "
			  "Phó Hiệu trưởng",
			  (long[]){ v[S_HEAD], v[S_DEP] }, 2);
	bool parts = set[S_QUOTA] && set[S_SCHOOL];
	if (set[S_NV] && parts)
		sum_check(b, s, "Nhân viên", v[S_NV],
			  "Hợp đồng trong chỉ tiêu "
			  "biên chế + Hợp đồng trường",
			  (long[]){ v[S_QUOTA], v[S_SCHOOL] }, 2);
	/* Without the staff total, its two parts stand for it. */
	long nv = set[S_NV] ? v[S_NV] : v[S_QUOTA] + v[S_SCHOOL];
	if (set[S_ALL] && set[S_MGR] && set[S_TCH] && (set[S_NV] || parts))
		sum_check(b, s, "Tổng số CB-GV-CNV", v[S_ALL],
			  "Cán bộ quản lý "
			  "+ Giáo viên + Nhân viên",
			  (long[]){ v[S_MGR], v[S_TCH], nv }, 3);
}

static void
staff_section(struct rb *b, struct rp_section *s)
{
	struct rp_doc *d = b->doc;
	rp_heading(d, s, 1, "I. Đặc điểm tình hình nhân sự");
	staff_line(b, s, "- Tổng số CB-GV-CNV", "tong_cbgvcnv");
	rp_body(d, s, 0, "Trong đó:");
	rp_body(d, s, 0,
		rp_printf(d,
			  "+ Cán bộ Quản lý: %s (Hiệu trưởng: %s, "
			  "Phó Hiệu trưởng: %s)",
			  count(b, "cbql", true), count(b, "hieu_truong", true),
			  count(b, "pho_hieu_truong", true)));
	staff_line(b, s, "+ Giáo viên", "giao_vien");
	staff_line(b, s, "+ Thừa", "gv_thua");
	staff_line(b, s, "+ Thiếu", "gv_thieu");
	long nv;
	/* The seed heads the two contract lines with a bare "- Nhân viên:". */
	rp_body(d, s, 0,
		staff(b, "nhan_vien", &nv)
			? rp_printf(d, "- Nhân viên: %ld người", nv)
			: "- Nhân viên:");
	staff_line(b, s, "+ Hợp đồng trong chỉ tiêu biên chế", "nv_bien_che");
	staff_line(b, s, "+ Hợp đồng trường", "nv_hop_dong");
	staff_checks(b, s);
}

static const struct df_def *
field_def(const char *name)
{
	const struct report_kind_info *k = report_kind_get(RK_SELF_MN);
	for (size_t i = 0; k && i < k->nfields; i++)
		if (strcmp(k->fields[i].name, name) == 0)
			return &k->fields[i];
	return NULL;
}

/* The software the school listed (software.h), one line each as seed
 * 004 asks: "Liệt kê cụ thể các phần mềm tên gì, sử dụng cho mục đích
 * gì, có thu phí không, thu phí bao nhiêu". Lines, not a table: the
 * document's tables (its CSV) stay the criteria. */
static const char *
fee_words(struct rb *b, const struct software *v)
{
	char money[PTS_FMT_SIZE];
	if (!v->paid)
		return "không thu phí";
	return rp_printf(b->doc, "có thu phí%s%s, năm học đã thu %s đồng",
			 v->fee[0] ? " " : "", v->fee,
			 int_format_vn(v->parents_total, money));
}

static const char *
lower_first(struct rb *b, const char *s)
{
	const char *l = vn_lower_first(b->a, s);
	return l ? l : s;
}

static size_t
software_lines(struct rb *b, struct rp_section *s, const char *field)
{
	struct software *v = NULL;
	size_t n = 0;
	struct diags d;
	diags_init(&d);
	enum ts_err e =
		strcmp(field, "mn_phan_mem") != 0
			? TS_ENOTFOUND
			: software_list(b->app, b->who, b->t.campaign.id,
					b->t.unit.code, b->a, &v, &n, &d);
	if (e != TS_OK)
		(void)rb_section_outcome(b, e, &d);
	else
		diags_release(&d);
	for (size_t i = 0; e == TS_OK && i < n; i++)
		rp_body(b->doc, s, 0,
			rp_printf(b->doc, "+ %s (%s%s%s): %s; %s%s", v[i].name,
				  v[i].vendor, v[i].vendor[0] ? ", " : "",
				  v[i].domestic ? "trong nước" : "nước ngoài",
				  v[i].purpose[0] ? lower_first(b, v[i].purpose)
						  : RP_BLANK,
				  fee_words(b, &v[i]), i + 1 < n ? ";" : "."));
	return e == TS_OK ? n : 0;
}

/* "- <heading>:" then the typed text; a blank part shows the form's
 * guidance and lines to write on, like the printed template. */
static void
topic(struct rb *b, struct rp_section *s, const char *field)
{
	const struct df_def *def = field_def(field);
	if (def == NULL)
		return;
	rp_heading(b->doc, s, 3, rp_printf(b->doc, "- %s:", def->label));
	bool typed = doc_field(&b->f, field) != NULL;
	if (software_lines(b, s, field) > 0 && !typed)
		return;
	if (!typed && def->hint)
		rp_body(b->doc, s, RP_ITALIC,
			rp_printf(b->doc, "(%s)", def->hint));
	rb_text(b, s, field);
}

/* The calendar year the check is made in ("năm 2023" in the seed): the
 * year the campaign opens, in Vietnam time. */
static const char *
check_year(struct rb *b)
{
	int64_t t;
	char date[TS_TIME_SIZE];
	if (b->t.campaign.opens_at == NULL ||
	    !ts_time_parse(b->t.campaign.opens_at, &t))
		return RP_BLANK;
	ts_time_vn_date(t, date);
	return rp_strdup(b->doc, date + 6);
}

static void
body(struct rb *b, const struct result *res)
{
	struct rp_doc *d = b->doc;
	struct rp_section *s = rp_section0(d);
	rp_body(d, s, RP_ITALIC, rb_basis_line(b, "Thực hiện"));
	rp_body(d, s, 0,
		rp_printf(
			d,
			"%s báo cáo kết quả tự kiểm tra về việc "
			"tổ chức thực hiện công tác ứng dụng công nghệ thông tin và "
			"chuyển đổi số ngành Giáo dục và Đào tạo năm %s, cụ thể như "
			"sau:",
			b->t.unit.name, check_year(b)));
	staff_section(b, s);
	rp_heading(d, s, 1, "II. Nội dung tự kiểm tra");
	rp_heading(d, s, 2,
		   "1. Công tác ứng dụng công nghệ thông tin và "
		   "chuyển đổi số khác:");
	for (size_t i = 0; i < sizeof(TOPICS) / sizeof(TOPICS[0]); i++)
		topic(b, s, TOPICS[i]);
	rp_heading(d, s, 2,
		   "2. Kiểm tra các nội dung theo Bộ chỉ số đánh giá "
		   "mức độ chuyển đổi số");
	rb_rules_table(b, s, res);
	rb_external_lines(b, s, res);
	rp_heading(d, s, 1, "III. Kiến nghị");
	rb_text(b, s, "de_xuat");
}

enum ts_err
rb_self_mn(struct rb *b)
{
	struct result res;
	enum ts_err e = rb_result_load(b, &res);
	if (e != TS_OK)
		return e;
	struct rp_doc *d = b->doc;
	rb_header(b);
	d->kind = "BÁO CÁO TỰ KIỂM TRA";
	d->title = rp_printf(d, "Báo cáo tự kiểm tra - %s", b->t.unit.name);
	body(b, &res);
	/* Seed 004 has no Nơi nhận; a typed list is still printed. */
	rb_closing(b, NULL, 0);
	if (d->sig)
		d->sig->note = "(Ký tên và đóng dấu)";
	rb_years(b, "Phụ lục", &res);
	rb_filename(b, "tu-kiem-tra");
	rb_result_release(&res);
	return TS_OK;
}

/* The school's own decisions around the self-assessment (seed 003):
 * the shape every quyết định shares (NĐ 30: the issuing authority, căn
 * cứ, "QUYẾT ĐỊNH:", articles), the members of the CĐS steering
 * committee as a table, and the decision establishing the committee. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "report_int.h"

const char *
rb_head_title(const struct rb *b)
{
	return b->t.unit.kind == KIND_TRUNG_TAM ? "Giám đốc" : "Hiệu trưởng";
}

bool
rb_is_4725(const struct rb *b)
{
	return b->t.rubric && (rubric_shape(b->t.rubric) & RS_LEVELS);
}

/* "năm học 2025-2026" */
static const char *
year_words(struct rb *b)
{
	return rp_printf(b->doc, "năm học %s", b->t.campaign.school_year);
}

/* Căn cứ lines of a school's decision, unless typed (can_cu): the head's
 * powers, QĐ 4725 for its rubric, the campaign's own basis. */
static void
basis_lines(struct rb *b, struct rp_section *s, const char *extra)
{
	struct rp_doc *d = b->doc;
	if (doc_field(&b->f, "can_cu")) {
		rb_text(b, s, "can_cu");
		return;
	}
	rp_body(d, s, RP_ITALIC,
		rp_printf(d,
			  "Căn cứ chức năng, nhiệm vụ, "
			  "quyền hạn của %s theo %s;",
			  rb_head_title(b),
			  b->t.unit.kind == KIND_TRUNG_TAM
				  ? "Quy chế tổ chức và hoạt "
				    "động của trung tâm"
				  : "Điều lệ nhà trường"));
	if (rb_is_4725(b))
		rp_body(d, s, RP_ITALIC,
			"Căn cứ Quyết định số 4725/QĐ-BGDĐT "
			"ngày 30/12/2022 của Bộ trưởng Bộ Giáo dục và Đào tạo "
			"ban hành Bộ chỉ số đánh giá mức độ chuyển đổi số của cơ "
			"sở giáo dục phổ thông và giáo dục thường xuyên;");
	const char *basis = b->t.campaign.legal_basis;
	size_t n = basis ? strlen(basis) : 0;
	while (n && strchr(";,. ", basis[n - 1]))
		n--;
	if (n)
		rp_body(d, s, RP_ITALIC,
			rp_printf(d, "Căn cứ %.*s;", (int)n, basis));
	/* One paragraph a line: Writer ran the approval decision's "Căn cứ
	 * Biên bản họp …" on under the line above, unindented. */
	for (const char *p = extra; p && *p;) {
		size_t k = strcspn(p, "\n");
		rp_body(d, s, RP_ITALIC, arena_strndup(b->a, p, k));
		p += k + (p[k] == '\n');
	}
}

void
rb_decision_open(struct rb *b, struct rp_section *s, const char *extra)
{
	struct rp_doc *d = b->doc;
	b->doc->kind = "QUYẾT ĐỊNH";
	if (d->header)
		d->header->symbol = "QĐ-……";
	rp_line(d, s, RP_CENTER, RP_BOLD,
		rb_upper(b, rp_printf(d, "%s %s", rb_head_title(b),
				      b->t.unit.name)));
	basis_lines(b, s, extra);
	rp_line(d, s, RP_CENTER, RP_BOLD, "QUYẾT ĐỊNH:");
}

void
rb_article(struct rb *b, struct rp_section *s, int n, const char *text)
{
	struct rp_para *p = rp_body(b->doc, s, 0, "");
	rp_run_add(b->doc, p, RP_BOLD, rp_printf(b->doc, "Điều %d. ", n));
	rp_run_add(b->doc, p, 0, text);
}

/* One member line: "Họ và tên; chức vụ; nhiệm vụ; email; điện thoại"
 * (";", "|" or a tab between the parts). */
static size_t
member_parts(struct rb *b, const char *line, size_t len, const char **part,
	     size_t max)
{
	size_t n = 0;
	while (len && n < max) {
		size_t k = 0;
		while (k < len && !strchr(";|\t", line[k]))
			k++;
		size_t i = 0, j = k;
		while (i < j && line[i] == ' ')
			i++;
		while (j > i && line[j - 1] == ' ')
			j--;
		part[n++] = arena_strndup(b->a, line + i, j - i);
		line += k < len ? k + 1 : k;
		len -= k < len ? k + 1 : k;
	}
	return n;
}

static void
member_row(struct rb *b, struct rp_table *t, size_t no, const char **part,
	   size_t n)
{
	struct rp_doc *d = b->doc;
	size_t r = rp_row_add(d, t);
	rp_cell_int(d, t, r, 0, (int64_t)no);
	for (size_t c = 0; c < 3; c++)
		rp_cell_text(d, t, r, c + 1, 0,
			     c < n && part[c] && *part[c] ? part[c] : RP_BLANK);
	const char *contact = n > 4 && *part[4]
				      ? rp_printf(d, "%s%s%s", part[3],
						  *part[3] ? "\n" : "", part[4])
			      : n > 3 ? part[3]
				      : "";
	rp_cell_text(d, t, r, 4, 0, contact);
}

size_t
rb_members_table(struct rb *b, struct rp_section *s, const char *text)
{
	static const int w[] = { 7, 28, 25, 18, 30 };
	static const char *const head[] = { "STT", "Họ và tên", "Chức vụ",
					    "Nhiệm vụ trong Ban",
					    "Email, điện thoại" };
	struct rp_table *t = rp_table_add(b->doc, s, 5, w);
	if (t == NULL)
		return 0;
	t->caption = "Thành viên Ban chỉ đạo chuyển đổi số";
	rp_head_row(b->doc, t, head);
	size_t no = 0;
	for (const char *v = text ? text : ""; *v;) {
		size_t len = strcspn(v, "\r\n");
		const char *part[5];
		size_t n = member_parts(b, v, len, part, 5);
		if (n && part[0] && *part[0])
			member_row(b, t, ++no, part, n);
		v += len;
		v += strspn(v, "\r\n");
	}
	for (size_t i = 0; no == 0 && i < 3; i++) /* a form to fill by hand */
		member_row(b, t, i + 1, NULL, 0);
	return no;
}

enum ts_err
rb_committee(struct rb *b)
{
	struct rp_doc *d = b->doc;
	rb_header(b);
	rp_subject_add(d, rp_printf(d,
				    "Về việc thành lập Ban chỉ đạo chuyển "
				    "đổi số %s",
				    year_words(b)));
	d->title = rp_printf(d,
			     "Quyết định thành lập Ban chỉ đạo chuyển đổi "
			     "số - %s",
			     b->t.unit.name);
	struct rp_section *s = rp_section0(d);
	rb_decision_open(b, s,
			 "Xét năng lực và yêu cầu nhiệm vụ của cán bộ, "
			 "giáo viên, nhân viên,");
	rb_article(b, s, 1,
		   rp_printf(d,
			     "Thành lập Ban chỉ đạo chuyển đổi số "
			     "của %s %s gồm các ông (bà) có tên sau:",
			     b->t.unit.name, year_words(b)));
	rb_members_table(b, s, doc_field(&b->f, "thanh_vien"));
	if (doc_field(&b->f, "nhiem_vu")) {
		rb_article(b, s, 2, "Ban chỉ đạo có nhiệm vụ:");
		rb_text(b, s, "nhiem_vu");
	} else {
		rb_article(
			b, s, 2,
			rp_printf(
				d,
				"Ban chỉ đạo có nhiệm vụ chỉ "
				"đạo, triển khai các nhiệm vụ ứng dụng công nghệ thông "
				"tin và chuyển đổi số của đơn vị; tổ chức tự đánh giá "
				"mức độ chuyển đổi số %s dựa trên hồ sơ, minh chứng, "
				"lập biên bản và báo cáo kết quả theo quy định. Trưởng "
				"ban phân công nhiệm vụ cụ thể cho các thành viên.",
				year_words(b)));
	}
	rb_article(b, s, 3,
		   "Quyết định có hiệu lực kể từ ngày ký. Các ông "
		   "(bà) có tên tại Điều 1 và các bộ phận có liên quan chịu "
		   "trách nhiệm thi hành Quyết định này./.");
	/* (b/c) to the office that reviews the school in this round (its
	 * managing Phòng / commune office, or the Sở), as the approval
	 * decision does. */
	const char *deflt[] = { "- Như Điều 3;",
				rp_printf(d, "- %s (b/c);", rb_reviewer(b)),
				"- Lưu: VT." };
	rb_closing(b, deflt, 3);
	rb_filename(b, "qd-ban-chi-dao");
	return TS_OK;
}

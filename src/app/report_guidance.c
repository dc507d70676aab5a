/* The office's guidance letter (công văn hướng dẫn) that opens a round,
 * as seed 001's Phòng wrote it: số/ký hiệu and "V/v …" under it, Kính
 * gửi the heads of the participating units (grouped by cấp học, or by
 * name when they are few), what to do, the rubric, the dates, how to
 * submit, Nơi nhận. Everything but the typed parts (fields "cv_…",
 * report_kinds.c) comes from the campaign and its participants. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/vnstr.h"
#include "report_int.h"

/* Up to this many participants are named one by one in Kính gửi. */
#define NAMED_MAX 4

struct gd_unit {
	enum org_kind kind;
	unsigned levels;
	const char *name;
};

struct gd_data {
	struct gd_unit *schools, *offices;
	size_t nschools, noffices;
	unsigned reviewers; /* reviewer_kinds() */
};

static const char SQL_SCHOOLS[] =
	"SELECT o.kind, cu.school_levels, o.name FROM campaign_unit cu "
	"JOIN org_unit o ON o.id = cu.unit_id WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER(
		"cu.path", "?2") " ORDER BY cu.path";

/* The Phòng and communes under the issuer that have participants: their
 * heads pass the letter on (and the communes administer MN to THCS). */
static const char SQL_OFFICES[] =
	"SELECT o.kind, 0, o.name FROM org_unit o WHERE o.kind IN (?3, ?4) "
	"AND o.id <> ?5 AND " SQL_PATH_UNDER(
		"o.path",
		"?2") " AND EXISTS "
		      "(SELECT 1 FROM campaign_unit cu WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER(
			      "cu.path", "o.path") ") ORDER BY o.path";

static void
fill_unit(struct db_stmt *st, struct arena *a, void *p)
{
	struct gd_unit *u = p;
	if (!org_kind_parse(db_col_text(st, 0), &u->kind))
		u->kind = KIND_TRUONG;
	u->levels = (unsigned)db_col_int(st, 1);
	u->name = db_col_dup(st, 2, a);
}

static enum ts_err
load(struct rb *b, const char *sql, struct gd_unit **out, size_t *n)
{
	struct db_stmt *st = db_prep(b->app->db, sql);
	if (st == NULL)
		return app_db_error(b->app, b->d, "đọc đơn vị tham gia");
	db_bind_int(st, 1, b->t.campaign.id);
	db_bind_text(st, 2, b->t.unit.path);
	if (sql == SQL_OFFICES) {
		db_bind_text(st, 3, org_kind_code(KIND_PHONG));
		db_bind_text(st, 4, org_kind_code(KIND_XA));
		db_bind_int(st, 5, b->t.unit.id);
	}
	enum ts_err e = db_collect(st, b->a, sizeof(**out), (void **)out, n,
				   fill_unit);
	return e == TS_EDB ? app_db_error(b->app, b->d, "đọc đơn vị tham gia")
			   : e;
}

static const char *
head_of(enum org_kind k)
{
	return k == KIND_TRUNG_TAM ? "Giám đốc" : "Hiệu trưởng";
}

/* "Trưởng phòng Giáo dục và Đào tạo quận Dương Kinh", "Chủ tịch UBND
 * phường Hồng Bàng": the head of one office. */
static const char *
office_head(struct rb *b, const struct gd_unit *u)
{
	if (u->kind == KIND_XA)
		return rp_printf(b->doc, "Chủ tịch %s", u->name);
	const char *n = u->name;
	if (strncmp(n, "Phòng ", strlen("Phòng ")) == 0)
		return rp_printf(b->doc, "Trưởng phòng %s",
				 n + strlen("Phòng "));
	return rp_printf(b->doc, "Trưởng %s", n);
}

static void
to_named(struct rb *b, const struct gd_data *g)
{
	for (size_t i = 0; i < g->noffices; i++)
		rp_to_add(b->doc, office_head(b, &g->offices[i]));
	for (size_t i = 0; i < g->nschools; i++)
		rp_to_add(b->doc, rp_printf(b->doc, "%s %s",
					    head_of(g->schools[i].kind),
					    g->schools[i].name));
}

static void
to_offices(struct rb *b, const struct gd_data *g)
{
	bool kinds[2] = { false, false };
	for (size_t i = 0; i < g->noffices; i++)
		kinds[g->offices[i].kind == KIND_XA] = true;
	if (kinds[0])
		rp_to_add(b->doc, "Trưởng phòng Giáo dục và Đào tạo các quận, "
				  "huyện");
	if (kinds[1])
		rp_to_add(b->doc, "Chủ tịch Ủy ban nhân dân các xã, phường");
}

/* Seed 001's grouped form: one line per cấp học the schools have. */
static void
to_grouped(struct rb *b, const struct gd_data *g)
{
	static const char *const level[] = { "Mầm non", "Tiểu học",
					     "Trung học cơ sở",
					     "Trung học phổ thông" };
	unsigned levels = 0;
	bool centres = false;
	to_offices(b, g);
	for (size_t i = 0; i < g->nschools; i++) {
		if (g->schools[i].kind == KIND_TRUNG_TAM)
			centres = true;
		else
			levels |= g->schools[i].levels;
	}
	for (size_t l = 0; l < sizeof(level) / sizeof(*level); l++)
		if (levels & (1u << l))
			rp_to_add(b->doc, rp_printf(b->doc,
						    "Hiệu trưởng các "
						    "trường %s",
						    level[l]));
	if (centres)
		rp_to_add(b->doc, "Giám đốc các trung tâm giáo dục nghề nghiệp "
				  "- giáo dục thường xuyên");
}

/* Kính gửi: typed lines, else the participants' heads; NĐ 30 puts "-"
 * before each of several and ";" after all but the last. */
static void
recipients_to(struct rb *b, const struct gd_data *g)
{
	struct rp_doc *d = b->doc;
	const char *typed = doc_field(&b->f, "kinh_gui");
	if (typed)
		for (const char *v = typed; *v;) {
			size_t n = strcspn(v, "\r\n");
			while (n && strchr("-; ", *v)) {
				v++;
				n--;
			}
			size_t m = n;
			while (m && strchr(";.,: ", v[m - 1]))
				m--;
			if (m)
				rp_to_add(d, rp_printf(d, "%.*s", (int)m, v));
			v += n;
			v += strspn(v, "\r\n");
		}
	else if (g->nschools + g->noffices <= NAMED_MAX)
		to_named(b, g);
	else
		to_grouped(b, g);
	for (size_t i = 0; d->nto > 1 && i < d->nto; i++)
		d->recipients_to[i] = rp_printf(d, "- %s%s",
						d->recipients_to[i],
						i + 1 < d->nto ? ";" : ".");
}

/* "31/05/2026" from a stored timestamp; NULL when there is none. */
static const char *
day_vn(struct rb *b, const char *iso)
{
	char day[11];
	if (iso == NULL)
		return NULL;
	campaign_day(iso, day);
	if (strlen(day) != 10)
		return NULL;
	return rp_printf(b->doc, "%.2s/%.2s/%.4s", day + 8, day + 5, day);
}

/* "- Nhóm tiêu chí 1 “Chuyển đổi số trong dạy, học”: tối đa 100 điểm,
 * xếp Mức độ 1, 2, 3"; the grades of a graded rubric after them. */
static void
rubric_lines(struct rb *b, struct rp_section *s, const struct rubric *r)
{
	struct rp_doc *d = b->doc;
	char max[RP_VALUE_SIZE];
	for (size_t g = 0; g < r->ngroups; g++) {
		const struct group *gr = &r->groups[g];
		pts_format_vn(gr->max, max);
		rp_body(d, s, 0,
			rp_printf(d,
				  "- Nhóm tiêu chí %s “%s”: tối đa "
				  "%s điểm%s;",
				  gr->id, gr->title, max,
				  gr->nlevels ? ", xếp theo Mức độ 1, 2, 3"
					      : ""));
	}
	if (r->ngrades)
		rp_body(d, s, 0, "Xếp loại theo tổng điểm:");
	for (size_t i = r->ngrades; i-- > 0;)
		rp_body(d, s, 0,
			rp_printf(d, "- %s: %s%s",
				  r->grades[i].name ? r->grades[i].name
						    : "Xếp loại",
				  rb_band_words(b, &r->grades[i].range),
				  i ? ";" : "."));
}

static void
part_rubric(struct rb *b, struct rp_section *s)
{
	struct rp_doc *d = b->doc;
	const struct rubric *r = b->t.rubric;
	rp_heading(d, s, 2, "1. Nội dung tự đánh giá");
	if (r == NULL) {
		rp_body(d, s, 0,
			"Các đơn vị tự đánh giá theo bộ chỉ số của "
			"đợt đánh giá.");
		return;
	}
	rp_body(d, s, 0,
		rp_printf(d,
			  "Các đơn vị tự đánh giá, chấm điểm theo "
			  "%s, gồm:",
			  r->title));
	rubric_lines(b, s, r);
}

/* QĐ 4725 asks the head to approve the result before it is reported
 * (khoản 6 Điều 1); other rubrics only ask for the signed report. */
static void
part_records(struct rb *b, struct rp_section *s)
{
	struct rp_doc *d = b->doc;
	bool levels = b->t.rubric && (rubric_shape(b->t.rubric) & RS_LEVELS);
	rp_heading(d, s, 2, "2. Tổ chức tự đánh giá và hồ sơ");
	rp_body(d, s, 0,
		"- Kiện toàn Ban chỉ đạo chuyển đổi số của đơn vị; "
		"Ban chỉ đạo tổ chức tự đánh giá dựa trên hồ sơ, minh chứng cụ "
		"thể, có biên bản họp tự đánh giá;");
	if (levels)
		rp_body(d, s, 0,
			"- Thủ trưởng đơn vị ban hành quyết định phê "
			"duyệt kết quả tự đánh giá trước khi báo cáo (khoản 6 "
			"Điều 1 Quyết định số 4725/QĐ-BGDĐT ngày 30/12/2022 của "
			"Bộ Giáo dục và Đào tạo);");
	rp_body(d, s, 0, "- Lưu hồ sơ, minh chứng theo từng tiêu chí.");
}

/* Which offices review the participants under the letter's unit, as the
 * campaign froze them (campaign_unit.path ends with the reviewer:
 * review_by): bit 0 the letter's unit itself, bit 1 a Phòng, bit 2 a
 * commune office; the unit alone when it has no participant yet. A
 * ward's letter in the Sở's round speaks of its own schools, which it
 * reviews, not of "các xã, phường" beside it. */
static enum ts_err
reviewer_kinds(struct rb *b, unsigned *out)
{
	static const char sql[] =
		"SELECT DISTINCT o.id, o.kind FROM campaign_unit cu JOIN " SQL_REVIEWER_OF_CU
		" WHERE cu.campaign_id = ?1 AND " SQL_PATH_UNDER("cu.path",
								 "?2");
	struct db_stmt *st = db_prep(b->app->db, sql);
	unsigned bits = 0;
	int rc = DB_DONE;
	if (st == NULL)
		return app_db_error(b->app, b->d, "đọc đơn vị phê duyệt");
	db_bind_int(st, 1, b->t.campaign.id);
	db_bind_text(st, 2, b->t.unit.path);
	while ((rc = db_step(st)) == DB_ROW) {
		const char *k = db_col_text(st, 1);
		if (db_col_int(st, 0) == b->t.unit.id)
			bits |= 1;
		else if (k && strcmp(k, "phong") == 0)
			bits |= 2;
		else if (k && strcmp(k, "xa") == 0)
			bits |= 4;
	}
	db_done(st);
	*out = bits ? bits : 1;
	return rc == DB_DONE
		       ? TS_OK
		       : app_db_error(b->app, b->d, "đọc đơn vị phê duyệt");
}

/* "Who reviews what": the owner its own units, and the Phòng or commune
 * offices their schools where the campaign has them review (issue 16). */
static const char *
reviewers(struct rb *b, unsigned k)
{
	if (k == 1)
		return rp_printf(b->doc,
				 "%s xem xét, phê duyệt kết quả của các đơn vị",
				 b->t.unit.name);
	const char *own =
		k & 1 ? rp_printf(b->doc,
				  "; %s xem xét, phê duyệt kết quả của các "
				  "đơn vị trực thuộc",
				  b->t.unit.name)
		      : "";
	return rp_printf(
		b->doc,
		"%s%s%s xem xét, phê duyệt kết quả của các trường thuộc "
		"phạm vi quản lý%s",
		k & 2 ? "Phòng Giáo dục và Đào tạo các quận, huyện" : "",
		(k & 6) == 6 ? ", " : "",
		k & 4 ? "Ủy ban nhân dân các xã, phường" : "", own);
}

static void
part_submit(struct rb *b, struct rp_section *s, unsigned reviewer_kinds)
{
	struct rp_doc *d = b->doc;
	const char *url = doc_field(&b->f, "dia_chi");
	const char *opens = day_vn(b, b->t.campaign.opens_at);
	const char *due = day_vn(b, b->t.campaign.due_at);
	rp_heading(d, s, 2, "3. Thời hạn và cách thức gửi báo cáo");
	struct rp_para *p = rp_body(
		d, s, 0,
		rp_printf(
			d,
			"- Các đơn vị nhập "
			"kết quả tự đánh giá, đính kèm minh chứng và nộp trên hệ thống "
			"truongso tại địa chỉ %s%s%s, ",
			url ? url : RP_BLANK, opens ? " từ ngày " : "",
			opens ? opens : ""));
	rp_run_add(d, p, RP_BOLD,
		   rp_printf(d, "hoàn thành trước hết ngày %s",
			     due ? due : RP_BLANK));
	rp_run_add(d, p, 0, ";");
	rp_body(d, s, 0,
		"- In báo cáo từ hệ thống; Thủ trưởng đơn vị ký, đóng "
		"dấu và tải bản đã ký (tệp PDF) lên hệ thống để lưu làm bản "
		"chính thức;");
	const char *review = day_vn(b, b->t.campaign.review_due_at);
	const char *who = reviewers(b, reviewer_kinds);
	rp_body(d, s, 0,
		review ? rp_printf(d, "- %s trước ngày %s.", who, review)
		       : rp_printf(d, "- %s trên hệ thống.", who));
}

/* The campaign's title inside a sentence: "đánh giá mức độ …". */
static const char *
title_in_text(struct rb *b)
{
	const char *t = vn_lower_first(b->a, b->t.campaign.title);
	return t ? t : b->t.campaign.title;
}

static void
body(struct rb *b, const struct gd_data *g)
{
	struct rp_doc *d = b->doc;
	struct rp_section *s = rp_section0(d);
	rp_body(d, s, 0, rb_basis_line(b, "Căn cứ"));
	rp_body(d, s, 0,
		rp_printf(d,
			  "Để triển khai %s, %s hướng dẫn các đơn "
			  "vị thực hiện như sau:",
			  title_in_text(b), b->t.unit.name));
	part_rubric(b, s);
	part_records(b, s);
	part_submit(b, s, g->reviewers);
	if (doc_field(&b->f, "noi_dung")) {
		rp_heading(d, s, 2, "4. Một số yêu cầu khác");
		rb_text(b, s, "noi_dung");
	}
	const char *who = doc_field(&b->f, "lien_he");
	rp_body(d, s, 0,
		rp_printf(
			d,
			"Trong quá trình thực hiện, nếu có vướng "
			"mắc, đề nghị các đơn vị liên hệ %s để được hướng dẫn.",
			who ? who : rp_printf(d, "%s", b->t.unit.name)));
	rp_body(d, s, 0,
		"Trên đây là hướng dẫn, đề nghị Thủ trưởng các đơn vị "
		"nghiêm túc triển khai thực hiện./.");
}

enum ts_err
rb_guidance(struct rb *b)
{
	struct gd_data g = { 0 };
	enum ts_err e = load(b, SQL_SCHOOLS, &g.schools, &g.nschools);
	if (e == TS_OK)
		e = load(b, SQL_OFFICES, &g.offices, &g.noffices);
	if (e == TS_OK)
		e = reviewer_kinds(b, &g.reviewers);
	if (e != TS_OK)
		return e;
	/* An office with no unit in the round and no recipient typed is
	 * refused before this (rb_refusal). */
	struct rp_doc *d = b->doc;
	rb_header(b);
	if (d->header) {
		d->header->symbol = "……-……";
		const char *vv = doc_field(&b->f, "trich_yeu");
		d->header->vv = vv ? vv
				   : rp_printf(d, "V/v hướng dẫn %s",
					       title_in_text(b));
	}
	d->title = rp_printf(d, "Công văn hướng dẫn - %s", b->t.campaign.title);
	recipients_to(b, &g);
	body(b, &g);
	const char *deflt[] = { "- Như trên;", "- Lưu: VT." };
	rb_closing(b, deflt, 2);
	rb_filename(b, "cong-van");
	return TS_OK;
}

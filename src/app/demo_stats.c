/* The demo's statistics campaigns (issue 15): the Sở's "đầu năm học
 * 2025-2026" report of every TH, THCS and THPT school, in every workflow
 * state, and before it Phòng Dương Kinh's "cuối năm học 2024-2025" one
 * (two schools reported), so a school whose numbers moved far from last
 * year's has to confirm them; and the Sở's typed figures of 2022-2023 and
 * 2023-2024 for Phụ lục 6. Deterministic, like the rest of the demo. */
#include "demo_stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/timeutil.h"
#include "demo_answers.h"
#include "stats.h"
#include "user.h"

#define MAX_SCHOOLS 200

struct sschool {
	char code[24];
	char parent[24];
	unsigned levels;
};

struct sdemo {
	struct app *app;
	struct diags *d;
	struct demo_rng rng;
	struct sschool s[MAX_SCHOOLS];
	size_t n;
	int64_t cid;
	int64_t opens;
	size_t *submissions;
	const char *reviewer; /* the round's (sspec) */
};

struct sspec {
	const char *admin, *owner, *year, *period, *title, *basis;
	const char *opens, *due;
	const char *only_parent; /* NULL: every school of the owner */
	const char *reviewer;	 /* NULL: each school's office's */
};

static const struct sspec SPECS[] = {
	/* Before 1/7/2025: the Phòng's round (entered by the Sở's admin;
	 * the Phòng had none), its schools today under 31DK. */
	{ "qt.so", "31PGD-DK", "2024-2025", "cuoi-nam",
	  "Thống kê ứng dụng CNTT và chuyển đổi số cuối năm học 2024-2025",
	  "Công văn số 120/PGDĐT ngày 05/5/2025 của Phòng Giáo dục và Đào tạo "
	  "quận Dương Kinh",
	  "2025-05-05", "2025-06-10", "31DK", "cv.pgd.dk" },
	{ "qt.so", "31", "2025-2026", "dau-nam",
	  "Thống kê ứng dụng CNTT và chuyển đổi số đầu năm học 2025-2026",
	  "Công văn số 1520/SGDĐT-VP ngày 10/9/2025 của Sở GD&ĐT về báo cáo "
	  "thống kê đầu năm học 2025-2026",
	  "2025-09-15", "2025-10-16", NULL, NULL },
};

static const char *const PLATFORMS[][2] = {
	{ "VNEdu LMS", "1" },
	{ "K12Online", "1" },
	{ "OLM", "1" },
	{ "Microsoft Teams", "0" },
	{ "Google Classroom", "0" },
	{ "Zoom", "0" },
	{ "Hệ tinh", "1" },
};

static void
when(struct sdemo *g, int64_t day, unsigned hour)
{
	ts_time_pin(g->opens + day * 86400 + hour * 3600);
}

static enum ts_err
schools(struct sdemo *g, const char *owner, const char *only_parent)
{
	static const char sql[] =
		"SELECT o.code, p.code, o.school_levels FROM org_unit o "
		"JOIN org_unit p ON p.id = o.parent_id "
		"WHERE o.kind IN ('truong', 'trung_tam') AND (o.school_levels & 14) "
		"<> 0 AND (p.code = ?1 OR ?2 = 0) ORDER BY o.code";
	struct db_stmt *st = db_prep(g->app->db, sql);
	if (st == NULL)
		return app_db_error(g->app, g->d, "dữ liệu mẫu");
	db_bind_text(st, 1, only_parent ? only_parent : owner);
	db_bind_int(st, 2, only_parent != NULL);
	g->n = 0;
	while (db_step(st) == DB_ROW && g->n < MAX_SCHOOLS) {
		struct sschool *s = &g->s[g->n++];
		snprintf(s->code, sizeof(s->code), "%s", db_col_text(st, 0));
		snprintf(s->parent, sizeof(s->parent), "%s",
			 db_col_text(st, 1));
		s->levels = (unsigned)db_col_int(st, 2);
	}
	db_done(st);
	return TS_OK;
}

/* A part of `whole`: between lo% and 100% of it. */
static unsigned
part(struct sdemo *g, unsigned whole, unsigned lo)
{
	unsigned min = whole * lo / 100;
	return min + demo_rand(&g->rng, whole - min + 1);
}

static void
names(struct sdemo *g, struct buf *b, const char *key, unsigned n)
{
	unsigned first = demo_rand(&g->rng, 7);
	buf_printf(b, ",\"%s\":[", key);
	for (unsigned i = 0; i < n; i++) {
		const char *const *p = PLATFORMS[(first + i * 3) % 7];
		buf_printf(b, "%s{\"name\":\"%s\",\"domestic\":%s}",
			   i ? "," : "", p[0],
			   p[1][0] == '1' ? "true" : "false");
	}
	buf_puts(b, "]");
}

static void
teachers(struct sdemo *g, struct buf *b, unsigned q)
{
	unsigned cbgv = 30 + demo_rand(&g->rng, 50);
	unsigned gv = cbgv - 3 - demo_rand(&g->rng, 4);
	unsigned cbct = 1 + demo_rand(&g->rng, 2);
	buf_printf(b,
		   "\"cbgv_tong\":%u,\"gv_tong\":%u,\"gv_may_tinh\":%u,"
		   "\"gv_internet\":%u,\"gv_chu_ky_so\":%u,"
		   "\"gv_tai_khoan_boi_duong\":%u,"
		   "\"gv_tap_huan_truc_tuyen\":%u,"
		   "\"gv_tap_huan_elearning\":%u,"
		   "\"cbgv_tap_huan_phan_mem\":%u,\"cbgv_tap_huan_attt\":%u,"
		   "\"cbct_tong\":%u,\"cbct_tap_huan\":%u,\"gv_ho_so_so\":%u",
		   cbgv, gv, part(g, gv, 80 + q / 10), part(g, gv, 85),
		   part(g, gv, q / 2), part(g, gv, 70), part(g, gv, 50),
		   part(g, gv, 30), part(g, cbgv, 30), part(g, cbgv, 40), cbct,
		   part(g, cbct, 0), part(g, gv, 60));
}

static void
students(struct sdemo *g, struct buf *b, unsigned q, unsigned hs)
{
	buf_printf(b,
		   ",\"hs_tong\":%u,\"hs_may_tinh\":%u,\"hs_internet\":%u,"
		   "\"hs_nen_tang\":%u,\"hs_ho_so_so\":%u",
		   hs, part(g, hs, 20 + q / 3), part(g, hs, 50 + q / 3),
		   part(g, hs, 25 + q / 2), part(g, hs, 70));
}

static const char *
yn(struct sdemo *g, unsigned q)
{
	return demo_rand(&g->rng, 100) < q ? "true" : "false";
}

/* The facts the CĐS self-assessment also holds: a draft leaves them to
 * the pre-fill, so the form shows where they come from. */
static void
shared_facts(struct sdemo *g, struct buf *b, unsigned q, bool draft)
{
	bool lms = demo_rand(&g->rng, 100) < q + 10;
	if (!draft)
		buf_printf(b,
			   ",\"lms\":%s,\"thi_may_tinh\":%s,"
			   "\"so_diem_dien_tu\":%s,\"thu_phi_khong_tien_mat\":"
			   "%s,\"phong_studio\":%s",
			   lms ? "true" : "false", yn(g, q), yn(g, q + 20),
			   yn(g, q), yn(g, q / 3));
	if (lms)
		names(g, b, "lms_ten", 1);
}

static void
teaching(struct sdemo *g, struct buf *b, unsigned q, unsigned levels)
{
	static const char *const TIN[] = { "chua", "muc-1", "muc-2", "muc-3" };
	unsigned hl = 20 + demo_rand(&g->rng, 200);
	buf_printf(b, ",\"hoc_lieu_tong\":%u,\"hoc_lieu_nam_hoc\":%u", hl,
		   part(g, hl, 10));
	names(g, b, "nen_tang", 1 + demo_rand(&g->rng, 3));
	if (levels & (LEVEL_THCS | LEVEL_THPT))
		buf_printf(b, ",\"ty_trong_truc_tuyen\":%u.%u",
			   2 + demo_rand(&g->rng, q / 4 + 1),
			   demo_rand(&g->rng, 10) * 10);
	buf_printf(b, ",\"tin_hoc\":\"%s\"", TIN[1 + demo_rand(&g->rng, 3)]);
	buf_printf(b,
		   ",\"pm_quan_tri\":true,\"chu_ky_so\":%s,"
		   "\"quan_tri_du_lieu\":%s,\"csvc_ho_so_so\":%s,"
		   "\"wifi_mien_phi\":%s",
		   yn(g, q + 30), yn(g, q), yn(g, q / 2), yn(g, q + 20));
}

/* Its values are drawn from the school's code, the same every year. */
static uint64_t
seed_of(const char *code)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (; *code; code++)
		h = (h ^ (unsigned char)*code) * 0x100000001b3ull;
	return h | 1;
}

static void
confirmed(struct buf *b, const char *why)
{
	static const char *const moved[] = { "hs_tong", "hs_may_tinh",
					     "hs_internet", "hs_nen_tang" };
	buf_puts(b, ",\"confirmed\":{");
	for (size_t i = 0; i < 4; i++)
		buf_printf(b, "%s\"%s\":\"%s\"", i ? "," : "", moved[i], why);
	buf_puts(b, "}");
}

/* A school's values; hs overrides the student count (0: drawn). */
static void
values(struct sdemo *g, const struct sschool *s, unsigned hs, bool draft,
       const char *confirm, struct buf *b)
{
	struct demo_rng keep = g->rng;
	g->rng.s = seed_of(s->code);
	unsigned q = 35 + demo_rand(&g->rng, 60);
	buf_puts(b, "{\"format\":1,\"indicators\":\"thong-ke-cds-truong\","
		    "\"values\":{");
	teachers(g, b, q);
	students(g, b, q, hs ? hs : 300 + 10 * demo_rand(&g->rng, 120));
	shared_facts(g, b, q, draft);
	teaching(g, b, q, s->levels);
	buf_puts(b, "}");
	if (confirm)
		confirmed(b, confirm);
	buf_puts(b, "}");
	g->rng = keep;
}

static enum ts_err
login_of(struct sdemo *g, const char *prefix, const char *code, struct actor *a)
{
	char login[64];
	int n = snprintf(login, sizeof(login), "%s.%s", prefix, code);
	for (int i = 0; i < n && login[i]; i++)
		if (login[i] >= 'A' && login[i] <= 'Z')
			login[i] = (char)(login[i] - 'A' + 'a');
	return actor_load(g->app, login, a, g->d);
}

/* The round's reviewer, else the parent office's: cv.dk for 31DK, cv.so
 * for the Sở. */
static enum ts_err
reviewer(struct sdemo *g, const struct sschool *s, struct actor *a)
{
	if (g->reviewer != NULL)
		return actor_load(g->app, g->reviewer, a, g->d);
	const char *p = s->parent;
	return login_of(g, "cv", strcmp(p, "31") == 0 ? "so" : p + 2, a);
}

enum splan {
	S_NONE,
	S_DRAFT,
	S_SUBMITTED,
	S_RETURNED,
	S_APPROVED,
	S_PUBLISHED
};

static enum splan
spick(struct sdemo *g)
{
	static const unsigned cut[] = { 10, 22, 45, 53, 92, 100 };
	unsigned r = demo_rand(&g->rng, 100);
	int p = 0;
	while (r >= cut[p])
		p++;
	return (enum splan)p;
}

static enum ts_err
decide(struct sdemo *g, const struct sschool *s, enum splan plan, int64_t day)
{
	static const struct review_reason why[] = {
		{ "hs_may_tinh", "Số học sinh có máy tính chưa khớp với số "
				 "liệu điều tra; đề nghị kiểm tra lại." },
	};
	struct actor rev;
	enum ts_err e = reviewer(g, s, &rev);
	when(g, day + 2, 9);
	if (e == TS_OK && plan == S_RETURNED)
		e = stats_return(g->app, &rev, g->cid, s->code, why, 1, -1,
				 g->d);
	if (e == TS_OK && plan >= S_APPROVED)
		e = sub_approve(g->app, &rev, g->cid, s->code, -1, g->d);
	when(g, day + 5, 9);
	if (e == TS_OK && plan == S_PUBLISHED)
		e = sub_publish(g->app, &rev, g->cid, s->code, -1, g->d);
	return e;
}

/* hs and confirm: a school whose student count moved far from last
 * year's (0 and NULL for the others). */
static enum ts_err
play(struct sdemo *g, const struct sschool *s, enum splan plan, unsigned hs,
     const char *confirm)
{
	struct actor ed, head;
	struct buf b;
	if (plan == S_NONE)
		return TS_OK;
	enum ts_err e = login_of(g, "cntt", s->code, &ed);
	if (e == TS_OK)
		e = login_of(g, "ht", s->code, &head);
	buf_init(&b, 2048);
	values(g, s, hs, plan == S_DRAFT, confirm, &b);
	int64_t day = 3 + demo_rand(&g->rng, 20);
	when(g, day, 8);
	if (e == TS_OK)
		e = b.err != TS_OK ? b.err
				   : stats_save(g->app, &ed, g->cid, s->code,
						buf_str(&b), -1, g->d);
	buf_release(&b);
	(*g->submissions)++;
	when(g, day, 15);
	if (e == TS_OK && plan != S_DRAFT)
		e = stats_submit(g->app, &head, g->cid, s->code, -1, NULL,
				 g->d);
	return e == TS_OK && plan > S_SUBMITTED ? decide(g, s, plan, day) : e;
}

/* Last year two liên cấp schools of Dương Kinh reported (the others are
 * missing from that report); this year the first one's students doubled
 * after a merger (confirmed, submitted), the second's too, still
 * unconfirmed in its draft. */
static const char *const MOVED[2] = { "31DK029", "31DK030" };

static int
moved(const char *code)
{
	for (int k = 0; k < 2; k++)
		if (strcmp(code, MOVED[k]) == 0)
			return k;
	return -1;
}

static enum ts_err
play_one(struct sdemo *g, const struct sschool *s, bool last_year)
{
	int k = moved(s->code);
	if (last_year)
		return play(g, s, k >= 0 ? S_APPROVED : S_NONE, 0, NULL);
	enum splan plan = spick(g);
	if (k < 0)
		return play(g, s, plan, 0, NULL);
	return play(g, s, k == 0 ? S_SUBMITTED : S_DRAFT, 2600,
		    k == 0 ? "Sáp nhập điểm trường Tân Thành từ ngày 01/9/2025"
			   : NULL);
}

static enum ts_err
play_all(struct sdemo *g, bool last_year)
{
	enum ts_err e = TS_OK;
	for (size_t i = 0; e == TS_OK && i < g->n; i++)
		e = play_one(g, &g->s[i], last_year);
	return e;
}

static enum ts_err
one(struct sdemo *g, const struct sspec *sp, size_t *campaigns)
{
	struct actor admin;
	struct stats_campaign_new n = {
		.base = { .owner_code = sp->owner,
			  .rubric_ref = "qd4725-2022-pt",
			  .school_year = sp->year,
			  .title = sp->title,
			  .legal_basis = sp->basis,
			  .levels = LEVEL_TH | LEVEL_THCS | LEVEL_THPT,
			  .opens = sp->opens,
			  .due = sp->due },
		.indicators_ref = "thong-ke-cds-truong",
		.period = sp->period,
	};
	ts_time_pin(0);
	g->reviewer = sp->reviewer;
	ts_time_parse(sp->opens, &g->opens);
	when(g, -3, 9);
	enum ts_err e = actor_load(g->app, sp->admin, &admin, g->d);
	if (e == TS_OK)
		e = stats_campaign_create(g->app, &admin, g->app->data_dir, &n,
					  &g->cid, g->d);
	if (e == TS_OK)
		e = schools(g, sp->owner, sp->only_parent);
	(*campaigns)++;
	return e == TS_OK ? play_all(g, sp->only_parent != NULL) : e;
}

/* Phụ lục 6, section III: the Sở's province figures of the two school
 * years before truongso, typed by its officer in September 2025 (the
 * 2024-2025 column comes from Phòng Dương Kinh's round). */
static const char *const TYPED[][2] = {
	{ "2022-2023",
	  "{\"values\":{\"gv_tong\":2745,\"gv_may_tinh\":2196,"
	  "\"gv_internet\":2306,\"hs_tong\":47120,\"hs_may_tinh\":26387,"
	  "\"hs_internet\":33455,\"nen_tang\":4,\"nen_tang_trong_nuoc\":2,"
	  "\"hs_nen_tang\":28272,\"ty_trong_truc_tuyen\":5.2,"
	  "\"so_csgd\":101,\"quan_tri_du_lieu\":42,\"hs_ho_so_so\":30628,"
	  "\"gv_ho_so_so\":1372,\"csvc_ho_so_so\":11,"
	  "\"ho_so_cong_viec_tong\":1850,\"ho_so_cong_viec_so\":740}}" },
	{ "2023-2024",
	  "{\"values\":{\"gv_tong\":2781,\"gv_may_tinh\":2392,"
	  "\"gv_internet\":2447,\"hs_tong\":47960,\"hs_may_tinh\":30214,"
	  "\"hs_internet\":37409,\"nen_tang\":5,\"nen_tang_trong_nuoc\":3,"
	  "\"hs_nen_tang\":33572,\"ty_trong_truc_tuyen\":7.8,"
	  "\"so_csgd\":102,\"quan_tri_du_lieu\":55,\"hs_ho_so_so\":38368,"
	  "\"gv_ho_so_so\":1808,\"csvc_ho_so_so\":16,"
	  "\"ho_so_cong_viec_tong\":1920,\"ho_so_cong_viec_so\":1133}}" },
};

static enum ts_err
typed_years(struct app *app, struct diags *d)
{
	struct actor so;
	int64_t t = 0;
	ts_time_parse("2025-09-22", &t);
	ts_time_pin(t + 9 * 3600 + 15 * 60);
	enum ts_err e = actor_load(app, "cv.so", &so, d);
	for (size_t i = 0; e == TS_OK && i < sizeof(TYPED) / sizeof(TYPED[0]);
	     i++)
		e = stats_typed_save(app, &so, app->data_dir, "31", TYPED[i][0],
				     TYPED[i][1], d);
	return e;
}

enum ts_err
demo_stats_create(struct app *app, size_t *campaigns, size_t *submissions,
		  struct diags *d)
{
	struct sdemo *g = calloc(1, sizeof(*g));
	if (g == NULL)
		return TS_ENOMEM;
	g->app = app;
	g->d = d;
	g->rng.s = 0x9E3779B97F4A7C15ull;
	g->submissions = submissions;
	enum ts_err e = TS_OK;
	for (size_t i = 0; e == TS_OK && i < sizeof(SPECS) / sizeof(SPECS[0]);
	     i++)
		e = one(g, &SPECS[i], campaigns);
	if (e == TS_OK)
		e = typed_years(app, d);
	ts_time_pin(0);
	free(g);
	return e;
}

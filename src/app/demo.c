/* The demo database: a province in both administrative shapes (district
 * Phòng until 30/6/2025, commune offices since), its schools, users, the
 * rounds of 2025-2026 with submissions in every workflow state, and the
 * three years before with their results approved (2024-2025 only for the
 * mầm non and Thủ Dầu Một rubrics). */
#include "demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/timeutil.h"
#include "campaign.h"
#include "demo_answers.h"
#include "demo_docs.h"
#include "demo_paper.h"
#include "demo_plan.h"
#include "demo_signers.h"
#include "demo_stats.h"
#include "org.h"
#include "report.h"
#include "submission.h"
#include "user.h"

#define SO_CODE "31"

/* Offices under the Sở. Until 30/6/2025 a district Phòng GD&ĐT ran
 * each area's MN/TH/THCS schools; from 1/7/2025 (two-tier government)
 * a commune-level office does (rules.md §12). Today's office keeps the
 * short code and the accounts the demo always had (31DK, cv.dk, qt.dk);
 * the closed Phòng is 31PGD-.. with its reviewer cv.pgd.dk, which
 * reviewed the years 2022-2023 to 2024-2025 (demo_history). */
static const struct office {
	const char *code, *short_name, *name; /* from 1/7/2025 */
	const char *phong_code, *phong_name;  /* until 30/6/2025 */
	bool big;			      /* UNDER_PHONG, else UNDER_XA */
} OFFICES[] = {
	{ "31DK", "dk", "UBND phường Dương Kinh", "31PGD-DK",
	  "Phòng Giáo dục và Đào tạo quận Dương Kinh", true },
	{ "31LC", "lc", "UBND phường Lê Chân", "31PGD-LC",
	  "Phòng Giáo dục và Đào tạo quận Lê Chân", true },
	{ "31TN", "tn", "UBND phường Thủy Nguyên", "31PGD-TN",
	  "Phòng Giáo dục và Đào tạo huyện Thủy Nguyên", true },
	{ "31HB", "hb", "UBND phường Hồng Bàng", "31PGD-HB",
	  "Phòng Giáo dục và Đào tạo quận Hồng Bàng", false },
	{ "31AL", "al", "UBND xã An Lão", "31PGD-AL",
	  "Phòng Giáo dục và Đào tạo huyện An Lão", false },
};
#define NOFFICES       (sizeof(OFFICES) / sizeof(*OFFICES))
/* The first day of the two-tier government: the Phòng closed the day
 * before. */
#define REFORM_DAY     "2025-07-01"
#define PHONG_LAST_DAY "2025-06-30"

static const char *const FLOWERS[] = {
	"Hoa Sen",     "Hoa Mai",   "Hoa Hồng",	  "Sơn Ca",
	"Họa Mi",      "Vàng Anh",  "Tuổi Thơ",	  "Bình Minh",
	"Hướng Dương", "Ánh Dương", "Hoa Phượng", "Thỏ Ngọc",
};
static const char *const PEOPLE[] = {
	"Lê Lợi",      "Nguyễn Trãi",	 "Trần Phú",
	"Lê Quý Đôn",  "Chu Văn An",	 "Ngô Quyền",
	"Nguyễn Du",   "Lý Thường Kiệt", "Trần Hưng Đạo",
	"Quang Trung", "Hai Bà Trưng",	 "Nguyễn Bỉnh Khiêm",
	"Tô Hiệu",     "Lê Hồng Phong",	 "Võ Thị Sáu",
	"Kim Đồng",    "Phan Bội Châu",	 "Đinh Tiên Hoàng",
	"Nguyễn Huệ",  "Bạch Đằng",	 "Lương Thế Vinh",
	"Hồng Bàng",   "Thái Phiên",	 "Cát Bi",
};

/* The heads' names: a person's name, as an account's "Họ và tên" is,
 * never a label such as "Hiệu trưởng Trường …" (the chase list prints
 * it). Family name, then a middle and given name that go together. */
static const char *const FAMILY[] = {
	"Nguyễn", "Trần", "Lê",	 "Phạm",  "Hoàng", "Vũ",   "Đặng",
	"Bùi",	  "Đỗ",	  "Ngô", "Dương", "Lý",	   "Đinh",
};
static const char *const GIVEN[] = {
	"Văn An",     "Thị Bình",    "Minh Cường", "Thị Dung",	"Quang Hải",
	"Thu Hà",     "Thanh Hương", "Văn Long",   "Thị Mai",	"Hoài Nam",
	"Thị Phương", "Minh Quân",   "Ngọc Lan",   "Văn Sơn",	"Thị Thảo",
	"Thu Trang",  "Anh Tuấn",    "Hải Yến",	   "Đức Thắng", "Thị Hạnh",
	"Mạnh Hùng",  "Thị Nga",     "Quốc Việt",  "Thanh Tâm",
};

struct school_plan {
	const char *prefix; /* "Trường Tiểu học" */
	unsigned levels;
	int count;
	bool flower;
};

static const struct school_plan UNDER_PHONG[] = {
	{ "Trường Mầm non", LEVEL_MN, 10, true },
	{ "Trường Tiểu học", LEVEL_TH, 10, false },
	{ "Trường THCS", LEVEL_THCS, 8, false },
	{ "Trường TH&THCS", LEVEL_TH | LEVEL_THCS, 2, false },
};
static const struct school_plan UNDER_XA[] = {
	{ "Trường Mầm non", LEVEL_MN, 6, true },
	{ "Trường Tiểu học", LEVEL_TH, 6, false },
	{ "Trường THCS", LEVEL_THCS, 4, false },
};
static const struct school_plan UNDER_SO[] = {
	{ "Trường THPT", LEVEL_THPT, 20, false },
	{ "Trường THCS&THPT", LEVEL_THCS | LEVEL_THPT, 3, false },
};

struct demo {
	struct app *app;
	struct actor op;
	struct diags *d;
	struct demo_result *r;
	char *hash; /* one Argon2id hash shared by every demo user */
	struct demo_rng rng;
	char codes[200][24]; /* schools, in creation order */
	char parents[200][24];
	unsigned levels[200];
	size_t nschools;
};

static enum ts_err
add_unit_from(struct demo *g, const char *code, const char *name,
	      enum org_kind kind, const char *parent, unsigned levels,
	      const char *from)
{
	struct org_new n = { .code = code,
			     .name = name,
			     .kind = kind,
			     .parent_code = parent,
			     .levels = levels,
			     .active_from = from };
	int64_t id;
	g->r->units++;
	return org_add(g->app, &g->op, &n, &id, g->d);
}

static enum ts_err
add_unit(struct demo *g, const char *code, const char *name, enum org_kind kind,
	 const char *parent, unsigned levels)
{
	return add_unit_from(g, code, name, kind, parent, levels, "2020-09-01");
}

static enum ts_err
add_user(struct demo *g, const char *login, const char *name, const char *unit,
	 enum role role)
{
	struct user_new u = { .login = login,
			      .full_name = name,
			      .unit_code = unit,
			      .role = role,
			      .pw_hash = g->hash };
	g->r->users++;
	return user_add(g->app, &g->op, &u, g->d);
}

static void
lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* The k-th head's name: 13 family names by 24 given names, so that no
 * two of the first 312 schools share one. */
static void
head_name(size_t k, char *out, size_t n)
{
	snprintf(out, n, "%s %s",
		 FAMILY[k % (sizeof(FAMILY) / sizeof(*FAMILY))],
		 GIVEN[k % (sizeof(GIVEN) / sizeof(*GIVEN))]);
}

static enum ts_err
add_school_users(struct demo *g, const char *code, const char *name)
{
	char login[64], full[160];
	snprintf(login, sizeof(login), "ht.%s", code);
	lower(login);
	head_name(g->r->units, full, sizeof(full));
	enum ts_err e = add_user(g, login, full, code, ROLE_SCHOOL_HEAD);
	snprintf(login, sizeof(login), "cntt.%s", code);
	lower(login);
	snprintf(full, sizeof(full), "Cán bộ phụ trách CNTT %s", name);
	if (e == TS_OK)
		e = add_user(g, login, full, code, ROLE_SCHOOL_EDITOR);
	return e;
}

/* Schools created under parent; office: the unit they are under from
 * 1/7/2025 (the same as parent for the Sở's own). */
static enum ts_err
add_schools(struct demo *g, const struct school_plan *plan, size_t nplan,
	    const char *parent, const char *office, size_t offset)
{
	int seq = 0;
	enum ts_err e = TS_OK;
	for (size_t p = 0; e == TS_OK && p < nplan; p++)
		for (int i = 0; e == TS_OK && i < plan[p].count; i++) {
			char code[16], name[160];
			size_t k = offset + (size_t)i + p * 3;
			const char *who =
				plan[p].flower ? FLOWERS[k % (sizeof(FLOWERS) /
							      sizeof(*FLOWERS))]
					       : PEOPLE[k % (sizeof(PEOPLE) /
							     sizeof(*PEOPLE))];
			snprintf(code, sizeof(code), "%s%03d", office, ++seq);
			snprintf(name, sizeof(name), "%s %s", plan[p].prefix,
				 who);
			e = add_unit(g, code, name, KIND_TRUONG, parent,
				     plan[p].levels);
			if (e == TS_OK)
				e = add_school_users(g, code, name);
			if (e == TS_OK && g->nschools < 200) {
				snprintf(g->codes[g->nschools], 24, "%s", code);
				snprintf(g->parents[g->nschools], 24, "%s",
					 office);
				g->levels[g->nschools++] = plan[p].levels;
				g->r->schools++;
			}
		}
	return e;
}

/* An area: its Phòng (closed by reform()) with the reviewer who
 * reviewed the past years, today's office with its reviewer and admin,
 * and the area's schools, created under the Phòng. */
static enum ts_err
add_office(struct demo *g, size_t i)
{
	const struct office *o = &OFFICES[i];
	char login[64], full[160];
	enum ts_err e = add_unit(g, o->phong_code, o->phong_name, KIND_PHONG,
				 SO_CODE, 0);
	snprintf(login, sizeof(login), "cv.pgd.%s", o->short_name);
	snprintf(full, sizeof(full), "Chuyên viên %s", o->phong_name);
	if (e == TS_OK)
		e = add_user(g, login, full, o->phong_code, ROLE_REVIEWER);
	if (e == TS_OK)
		e = add_unit_from(g, o->code, o->name, KIND_XA, SO_CODE, 0,
				  REFORM_DAY);
	snprintf(login, sizeof(login), "cv.%s", o->short_name);
	snprintf(full, sizeof(full), "Chuyên viên %s", o->name);
	if (e == TS_OK)
		e = add_user(g, login, full, o->code, ROLE_REVIEWER);
	snprintf(login, sizeof(login), "qt.%s", o->short_name);
	snprintf(full, sizeof(full), "Quản trị %s", o->name);
	if (e == TS_OK)
		e = add_user(g, login, full, o->code, ROLE_ADMIN);
	if (e == TS_OK)
		e = add_schools(g, o->big ? UNDER_PHONG : UNDER_XA,
				o->big ? 4 : 3, o->phong_code, o->code, i * 5);
	return e;
}

static enum ts_err
add_centres(struct demo *g)
{
	static const char *const where[] = {
		"quận Dương Kinh", "quận Lê Chân", "huyện Thủy Nguyên",
		"quận Hồng Bàng",  "huyện An Lão",
	};
	enum ts_err e = TS_OK;
	for (int i = 0; e == TS_OK && i < 5; i++) {
		char code[24], name[160];
		snprintf(code, sizeof(code), "%sGDTX%d", SO_CODE, i + 1);
		snprintf(name, sizeof(name), "Trung tâm GDNN-GDTX %s",
			 where[i]);
		e = add_unit(g, code, name, KIND_TRUNG_TAM, SO_CODE,
			     LEVEL_GDTX);
		if (e == TS_OK)
			e = add_school_users(g, code, name);
		if (e == TS_OK) {
			snprintf(g->codes[g->nschools], 24, "%s", code);
			snprintf(g->parents[g->nschools], 24, "%s", SO_CODE);
			g->levels[g->nschools++] = LEVEL_GDTX;
			g->r->schools++;
		}
	}
	return e;
}

static enum ts_err
build_tree(struct demo *g)
{
	enum ts_err e = add_unit(g, SO_CODE,
				 "Sở Giáo dục và Đào tạo thành phố "
				 "Hải Phòng",
				 KIND_SO, NULL, 0);
	if (e == TS_OK)
		e = add_user(g, "qt.so", "Quản trị Sở GD&ĐT", SO_CODE,
			     ROLE_ADMIN);
	if (e == TS_OK)
		e = add_user(g, "cv.so", "Chuyên viên Sở GD&ĐT", SO_CODE,
			     ROLE_REVIEWER);
	if (e == TS_OK)
		e = add_user(g, "xem.so", "Theo dõi Sở GD&ĐT (chỉ xem)",
			     SO_CODE, ROLE_OBSERVER);
	for (size_t i = 0; e == TS_OK && i < NOFFICES; i++)
		e = add_office(g, i);
	if (e == TS_OK)
		e = add_schools(g, UNDER_SO, 2, SO_CODE, SO_CODE, 7);
	if (e == TS_OK)
		e = add_centres(g);
	return e;
}

struct demo_campaign {
	int64_t id;
	const struct rubric *rubric;
	unsigned levels;
	int64_t opens, due; /* dates for pinning the clock */
	int past;	    /* 1, 2, 3 for 2022-2023 … 2024-2025; 0 today */
	bool by_owner;	    /* the Sở reviews every school (cv.so) */
};

static enum ts_err
load(struct demo *g, const char *login, struct actor *a)
{
	return actor_load(g->app, login, a, g->d);
}

/* The reviewer of a school under office: its office's, or the Phòng's
 * for a campaign of the years before 1/7/2025; the Sở's for its own. */
static void
reviewer_of(const char *office, bool phong, char *login, size_t size)
{
	for (size_t i = 0; i < NOFFICES; i++)
		if (strcmp(OFFICES[i].code, office) == 0) {
			snprintf(login, size, "cv.%s%s", phong ? "pgd." : "",
				 OFFICES[i].short_name);
			return;
		}
	snprintf(login, size, "cv.so");
}

static void
at(struct demo_campaign *c, int64_t day_offset, unsigned hour)
{
	ts_time_pin(c->opens + day_offset * 86400 + hour * 3600);
}

/* Return with reasons, as a Phòng reviewer would write them. */
static enum ts_err
demo_return(struct demo *g, const struct actor *rev, int64_t cid,
	    const char *code)
{
	static const struct review_reason reasons[] = {
		{ "1.3", "Chưa có đường link đến hệ thống LMS và tên giải "
			 "pháp; đề nghị bổ sung minh chứng." },
		{ "2.4", "Điểm tự chấm thu phí không dùng tiền mặt chưa khớp "
			 "số liệu; đề nghị kiểm tra lại." },
	};
	return sub_return(g->app, rev, cid, code, reasons, 2, -1, g->d);
}

static enum ts_err
save(struct demo *g, struct demo_campaign *c, const struct actor *ed,
     const char *code, unsigned quality, unsigned share)
{
	struct buf b;
	buf_init(&b, 0);
	demo_answers_json(c->rubric, &g->rng, quality, share, &b);
	/* A few schools answer as in a real report (seed 003's centre, a
	 * seed 001 school); the random answers above are still drawn so
	 * every other school's data stays the same. */
	char *seed = c->past ? NULL : demo_seed_answers(c->rubric->id, code);
	enum ts_err e = b.err != TS_OK
				? b.err
				: sub_save(g->app, ed, c->id, code,
					   seed ? seed : buf_str(&b), -1, g->d);
	if (e == TS_OK && !c->past)
		e = demo_seed_fields(g->app, ed, c->id, c->rubric->id, code,
				     g->d);
	free(seed);
	buf_release(&b);
	return e;
}

/* The external score lowers one item a little: a reviewer's correction. */
static enum ts_err
external(struct demo *g, struct demo_campaign *c, const struct actor *rev,
	 const char *code)
{
	const struct item *it = NULL;
	for (size_t i = 0; it == NULL && i < c->rubric->nitems; i++)
		if (c->rubric->items[i]->kind == ITEM_POINTS)
			it = c->rubric->items[i];
	if (it == NULL)
		return TS_OK;
	char json[256];
	snprintf(json, sizeof(json),
		 "{\"format\":1,\"answers\":{\"%s\":{"
		 "\"value\":0,\"note\":\"Chưa có minh chứng khi kiểm tra "
		 "thực tế\"}}}",
		 it->id);
	return sub_set_external(g->app, rev, c->id, code, json, -1, g->d);
}

enum plan {
	P_NONE,
	P_DRAFT,
	P_SUBMITTED,
	P_RETURNED,
	P_RESUBMITTED,
	P_APPROVED,
	P_PUBLISHED
};

static enum plan
pick(struct demo *g)
{
	static const unsigned cut[] = { 8, 20, 35, 45, 52, 78, 100 };
	unsigned r = demo_rand(&g->rng, 100);
	int p = 0;
	while (r >= cut[p])
		p++;
	return (enum plan)p;
}

/* A past year's round is over: every school's result was approved, most
 * were published. */
static enum plan
pick_done(struct demo *g)
{
	return demo_rand(&g->rng, 10) < 3 ? P_APPROVED : P_PUBLISHED;
}

struct people {
	struct actor head, editor, reviewer;
};

static enum ts_err
people_for(struct demo *g, const struct demo_campaign *c, size_t i,
	   struct people *p)
{
	char login[64];
	snprintf(login, sizeof(login), "ht.%s", g->codes[i]);
	lower(login);
	enum ts_err e = load(g, login, &p->head);
	snprintf(login, sizeof(login), "cntt.%s", g->codes[i]);
	lower(login);
	if (e == TS_OK)
		e = load(g, login, &p->editor);
	reviewer_of(c->by_owner ? SO_CODE : g->parents[i], c->past != 0, login,
		    sizeof(login));
	if (e == TS_OK)
		e = load(g, login, &p->reviewer);
	return e;
}

/* The return on `day`, and for a resubmitted plan the school's better
 * answers and its second submission three days later. */
static enum ts_err
return_step(struct demo *g, struct demo_campaign *c, const struct people *p,
	    const char *code, enum plan plan, unsigned q, int64_t day)
{
	at(c, day, 9);
	enum ts_err e = demo_return(g, &p->reviewer, c->id, code);
	if (e != TS_OK || plan != P_RESUBMITTED)
		return e;
	at(c, day + 3, 10);
	e = save(g, c, &p->editor, code, q + 10, 100);
	at(c, day + 3, 11);
	if (e == TS_OK)
		e = sub_submit(g->app, &p->head, c->id, code, -1, NULL, g->d);
	return e;
}

/* Review steps after a first submission, per plan. */
static enum ts_err
review(struct demo *g, struct demo_campaign *c, const struct people *p,
       const char *code, enum plan plan, unsigned q, int64_t sub_day)
{
	enum ts_err e = TS_OK;
	int64_t day = sub_day + 2 + demo_rand(&g->rng, 8);
	if (plan >= P_RETURNED && plan <= P_RESUBMITTED)
		e = return_step(g, c, p, code, plan, q, day);
	if (e == TS_OK && plan >= P_APPROVED) {
		at(c, day, 14);
		if (demo_rand(&g->rng, 2) == 0)
			e = external(g, c, &p->reviewer, code);
		if (e == TS_OK)
			e = sub_approve(g->app, &p->reviewer, c->id, code, -1,
					g->d);
	}
	if (e == TS_OK && plan == P_PUBLISHED) {
		at(c, day + 10, 8);
		e = sub_publish(g->app, &p->reviewer, c->id, code, -1, g->d);
	}
	return e;
}

static enum ts_err
play_school(struct demo *g, struct demo_campaign *c, size_t i)
{
	struct people p;
	const char *code = g->codes[i];
	enum plan plan = c->past ? pick_done(g) : pick(g);
	/* Schools get a little better every year. */
	unsigned q = c->past ? 15 + 8 * (unsigned)c->past +
				       demo_rand(&g->rng, 60)
			     : 35 + demo_rand(&g->rng, 60);
	if (plan == P_NONE)
		return TS_OK;
	enum ts_err e = people_for(g, c, i, &p);
	at(c, 5 + demo_rand(&g->rng, 30), 8);
	if (e == TS_OK)
		e = save(g, c, &p.editor, code, q, plan == P_DRAFT ? 60 : 100);
	g->r->submissions++;
	if (e != TS_OK || plan == P_DRAFT)
		return e;
	/* About one in twelve schools submits after the deadline. */
	bool late = demo_rand(&g->rng, 12) == 0;
	int64_t span = (c->due - c->opens) / 86400;
	int64_t day = late ? span + 1 + demo_rand(&g->rng, 5)
			   : 36 + demo_rand(&g->rng, (unsigned)(span - 36));
	at(c, day, 16);
	e = sub_submit(g->app, &p.head, c->id, code, -1, NULL, g->d);
	return e == TS_OK ? review(g, c, &p, code, plan, q, day) : e;
}

struct campaign_spec {
	const char *admin; /* login of the admin who opens it */
	const char *owner; /* the unit that runs it */
	const char *rubric, *title, *basis;
	unsigned levels;
	const char *opens, *due, *review_due;
	const char *year;
	bool by_owner; /* the owner reviews every school itself */
	int past;      /* demo_campaign.past */
};

#define PT_LEVELS (LEVEL_TH | LEVEL_THCS | LEVEL_THPT | LEVEL_GDTX)

/* Campaigns in the order they are played: each draws its random numbers
 * after the ones before, so adding a campaign at the end leaves every
 * earlier school's data as it was. The rounds of 2025-2026 run in the
 * two-tier shape: the commune office that administers a MN/TH/THCS school
 * reviews it, in the QĐ 4725 round and in the mầm non self-inspection
 * alike (rules.md §12); the Sở reviews its own THPT and GDTX and sees
 * everything. A round the Sở reviews itself stays possible per campaign
 * (campaign create --review-by owner). */
static const struct campaign_spec CAMPAIGNS[] = {
	{ "qt.so", SO_CODE, "qd4725-2022-pt",
	  "Đánh giá mức độ chuyển đổi số của cơ sở giáo dục phổ thông và GDTX "
	  "năm học 2025-2026",
	  "Kế hoạch số 45/KH-SGDĐT ngày 20/02/2026 của Sở GD&ĐT", PT_LEVELS,
	  "2026-03-01", "2026-05-31", "2026-06-20", "2025-2026", false, 0 },
	{ "qt.so", SO_CODE, "q7-mn-2023",
	  "Tự kiểm tra công tác ứng dụng CNTT và chuyển đổi số mầm non năm "
	  "2026",
	  "Kế hoạch số 52/KH-SGDĐT ngày 10/03/2026 của Sở GD&ĐT", LEVEL_MN,
	  "2026-03-15", "2026-05-15", "2026-06-20", "2025-2026", false, 0 },
	/* Seed 001's kind of campaign: an office grades its own TH and THCS
	 * schools on the Thủ Dầu Một 100-point rubric. */
	{ "qt.dk", "31DK", "tdm-cntt-2022",
	  "Đánh giá nhiệm vụ công nghệ thông tin và thống kê giáo dục năm học "
	  "2025-2026",
	  "Công văn số 215/UBND-VHXH ngày 20/4/2026 của UBND phường Dương Kinh "
	  "về việc hướng dẫn đánh giá nhiệm vụ triển khai công nghệ thông tin "
	  "và thống kê giáo dục năm học 2025-2026",
	  LEVEL_TH | LEVEL_THCS, "2026-04-20", "2026-06-10", "2026-06-30",
	  "2025-2026", false, 0 },
};

/* The years before, with their district Phòng reviewing (the tree as it
 * was on each opening day), every result approved: entered after the
 * 2025-2026 rounds, as a province bringing its past years in would. */
static const struct campaign_spec PAST[] = {
	{ "qt.so", SO_CODE, "qd4725-2022-pt",
	  "Đánh giá mức độ chuyển đổi số của cơ sở giáo dục phổ thông và GDTX "
	  "năm học 2022-2023",
	  "Kế hoạch số 38/KH-SGDĐT ngày 15/02/2023 của Sở GD&ĐT", PT_LEVELS,
	  "2023-03-01", "2023-05-31", "2023-06-20", "2022-2023", false, 1 },
	{ "qt.so", SO_CODE, "qd4725-2022-pt",
	  "Đánh giá mức độ chuyển đổi số của cơ sở giáo dục phổ thông và GDTX "
	  "năm học 2023-2024",
	  "Kế hoạch số 41/KH-SGDĐT ngày 19/02/2024 của Sở GD&ĐT", PT_LEVELS,
	  "2024-03-01", "2024-05-31", "2024-06-20", "2023-2024", false, 2 },
	{ "qt.so", SO_CODE, "qd4725-2022-pt",
	  "Đánh giá mức độ chuyển đổi số của cơ sở giáo dục phổ thông và GDTX "
	  "năm học 2024-2025",
	  "Kế hoạch số 43/KH-SGDĐT ngày 17/02/2025 của Sở GD&ĐT", PT_LEVELS,
	  "2025-03-01", "2025-05-31", "2025-06-20", "2024-2025", false, 3 },
};

/* The year before of the other two rubric families, so that every kind
 * of school report has a year to compare with (issue 16): the mầm non
 * self-inspection the Sở ran with the Phòng reviewing, and Dương Kinh's
 * Phòng grading its TH and THCS schools on the Thủ Dầu Một rubric.
 * Played after the statistics rounds, so every earlier campaign keeps
 * its id and every earlier school its data. */
static const struct campaign_spec PAST_OTHERS[] = {
	{ "qt.so", SO_CODE, "q7-mn-2023",
	  "Tự kiểm tra công tác ứng dụng CNTT và chuyển đổi số mầm non năm "
	  "2025",
	  "Kế hoạch số 47/KH-SGDĐT ngày 03/03/2025 của Sở GD&ĐT", LEVEL_MN,
	  "2025-03-15", "2025-05-15", "2025-06-20", "2024-2025", false, 3 },
	{ "qt.so", "31PGD-DK", "tdm-cntt-2022",
	  "Đánh giá nhiệm vụ công nghệ thông tin và thống kê giáo dục năm học "
	  "2024-2025",
	  "Công văn số 412/PGDĐT ngày 18/4/2025 của Phòng Giáo dục và Đào tạo "
	  "quận Dương Kinh",
	  LEVEL_TH | LEVEL_THCS, "2025-04-20", "2025-06-10", "2025-06-25",
	  "2024-2025", false, 3 },
};

/* Schools of the owner's subtree: the Sở's are all of them; an office's
 * are the schools directly under it, a Phòng's those of its area. */
static bool
owned(const struct demo *g, size_t i, const char *owner)
{
	if (strcmp(owner, SO_CODE) == 0 || strcmp(g->parents[i], owner) == 0)
		return true;
	for (size_t k = 0; k < NOFFICES; k++)
		if (strcmp(OFFICES[k].phong_code, owner) == 0)
			return strcmp(OFFICES[k].code, g->parents[i]) == 0;
	return false;
}

static enum ts_err
campaign(struct demo *g, const struct campaign_spec *sp,
	 struct demo_campaign *c)
{
	struct actor admin;
	struct campaign_new n = {
		.owner_code = sp->owner,
		.rubric_ref = sp->rubric,
		.school_year = sp->year,
		.title = sp->title,
		.legal_basis = sp->basis,
		.levels = sp->levels,
		.opens = sp->opens,
		.due = sp->due,
		.review_due = sp->review_due,
		.review_by_owner = sp->by_owner,
	};
	memset(c, 0, sizeof(*c));
	ts_time_pin(0);
	ts_time_parse(sp->opens, &c->opens);
	ts_time_parse(sp->due, &c->due);
	c->past = sp->past;
	c->by_owner = sp->by_owner;
	at(c, -3, 9);
	enum ts_err e = load(g, sp->admin, &admin);
	if (e == TS_OK)
		e = campaign_create(g->app, &admin, &n, &c->id, g->d);
	const struct rubric *r = rubric_set_find(&g->app->rubrics, sp->rubric);
	c->rubric = r ? app_rubric(g->app, r->id, r->version) : NULL;
	c->levels = sp->levels;
	g->r->campaigns++;
	for (size_t i = 0; e == TS_OK && c->rubric && i < g->nschools; i++)
		if ((g->levels[i] & sp->levels) && owned(g, i, sp->owner))
			e = play_school(g, c, i);
	return e == TS_OK && c->rubric == NULL ? TS_EINVAL : e;
}

/* Each office's drafting unit for "- Lưu: VT, X.", typed once in the
 * Sở's first campaign and reused by all its documents (luu_don_vi): the
 * Sở's Phòng Giáo dục phổ thông, a ward's Phòng Văn hóa - Xã hội. */
static enum ts_err
drafters(struct demo *g, int64_t cid)
{
	static const char *const name[] = { "luu_don_vi" };
	const char *so[] = { "GDPT" }, *xa[] = { "VHXH" };
	enum ts_err e = docfield_save(g->app, &g->op, cid, SO_CODE, name, so, 1,
				      g->d);
	for (size_t i = 0; e == TS_OK && i < NOFFICES; i++)
		e = docfield_save(g->app, &g->op, cid, OFFICES[i].code, name,
				  xa, 1, g->d);
	return e;
}

static enum ts_err
campaigns(struct demo *g)
{
	struct demo_campaign c;
	enum ts_err e = TS_OK;
	for (size_t i = 0;
	     e == TS_OK && i < sizeof(CAMPAIGNS) / sizeof(CAMPAIGNS[0]); i++) {
		e = campaign(g, &CAMPAIGNS[i], &c);
		if (e == TS_OK && i == 0)
			e = drafters(g, c.id);
	}
	return e;
}

/* 1/7/2025: each Phòng's schools go to its area's commune-level office
 * and the Phòng closes (rules.md §12); the tree's history keeps where
 * they were before. */
static enum ts_err
reform(struct demo *g)
{
	int64_t t = 0;
	ts_time_parse(REFORM_DAY, &t);
	ts_time_pin(t + 3600); /* 08:00 in Việt Nam */
	enum ts_err e = TS_OK;
	for (size_t i = 0; e == TS_OK && i < g->nschools; i++)
		if (strcmp(g->parents[i], SO_CODE) != 0)
			e = org_move_on(g->app, &g->op, g->codes[i],
					g->parents[i], REFORM_DAY, g->d);
	for (size_t i = 0; e == TS_OK && i < NOFFICES; i++)
		e = org_close(g->app, &g->op, OFFICES[i].phong_code,
			      PHONG_LAST_DAY, false, g->d);
	ts_time_pin(0);
	return e;
}

/* The past years' rounds, played after today's so that today's data stay
 * as they were. */
static enum ts_err
demo_history(struct demo *g)
{
	struct demo_campaign c;
	enum ts_err e = TS_OK;
	for (size_t i = 0; e == TS_OK && i < sizeof(PAST) / sizeof(PAST[0]);
	     i++)
		e = campaign(g, &PAST[i], &c);
	return e;
}

static enum ts_err
demo_history_others(struct demo *g)
{
	struct demo_campaign c;
	enum ts_err e = TS_OK;
	for (size_t i = 0;
	     e == TS_OK && i < sizeof(PAST_OTHERS) / sizeof(PAST_OTHERS[0]);
	     i++)
		e = campaign(g, &PAST_OTHERS[i], &c);
	return e;
}

/* Last, when every past round is played (demo_stats.c's too): the
 * closed Phòng's reviewers are locked. */
static enum ts_err
lock_phong(struct demo *g)
{
	enum ts_err e = TS_OK;
	for (size_t i = 0; e == TS_OK && i < NOFFICES; i++) {
		char login[64];
		snprintf(login, sizeof(login), "cv.pgd.%s",
			 OFFICES[i].short_name);
		struct user_change u = { login, NULL, NULL, 1 };
		e = user_update(g->app, &g->op, &u, g->d);
	}
	return e;
}

static bool
empty_db(struct app *app)
{
	struct db_stmt *st = db_prep(app->db, "SELECT count(*) FROM org_unit");
	bool empty = st && db_step(st) == DB_ROW && db_col_int(st, 0) == 0;
	db_done(st);
	return empty;
}

enum ts_err
demo_create(struct app *app, struct demo_result *r, struct diags *d)
{
	struct demo g = {
		.app = app, .d = d, .r = r, .rng = { 0x2545F4914F6CDD1Dull }
	};
	memset(r, 0, sizeof(*r));
	actor_operator(&g.op);
	if (!empty_db(app)) {
		diags_add(d, db_path(app->db),
			  "cơ sở dữ liệu đã có dữ liệu; "
			  "dữ liệu mẫu chỉ tạo trên cơ sở dữ liệu mới");
		return TS_ECONFLICT;
	}
	g.hash = password_hash(DEMO_PASSWORD);
	if (g.hash == NULL)
		return TS_ENOMEM;
	/* Thousands of short transactions: none needs to wait for the disk
	 * (the demo is made anew each time; a crash leaves no demo). */
	enum ts_err e = db_durable(app->db, false);
	if (e == TS_OK)
		e = build_tree(&g);
	if (e == TS_OK)
		e = reform(&g);
	if (e == TS_OK)
		e = campaigns(&g);
	if (e == TS_OK)
		e = demo_history(&g);
	if (e == TS_OK)
		e = demo_plans(app, d);
	if (e == TS_OK)
		e = demo_stats_create(app, &r->campaigns, &r->submissions, d);
	if (e == TS_OK)
		e = demo_history_others(&g);
	if (e == TS_OK)
		e = demo_signers(app, d);
	if (e == TS_OK)
		e = lock_phong(&g);
	if (e == TS_OK)
		e = demo_paper(app, d);
	ts_time_pin(0);
	free(g.hash);
	enum ts_err sync = db_durable(app->db, true);
	return e == TS_OK ? sync : e;
}

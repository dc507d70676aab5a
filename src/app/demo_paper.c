/* Demo data for the papers around the self-assessment (demo_paper.h). */
#include "demo_paper.h"

#include <stdio.h>
#include <string.h>

#include "../core/fixed.h"
#include "../util/arena.h"
#include "campaign.h"
#include "org.h"
#include "software.h"

/* Software a mầm non school plausibly uses; fee per child and month in
 * đồng (0: free to parents). */
static const struct {
	const char *name, *purpose, *vendor;
	bool domestic;
	int64_t fee;
} CATALOG[] = {
	{ "Cơ sở dữ liệu ngành giáo dục",
	  "Cập nhật dữ liệu trường, lớp, trẻ "
	  "và đội ngũ",
	  "Bộ Giáo dục và Đào tạo", true, 0 },
	{ "MISA Mimosa", "Kế toán hành chính sự nghiệp", "Công ty Cổ phần MISA",
	  true, 0 },
	{ "Zalo", "Nhóm liên lạc giữa giáo viên và cha mẹ trẻ",
	  "Công ty Cổ phần VNG", true, 0 },
	{ "SMAS", "Quản lý trẻ, sổ theo dõi, liên lạc với cha mẹ", "Viettel",
	  true, 15000 },
	{ "vnEdu", "Sổ liên lạc điện tử, thu phí không dùng tiền mặt", "VNPT",
	  true, 12000 },
	{ "Phần mềm dinh dưỡng", "Tính khẩu phần ăn, thực đơn bán trú",
	  "Nhà cung cấp trong nước", true, 5000 },
	{ "Google Meet", "Họp trực tuyến với cha mẹ trẻ", "Google", false, 0 },
};

/* School i's list: the free three, then SMAS or vnEdu, every third
 * school the nutrition software, every fourth Google Meet. */
static size_t
plan(size_t i, struct arena *a, struct software *out)
{
	size_t pick[7], n = 0;
	pick[n++] = 0;
	pick[n++] = 1;
	pick[n++] = 2;
	pick[n++] = i % 2 ? 4 : 3;
	if (i % 3 == 0)
		pick[n++] = 5;
	if (i % 4 == 1)
		pick[n++] = 6;
	for (size_t k = 0; k < n; k++) {
		int64_t fee = CATALOG[pick[k]].fee, kids = 60 + 15 * (int64_t)i;
		out[k] = (struct software){
			CATALOG[pick[k]].name,
			CATALOG[pick[k]].purpose,
			CATALOG[pick[k]].vendor,
			CATALOG[pick[k]].domestic,
			fee > 0,
			"",
			fee * kids * 9,
		};
		if (fee > 0) {
			char *f = arena_alloc(a, 64), num[PTS_FMT_SIZE];
			if (f)
				snprintf(f, 64, "%s đồng/trẻ/tháng",
					 int_format_vn(fee, num));
			out[k].fee = f ? f : "";
		}
	}
	return n;
}

/* The schools of the two small areas (UBND phường Hồng Bàng, UBND xã
 * An Lão): the others keep the free-text part (the seed 004 school types
 * it, and a blank report still shows the form's guidance). */
static const char SQL_MN[] =
	"SELECT cu.campaign_id, o.code FROM campaign_unit cu JOIN org_unit o "
	"ON o.id = cu.unit_id JOIN org_unit p ON p.id = o.parent_id WHERE "
	"p.kind = ? AND p.code IN ('31HB', '31AL') ORDER BY cu.campaign_id, "
	"o.code";

struct part {
	int64_t cid;
	const char *code;
};

static void
fill(struct db_stmt *st, struct arena *a, void *p)
{
	struct part *x = p;
	x->cid = db_col_int(st, 0);
	x->code = db_col_dup(st, 1, a);
}

static bool
mn_campaign(struct app *app, int64_t cid, struct arena *a)
{
	struct campaign c;
	struct actor op;
	struct diags d;
	diags_init(&d);
	actor_operator(&op);
	bool mn = campaign_get(app, &op, cid, a, &c, &d) == TS_OK;
	diags_release(&d);
	const struct rubric *r =
		mn ? app_rubric(app, c.rubric_id, c.rubric_version) : NULL;
	return r && (rubric_shape(r) & RS_MN);
}

static enum ts_err
one_school(struct app *app, const struct part *p, size_t i, struct arena *a,
	   struct diags *d)
{
	char login[64];
	struct actor who;
	struct diags quiet;
	snprintf(login, sizeof(login), "cntt.%s", p->code);
	for (char *c = login; *c; c++)
		*c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
	diags_init(&quiet);
	enum ts_err e = actor_load(app, login, &who, &quiet);
	diags_release(&quiet);
	if (e != TS_OK)
		return TS_OK; /* no IT officer: nothing listed */
	struct software rows[8];
	size_t n = plan(i, a, rows);
	return software_save(app, &who, p->cid, p->code, rows, n, d);
}

enum ts_err
demo_paper(struct app *app, struct diags *d)
{
	struct arena *a = arena_new();
	struct part *v = NULL;
	size_t n = 0;
	struct db_stmt *st = a ? db_prep(app->db, SQL_MN) : NULL;
	if (st)
		db_bind_text(st, 1, org_kind_code(KIND_XA));
	enum ts_err e = st ? db_collect(st, a, sizeof(*v), (void **)&v, &n,
					fill)
			   : TS_ENOMEM;
	int64_t cid = 0;
	bool mn = false;
	for (size_t i = 0, k = 0; e == TS_OK && i < n; i++, k++) {
		if (v[i].cid != cid) {
			cid = v[i].cid;
			mn = mn_campaign(app, cid, a);
			k = 0;
		}
		if (mn)
			e = one_school(app, &v[i], k, a, d);
	}
	arena_free(a);
	return e == TS_EDB ? app_db_error(app, d, "tạo dữ liệu phần mềm mẫu")
			   : e;
}

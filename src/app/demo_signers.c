/* Demo data: the offices' signers (demo_signers.h). */
#include "demo_signers.h"

#include <string.h>

#include "../util/arena.h"
#include "report.h"

/* Names none of the demo's school heads has (demo.c's FAMILY × GIVEN
 * use other given names), each under its kind's default title. */
static const struct {
	const char *code, *name;
} SIGNERS[] = {
	{ "31", "Phạm Quốc Khánh" },
	{ "31PGD-DK", "Nguyễn Thị Thu Hằng" },
	{ "31PGD-LC", "Trần Đức Mạnh" },
	{ "31PGD-TN", "Vũ Thị Lan Anh" },
	{ "31PGD-HB", "Đặng Quốc Toản" },
	{ "31PGD-AL", "Hoàng Minh Tiến" },
	{ "31DK", "Lê Văn Hiếu" },
	{ "31LC", "Bùi Thị Hồng Nhung" },
	{ "31TN", "Ngô Văn Khải" },
	{ "31HB", "Đỗ Mạnh Cường" },
	{ "31AL", "Phan Thị Thanh Huyền" },
};

/* The Sở's guidance letters are signed by a deputy for the director, as
 * most of a Sở's documents are (NĐ 30: "KT. GIÁM ĐỐC" over "PHÓ GIÁM
 * ĐỐC"), so the two-line title shows in the demo. */
#define DEPUTY_OF   "31"
#define DEPUTY_SIGN "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
#define DEPUTY_NAME "Trịnh Thị Kim Oanh"

/* Each campaign with the offices under its owner. */
static const char SQL_PAIRS[] =
	"SELECT c.id, u.code, c.kind = 'thong-ke' FROM campaign c "
	"JOIN org_unit o ON o.id = c.owner_unit_id JOIN org_unit u ON "
	"substr(u.path, 1, length(o.path)) = o.path AND u.kind IN "
	"('so', 'phong', 'xa') ORDER BY c.id, u.path";

struct pair {
	int64_t cid;
	const char *code;
	bool stats; /* a statistics campaign: no guidance letter */
};

static void
fill(struct db_stmt *st, struct arena *a, void *p)
{
	struct pair *x = p;
	x->cid = db_col_int(st, 0);
	x->code = db_col_dup(st, 1, a);
	x->stats = db_col_int(st, 2) != 0;
}

static enum ts_err
sign(struct app *app, const struct actor *op, const struct pair *x,
     struct diags *d)
{
	for (size_t i = 0; x->code && i < sizeof(SIGNERS) / sizeof(*SIGNERS);
	     i++) {
		if (strcmp(SIGNERS[i].code, x->code) != 0)
			continue;
		bool deputy = strcmp(x->code, DEPUTY_OF) == 0;
		const char *names[] = { "nguoi_ky", "cv_nguoi_ky",
					"cv_chuc_vu_ky" };
		const char *values[] = { SIGNERS[i].name,
					 deputy ? DEPUTY_NAME : SIGNERS[i].name,
					 DEPUTY_SIGN };
		/* The letter's signer only where the office writes one. */
		size_t n = x->stats ? 1 : deputy ? 3 : 2;
		return docfield_save(app, op, x->cid, x->code, names, values, n,
				     d);
	}
	return TS_OK;
}

enum ts_err
demo_signers(struct app *app, struct diags *d)
{
	struct arena *a = arena_new();
	struct pair *v = NULL;
	size_t n = 0;
	struct actor op;
	actor_operator(&op);
	struct db_stmt *st = a ? db_prep(app->db, SQL_PAIRS) : NULL;
	enum ts_err e = st ? db_collect(st, a, sizeof(*v), (void **)&v, &n,
					fill)
			   : TS_ENOMEM;
	for (size_t i = 0; e == TS_OK && i < n; i++)
		e = sign(app, &op, &v[i], d);
	arena_free(a);
	return e == TS_EDB ? app_db_error(app, d, "tạo người ký mẫu") : e;
}

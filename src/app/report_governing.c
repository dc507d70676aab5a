/* The cơ quan chủ quản line a document defaults to: governing_body()
 * (core/governing.c) says which body by unit kind, cấp học and date; this
 * finds it in the org tree and words it ("Ủy ban nhân dân quận Dương
 * Kinh" for Phòng GD&ĐT quận Dương Kinh). The unit may type another. */
#include <stdio.h>
#include <string.h>

#include "../core/governing.h"
#include "../core/place.h"
#include "../util/arena.h"
#include "org_int.h"
#include "report_int.h"

static enum gov_unit
gov_unit_of(enum org_kind k)
{
	switch (k) {
	case KIND_BO: return GOV_U_BO;
	case KIND_SO: return GOV_U_SO;
	case KIND_PHONG: return GOV_U_PHONG;
	case KIND_XA: return GOV_U_XA;
	case KIND_TRUONG:
	case KIND_TRUNG_TAM: break;
	}
	return GOV_U_SCHOOL;
}

static bool
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

const char *
rb_spelled(struct rb *b, const char *name)
{
	if (name && starts(name, "UBND "))
		return rp_printf(b->doc, "Ủy ban nhân dân %s", name + 5);
	return name;
}

/* The nearest unit above of kind k (k < 0: the parent) in the tree as
 * it was on day, into *u: a 2024-2025 document of a school that is under
 * a UBND phường today names the Phòng it was under then. */
static bool
above(struct rb *b, int k, const char *day, struct org_unit *u)
{
	int64_t parent = 0;
	*u = b->t.unit;
	for (int depth = 0; depth < 32; depth++) {
		enum ts_err e = org_parent_at(b->app, u, day, &parent);
		if (e == TS_OK && parent != 0)
			e = org_get(b->app, parent, b->a, u);
		rb_fail(b, e, "đọc đơn vị cấp trên");
		if (e != TS_OK || parent == 0)
			return false;
		if (k < 0 || u->kind == (enum org_kind)k)
			return true;
	}
	return false;
}

/* "Ủy ban nhân dân quận Dương Kinh" from "Phòng Giáo dục và Đào tạo quận
 * Dương Kinh": the UBND of the place the office is named for. */
static const char *
ubnd_of_place(struct rb *b)
{
	char place[256];
	if (!place_of(gov_unit_of(b->t.unit.kind), b->t.unit.name, PLACE_UNIT,
		      place, sizeof(place)))
		return NULL;
	return rp_printf(b->doc, "Ủy ban nhân dân %s", place);
}

/* The document's date as yyyymmdd (0: undated) and as the tree's day
 * (today when undated). */
static long
doc_day(int year, int month, int day, char on[40])
{
	long date = year > 0 ? (long)year * 10000 + month * 100 + day : 0;
	if (date > 0)
		snprintf(on, 40, "%04d-%02d-%02d", year, month, day);
	else
		org_today(on);
	return date;
}

/* The body governing_body() names for a document of that date, found
 * in the tree as it was then (on): GOV_NONE (a UBND xã/phường, the Bộ)
 * and GOV_UBND (a Phòng's or Sở's own UBND) are read from the unit
 * itself; otherwise the unit above goes into *u and GOV_PARENT comes
 * back. A tree still in the district shape (a school under a Phòng
 * after 1/7/2025) gives the unit managing it. */
static enum gov_body
governing_unit(struct rb *b, long date, const char *on, struct org_unit *u)
{
	enum gov_body g = governing_body(gov_unit_of(b->t.unit.kind),
					 b->t.unit.levels, date);
	bool found = false;
	switch (g) {
	case GOV_NONE:
	case GOV_UBND: return g;
	case GOV_PARENT: break;
	case GOV_COMMUNE: found = above(b, KIND_XA, on, u); break;
	case GOV_SO: found = above(b, KIND_SO, on, u); break;
	}
	if (!found && !above(b, -1, on, u))
		return GOV_NONE;
	return GOV_PARENT;
}

const char *
rb_governing(struct rb *b, int year, int month, int day)
{
	char on[40];
	long date = doc_day(year, month, day, on);
	struct org_unit u;
	enum gov_body g = governing_unit(b, date, on, &u);
	if (g == GOV_NONE)
		return NULL;
	const char *found = g == GOV_UBND ? ubnd_of_place(b) : NULL;
	/* A Phòng or Sở whose name has no place: the unit managing it. */
	if (g == GOV_UBND && found == NULL && above(b, -1, on, &u))
		g = GOV_PARENT;
	return g == GOV_PARENT ? rb_spelled(b, u.name) : found;
}

/* The địa danh of the date line (NĐ 30 Phụ lục I): where the unit has its
 * seat, read by place_of() from its own name (a Phòng, a Sở, a UBND
 * xã/phường, the Bộ) or, for a school, from the name of the body that
 * governs it on that date (its Phòng's quận/huyện before 1/7/2025, its
 * xã/phường or the Sở's tỉnh from then). NULL: none to read, the dotted
 * blank stays. */
const char *
rb_place(struct rb *b, int year, int month, int day)
{
	char on[40];
	long date = doc_day(year, month, day, on);
	struct org_unit u;
	const struct org_unit *from = &b->t.unit;
	if (governing_unit(b, date, on, &u) == GOV_PARENT)
		from = &u;
	char place[256];
	if (!place_of(gov_unit_of(from->kind), from->name, PLACE_DATE_LINE,
		      place, sizeof(place)))
		return NULL;
	return rp_printf(b->doc, "%s", place);
}

/* The cơ quan chủ quản line a document defaults to: governing_body()
 * (core/governing.c) says which body by unit kind, cấp học and date; this
 * finds it in the org tree and words it ("Ủy ban nhân dân quận Dương
 * Kinh" for Phòng GD&ĐT quận Dương Kinh). The unit may type another. */
#include <stdio.h>
#include <string.h>

#include "../core/governing.h"
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
 * it was on day: a 2024-2025 document of a school that is under a UBND
 * phường today names the Phòng it was under then. */
static const char *
above(struct rb *b, int k, const char *day)
{
	struct org_unit u = b->t.unit;
	int64_t parent = 0;
	for (int depth = 0; depth < 32; depth++) {
		enum ts_err e = org_parent_at(b->app, &u, day, &parent);
		if (e == TS_OK && parent != 0)
			e = org_get(b->app, parent, b->a, &u);
		rb_fail(b, e, "đọc đơn vị cấp trên");
		if (e != TS_OK || parent == 0)
			return NULL;
		if (k < 0 || u.kind == (enum org_kind)k)
			return rb_spelled(b, u.name);
	}
	return NULL;
}

/* "Ủy ban nhân dân quận Dương Kinh" from "Phòng Giáo dục và Đào tạo quận
 * Dương Kinh": the UBND of the place the office's name ends with. */
static const char *
ubnd_of_place(struct rb *b)
{
	static const char *const places[] = { "quận ", "huyện ", "thị xã ",
					      "thành phố ", "tỉnh " };
	const char *name = b->t.unit.name;
	int k = rp_name_start(name);
	char head[512], tail[512];
	rp_name_split(name, k, head, tail, sizeof(head));
	for (size_t i = 0; k > 0 && i < sizeof places / sizeof places[0]; i++)
		if (starts(tail, places[i]))
			return rp_printf(b->doc, "Ủy ban nhân dân %s", tail);
	return NULL;
}

const char *
rb_governing(struct rb *b, int year, int month, int day)
{
	long date = year > 0 ? (long)year * 10000 + month * 100 + day : 0;
	const char *found = NULL;
	char on[40];
	if (date > 0)
		snprintf(on, sizeof(on), "%04d-%02d-%02d", year, month, day);
	else
		org_today(on);
	switch (governing_body(gov_unit_of(b->t.unit.kind), b->t.unit.levels,
			       date)) {
	case GOV_NONE: return NULL;
	case GOV_PARENT: break;
	case GOV_UBND: found = ubnd_of_place(b); break;
	case GOV_COMMUNE: found = above(b, KIND_XA, on); break;
	case GOV_SO: found = above(b, KIND_SO, on); break;
	}
	/* A tree still in the district shape (a school under a Phòng after
	 * 1/7/2025) or a name with no place: the unit managing it. */
	return found ? found : above(b, -1, on);
}

/*
 * Địa danh of an NĐ 30 date line ("Quận 7, ngày 05 tháng 01 năm 2024",
 * Phụ lục I; rules.md §9): the name of the administrative unit a body has
 * its seat in, read from the body's own name. Pure; which body a school's
 * document takes its place from is governing_body()'s rule (the app layer
 * finds that body in the org tree).
 */
#ifndef TS_PLACE_H
#define TS_PLACE_H

#include <stdbool.h>
#include <stddef.h>

#include "governing.h"

/* How the place is worded. */
enum place_form {
	PLACE_DATE_LINE, /* "Dương Kinh", "Quận 7": the date line's */
	PLACE_UNIT, /* "quận Dương Kinh": the unit as its name writes it,
		       for "Ủy ban nhân dân quận Dương Kinh" */
};

/* Writes into out (n bytes) the place of unit u called name:
 *  - a Sở: its tỉnh/thành phố ("Sở Giáo dục và Đào tạo thành phố Hải
 *    Phòng" -> "Hải Phòng");
 *  - a Phòng: its quận/huyện/thị xã/thành phố ("… quận Dương Kinh" ->
 *    "Dương Kinh");
 *  - a UBND xã/phường: its xã/phường/thị trấn/đặc khu;
 *  - the Bộ: "Hà Nội", its seat.
 * In PLACE_DATE_LINE the kind's word is dropped, but kept before a
 * number ("Quận 7", "Phường 12") and for "Thành phố Hồ Chí Minh". The place ends at a comma or "(" ("phường Phú Cường,
 * thành phố Thủ Dầu Một" -> "Phú Cường"). A Sở or Phòng named with no
 * such word takes what follows "Đào tạo"/"GD&ĐT" ("Sở Giáo dục và Đào tạo
 * Hải Phòng"), in PLACE_DATE_LINE only. False, out "", for a school, a name with no place or a
 * place that does not fit. */
bool place_of(enum gov_unit u, const char *name, enum place_form f, char *out,
	      size_t n);

#endif

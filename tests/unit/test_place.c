/* Địa danh of the date line (core/place.c, NĐ 30 Phụ lục I) as a table:
 * each kind of unit, numbered and named-after-a-person places, the
 * field-only fallback, and names that give none. */
#include "ut.h"

#include <string.h>

#include "../../src/core/place.h"

static const struct {
	enum gov_unit unit;
	enum place_form form;
	const char *name, *want; /* want NULL: none, the dotted blank */
} CASES[] = {
	/* A Sở: its tỉnh/thành phố, the word dropped. */
	{ GOV_U_SO, PLACE_DATE_LINE,
	  "Sở Giáo dục và Đào tạo thành phố Hải Phòng", "Hải Phòng" },
	{ GOV_U_SO, PLACE_DATE_LINE, "Sở Giáo dục và Đào tạo tỉnh Bình Dương",
	  "Bình Dương" },
	{ GOV_U_SO, PLACE_DATE_LINE, "Sở GD&ĐT Thành phố Hồ Chí Minh",
	  "Thành phố Hồ Chí Minh" },
	/* No word: what follows the office's field. */
	{ GOV_U_SO, PLACE_DATE_LINE, "Sở Giáo dục và Đào tạo Hải Phòng",
	  "Hải Phòng" },
	{ GOV_U_SO, PLACE_UNIT, "Sở Giáo dục và Đào tạo Hải Phòng", NULL },
	{ GOV_U_SO, PLACE_UNIT, "Sở Giáo dục và Đào tạo thành phố Hải Phòng",
	  "thành phố Hải Phòng" },
	/* A Phòng: its quận/huyện/thị xã/thành phố. */
	{ GOV_U_PHONG, PLACE_DATE_LINE,
	  "Phòng Giáo dục và Đào tạo quận Dương Kinh", "Dương Kinh" },
	{ GOV_U_PHONG, PLACE_DATE_LINE,
	  "Phòng Giáo dục và Đào tạo huyện Thủy Nguyên", "Thủy Nguyên" },
	{ GOV_U_PHONG, PLACE_DATE_LINE,
	  "Phòng Giáo dục và Đào tạo thành phố Thủ Dầu Một, tỉnh Bình Dương",
	  "Thủ Dầu Một" },
	{ GOV_U_PHONG, PLACE_DATE_LINE, "Phòng GD&ĐT thị xã Sơn Tây",
	  "Sơn Tây" },
	/* A numbered district keeps its word (NĐ 30's own example). */
	{ GOV_U_PHONG, PLACE_DATE_LINE, "Phòng Giáo dục và Đào tạo Quận 7",
	  "Quận 7" },
	{ GOV_U_PHONG, PLACE_DATE_LINE, "Phòng GD&ĐT quận 10", "Quận 10" },
	{ GOV_U_PHONG, PLACE_UNIT, "Phòng Giáo dục và Đào tạo quận Dương Kinh",
	  "quận Dương Kinh" },
	/* A UBND xã/phường: its xã/phường. */
	{ GOV_U_XA, PLACE_DATE_LINE, "UBND phường Dương Kinh", "Dương Kinh" },
	{ GOV_U_XA, PLACE_DATE_LINE, "UBND xã An Lão", "An Lão" },
	{ GOV_U_XA, PLACE_DATE_LINE, "Ủy ban nhân dân Phường 12", "Phường 12" },
	{ GOV_U_XA, PLACE_DATE_LINE, "UBND thị trấn Núi Đèo (cũ)", "Núi Đèo" },
	{ GOV_U_XA, PLACE_DATE_LINE, "UBND phường Xã Đàn", "Xã Đàn" },
	/* The Bộ: Hà Nội, its seat. */
	{ GOV_U_BO, PLACE_DATE_LINE, "Bộ Giáo dục và Đào tạo", "Hà Nội" },
	/* None: a school, a word of another level, no place after it. */
	{ GOV_U_SCHOOL, PLACE_DATE_LINE, "Trường THCS quận Dương Kinh", NULL },
	{ GOV_U_XA, PLACE_DATE_LINE, "UBND quận Dương Kinh", NULL },
	{ GOV_U_XA, PLACE_DATE_LINE, "UBND Dương Kinh", NULL },
	{ GOV_U_PHONG, PLACE_DATE_LINE, "Phòng Giáo dục quận ", NULL },
	{ GOV_U_PHONG, PLACE_DATE_LINE, "Phòng Giáo dục quận , X", NULL },
	{ GOV_U_PHONG, PLACE_DATE_LINE, "", NULL },
	{ GOV_U_PHONG, PLACE_DATE_LINE, NULL, NULL },
	/* "thị xã", not its "xã": a Phòng's word, not a UBND xã's. */
	{ GOV_U_XA, PLACE_DATE_LINE, "UBND thị xã Sơn Tây", NULL },
};

static void
test_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
		char out[128] = "x";
		bool ok = place_of(CASES[i].unit, CASES[i].name, CASES[i].form,
				   out, sizeof(out));
		const char *want = CASES[i].want;
		if (ok != (want != NULL) || strcmp(out, want ? want : "") != 0)
			fail_msg("case %zu (%s): got %d \"%s\", want \"%s\"", i,
				 CASES[i].name ? CASES[i].name : "NULL",
				 (int)ok, out, want ? want : "(none)");
	}
}

/* A place that does not fit is none, never cut. */
static void
test_small_buffer(void **state)
{
	(void)state;
	char out[8] = "x";
	assert_false(place_of(GOV_U_XA, "UBND phường Dương Kinh",
			      PLACE_DATE_LINE, out, sizeof(out)));
	assert_string_equal(out, "");
	assert_true(place_of(GOV_U_XA, "UBND xã An Lão", PLACE_DATE_LINE, out,
			     sizeof(out)));
	assert_string_equal(out, "An Lão");
	assert_false(place_of(GOV_U_BO, "Bộ", PLACE_DATE_LINE, out, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_small_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

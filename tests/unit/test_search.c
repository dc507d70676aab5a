/* core/search.c: word-prefix matching of folded unit names (issue 17,
 * item 6), with names folded the way org_unit.name_key is. */
#include "ut.h"

#include "../../src/core/search.h"
#include "../../src/util/arena.h"
#include "../../src/util/vnstr.h"

static bool
finds(const char *query, const char *name)
{
	struct arena *a = arena_new();
	assert_non_null(a);
	bool r = search_match(vn_fold_key(a, query), vn_fold_key(a, name));
	arena_free(a);
	return r;
}

static void
test_whole_name_any_case_and_accents(void **state)
{
	(void)state;
	assert_true(finds("truong tieu hoc nguyen du",
			  "Trường Tiểu học Nguyễn Du"));
	assert_true(finds("TRƯỜNG TIỂU HỌC NGUYỄN DU",
			  "Trường Tiểu học Nguyễn Du"));
	assert_true(finds("nguyễn du", "Trường Tiểu học Nguyễn Du"));
	/* Decomposed input (NFD, as some keyboards send it) folds alike. */
	assert_true(finds("Nguye\xcc\x82\xcc\x83n Du",
			  "Trường Tiểu học Nguyễn Du"));
}

static void
test_word_prefixes_in_any_order(void **state)
{
	(void)state;
	assert_true(finds("ng du", "Trường Tiểu học Nguyễn Du"));
	assert_true(finds("du ng", "Trường Tiểu học Nguyễn Du"));
	assert_true(finds("t t h ng d", "Trường Tiểu học Nguyễn Du"));
	assert_false(finds("t t t", "Trường Tiểu học Nguyễn Du"));
	assert_true(finds("d duong", "Trường Mầm non Đông Dương"));
	assert_true(finds("dong", "Trường Mầm non Đông Dương"));
	assert_true(finds("thcs le loi", "Trường TH&THCS Lê Lợi"));
}

static void
test_not_inside_words(void **state)
{
	(void)state;
	/* "ng" is inside "huong", "du" begins "duong": not a match. */
	assert_false(finds("ng du", "Trường Mầm non Hướng Dương"));
	assert_false(finds("uyen", "Trường Tiểu học Nguyễn Du"));
	assert_false(finds("nguyen trai", "Trường Tiểu học Nguyễn Du"));
	/* Each typed word needs a word of its own. */
	assert_false(finds("du du", "Trường Tiểu học Nguyễn Du"));
	assert_false(finds("", "Trường Tiểu học Nguyễn Du"));
	assert_false(finds(" - ", "Trường Tiểu học Nguyễn Du"));
}

static void
test_longest_word(void **state)
{
	(void)state;
	size_t n;
	const char *w = search_longest_word("th ng nguyen du", &n);
	assert_int_equal(n, 6);
	assert_memory_equal(w, "nguyen", 6);
	assert_null(search_longest_word(" & ", &n));
	assert_int_equal(n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_name_any_case_and_accents),
		cmocka_unit_test(test_word_prefixes_in_any_order),
		cmocka_unit_test(test_not_inside_words),
		cmocka_unit_test(test_longest_word),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

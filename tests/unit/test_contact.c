/* core/contact.c: the phone numbers and e-mail addresses a unit or an
 * account may be given (issue 17 item 7). */
#include "ut.h"

#include "../../src/core/contact.h"

static void
test_phones(void **state)
{
	(void)state;
	const char *good[] = { "0225 3876 543",	  "0912.345.678",
			       "+84 912 345 678", "(0225) 3876543",
			       "02253876543",	  "0912-345-678" };
	const char *bad[] = { "091234",
			      "0912 345 678 901 234 5",
			      "số 0912345678",
			      "0912345678 ",
			      "0912+345678",
			      "09123456a8",
			      "" };
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++)
		if (contact_phone_problem(good[i]) != NULL)
			fail_msg("refused %s: %s", good[i],
				 contact_phone_problem(good[i]));
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		if (contact_phone_problem(bad[i]) == NULL)
			fail_msg("accepted \"%s\"", bad[i]);
	assert_string_equal(contact_phone_problem("0912"),
			    "số điện thoại phải có từ 8 đến 15 chữ số");
}

static void
test_emails(void **state)
{
	(void)state;
	const char *good[] = { "c3nguyendu@haiphong.edu.vn", "a.b-c+d@x.vn",
			       "HT.31DK014@Truong-TH.edu.vn" };
	const char *bad[] = { "c3nguyendu", "a@@b.vn", "a@b@c.vn",
			      ".a@b.vn",    "a.@b.vn", "a..b@c.vn",
			      "a@b",	    "a@-b.vn", "a@b-.vn",
			      "a@b..vn",    "a@b.v1",  "nguyễn@x.vn",
			      "a b@x.vn",   "a@x.vn.", "@x.vn",
			      "a@",	    "" };
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++)
		if (contact_email_problem(good[i]) != NULL)
			fail_msg("refused %s: %s", good[i],
				 contact_email_problem(good[i]));
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		if (contact_email_problem(bad[i]) == NULL)
			fail_msg("accepted \"%s\"", bad[i]);
	char longer[300];
	memset(longer, 'a', sizeof(longer));
	memcpy(longer + 280, "@haiphong.vn", 13);
	assert_non_null(contact_email_problem(longer));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phones),
		cmocka_unit_test(test_emails),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

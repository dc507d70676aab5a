/* The submission workflow (core/workflow.c): the transition table of
 * wf_next, who may act on a submission (policy_allows, scope_of), and the completeness
 * counts of a campaign (core/completeness.c). */
#include "ut.h"

#include "../../src/core/completeness.h"
#include "../../src/core/policy.h"
#include "../../src/core/workflow.h"

#define NACT 7	  /* ACT_SAVE .. ACT_VIEW */
#define NO   (-1) /* refused */

static const enum sub_action ACTIONS[NACT] = {
	ACT_SAVE,     ACT_SUBMIT,  ACT_RETURN, ACT_APPROVE,
	ACT_EXTERNAL, ACT_PUBLISH, ACT_VIEW,
};
static const char *const ACT_LABEL[NACT] = {
	"save", "submit", "return", "approve", "external", "publish", "view",
};
static const char *const ROLE_LABEL[4] = {
	"school_editor",
	"school_head",
	"reviewer",
	"admin",
};
static const char *const SCOPE_LABEL[3] = { "OUTSIDE", "OWN", "BELOW" };

/* True if s has a byte outside ASCII (the messages are Vietnamese, with
 * diacritics: an English or empty reason is a regression). */
static bool
has_non_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

/*
 * The whole transition table: for every state and action, the next state
 * or NO, and for a refusal a phrase the reason must contain.
 */
static const struct {
	int next[NACT];
	const char *why[NACT];
} FLOW[ST_COUNT] = {
	/* Not started: the first save creates the draft. Submitting is a
	 * valid step of the machine (the app refuses it earlier because
	 * there is no row to submit). */
	[ST_NONE] = {
		{ ST_DRAFT, ST_SUBMITTED, NO, NO, NO, NO, ST_NONE },
		{ NULL, NULL, "chưa nộp", "chưa nộp", "chưa nộp", "chưa nộp",
		  NULL },
	},
	[ST_DRAFT] = {
		{ ST_DRAFT, ST_SUBMITTED, NO, NO, NO, NO, ST_DRAFT },
		{ NULL, NULL, "chưa nộp", "chưa nộp", "chưa nộp", "chưa nộp",
		  NULL },
	},
	[ST_SUBMITTED] = {
		{ NO, NO, ST_RETURNED, ST_APPROVED, ST_SUBMITTED, NO,
		  ST_SUBMITTED },
		{ "chỉ sửa được khi bị trả lại", "đang chờ xem xét", NULL, NULL,
		  NULL, "đang chờ xem xét", NULL },
	},
	[ST_RETURNED] = {
		{ ST_RETURNED, ST_SUBMITTED, NO, NO, NO, NO, ST_RETURNED },
		{ NULL, NULL, "bị trả lại", "bị trả lại", "bị trả lại",
		  "bị trả lại", NULL },
	},
	[ST_APPROVED] = {
		{ NO, NO, NO, NO, ST_APPROVED, ST_PUBLISHED, ST_APPROVED },
		{ "không sửa hay nộp lại", "không sửa hay nộp lại",
		  "đã được phê duyệt", "đã được phê duyệt", NULL, NULL, NULL },
	},
	[ST_PUBLISHED] = {
		{ NO, NO, NO, NO, NO, NO, ST_PUBLISHED },
		{ "đã công bố", "đã công bố", "đã công bố", "đã công bố",
		  "đã công bố", "đã công bố", NULL },
	},
};

/* One cell of the table: wf_next(s, action i) as FLOW says; true if
 * allowed. */
static bool
check_next_cell(int s, int i)
{
	enum sub_state next = (enum sub_state)99;
	const char *why = NULL, *from = sub_state_code((enum sub_state)s);
	bool ok = wf_next((enum sub_state)s, ACTIONS[i], &next, &why);
	int want = FLOW[s].next[i];
	if (ok != (want != NO))
		fail_msg("wf_next(%s, %s): %s, expected %s", from, ACT_LABEL[i],
			 ok ? "allowed" : "refused",
			 want != NO ? "allowed" : "refused");
	if (ok && (int)next != want)
		fail_msg("wf_next(%s, %s) -> %s, expected %s", from,
			 ACT_LABEL[i],
			 (int)next < ST_COUNT ? sub_state_code(next) : "?",
			 sub_state_code((enum sub_state)want));
	if (!ok && (why == NULL || !has_non_ascii(why) ||
		    strstr(why, FLOW[s].why[i]) == NULL))
		fail_msg("wf_next(%s, %s): reason \"%s\" lacks \"%s\"", from,
			 ACT_LABEL[i], why ? why : "(null)", FLOW[s].why[i]);
	return ok;
}

static void
test_wf_next_table(void **state)
{
	(void)state;
	size_t allowed = 0, refused = 0;
	for (int s = 0; s < ST_COUNT; s++)
		for (int i = 0; i < NACT; i++) {
			if (check_next_cell(s, i))
				allowed++;
			else
				refused++;
		}
	/* 6 states x 7 actions, every cell looked at. */
	assert_int_equal(allowed + refused, ST_COUNT * NACT);
	assert_int_equal(allowed, 3 + 3 + 4 + 3 + 3 + 1);
}

/* The documented path and its loop, step by step. */
static void
test_wf_next_happy_path(void **state)
{
	(void)state;
	static const struct {
		enum sub_action a;
		enum sub_state to;
	} path[] = {
		{ ACT_SAVE, ST_DRAFT },		{ ACT_SAVE, ST_DRAFT },
		{ ACT_SUBMIT, ST_SUBMITTED },	{ ACT_RETURN, ST_RETURNED },
		{ ACT_SAVE, ST_RETURNED },	{ ACT_SUBMIT, ST_SUBMITTED },
		{ ACT_RETURN, ST_RETURNED },	{ ACT_SUBMIT, ST_SUBMITTED },
		{ ACT_EXTERNAL, ST_SUBMITTED }, { ACT_APPROVE, ST_APPROVED },
		{ ACT_EXTERNAL, ST_APPROVED },	{ ACT_PUBLISH, ST_PUBLISHED },
	};
	enum sub_state s = ST_NONE;
	for (size_t i = 0; i < sizeof(path) / sizeof(*path); i++) {
		enum sub_state next;
		const char *why = NULL;
		assert_true(wf_next(s, path[i].a, &next, &why));
		assert_int_equal(next, path[i].to);
		s = next;
	}
	/* The end: nothing moves a published result, viewing still works. */
	for (int i = 0; i < NACT - 1; i++) {
		enum sub_state next;
		const char *why = NULL;
		assert_false(wf_next(s, ACTIONS[i], &next, &why));
		assert_non_null(why);
		assert_non_null(strstr(why, "không thay đổi được"));
	}
}

/* Refusals say why in words a school understands; the saving refusal of
 * a submitted version differs from the generic one. */
static void
test_wf_next_reasons_distinct(void **state)
{
	(void)state;
	enum sub_state n;
	const char *save = NULL, *publish = NULL, *approved = NULL,
		   *approved_save = NULL;
	assert_false(wf_next(ST_SUBMITTED, ACT_SAVE, &n, &save));
	assert_false(wf_next(ST_SUBMITTED, ACT_PUBLISH, &n, &publish));
	assert_string_not_equal(save, publish);
	assert_non_null(strstr(save, "bản đã nộp"));
	assert_false(wf_next(ST_APPROVED, ACT_RETURN, &n, &approved));
	assert_false(wf_next(ST_APPROVED, ACT_SAVE, &n, &approved_save));
	assert_string_not_equal(approved, approved_save);
}

/*
 * Who may do what, as one table: for every role and scope (OUTSIDE, OWN,
 * BELOW) a string with one letter per action (save, submit, return,
 * approve, external, publish, view):
 *   y  allowed
 *   o  refused: not in the account's scope ("phạm vi")
 *   h  refused: only the head submits ("hiệu trưởng")
 *   m  refused: management steps ("cấp quản lý")
 *   s  refused: only schools edit and submit ("nhà trường")
 *   w  refused: a unit does not review itself ("chính đơn vị mình")
 *   r  refused, any non-empty Vietnamese reason (a school acting below
 *      itself: schools have no units below, the case cannot arise)
 */
static const char *const MATRIX[4][3] = {
	/*                       OUTSIDE    OWN        BELOW */
	[ROLE_SCHOOL_EDITOR] = { "ooooooo", "yhmmmmy", "rrrrrry" },
	[ROLE_SCHOOL_HEAD] = { "ooooooo", "yymmmmy", "rrrrrry" },
	[ROLE_REVIEWER] = { "ooooooo", "sswwwwy", "ssyyyyy" },
	[ROLE_ADMIN] = { "ooooooo", "sswwwwy", "ssyyyyy" },
};

static const char *
reason_phrase(char code)
{
	switch (code) {
	case 'o': return "phạm vi";
	case 'h': return "hiệu trưởng";
	case 'm': return "cấp quản lý";
	case 's': return "nhà trường";
	case 'w': return "chính đơn vị mình";
	default: return "";
	}
}

/* One cell of the matrix, for role r on a unit at path (scope sc); true
 * if allowed. */
static bool
check_policy_cell(int r, int sc, const char *path, int i, char cell)
{
	const char *why = NULL;
	struct pol_query q = { (enum role)r,  "/1/4/",
			       PK_SUBMISSION, path,
			       POL_ANY_STATE, pol_action_of(ACTIONS[i]) };
	bool ok = policy_allows(&q, &why);
	bool want = cell == 'y';
	if (ok != want)
		fail_msg("policy(%s, %s, %s): %s, expected %s", ROLE_LABEL[r],
			 SCOPE_LABEL[sc], ACT_LABEL[i],
			 ok ? "allowed" : "refused",
			 want ? "allowed" : "refused");
	const char *p = ok ? NULL : reason_phrase(cell);
	if (p != NULL && (why == NULL || why[0] == '\0' ||
			  !has_non_ascii(why) || strstr(why, p) == NULL))
		fail_msg("policy(%s, %s, %s): reason \"%s\" lacks \"%s\"",
			 ROLE_LABEL[r], SCOPE_LABEL[sc], ACT_LABEL[i],
			 why ? why : "(null)", p);
	return ok;
}

static void
test_wf_allowed_matrix(void **state)
{
	(void)state;
	/* Seen from an actor at /1/4/. */
	static const char *const paths[3] = { "/1/9/", "/1/4/", "/1/4/17/" };
	size_t cells = 0, yes = 0;
	for (int r = 0; r < 4; r++)
		for (int sc = 0; sc < 3; sc++) {
			const char *row = MATRIX[r][sc];
			assert_int_equal(strlen(row), NACT);
			for (int i = 0; i < NACT; i++, cells++)
				yes += check_policy_cell(r, sc, paths[sc], i,
							 row[i]);
		}
	assert_int_equal(cells, 4 * 3 * NACT);
	/* editor 2+1, head 3+1, reviewer 1+5, admin 1+5 (OWN+BELOW) */
	assert_int_equal(yes, 3 + 4 + 6 + 6);
}

static void
test_scope_of(void **state)
{
	(void)state;
	static const struct {
		const char *actor, *unit;
		enum scope want;
	} cases[] = {
		{ "/1/", "/1/", SCOPE_OWN },
		{ "/1/", "/1/2/", SCOPE_BELOW },
		{ "/1/", "/12/",
		  SCOPE_OUTSIDE }, /* a prefix of the text only */
		{ "/1/", "/12/3/", SCOPE_OUTSIDE },
		{ "/12/", "/1/", SCOPE_OUTSIDE },
		{ "/12/", "/1/2/", SCOPE_OUTSIDE },
		{ "/1/2/", "/1/", SCOPE_OUTSIDE }, /* the parent, from below */
		{ "/1/2/", "/1/3/", SCOPE_OUTSIDE }, /* a sibling */
		{ "/1/2/", "/1/23/", SCOPE_OUTSIDE },
		{ "/1/2/", "/1/2/3/4/", SCOPE_BELOW }, /* any depth */
		{ "/1/2/", "/1/2/", SCOPE_OWN },
		{ "/", "/1/", SCOPE_BELOW }, /* the operator */
		{ "/", "/1/2/3/", SCOPE_BELOW },
		{ "/", "/", SCOPE_OWN },
		{ "", "/1/", SCOPE_OUTSIDE }, /* no unit: nothing */
		{ "", "", SCOPE_OUTSIDE },
		{ "/1/", "", SCOPE_OUTSIDE },
		{ "/1/2/", "/1/2", SCOPE_OUTSIDE },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		enum scope got = scope_of(cases[i].actor, cases[i].unit);
		if (got != cases[i].want)
			fail_msg("scope_of(\"%s\", \"%s\") = %s, expected %s",
				 cases[i].actor, cases[i].unit,
				 SCOPE_LABEL[got], SCOPE_LABEL[cases[i].want]);
	}
}

static void
test_codes_and_names(void **state)
{
	(void)state;
	for (int s = 0; s < ST_COUNT; s++) {
		enum sub_state back = ST_COUNT;
		assert_true(sub_state_parse(sub_state_code((enum sub_state)s),
					    &back));
		assert_int_equal(back, s);
		assert_true(has_non_ascii(sub_state_name((enum sub_state)s)));
	}
	enum sub_state st;
	assert_false(sub_state_parse("Draft", &st));
	assert_false(sub_state_parse("", &st));
	for (int r = 0; r < 4; r++) {
		enum role back = (enum role)9;
		assert_string_equal(role_code((enum role)r), ROLE_LABEL[r]);
		assert_true(role_parse(ROLE_LABEL[r], &back));
		assert_int_equal(back, r);
	}
	enum role ro;
	assert_false(role_parse("operator", &ro));
	assert_false(role_parse("ADMIN", &ro));
	for (int i = 0; i < NACT; i++)
		assert_true(strlen(sub_action_name(ACTIONS[i])) > 0);
	assert_string_equal(sub_action_name(ACT_SUBMIT), "nộp");
}

/* ---- completeness_count ---- */

#define U(p, s, l)                                                             \
	{                                                                      \
		(p), (s), (l)                                                  \
	}

static void
assert_row(const struct completeness_row *r, const char *prefix,
	   size_t expected, const size_t by[ST_COUNT], size_t late)
{
	assert_string_equal(r->prefix, prefix);
	assert_int_equal(r->expected, expected);
	for (int s = 0; s < ST_COUNT; s++)
		if (r->by_state[s] != by[s])
			fail_msg("row %s: %s = %zu, expected %zu", prefix,
				 sub_state_code((enum sub_state)s),
				 r->by_state[s], by[s]);
	assert_int_equal(r->late, late);
}

/* Sorted rows of a Sở "/1/": two Phòng (4 and 40, whose paths share a text
 * prefix), a school straight under the Sở, and units of another province
 * before and after (ignored). */
static const struct unit_status PROVINCE[] = {
	U("/0/7/", ST_SUBMITTED, true),	    U("/1/4/17/", ST_NONE, false),
	U("/1/4/18/", ST_DRAFT, false),	    U("/1/4/19/", ST_SUBMITTED, true),
	U("/1/4/20/", ST_PUBLISHED, false), U("/1/40/41/", ST_RETURNED, false),
	U("/1/40/42/", ST_APPROVED, true),  U("/1/9/", ST_SUBMITTED, false),
	U("/12/5/", ST_APPROVED, true),	    U("/2/6/", ST_DRAFT, false),
};

static void
test_completeness_groups(void **state)
{
	(void)state;
	struct completeness_row out[8], total;
	memset(out, 0x5a, sizeof(out));
	size_t n = completeness_count(PROVINCE,
				      sizeof(PROVINCE) / sizeof(*PROVINCE),
				      "/1/", out, 8, &total);
	assert_int_equal(n, 3);
	assert_row(&out[0], "/1/4/", 4, (size_t[]){ 1, 1, 1, 0, 0, 1 }, 1);
	assert_row(&out[1], "/1/40/", 2, (size_t[]){ 0, 0, 0, 1, 1, 0 }, 1);
	assert_row(&out[2], "/1/9/", 1, (size_t[]){ 0, 0, 1, 0, 0, 0 }, 0);
	assert_int_equal(total.prefix[0], '\0');
	assert_row(&total, "", 7, (size_t[]){ 1, 1, 2, 1, 1, 1 }, 2);
}

/* Seen from a Phòng, every school is its own row. */
static void
test_completeness_from_phong(void **state)
{
	(void)state;
	struct completeness_row out[8], total;
	size_t n = completeness_count(PROVINCE,
				      sizeof(PROVINCE) / sizeof(*PROVINCE),
				      "/1/4/", out, 8, &total);
	assert_int_equal(n, 4);
	assert_string_equal(out[0].prefix, "/1/4/17/");
	assert_string_equal(out[3].prefix, "/1/4/20/");
	for (size_t i = 0; i < n; i++)
		assert_int_equal(out[i].expected, 1);
	assert_row(&total, "", 4, (size_t[]){ 1, 1, 1, 0, 0, 1 }, 1);
	/* "/1/40/..." is not under "/1/4/". */
	n = completeness_count(PROVINCE, sizeof(PROVINCE) / sizeof(*PROVINCE),
			       "/1/40/", out, 8, &total);
	assert_int_equal(n, 2);
	assert_int_equal(total.expected, 2);
}

/* The root itself (a school asking about itself) is one row: its own. */
static void
test_completeness_root_itself(void **state)
{
	(void)state;
	static const struct unit_status rows[] = {
		U("/1/4/", ST_RETURNED, true),
		U("/1/4/17/", ST_DRAFT, false),
		U("/1/40/", ST_APPROVED, false),
	};
	struct completeness_row out[4], total;
	size_t n = completeness_count(rows, 1, "/1/4/", out, 4, &total);
	assert_int_equal(n, 1);
	assert_row(&out[0], "/1/4/", 1, (size_t[]){ 0, 0, 0, 1, 0, 0 }, 1);
	assert_row(&total, "", 1, (size_t[]){ 0, 0, 0, 1, 0, 0 }, 1);
	/* With a child below it, the root and the child are separate rows;
	 * the sibling "/1/40/" is outside. */
	n = completeness_count(rows, 3, "/1/4/", out, 4, &total);
	assert_int_equal(n, 2);
	assert_string_equal(out[0].prefix, "/1/4/");
	assert_string_equal(out[1].prefix, "/1/4/17/");
	assert_int_equal(total.expected, 2);
	assert_int_equal(total.late, 1);
}

/* The operator's root "/" groups by province. */
static void
test_completeness_operator_root(void **state)
{
	(void)state;
	struct completeness_row out[8], total;
	size_t n = completeness_count(PROVINCE,
				      sizeof(PROVINCE) / sizeof(*PROVINCE), "/",
				      out, 8, &total);
	assert_int_equal(n, 4);
	assert_string_equal(out[0].prefix, "/0/");
	assert_string_equal(out[1].prefix, "/1/");
	assert_string_equal(out[2].prefix, "/12/");
	assert_string_equal(out[3].prefix, "/2/");
	assert_int_equal(out[1].expected, 7);
	assert_int_equal(total.expected, 10);
	assert_int_equal(total.late, 4);
}

/* Nothing under the root, or no rows at all: zero everywhere. */
static void
test_completeness_empty(void **state)
{
	(void)state;
	struct completeness_row out[2], total;
	memset(&total, 0x5a, sizeof(total));
	size_t n = completeness_count(PROVINCE,
				      sizeof(PROVINCE) / sizeof(*PROVINCE),
				      "/3/", out, 2, &total);
	assert_int_equal(n, 0);
	assert_row(&total, "", 0, (size_t[]){ 0, 0, 0, 0, 0, 0 }, 0);
	memset(&total, 0x5a, sizeof(total));
	n = completeness_count(NULL, 0, "/1/", out, 2, &total);
	assert_int_equal(n, 0);
	assert_int_equal(total.expected, 0);
}

/* More children than room: the first max rows are written, the rest only
 * counted (in the return value and the total); nothing past max is
 * touched. */
static void
test_completeness_more_than_max(void **state)
{
	(void)state;
	enum {
		N = 12,
		MAX = 5
	};
	static char paths[N][16];
	struct unit_status rows[N];
	for (int i = 0; i < N; i++) {
		snprintf(paths[i], sizeof(paths[i]), "/1/%d/", 100 + i);
		rows[i].path = paths[i];
		rows[i].state = i % 2 ? ST_SUBMITTED : ST_NONE;
		rows[i].late = i >= N - 3; /* the last three, all past max */
	}
	struct completeness_row out[MAX + 1], total;
	memset(out, 0x5a, sizeof(out));
	unsigned char sentinel[sizeof(out[MAX])];
	memcpy(sentinel, &out[MAX], sizeof(sentinel));
	size_t n = completeness_count(rows, N, "/1/", out, MAX, &total);
	assert_int_equal(n, N);
	for (int i = 0; i < MAX; i++) {
		char want[16];
		snprintf(want, sizeof(want), "/1/%d/", 100 + i);
		assert_string_equal(out[i].prefix, want);
		assert_int_equal(out[i].expected, 1);
	}
	assert_memory_equal(&out[MAX], sentinel, sizeof(sentinel));
	assert_int_equal(total.expected, N);
	assert_int_equal(total.by_state[ST_SUBMITTED], N / 2);
	assert_int_equal(total.by_state[ST_NONE], N / 2);
	assert_int_equal(total.late, 3);
	/* max 0: only the total. */
	n = completeness_count(rows, N, "/1/", NULL, 0, &total);
	assert_int_equal(n, N);
	assert_int_equal(total.expected, N);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wf_next_table),
		cmocka_unit_test(test_wf_next_happy_path),
		cmocka_unit_test(test_wf_next_reasons_distinct),
		cmocka_unit_test(test_wf_allowed_matrix),
		cmocka_unit_test(test_scope_of),
		cmocka_unit_test(test_codes_and_names),
		cmocka_unit_test(test_completeness_groups),
		cmocka_unit_test(test_completeness_from_phong),
		cmocka_unit_test(test_completeness_root_itself),
		cmocka_unit_test(test_completeness_operator_root),
		cmocka_unit_test(test_completeness_empty),
		cmocka_unit_test(test_completeness_more_than_max),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * The one permission function (core/policy.c) as a full matrix: every
 * actor (each role at /1/4/, and the server's operator at /) against a
 * target with no unit, outside, above, own and below, of every kind, in
 * every state (submissions), for every action. The expected answers are
 * written out in tests/unit/fixtures/policy_matrix.txt, one line a cell,
 * so a change of any permission shows in the diff of that file.
 *
 * After an intended change, rewrite the file and review its diff:
 *   TS_POLICY_MATRIX_WRITE=1 build/asan/tests/test_policy
 */
#include "ut.h"

#include "../../src/core/policy.h"

#define MATRIX_FILE "tests/unit/fixtures/policy_matrix.txt"
#define MATRIX_MAX  (1 << 20)

struct actor_row {
	const char *label;
	enum role role;
	const char *path;
};

static const struct actor_row ACTORS[] = {
	{ "school_editor", ROLE_SCHOOL_EDITOR, "/1/4/" },
	{ "school_head", ROLE_SCHOOL_HEAD, "/1/4/" },
	{ "reviewer", ROLE_REVIEWER, "/1/4/" },
	{ "admin", ROLE_ADMIN, "/1/4/" },
	{ "observer", ROLE_OBSERVER, "/1/4/" },
	{ "operator", ROLE_ADMIN, "/" },
};
#define NACTORS (sizeof(ACTORS) / sizeof(*ACTORS))

static const struct {
	const char *label;
	const char *path;
} TARGETS[] = {
	{ "none", NULL },   { "outside", "/1/9/" },  { "above", "/1/" },
	{ "own", "/1/4/" }, { "below", "/1/4/17/" },
};
#define NTARGETS (sizeof(TARGETS) / sizeof(*TARGETS))

static bool
has_non_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

/* One cell: "actor target kind state action -> yes" or "-> no: reason". */
static void
cell(char *buf, size_t *len, size_t a, size_t t, int k, int st, int act)
{
	struct pol_query q = { ACTORS[a].role,
			       ACTORS[a].path,
			       (enum pol_kind)k,
			       TARGETS[t].path,
			       st,
			       (enum pol_action)act };
	const char *why = NULL;
	bool ok = policy_allows(&q, &why);
	if (!ok && (why == NULL || !has_non_ascii(why)))
		fail_msg("%s %s %s %d %s: refused without a Vietnamese reason",
			 ACTORS[a].label, TARGETS[t].label,
			 pol_kind_code((enum pol_kind)k), st,
			 pol_action_code((enum pol_action)act));
	int n = snprintf(buf + *len, MATRIX_MAX - *len,
			 "%s %s %s %s %s -> %s%s\n", ACTORS[a].label,
			 TARGETS[t].label, pol_kind_code((enum pol_kind)k),
			 st == POL_ANY_STATE
				 ? "any"
				 : sub_state_code((enum sub_state)st),
			 pol_action_code((enum pol_action)act),
			 ok ? "yes" : "no: ", ok ? "" : why);
	assert_true(n > 0 && (size_t)n < MATRIX_MAX - *len);
	*len += (size_t)n;
}

/* The cells of one actor and target: every kind, state and action. */
static size_t
cells_of(char *buf, size_t *len, size_t a, size_t t)
{
	size_t n = 0;
	for (int k = 0; k < PK_COUNT; k++) {
		int last = k == PK_SUBMISSION ? ST_COUNT - 1 : POL_ANY_STATE;
		for (int st = POL_ANY_STATE; st <= last; st++)
			for (int act = 0; act < PA_COUNT; act++, n++)
				cell(buf, len, a, t, k, st, act);
	}
	return n;
}

/* Every cell of the matrix, in a fixed order. */
static char *
matrix(size_t *cells)
{
	char *buf = malloc(MATRIX_MAX);
	size_t len = 0;
	assert_non_null(buf);
	*cells = 0;
	for (size_t a = 0; a < NACTORS; a++)
		for (size_t t = 0; t < NTARGETS; t++)
			*cells += cells_of(buf, &len, a, t);
	buf[len] = '\0';
	return buf;
}

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char *buf = malloc(MATRIX_MAX);
	size_t n = buf ? fread(buf, 1, MATRIX_MAX - 1, f) : 0;
	fclose(f);
	if (buf != NULL)
		buf[n] = '\0';
	return buf;
}

/* The first line where got and want differ, printed with both. */
static void
first_difference(const char *got, const char *want)
{
	size_t line = 1;
	const char *g = got, *w = want;
	while (*g && *g == *w) {
		if (*g == '\n') {
			line++;
			got = g + 1;
			want = w + 1;
		}
		g++;
		w++;
	}
	fail_msg("%s line %zu:\n  expected: %.*s\n  got:      %.*s",
		 MATRIX_FILE, line, (int)strcspn(want, "\n"), want,
		 (int)strcspn(got, "\n"), got);
}

static void
test_policy_matrix(void **state)
{
	(void)state;
	size_t cells = 0;
	char *got = matrix(&cells);
	/* 6 actors x 5 targets x (7 states of a submission + 10 other
	 * kinds) x 10 actions. */
	assert_int_equal(cells, NACTORS * NTARGETS *
					(ST_COUNT + 1 + PK_COUNT - 1) *
					PA_COUNT);
	if (getenv("TS_POLICY_MATRIX_WRITE") != NULL) {
		FILE *f = fopen(MATRIX_FILE, "wb");
		assert_non_null(f);
		fputs(got, f);
		assert_int_equal(fclose(f), 0);
	}
	char *want = read_all(MATRIX_FILE);
	if (want == NULL)
		fail_msg("cannot read %s (run from the source tree)",
			 MATRIX_FILE);
	if (strcmp(got, want) != 0)
		first_difference(got, want);
	free(got);
	free(want);
}

static bool
allows(enum role r, const char *actor, enum pol_kind k, const char *target,
       int st, enum pol_action a)
{
	struct pol_query q = { r, actor, k, target, st, a };
	const char *why = NULL;
	return policy_allows(&q, &why);
}

/* The rules the issue names, spelled out, so the file above cannot drift
 * into something nobody meant. */
static void
test_policy_named_rules(void **state)
{
	(void)state;
	/* wf_allowed: the head submits its own; a Phòng reviews below. */
	assert_true(allows(ROLE_SCHOOL_HEAD, "/1/4/", PK_SUBMISSION, "/1/4/",
			   ST_DRAFT, PA_SUBMIT));
	assert_false(allows(ROLE_SCHOOL_EDITOR, "/1/4/", PK_SUBMISSION, "/1/4/",
			    ST_DRAFT, PA_SUBMIT));
	assert_false(allows(ROLE_REVIEWER, "/1/4/", PK_SUBMISSION, "/1/4/",
			    ST_SUBMITTED, PA_APPROVE));
	assert_true(allows(ROLE_REVIEWER, "/1/4/", PK_SUBMISSION, "/1/4/17/",
			   ST_SUBMITTED, PA_APPROVE));
	/* ... and the state machine: no approving a draft. */
	assert_false(allows(ROLE_REVIEWER, "/1/4/", PK_SUBMISSION, "/1/4/17/",
			    ST_DRAFT, PA_APPROVE));
	/* require_admin: add under one's own unit, change only below. */
	assert_true(
		allows(ROLE_ADMIN, "/1/4/", PK_UNIT, "/1/4/", -1, PA_CREATE));
	assert_false(
		allows(ROLE_ADMIN, "/1/4/", PK_UNIT, "/1/4/", -1, PA_CHANGE));
	assert_false(allows(ROLE_REVIEWER, "/1/4/", PK_UNIT, "/1/4/17/", -1,
			    PA_CHANGE));
	/* Only the operator adds a root unit. */
	assert_true(allows(ROLE_ADMIN, "/", PK_UNIT, NULL, -1, PA_CREATE));
	assert_false(allows(ROLE_ADMIN, "/1/", PK_UNIT, NULL, -1, PA_CREATE));
	/* An admin of one's own unit is managed from above. */
	assert_true(allows(ROLE_ADMIN, "/1/4/", PK_ACCOUNT, "/1/4/", -1,
			   PA_CREATE));
	assert_false(allows(ROLE_ADMIN, "/1/4/", PK_ADMIN_ACCOUNT, "/1/4/", -1,
			    PA_CREATE));
	assert_true(allows(ROLE_ADMIN, "/", PK_ADMIN_ACCOUNT, "/1/", -1,
			   PA_CHANGE));
	/* campaign_may_edit: admins of the owner or above. */
	assert_true(
		allows(ROLE_ADMIN, "/1/", PK_CAMPAIGN, "/1/4/", -1, PA_CHANGE));
	assert_false(allows(ROLE_ADMIN, "/1/4/17/", PK_CAMPAIGN, "/1/4/", -1,
			    PA_CHANGE));
	/* doc_target_open: the unit writing the document edits it. */
	assert_true(allows(ROLE_SCHOOL_EDITOR, "/1/4/17/", PK_SCHOOL_REPORT,
			   "/1/4/17/", -1, PA_CHANGE));
	assert_false(allows(ROLE_REVIEWER, "/1/4/", PK_SCHOOL_REPORT,
			    "/1/4/17/", -1, PA_CHANGE));
	assert_true(allows(ROLE_REVIEWER, "/1/4/", PK_OFFICE_REPORT, "/1/4/",
			   -1, PA_CHANGE));
	assert_true(allows(ROLE_ADMIN, "/", PK_SCHOOL_REPORT, "/1/4/17/", -1,
			   PA_CHANGE));
	/* evidence.c: outside the subtree it is not there. */
	assert_false(
		allows(ROLE_ADMIN, "/1/4/", PK_EVIDENCE, "/1/9/", -1, PA_VIEW));
	/* admin_only, audit_list. */
	assert_false(
		allows(ROLE_REVIEWER, "/1/", PK_ADMIN_AREA, NULL, -1, PA_VIEW));
	assert_true(allows(ROLE_ADMIN, "/1/", PK_AUDIT, NULL, -1, PA_VIEW));
	/* remind: offices mail the units below, schools and observers
	 * do not (reminder.c had its own role test). */
	assert_true(allows(ROLE_REVIEWER, "/1/4/", PK_UNIT, "/1/4/17/", -1,
			   PA_REMIND));
	assert_true(allows(ROLE_ADMIN, "/1/", PK_UNIT, NULL, -1, PA_REMIND));
	assert_false(allows(ROLE_SCHOOL_HEAD, "/1/4/17/", PK_UNIT, "/1/4/17/",
			    -1, PA_REMIND));
	assert_false(allows(ROLE_OBSERVER, "/1/", PK_UNIT, "/1/4/17/", -1,
			    PA_REMIND));
	assert_false(allows(ROLE_REVIEWER, "/1/4/", PK_UNIT, "/1/9/", -1,
			    PA_REMIND));
	/* The desk (queue, search, office tasks; page_tasks, page_queue
	 * had their own role tests): every office role, no school. */
	assert_true(allows(ROLE_OBSERVER, "/1/", PK_DESK, NULL, -1, PA_VIEW));
	assert_true(
		allows(ROLE_REVIEWER, "/1/", PK_DESK, "/1/4/", -1, PA_VIEW));
	assert_false(allows(ROLE_SCHOOL_EDITOR, "/1/4/17/", PK_DESK, NULL, -1,
			    PA_VIEW));
	assert_false(
		allows(ROLE_REVIEWER, "/1/4/", PK_DESK, "/1/9/", -1, PA_VIEW));
	/* stats_office.c: an office answers for itself, a school never. */
	assert_true(allows(ROLE_REVIEWER, "/1/4/", PK_OFFICE_REPORT, "/1/4/",
			   -1, PA_CHANGE));
	assert_false(allows(ROLE_SCHOOL_HEAD, "/1/4/", PK_OFFICE_REPORT,
			    "/1/4/", -1, PA_CHANGE));
	assert_false(allows(ROLE_REVIEWER, "/1/", PK_OFFICE_REPORT, "/1/4/", -1,
			    PA_CHANGE));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_policy_matrix),
		cmocka_unit_test(test_policy_named_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* truongso plan show ID UNIT | set ID UNIT [ITEM[=NOTE] ...]: a school's
 * improvement plan for a campaign (app/plan.h), through the same use
 * case as the web form; set replaces the whole plan, no item clears it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/plan.h"
#include "../util/arena.h"
#include "cli.h"

/* "1.3a" or "1.3a=ghi chú" into items (the arguments stay as given). */
static struct plan_item *
parse_items(struct arena *a, int argc, char **argv)
{
	struct plan_item *v = arena_calloc(a, (size_t)argc + 1, sizeof(*v));
	for (int i = 0; v && i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		const char *id = eq ? arena_printf(a, "%.*s",
						   (int)(eq - argv[i]), argv[i])
				    : argv[i];
		v[i] = (struct plan_item){ id, eq ? eq + 1 : "" };
	}
	return v;
}

static enum ts_err
set(struct app *app, const struct actor *who, long long cid, const char *unit,
    int argc, char **argv, struct diags *d)
{
	struct arena *a = arena_new();
	struct plan_item *v = a ? parse_items(a, argc, argv) : NULL;
	enum ts_err e = v ? plan_save(app, who, cid, unit, v, (size_t)argc, d)
			  : TS_ENOMEM;
	if (e == TS_OK)
		printf("Đã lưu kế hoạch cải thiện của %s: %d nội dung.\n", unit,
		       argc);
	arena_free(a);
	return e;
}

static enum ts_err
show(struct app *app, const struct actor *who, long long cid, const char *unit,
     struct diags *d)
{
	struct arena *a = arena_new();
	struct plan_item *v = NULL;
	size_t n = 0;
	enum ts_err e = a ? plan_list(app, who, cid, unit, a, &v, &n, d)
			  : TS_ENOMEM;
	for (size_t i = 0; e == TS_OK && i < n; i++)
		printf("%s%s%s\n", v[i].item_id, v[i].note[0] ? ": " : "",
		       v[i].note);
	if (e == TS_OK && n == 0)
		printf("Đơn vị %s chưa lập kế hoạch cải thiện.\n", unit);
	arena_free(a);
	return e;
}

/* set ID UNIT [ITEM ...] or show ID UNIT. */
static enum ts_err
run(struct app *app, const struct actor *who, long long cid, int argc,
    char **argv, struct diags *d)
{
	if (strcmp(argv[0], "set") == 0)
		return set(app, who, cid, argv[2], argc - 3, argv + 3, d);
	return show(app, who, cid, argv[2], d);
}

int
cmd_plan(struct cli *c, int argc, char **argv)
{
	const char *op = argc > 0 ? argv[0] : "";
	bool is_set = strcmp(op, "set") == 0 && argc >= 3;
	if (!is_set && !(strcmp(op, "show") == 0 && argc == 3))
		return cli_usage("cách dùng: truongso plan show ID MÃ_ĐƠN_VỊ | "
				 "set ID MÃ_ĐƠN_VỊ [NỘI_DUNG[=GHI_CHÚ] ...]");
	return cli_on_campaign(c, argc, argv, run);
}

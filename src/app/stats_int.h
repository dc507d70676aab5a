/* Shared by the statistics use case files only. */
#ifndef TS_STATS_INT_H
#define TS_STATS_INT_H

#include "indicator_set.h"
#include "stats.h"

/* The values a submission holds (empty when nothing was saved yet). */
enum ts_err stats_load_values(const struct submission *s,
			      const struct ind_set *set,
			      struct ind_values **out, struct diags *d);
/* The cấp học the campaign froze for the submission's unit. */
enum ts_err stats_unit_levels(struct app *app, const struct submission *s,
			      unsigned *levels) TS_MUSTCHECK;
/* The unit's previous report of the same set, or NULL. */
enum ts_err stats_previous(struct app *app, const struct submission *s,
			   const struct stats_info *info,
			   struct ind_values **out) TS_MUSTCHECK;
/* Lays the same-year CĐS facts into v where the unit entered nothing;
 * *lines (arena, *n of them) say what was found; *cid is that campaign. */
enum ts_err stats_prefill_into(struct app *app, const struct submission *s,
			       struct ind_values *v, struct arena *a,
			       struct ind_prefill_line **lines, size_t *n,
			       int64_t *cid) TS_MUSTCHECK;

/* An office set (scope office) by ref from data_dir/indicators, with its
 * file's body (free it) and path, to store with answers to it. */
enum ts_err stats_office_set_load(const char *data_dir, const char *ref,
				  struct ind_sets *sets,
				  const struct ind_set **s, char **body,
				  size_t *len, const char **path,
				  struct diags *d) TS_MUSTCHECK;

#endif

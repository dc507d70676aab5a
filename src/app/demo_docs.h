/* The demo's seed 003 centre: its real answers and report texts. */
#ifndef TS_DEMO_DOCS_H
#define TS_DEMO_DOCS_H

#include "app.h"

/* The unit that plays Trung tâm GDNN-GDTX quận Dương Kinh (seed 003). */
#define DEMO_SEED_UNIT "31GDTX1"

/* The seed's answers (73 → Mức độ 2, 79 → Mức độ 3) for a 4725 rubric,
 * malloc'd; NULL when the rubric is another one or the file is missing. */
char *demo_seed_answers(const char *rubric_id);
/* Fills the centre's report fields (seed 003's own words). */
enum ts_err demo_seed_fields(struct app *app, const struct actor *editor,
			     int64_t cid, struct diags *d) TS_MUSTCHECK;

#endif

/* The demo's schools that play a seed: their real answers and the texts
 * they type into their documents. */
#ifndef TS_DEMO_DOCS_H
#define TS_DEMO_DOCS_H

#include "app.h"

/* Trung tâm GDNN-GDTX quận Dương Kinh plays seed 003 (QĐ 4725). */
#define DEMO_SEED_UNIT "31GDTX1"
/* Trường Mầm non Hoa Sen (Dương Kinh) types seed 004's report. */
#define DEMO_MN_UNIT   "31DK001"
/* Trường THCS Trần Hưng Đạo (Dương Kinh) plays seed 001 (Thủ Dầu Một). */
#define DEMO_TDM_UNIT  "31DK023"

/* The seed answers of `unit` for a rubric (seed 003: 73 → Mức độ 2,
 * 79 → Mức độ 3; seed 001's sample: 88,5 → Tốt), malloc'd; NULL for any
 * other unit or rubric, or when the file is missing. */
char *demo_seed_answers(const char *rubric_id, const char *unit);
/* Fills the report fields `unit` types for that rubric's document (the
 * seeds' own words, or plausible ones); does nothing for other units. */
enum ts_err demo_seed_fields(struct app *app, const struct actor *editor,
			     int64_t cid, const char *rubric_id,
			     const char *unit, struct diags *d) TS_MUSTCHECK;

#endif

/*
 * Machine-readable score sheet (CLI --format json, and later the JSON API).
 * Points are JSON numbers: integers when whole, otherwise exact decimals
 * (dump with JSON_REAL_PRECISION(15) so 12.5 prints as 12.5).
 */
#ifndef TS_SCORE_JSON_H
#define TS_SCORE_JSON_H

#include <jansson.h>

#include "score.h"

/* New reference, or NULL on OOM. */
json_t *score_to_json(const struct score *s);
/* JSON number for points. */
json_t *pts_json(pts_t v);

#endif

/* The demo's improvement plans (issue 16, demo_plan.c). */
#ifndef TS_DEMO_PLAN_H
#define TS_DEMO_PLAN_H

#include "app.h"

/* Plans of a few schools, made after their 2024-2025 result. */
enum ts_err demo_plans(struct app *app, struct diags *d) TS_MUSTCHECK;

#endif

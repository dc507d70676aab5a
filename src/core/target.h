/*
 * Targets (chỉ tiêu) as data: data/targets/qd131-2025.json holds the 2025
 * targets of QĐ 131/QĐ-TTg as seed 002 words them, each measured from the
 * indicators (schools' roll-up or the office's own answers) and evaluated
 * đạt / không đạt / tiến độ. Pure. See docs/indicator-format.md, "Targets".
 */
#ifndef TS_TARGET_H
#define TS_TARGET_H

#include "indicator_agg.h"

#define TARGET_MAX	    100
#define TARGET_MAX_MEASURES 8

enum target_op {
	TARGET_GE,
	TARGET_GT
};

/* One measurable condition of a target. */
struct measure {
	const struct indicator *indicator;
	bool office; /* from the office's own values, not the schools' */
	bool manual; /* an office yes/no typed as đạt / không đạt */
	enum target_op op;
	pts_t value;		/* percent, hundredths */
	unsigned school_levels; /* schools of these levels only */
};

struct target {
	const char *id;
	const char *group; /* the seed's heading (I., II.) */
	const char *title; /* "Về tiếp cận giáo dục trực tuyến" */
	const char *text;  /* the target as the decision words it */
	const char *source;
	const char *note; /* how it is measured, what is approximate */
	struct measure *measures;
	size_t nmeasures;
};

struct target_set {
	struct arena *arena;
	const char *id;
	int version;
	const char *title;
	const char *source;
	const char *indicators;	       /* the school set's id */
	const char *office_indicators; /* the office set's id */
	int by_year, by_month, by_day; /* deadline of every target */
	struct target *v;
	size_t n;
};

/* Parses a target file against the school and office indicator sets its
 * measures name; every problem is in d with its JSON path. */
enum ts_err target_set_parse(const char *json, size_t len, const char *name,
			     const struct ind_set *schools,
			     const struct ind_set *office,
			     struct target_set **out,
			     struct diags *d) TS_MUSTCHECK;
void target_set_free(struct target_set *t);

enum target_result {
	TARGET_NO_DATA, /* nobody reported it: no result, not "không đạt" */
	TARGET_MET,	/* đạt */
	TARGET_NOT_MET, /* không đạt (deadline passed, or typed) */
	TARGET_PROGRESS, /* tiến độ: not yet, deadline still ahead */
};

struct measure_eval {
	enum target_result result;
	struct agg_rate rate;	/* den 0: no data */
	size_t units, answered; /* schools it covers, of them answered */
	/* Target minus measured, hundredths of a percent (0 when met). */
	pts_t gap;
	/* Fewest more of the rate's unit (teachers, students, schools)
	 * needed to meet it; -1 when not countable (a mean, or met). */
	int64_t short_by;
};

/* Evaluates measure m over the schools u (n of them) and the office's
 * values (may be NULL); past_deadline turns "tiến độ" into "không đạt". */
struct measure_eval target_measure(const struct measure *m,
				   const struct agg_unit *u, size_t n,
				   const struct ind_values *office,
				   bool past_deadline);
/* A target's result from its measures' (each filled by target_measure):
 * đạt when all are, otherwise the worst of them; no data when nothing
 * failed but something was not reported. */
enum target_result target_combine(const struct measure_eval *m, size_t n);
/* "đạt", "không đạt", "tiến độ", "chưa có số liệu". */
const char *target_result_name(enum target_result r);
/* Whether day/month/year is after the set's deadline. */
bool target_past_deadline(const struct target_set *t, int year, int month,
			  int day);

#endif

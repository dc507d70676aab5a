/*
 * The software a school uses (seed 004), as a table rather than free
 * text: name, purpose, vendor, domestic or foreign, whether parents pay,
 * the fee as written and what parents paid in the school year. Printed in
 * the mầm non self-inspection report; summed per software for an office.
 */
#ifndef TS_SOFTWARE_H
#define TS_SOFTWARE_H

#include "app.h"

#define SOFTWARE_MAX 100 /* rows a school lists */

struct software {
	const char *name; /* "Phần mềm quản lý trường học SMAS" */
	const char *purpose; /* "Quản lý học sinh, sổ điểm" */
	const char *vendor;  /* "Viettel" */
	bool domestic;	     /* trong nước */
	bool paid;	     /* cha mẹ học sinh trả phí */
	const char *fee; /* "15.000 đồng/học sinh/tháng"; "" when free */
	int64_t parents_total; /* đồng in the school year; 0 when free */
};

/* One line "tên; mục đích; nhà cung cấp; trong nước|nước ngoài;
 * có|không; mức phí; tổng tiền" (';' or a tab between parts) into *out,
 * strings in a. A refusal says which part is wrong. */
enum ts_err software_parse_line(struct arena *a, const char *line,
				struct software *out, const char **why);

/* Replaces the unit's list in campaign cid (n 0: clears it). Every row
 * checked first (name required, lengths, yes/no, a fee only when paid,
 * a whole non-negative total); only the school's own users. Audited. */
enum ts_err software_save(struct app *app, const struct actor *who, int64_t cid,
			  const char *unit_code, const struct software *rows,
			  size_t n, struct diags *d) TS_MUSTCHECK;
/* The unit's list, in its order, for whoever may see its reports. */
struct arena;
enum ts_err software_list(struct app *app, const struct actor *who, int64_t cid,
			  const char *unit_code, struct arena *a,
			  struct software **out, size_t *n,
			  struct diags *d) TS_MUSTCHECK;

/* One software across the schools under an office. */
struct software_sum {
	const char *name; /* as the first school wrote it */
	bool domestic;
	size_t schools, paying; /* schools using it; of them, charging */
	int64_t parents_total;	/* đồng, all schools */
};
/* Per software (by its accent-free name) over the participants under
 * root_code (NULL: the actor's unit), most used first. */
enum ts_err software_summary(struct app *app, const struct actor *who,
			     int64_t cid, const char *root_code,
			     struct arena *a, struct software_sum **out,
			     size_t *n, struct diags *d) TS_MUSTCHECK;

#endif

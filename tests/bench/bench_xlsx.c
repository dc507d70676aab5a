/* Times rp_write_xlsx() on a listing of N schools (default 50,000 rows,
 * 6 columns: integers, text, points, percentages), the shape of a
 * national export. Prints "xlsx_ms=<ms> rows=<n>" for tests/bench/xlsx.sh,
 * which runs openpyxl on the same rows. No assertion on time. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../src/report/report.h"

static struct rp_doc *
listing(struct arena *a, long n)
{
	struct rp_doc *d = rp_doc_new(a);
	struct rp_section *s = rp_section0(d);
	s->sheet_name = "Danh sách";
	static const int w[] = { 6, 40, 30, 10, 10, 12 };
	struct rp_table *t = rp_table_add(d, s, 6, w);
	t->header_rows = 1;
	static const char *heads[] = { "STT",  "Trường", "Xã/phường",
				       "Điểm", "Tỷ lệ",	 "Mức" };
	size_t r = rp_row_add(d, t);
	for (size_t c = 0; c < 6; c++)
		rp_cell_text(d, t, r, c, RP_BOLD, heads[c])->shade = true;
	for (long i = 0; i < n; i++) {
		r = rp_row_add(d, t);
		rp_cell_int(d, t, r, 0, i + 1);
		rp_cell_text(d, t, r, 1, 0,
			     rp_printf(d, "Trường THCS số %ld", i + 1));
		rp_cell_text(d, t, r, 2, 0,
			     rp_printf(d, "Phường %ld", i % 700 + 1));
		rp_cell_pts(d, t, r, 3, (pts_t)(i % 10001));
		rp_cell_pct(d, t, r, 4, i % 10001);
		rp_cell_text(d, t, r, 5, 0, i % 3 ? "Mức 2" : "Mức 3");
	}
	return d;
}

int
main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 50000;
	const char *out = argc > 2 ? argv[2] : "build/bench-listing.xlsx";
	struct arena *a = arena_new();
	struct rp_doc *d = listing(a, n);
	if (!d || d->oom)
		return 1;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char err[256];
	enum ts_err e = rp_write_xlsx(d, out, err, sizeof err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	arena_free(a);
	if (e != TS_OK) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	printf("xlsx_ms=%.1f rows=%ld\n", ms, n);
	return 0;
}

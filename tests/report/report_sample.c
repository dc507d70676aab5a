/*
 * Writes the shared report fixture (tests/unit/report_fixture.h) in one
 * format, for the checks that read a real file with other programs:
 * python3-docx, LibreOffice, pdftotext.
 *   report_sample docx|pdf|xlsx|csv OUT
 */
#include <stdio.h>

#include "../unit/report_fixture.h"

int
main(int argc, char **argv)
{
	enum rp_format f;
	if (argc != 3 || !rp_format_parse(argv[1], &f)) {
		fprintf(stderr, "usage: report_sample docx|pdf|xlsx|csv OUT\n");
		return 2;
	}
	struct arena *a = arena_new();
	struct rp_doc *d = a ? report_fixture(a) : NULL;
	char err[512] = "";
	enum ts_err e = d ? rp_write(d, f, argv[2], err, sizeof err)
			  : TS_ENOMEM;
	if (e != TS_OK)
		fprintf(stderr, "report_sample: %s (%s)\n", err,
			ts_err_name(e));
	arena_free(a);
	return e == TS_OK ? 0 : 1;
}

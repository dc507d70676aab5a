/* Every school's report under an office as one ZIP (issue 17 item 3), the
 * export job "bao-cao-tung-truong.zip": the schools are paged through in
 * code order (work_queue, as `report KIND --each` does), each school's
 * own report kind rendered to PDF in a scratch directory beside the ZIP,
 * and the files added to the archive, which libzip writes at zip_close;
 * the scratch files go then. One batch (report_batch_begin): the fonts
 * are set up once for all the schools. Memory does not grow with the schools. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "../util/arena.h"
#include "../util/cancel.h"
#include "export_job_int.h"
#include "report.h"
#include "work_queue.h"

#define ZIP_PAGE 200

struct zjob {
	struct app *app;
	const struct actor *who;
	int64_t cid;
	zip_t *z;
	char dir[4200];
	struct ts_cancel *cancel;
	struct diags *d;
	size_t added;
};

/* One school's report: rendered, then added as CODE.pdf. */
static enum ts_err
one(struct zjob *j, const char *code)
{
	struct arena *a = arena_new();
	struct report_target t;
	char path[4400], name[128];
	enum ts_err e = a ? report_target_open(j->app, j->who, j->cid, code, a,
					       &t, j->d)
			  : TS_ENOMEM;
	if (e == TS_OK && (!t.school || t.nkinds == 0)) {
		arena_free(a);
		return TS_OK; /* no report of its own: nothing to add */
	}
	snprintf(path, sizeof(path), "%s/%s.pdf", j->dir, code);
	struct report_opts o = { .cancel = NULL };
	if (e == TS_OK)
		e = report_render(j->app, j->who, t.kinds[0], j->cid, code, &o,
				  RP_PDF, path, j->d);
	arena_free(a);
	if (e != TS_OK)
		return e;
	snprintf(name, sizeof(name), "%s.pdf", code);
	zip_source_t *src = zip_source_file(j->z, path, 0, -1);
	zip_int64_t idx = src ? zip_file_add(j->z, name, src, ZIP_FL_ENC_UTF_8)
			      : -1;
	if (idx < 0) {
		zip_source_free(src);
		diags_add(j->d, code, "không thêm được vào tệp ZIP");
		return TS_EIO;
	}
	/* A PDF's streams are deflated already: stored, not deflated again. */
	zip_set_file_compression(j->z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
	j->added++;
	return TS_OK;
}

/* The schools of one page, each asked "stop?" first (progress). */
static enum ts_err
page(struct zjob *j, const char *unit, struct list_page *pg)
{
	struct queue_filter qf = { .under = unit, .state = -1, .late = -1 };
	struct arena *a = arena_new();
	struct queue_row *rows = NULL;
	size_t n = 0;
	enum ts_err e = a ? work_queue(j->app, j->who, j->cid, &qf, pg, a,
				       &rows, &n, j->d)
			  : TS_ENOMEM;
	for (size_t i = 0; e == TS_OK && i < n; i++)
		e = ts_cancelled(j->cancel) ? TS_ECANCELED
					    : one(j, rows[i].code);
	arena_free(a);
	return e;
}

/* Removes the scratch directory and the PDFs in it (only this job's:
 * the directory is its own). */
static void
scratch_remove(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	char p[4600];
	while (dp != NULL && (de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, de->d_name);
		unlink(p);
	}
	if (dp != NULL)
		closedir(dp);
	rmdir(dir);
}

enum ts_err
job_build_zip(struct app *app, const struct actor *who, int64_t cid,
	      const char *unit, const char *path, struct ts_cancel *cancel,
	      struct diags *d)
{
	struct zjob j = {
		.app = app, .who = who, .cid = cid, .cancel = cancel, .d = d
	};
	int zerr = 0;
	snprintf(j.dir, sizeof(j.dir), "%s.d", path);
	if (mkdir(j.dir, 0700) != 0)
		return TS_EIO;
	j.z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	enum ts_err e = j.z ? TS_OK : TS_EIO;
	struct list_page pg = { .limit = ZIP_PAGE };
	/* Fonts set up once for all the schools; the scratch files are not
	 * fsynced (they go when the ZIP is written). */
	report_batch_begin();
	while (e == TS_OK) {
		e = page(&j, unit, &pg);
		pg.offset += ZIP_PAGE;
		if (pg.offset >= pg.total)
			break;
	}
	report_batch_end();
	if (e == TS_OK && j.added == 0) {
		diags_add(d, unit, "không có trường nào có báo cáo");
		e = TS_ENOTFOUND;
	}
	if (e == TS_OK && zip_close(j.z) != 0)
		e = TS_EIO;
	else if (e != TS_OK && j.z != NULL)
		zip_discard(j.z);
	scratch_remove(j.dir);
	return e;
}

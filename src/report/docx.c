/* DOCX writer: WordprocessingML written by hand (no C library for it in
 * Debian) and zipped with libzip. Parts are built in memory first, so a
 * report too large or a model out of memory fails before any file is
 * touched; the zip goes to a temp file renamed into place (outfile.h). */
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <time.h>

#include <zip.h>

#include "docx.h"
#include "outfile.h"

/* 2020-03-05T00:00:00Z, the date NĐ 30 was signed: zip entries carry it
 * instead of the clock, so the same report gives the same bytes. */
#define DX_ZIP_MTIME ((time_t)1583366400)

enum {
	P_TYPES,
	P_RELS,
	P_DOC,
	P_DOC_RELS,
	P_STYLES,
	P_SETTINGS,
	P_HDR_PAGE,
	P_HDR_FIRST,
	P_CORE,
	P_APP,
	P_COUNT,
};

/* [Content_Types].xml first: some readers sniff the first entry. */
static const char *const part_names[P_COUNT] = {
	[P_TYPES] = "[Content_Types].xml",
	[P_RELS] = "_rels/.rels",
	[P_DOC] = "word/document.xml",
	[P_DOC_RELS] = "word/_rels/document.xml.rels",
	[P_STYLES] = "word/styles.xml",
	[P_SETTINGS] = "word/settings.xml",
	[P_HDR_PAGE] = "word/header1.xml",
	[P_HDR_FIRST] = "word/header2.xml",
	[P_CORE] = "docProps/core.xml",
	[P_APP] = "docProps/app.xml",
};

static void
build_parts(struct dx_ctx *x, struct buf *parts)
{
	x->out = &parts[P_DOC];
	dx_document(x);
	dx_content_types(&parts[P_TYPES]);
	dx_root_rels(&parts[P_RELS]);
	dx_doc_rels(&parts[P_DOC_RELS], x->nmedia);
	dx_styles(&parts[P_STYLES]);
	dx_settings(&parts[P_SETTINGS]);
	dx_header_page(&parts[P_HDR_PAGE]);
	dx_header_empty(&parts[P_HDR_FIRST]);
	dx_core(&parts[P_CORE], x->d);
	dx_app(&parts[P_APP]);
}

/* The first error of any part: TS_ELIMIT past the buffer cap, TS_ENOMEM
 * if malloc failed. */
static enum ts_err
parts_error(const struct dx_ctx *x, const struct buf *parts)
{
	for (size_t i = 0; i < P_COUNT; i++)
		if (parts[i].err)
			return parts[i].err;
	for (size_t i = 0; i < x->nmedia; i++)
		if (x->media[i].png.err)
			return x->media[i].png.err;
	return TS_OK;
}

/* Adds one entry; the buffer must outlive zip_close. PNGs are stored:
 * deflating them again gains nothing. */
static bool
add_entry(zip_t *za, const char *name, const struct buf *b, bool store)
{
	zip_source_t *src = zip_source_buffer(za, b->p, b->len, 0);
	if (!src)
		return false;
	zip_int64_t idx = zip_file_add(za, name, src,
				       ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
	if (idx < 0) {
		zip_source_free(src);
		return false;
	}
	zip_uint64_t i = (zip_uint64_t)idx;
	return zip_set_file_compression(
		       za, i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) == 0 &&
	       zip_file_set_mtime(za, i, DX_ZIP_MTIME, 0) == 0;
}

static bool
add_all(zip_t *za, const struct dx_ctx *x, const struct buf *parts)
{
	char name[64];
	for (size_t i = 0; i < P_COUNT; i++)
		if (!add_entry(za, part_names[i], &parts[i], false))
			return false;
	for (size_t i = 0; i < x->nmedia; i++) {
		snprintf(name, sizeof name, "word/media/image%zu.png", i + 1);
		if (!add_entry(za, name, &x->media[i].png, true))
			return false;
	}
	return true;
}

static enum ts_err
zip_parts(const struct dx_ctx *x, const struct buf *parts, const char *path,
	  char *err, size_t errlen)
{
	struct rp_out o;
	enum ts_err e = rp_out_begin(&o, path, err, errlen);
	if (e)
		return e;
	int zerr = 0;
	zip_t *za = zip_open(o.tmp, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	if (!za) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, zerr);
		char tmp[TS_ERRNO_TEXT_SIZE];
		int no = zip_error_system_type(&ze) == ZIP_ET_SYS
				 ? zip_error_code_system(&ze)
				 : EIO;
		rp_errf(err, errlen, "không ghi được tệp %s: %s", path,
			ts_errno_text(no, tmp));
		zip_error_fini(&ze);
		rp_out_abort(&o);
		return TS_EIO;
	}
	if (!add_all(za, x, parts) || zip_close(za) != 0) {
		zip_error_t *ze = zip_get_error(za);
		char tmp[TS_ERRNO_TEXT_SIZE];
		int no = zip_error_system_type(ze) == ZIP_ET_SYS
				 ? zip_error_code_system(ze)
				 : EIO;
		rp_errf(err, errlen, "không ghi được tệp %s: %s", path,
			ts_errno_text(no, tmp));
		zip_discard(za);
		rp_out_abort(&o);
		return TS_EIO;
	}
	return rp_out_commit(&o, err, errlen);
}

enum ts_err
rp_write_docx(const struct rp_doc *d, const char *path, char *err,
	      size_t errlen)
{
	if (!d || d->oom) {
		rp_errf(err, errlen, "không đủ bộ nhớ để tạo báo cáo");
		return TS_ENOMEM;
	}
	if (!path || !*path || !d->nsections) {
		rp_errf(err, errlen, "thiếu tên tệp hoặc nội dung báo cáo");
		return TS_EINVAL;
	}
	struct dx_ctx x = { .d = d };
	struct buf parts[P_COUNT];
	for (size_t i = 0; i < P_COUNT; i++)
		buf_init(&parts[i], BUF_DEFAULT_LIMIT);
	build_parts(&x, parts);
	enum ts_err e = parts_error(&x, parts);
	if (e == TS_ENOMEM)
		rp_errf(err, errlen, "không đủ bộ nhớ để tạo báo cáo");
	else if (e)
		rp_errf(err, errlen, "báo cáo quá lớn để xuất DOCX");
	else
		e = zip_parts(&x, parts, path, err, errlen);
	for (size_t i = 0; i < P_COUNT; i++)
		buf_release(&parts[i]);
	for (size_t i = 0; i < x.nmedia; i++)
		buf_release(&x.media[i].png);
	rp_measure_end(&x.ms);
	return e;
}

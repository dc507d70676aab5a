/*
 * The XLSX container: a zip read from memory by libzip (no temp files),
 * xl/workbook.xml for the sheet order, xl/_rels/workbook.xml.rels for
 * where each sheet and the shared strings are. Every part is read whole
 * into memory but never past XLSX_PART_BYTES decompressed, whatever its
 * header claims: a zip bomb stops there.
 */
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "../util/arena.h"
#include "sheet_int.h"

#define NS_REL                                                                 \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT	 "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define WB_PART		 "xl/workbook.xml"
#define RELS_PART	 "xl/_rels/workbook.xml.rels"
#define WB_MAX_SHEETS	 256 /* sheets looked at; the first usable one wins */
#define WB_MAX_RELS	 4096
#define XLSX_MAX_ENTRIES 10000 /* zip entries; real workbooks have tens */

struct wb_sheet {
	const char *name;
	const char *rid;
	bool hidden;
};

struct rel {
	const char *id;
	const char *type;
	const char *target;
};

struct xlsx {
	struct sheet_build *b;
	zip_t *z;
	struct wb_sheet sheets[WB_MAX_SHEETS];
	size_t nsheets;
	struct rel *rels; /* arena */
	size_t nrels;
};

static void
oom(struct sheet_build *b)
{
	sb_err(b, TS_ENOMEM, 0, "không đủ bộ nhớ để đọc tệp");
}

static void
zip_problem(struct sheet_build *b, int code, const char *part)
{
	if (code == ZIP_ER_MEMORY)
		oom(b);
	else if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD ||
		 code == ZIP_ER_ENCRNOTSUPP)
		sb_err(b, TS_EINVAL, 0,
		       "tệp có đặt mật khẩu: hãy mở bằng "
		       "Excel, bỏ mật khẩu rồi lưu lại");
	else if (code == ZIP_ER_COMPNOTSUPP)
		sb_err(b, TS_EINVAL, 0,
		       "phần %s được nén theo kiểu không hỗ "
		       "trợ; hãy mở bằng Excel và lưu lại dạng .xlsx",
		       part);
	else
		sb_err(b, TS_EINVAL, 0,
		       "tệp .xlsx bị hỏng (phần %s đọc lỗi, "
		       "mã libzip %d); hãy mở bằng Excel và lưu lại",
		       part, code);
}

/* Entries the central directory announces (end record, classic zip);
 * 0 if not found or a Zip64 archive (libzip checks those). */
static unsigned
zip_entries(const char *buf, size_t len)
{
	const unsigned char *p = (const unsigned char *)buf;
	size_t stop = len > 22 + 0xFFFF ? len - 22 - 0xFFFF : 0;
	for (size_t i = len >= 22 ? len - 22 + 1 : 0; i-- > stop;) {
		if (memcmp(p + i, "PK\x05\x06", 4) == 0) {
			unsigned n = p[i + 10] | (unsigned)p[i + 11] << 8;
			return n == 0xFFFF ? 0 : n;
		}
	}
	return 0;
}

static zip_t *
zip_from_buffer(struct sheet_build *b, const char *buf, size_t len)
{
	/* libzip keeps ~200 bytes per entry: refuse a directory of
	 * millions of tiny entries before it is read. */
	unsigned entries = zip_entries(buf, len);
	if (entries > XLSX_MAX_ENTRIES) {
		sb_err(b, TS_ELIMIT, 0,
		       "tệp .xlsx có quá nhiều phần (%u; tối "
		       "đa %d); không đọc",
		       entries, XLSX_MAX_ENTRIES);
		return NULL;
	}
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(buf, len, 0, &ze);
	zip_t *z = src != NULL ? zip_open_from_source(src, ZIP_RDONLY, &ze)
			       : NULL;
	int code = zip_error_code_zip(&ze);
	zip_error_fini(&ze);
	if (z != NULL)
		return z;
	if (src != NULL)
		zip_source_free(src); /* not taken over on failure */
	if (code == ZIP_ER_NOZIP)
		sb_err(b, TS_EINVAL, 0,
		       "không phải tệp Excel .xlsx (không có cấu trúc tệp nén "
		       "ZIP); nếu đây là tệp CSV, hãy đặt đuôi .csv");
	else if (code == ZIP_ER_MEMORY || src == NULL)
		oom(b);
	else
		sb_err(b, TS_EINVAL, 0,
		       "tệp .xlsx bị hỏng (cấu trúc ZIP sai, "
		       "mã libzip %d); hãy mở bằng Excel và lưu lại",
		       code);
	return NULL;
}

/* Reads an open entry into a malloc'd buffer; more than XLSX_PART_BYTES
 * is refused, whatever size the headers gave (hint). */
static char *
entry_read(struct sheet_build *b, zip_file_t *f, size_t hint, size_t *len,
	   const char *part)
{
	size_t cap = hint < XLSX_PART_BYTES ? hint + 1 : XLSX_PART_BYTES + 1;
	size_t n = 0;
	char *p = malloc(cap);
	while (p != NULL) {
		zip_int64_t k = zip_fread(f, p + n, cap - n);
		if (k < 0) {
			zip_problem(b,
				    zip_error_code_zip(zip_file_get_error(f)),
				    part);
			free(p);
			return NULL;
		}
		if (k == 0)
			break;
		n += (size_t)k;
		if (n < cap)
			continue;
		if (cap > XLSX_PART_BYTES)
			goto too_big;
		cap = cap * 2 < XLSX_PART_BYTES + 1 ? cap * 2
						    : XLSX_PART_BYTES + 1;
		char *q = realloc(p, cap);
		if (q == NULL)
			free(p);
		p = q;
	}
	if (p == NULL)
		oom(b);
	*len = n;
	return p;
too_big:
	free(p);
	sb_err(b, TS_ELIMIT, 0,
	       "phần %s của tệp .xlsx khi giải nén lớn hơn "
	       "%zu MB; không đọc",
	       part, XLSX_PART_BYTES >> 20);
	return NULL;
}

/* Part `path` into a malloc'd buffer; NULL if absent (*absent set) or on
 * a problem (reported). */
static char *
part_read(struct xlsx *x, const char *path, size_t *len, bool *absent)
{
	*absent = false;
	zip_int64_t i = zip_name_locate(x->z, path, ZIP_FL_NOCASE);
	if (i < 0) {
		*absent = true;
		return NULL;
	}
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat_index(x->z, (zip_uint64_t)i, 0, &st) != 0) {
		zip_problem(x->b, zip_error_code_zip(zip_get_error(x->z)),
			    path);
		return NULL;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		zip_problem(x->b, ZIP_ER_NOPASSWD, path);
		return NULL;
	}
	size_t hint = 64 << 10;
	if (st.valid & ZIP_STAT_SIZE) {
		if (st.size > XLSX_PART_BYTES) {
			sb_err(x->b, TS_ELIMIT, 0,
			       "phần %s của tệp .xlsx khi "
			       "giải nén lớn hơn %zu MB; không đọc",
			       path, XLSX_PART_BYTES >> 20);
			return NULL;
		}
		hint = (size_t)st.size;
	}
	zip_file_t *f = zip_fopen_index(x->z, (zip_uint64_t)i, 0);
	if (f == NULL) {
		zip_problem(x->b, zip_error_code_zip(zip_get_error(x->z)),
			    path);
		return NULL;
	}
	char *p = entry_read(x->b, f, hint, len, path);
	zip_fclose(f);
	return p;
}

static void
wb_sheet(struct xlsx *x, struct xml *xm)
{
	struct wb_sheet *s = &x->sheets[x->nsheets];
	s->name = xml_attr(xm, "name", NULL);
	s->rid = xml_attr(xm, "id", NS_REL);
	if (s->rid == NULL)
		s->rid = xml_attr(xm, "id", NS_REL_STRICT);
	char state[16];
	s->hidden = xml_attr_buf(xm, "state", state, sizeof(state)) &&
		    strcmp(state, "visible") != 0;
	if (s->rid != NULL)
		x->nsheets++;
}

/* The sheets of xl/workbook.xml in tab order (up to WB_MAX_SHEETS). */
static void
wb_parse(struct xlsx *x, const char *buf, size_t len)
{
	struct xml xm;
	if (!xml_open(&xm, x->b, buf, len, WB_PART))
		return;
	while (!sb_stopped(x->b) && x->nsheets < WB_MAX_SHEETS &&
	       xml_next(&xm) == 1)
		if (xml_type(&xm) == XML_READER_TYPE_ELEMENT &&
		    xml_is(&xm, "sheet"))
			wb_sheet(x, &xm);
	xml_close(&xm);
}

static void
rel_add(struct xlsx *x, struct xml *xm)
{
	struct rel r = {
		.id = xml_attr(xm, "Id", NULL),
		.type = xml_attr(xm, "Type", NULL),
		.target = xml_attr(xm, "Target", NULL),
	};
	char mode[16];
	if (xml_attr_buf(xm, "TargetMode", mode, sizeof(mode)) &&
	    strcmp(mode, "External") == 0)
		return; /* a link out of the package: never followed */
	if (r.id != NULL && r.type != NULL && r.target != NULL)
		x->rels[x->nrels++] = r;
}

static void
rels_parse(struct xlsx *x, const char *buf, size_t len)
{
	struct xml xm;
	x->rels = arena_calloc(x->b->a, WB_MAX_RELS, sizeof(*x->rels));
	if (x->rels == NULL) {
		oom(x->b);
		return;
	}
	if (!xml_open(&xm, x->b, buf, len, RELS_PART))
		return;
	while (!sb_stopped(x->b) && x->nrels < WB_MAX_RELS &&
	       xml_next(&xm) == 1)
		if (xml_type(&xm) == XML_READER_TYPE_ELEMENT &&
		    xml_is(&xm, "Relationship"))
			rel_add(x, &xm);
	xml_close(&xm);
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s);
	size_t k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static const struct rel *
rel_by_id(const struct xlsx *x, const char *id)
{
	for (size_t i = 0; i < x->nrels; i++)
		if (strcmp(x->rels[i].id, id) == 0)
			return &x->rels[i];
	return NULL;
}

static const struct rel *
rel_by_type(const struct xlsx *x, const char *suffix)
{
	for (size_t i = 0; i < x->nrels; i++)
		if (ends_with(x->rels[i].type, suffix))
			return &x->rels[i];
	return NULL;
}

/* Zip entry name of a relationship target: relative to xl/ or absolute
 * ("/xl/worksheets/sheet1.xml"), with "." and ".." segments resolved.
 * out always ends with '/' while segments are appended. */
/* Appends the segment target[0..k) to out[0..o) ("..": drops the last
 * one, "." and "": nothing); returns the new length. */
static size_t
path_segment(char *out, size_t o, const char *target, size_t k)
{
	if (k == 2 && memcmp(target, "..", 2) == 0) {
		for (o -= o > 0; o > 0 && out[o - 1] != '/'; o--)
			;
	} else if (k > 0 && !(k == 1 && target[0] == '.')) {
		memcpy(out + o, target, k);
		o += k;
		out[o++] = '/';
	}
	return o;
}

static const char *
part_path(struct sheet_build *b, const char *target)
{
	size_t o = 0;
	char *out = arena_alloc(b->a, strlen(target) + 5);
	if (out == NULL) {
		oom(b);
		return NULL;
	}
	if (target[0] == '/') {
		target++;
	} else {
		memcpy(out, "xl/", 3);
		o = 3;
	}
	while (*target != '\0') {
		const char *slash = strchr(target, '/');
		size_t k = slash != NULL ? (size_t)(slash - target)
					 : strlen(target);
		o = path_segment(out, o, target, k);
		target += k + (slash != NULL);
	}
	out[o > 0 ? o - 1 : 0] = '\0';
	return out;
}

/* The first visible worksheet in tab order (chart sheets skipped); a
 * hidden one only if no sheet is visible. */
static const struct wb_sheet *
first_sheet(const struct xlsx *x, const struct rel **rel)
{
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < x->nsheets; i++) {
			const struct wb_sheet *s = &x->sheets[i];
			*rel = rel_by_id(x, s->rid);
			if ((pass == 1 || !s->hidden) && *rel != NULL &&
			    ends_with((*rel)->type, "/worksheet"))
				return s;
		}
	}
	return NULL;
}

/* A zip without a workbook: say what it is if we can tell. */
static void
no_workbook(struct xlsx *x)
{
	static const struct {
		const char *entry;
		const char *msg;
	} other[] = {
		{ "xl/workbook.bin",
		  "tệp Excel nhị phân (.xlsb) chưa được hỗ "
		  "trợ; hãy lưu lại dạng .xlsx hoặc CSV UTF-8" },
		{ "content.xml", "tệp OpenDocument (.ods) chưa được hỗ trợ; "
				 "hãy lưu lại dạng .xlsx hoặc CSV UTF-8" },
		{ "word/document.xml", "đây là tệp Word (.docx), không phải "
				       "bảng tính" },
		{ "ppt/presentation.xml", "đây là tệp PowerPoint (.pptx), "
					  "không phải bảng tính" },
	};
	for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++) {
		if (zip_name_locate(x->z, other[i].entry, ZIP_FL_NOCASE) >= 0) {
			sb_err(x->b, TS_EINVAL, 0, "%s", other[i].msg);
			return;
		}
	}
	sb_err(x->b, TS_EINVAL, 0,
	       "tệp nén này không phải sổ làm việc Excel "
	       ".xlsx (thiếu %s)",
	       WB_PART);
}

static bool
ok_so_far(const struct sheet_build *b)
{
	return !sb_stopped(b) && b->invalid == 0;
}

/* A part that must be there; NULL if absent or unreadable (reported). */
static char *
part_required(struct xlsx *x, const char *path, size_t *len)
{
	bool absent = false;
	char *p = part_read(x, path, len, &absent);
	if (absent)
		sb_err(x->b, TS_EINVAL, 0,
		       "tệp .xlsx bị hỏng: thiếu phần %s; "
		       "hãy mở bằng Excel và lưu lại",
		       path);
	return p;
}

/* Workbook and its relationships; false on a problem (reported). */
static bool
load_structure(struct xlsx *x)
{
	size_t len = 0;
	bool absent = false;
	char *p = part_read(x, WB_PART, &len, &absent);
	if (absent)
		no_workbook(x);
	if (p == NULL)
		return false;
	wb_parse(x, p, len);
	free(p);
	if (!ok_so_far(x->b) || (p = part_required(x, RELS_PART, &len)) == NULL)
		return false;
	rels_parse(x, p, len);
	free(p);
	return ok_so_far(x->b);
}

/* Shared strings, if the workbook has any (a sheet of numbers or inline
 * strings needs none). */
static void
load_strings(struct xlsx *x, struct sst *t)
{
	const struct rel *r = rel_by_type(x, "/sharedStrings");
	const char *path = "xl/sharedStrings.xml"; /* found even unlinked */
	if (r != NULL && (path = part_path(x->b, r->target)) == NULL)
		return;
	size_t len = 0;
	bool absent = false;
	char *p = r != NULL ? part_required(x, path, &len)
			    : part_read(x, path, &len, &absent);
	if (p == NULL)
		return;
	sst_load(x->b, t, p, len, path);
	free(p);
}

static void
load_sheet(struct xlsx *x)
{
	const struct rel *r = NULL;
	const struct wb_sheet *s = first_sheet(x, &r);
	if (s == NULL) {
		sb_err(x->b, TS_EINVAL, 0,
		       "sổ làm việc không có trang tính "
		       "(worksheet) nào đọc được");
		return;
	}
	const char *path = part_path(x->b, r->target);
	struct sst t = { NULL, 0 };
	if (path != NULL)
		load_strings(x, &t);
	size_t len = 0;
	char *p = NULL;
	if (ok_so_far(x->b) && (p = part_required(x, path, &len)) != NULL) {
		ws_load(x->b, &t, p, len, path);
		free(p);
	}
	sst_release(&t);
	if (ok_so_far(x->b) && x->b->nrows == 0)
		sb_err(x->b, TS_EINVAL, 0,
		       "trang tính đầu tiên \"%s\" không "
		       "có dữ liệu",
		       s->name != NULL ? s->name : "");
}

/* Reads the first worksheet of an XLSX buffer into b. */
void
sheet_xlsx(struct sheet_build *b, const char *buf, size_t len)
{
	struct xlsx *x = calloc(1, sizeof(*x));
	if (x == NULL) {
		oom(b);
		return;
	}
	x->b = b;
	x->z = zip_from_buffer(b, buf, len);
	if (x->z != NULL && load_structure(x))
		load_sheet(x);
	if (x->z != NULL)
		zip_discard(x->z);
	free(x);
}

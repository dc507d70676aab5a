/* Org unit kinds and cấp học: names, parsing, and which kind may sit
 * under which. */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/vnstr.h"
#include "org.h"

static const char *const KIND_CODES[] = {
	"bo", "so", "phong", "xa", "truong", "trung_tam",
};
static const char *const KIND_NAMES[] = {
	"Bộ GD&ĐT",	  "Sở GD&ĐT", "Phòng GD&ĐT",
	"UBND xã/phường", "Trường",   "Trung tâm",
};

const char *
org_kind_code(enum org_kind k)
{
	return KIND_CODES[k];
}

const char *
org_kind_name(enum org_kind k)
{
	return KIND_NAMES[k];
}

bool
org_kind_is_school(enum org_kind k)
{
	return k == KIND_TRUONG || k == KIND_TRUNG_TAM;
}

/* Folded prefixes, most specific first. */
static const struct {
	const char *prefix;
	enum org_kind kind;
} KIND_WORDS[] = {
	{ "trung_tam", KIND_TRUNG_TAM },
	{ "trung tam", KIND_TRUNG_TAM },
	{ "truong", KIND_TRUONG },
	{ "phuong", KIND_XA },
	{ "phong", KIND_PHONG },
	{ "xa", KIND_XA },
	{ "ubnd", KIND_XA },
	{ "dac khu", KIND_XA },
	{ "so", KIND_SO },
	{ "bo", KIND_BO },
};

bool
org_kind_parse(const char *s, enum org_kind *k)
{
	/* The stored codes first: a dashboard parses one per row, and
	 * folding the text allocates an arena each time. */
	for (size_t i = 0;
	     s != NULL && i < sizeof(KIND_CODES) / sizeof(*KIND_CODES); i++)
		if (strcmp(s, KIND_CODES[i]) == 0) {
			*k = (enum org_kind)i;
			return true;
		}
	struct arena *a = arena_new();
	const char *key = a ? vn_fold_key(a, s) : NULL;
	bool ok = false;
	for (size_t i = 0;
	     key && !ok && i < sizeof(KIND_WORDS) / sizeof(*KIND_WORDS); i++) {
		size_t n = strlen(KIND_WORDS[i].prefix);
		if (strncmp(key, KIND_WORDS[i].prefix, n) == 0 &&
		    (key[n] == '\0' || key[n] == ' ' || key[n] == '/')) {
			*k = KIND_WORDS[i].kind;
			ok = true;
		}
	}
	arena_free(a);
	return ok;
}

static const struct {
	const char *word;
	unsigned bit;
} LEVEL_WORDS[] = {
	{ "mn", LEVEL_MN },	     { "mam non", LEVEL_MN },
	{ "th", LEVEL_TH },	     { "tieu hoc", LEVEL_TH },
	{ "thcs", LEVEL_THCS },	     { "trung hoc co so", LEVEL_THCS },
	{ "thpt", LEVEL_THPT },	     { "trung hoc pho thong", LEVEL_THPT },
	{ "gdtx", LEVEL_GDTX },	     { "giao duc thuong xuyen", LEVEL_GDTX },
	{ "gdnn-gdtx", LEVEL_GDTX },
};

static bool
level_word(const char *w, size_t n, unsigned *bit)
{
	while (n > 0 && *w == ' ')
		w++, n--;
	while (n > 0 && w[n - 1] == ' ')
		n--;
	if (n == 0)
		return true; /* empty part: "TH, " */
	for (size_t i = 0; i < sizeof(LEVEL_WORDS) / sizeof(*LEVEL_WORDS); i++)
		if (strlen(LEVEL_WORDS[i].word) == n &&
		    strncmp(LEVEL_WORDS[i].word, w, n) == 0) {
			*bit |= LEVEL_WORDS[i].bit;
			return true;
		}
	return false;
}

bool
school_levels_parse(const char *s, unsigned *out)
{
	struct arena *a = arena_new();
	const char *key = a ? vn_fold_key(a, s) : NULL;
	bool ok = key != NULL;
	unsigned bits = 0;
	while (ok && *key) {
		size_t n = strcspn(key, ",;/+");
		ok = level_word(key, n, &bits);
		key += n + (key[n] != '\0');
	}
	arena_free(a);
	if (ok)
		*out = bits;
	return ok;
}

void
school_levels_format(unsigned levels, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	for (unsigned l = LEVEL_MN; l <= LEVEL_GDTX && o < size; l <<= 1)
		if (levels & l)
			o += (size_t)snprintf(out + o, size - o, "%s%s",
					      o ? ", " : "",
					      school_level_code(l));
}

const char *
org_parent_problem(enum org_kind parent, enum org_kind child)
{
	switch (child) {
	case KIND_BO:
		return "Bộ GD&ĐT là gốc của cây, không có đơn vị cấp trên";
	case KIND_SO:
		return parent == KIND_BO ? NULL
					 : "Sở GD&ĐT chỉ trực thuộc Bộ GD&ĐT";
	case KIND_PHONG:
	case KIND_XA:
		return parent == KIND_SO ? NULL
					 : "Phòng GD&ĐT, xã/phường phải trực "
					   "thuộc một Sở GD&ĐT";
	case KIND_TRUONG:
	case KIND_TRUNG_TAM:
		return parent == KIND_SO || parent == KIND_PHONG ||
				       parent == KIND_XA
			       ? NULL
			       : "trường, trung tâm phải trực thuộc Sở, Phòng "
				 "GD&ĐT hoặc xã/phường";
	}
	return "loại đơn vị không hợp lệ";
}

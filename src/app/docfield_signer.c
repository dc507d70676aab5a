/* A signer's title as typed (DF_SIGNER): the authority line and the
 * title, NĐ 30's "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC". */
#include <string.h>

#include "../util/arena.h"
#include "../util/vnstr.h"
#include "docfield_int.h"

/* The next line of s: its start past blanks in *line, its length without
 * trailing blanks in *n; returns where the one after starts, or NULL at
 * the end. A typed "\n" (two characters, what a shell passes for
 * `chuc_vu_ky="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"`) breaks a line too: a title
 * has no backslash. */
static const char *
next_line(const char *s, const char **line, size_t *n)
{
	while (*s == ' ' || *s == '\t')
		s++;
	const char *e = s;
	while (*e && *e != '\n' && !(e[0] == '\\' && e[1] == 'n'))
		e++;
	*line = s;
	*n = (size_t)(e - s);
	while (*n && strchr(" \t\r", s[*n - 1]))
		(*n)--;
	if (*e == '\0')
		return NULL;
	return e + (*e == '\n' ? 1 : 2);
}

const char *
docfield_signer(const struct df_def *def, const char *v, struct arena *a,
		struct diags *d)
{
	const char *line[3];
	size_t len[3], k = 0, total = 0;
	for (const char *s = v; s != NULL;) {
		const char *l;
		size_t n;
		s = next_line(s, &l, &n);
		if (n == 0)
			continue; /* a blank line between them */
		if (k == 2) {
			diags_add(d, def->label,
				  "nhập tối đa hai dòng: thẩm quyền ký (KT., "
				  "TM., Q., TL., TUQ.) rồi chức vụ");
			return NULL;
		}
		if (vn_width_n(l, n) > SIGNER_LINE_MAX) {
			diags_add(d, def->label,
				  "mỗi dòng tối đa %d ký tự (đã nhập \"%.*s\")",
				  SIGNER_LINE_MAX, (int)n, l);
			return NULL;
		}
		line[k] = l;
		len[k++] = n;
		total += n + 1;
	}
	char *out = arena_alloc(a, total + 1), *p = out;
	for (size_t i = 0; out && i < k; i++) {
		memcpy(p, line[i], len[i]);
		p += len[i];
		*p++ = i + 1 < k ? '\n' : '\0';
	}
	if (out && k == 0)
		*out = '\0';
	return out;
}

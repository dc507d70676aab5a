/* Địa danh from a unit's name and kind (NĐ 30 Phụ lục I). */
#include "place.h"

#include <string.h>

/* Words naming an administrative unit, as written inside a name and as
 * kept before a number, and the unit kinds whose place they name. */
static const struct admin_word {
	const char *lower, *upper;
	unsigned kinds; /* 1 << enum gov_unit */
} WORDS[] = {
	{ "tỉnh", "Tỉnh", 1u << GOV_U_SO },
	{ "thành phố", "Thành phố", (1u << GOV_U_SO) | (1u << GOV_U_PHONG) },
	{ "quận", "Quận", 1u << GOV_U_PHONG },
	{ "huyện", "Huyện", 1u << GOV_U_PHONG },
	{ "thị xã", "Thị xã", 1u << GOV_U_PHONG },
	{ "xã", "Xã", 1u << GOV_U_XA },
	{ "phường", "Phường", 1u << GOV_U_XA },
	{ "thị trấn", "Thị trấn", 1u << GOV_U_XA },
	{ "đặc khu", "Đặc khu", 1u << GOV_U_XA },
};
#define NWORDS (sizeof WORDS / sizeof WORDS[0])

/* Length of w at s when followed by a space, else 0. */
static size_t
word_at(const char *s, const char *w)
{
	size_t n = strlen(w);
	return strncmp(s, w, n) == 0 && s[n] == ' ' ? n + 1 : 0;
}

/* The longest admin word at s (either case), its length with the space
 * in *len; NULL for none. */
static const struct admin_word *
admin_word_at(const char *s, size_t *len)
{
	const struct admin_word *best = NULL;
	*len = 0;
	for (size_t i = 0; i < NWORDS; i++) {
		size_t n = word_at(s, WORDS[i].lower);
		if (n == 0)
			n = word_at(s, WORDS[i].upper);
		if (n > *len) {
			*len = n;
			best = &WORDS[i];
		}
	}
	return best;
}

/* Copies the place starting at s (up to a comma, "(" or the end, spaces
 * trimmed) after prefix (may be "") into out. */
static bool
copy_place(const char *prefix, const char *s, char *out, size_t n)
{
	while (*s == ' ')
		s++;
	size_t len = strcspn(s, ",(");
	while (len > 0 && s[len - 1] == ' ')
		len--;
	size_t plen = strlen(prefix);
	if (len == 0 || plen + len >= n)
		return false;
	memcpy(out, prefix, plen);
	memcpy(out + plen, s, len);
	out[plen + len] = '\0';
	return true;
}

/* NĐ 30 Phụ lục I: a unit named by a number or after a person keeps its
 * word ("Quận 7", "Phường 12", "Thành phố Hồ Chí Minh"). Only numbers
 * and that one city can be told from the name; a unit may type another. */
static bool
keeps_word(const char *place)
{
	return (*place >= '0' && *place <= '9') ||
	       strncmp(place, "Hồ Chí Minh", strlen("Hồ Chí Minh")) == 0;
}

/* The place after the first word, at a word start, that names a unit of
 * kind u ("Phòng … thị xã X": "thị xã", not "xã"). */
static bool
after_admin_word(enum gov_unit u, const char *name, enum place_form f,
		 char *out, size_t n)
{
	for (const char *p = name; *p; p++) {
		size_t len;
		const struct admin_word *w = p == name || p[-1] == ' '
						     ? admin_word_at(p, &len)
						     : NULL;
		if (w == NULL)
			continue;
		if ((w->kinds & 1u << u) == 0) {
			p += len - 1;
			continue;
		}
		const char *rest = p + len;
		if (f == PLACE_UNIT)
			return copy_place("", p, out, n);
		if (keeps_word(rest)) {
			char prefix[32];
			size_t k = strlen(w->upper);
			memcpy(prefix, w->upper, k);
			prefix[k] = ' ';
			prefix[k + 1] = '\0';
			return copy_place(prefix, rest, out, n);
		}
		return copy_place("", rest, out, n);
	}
	return false;
}

/* "Sở Giáo dục và Đào tạo Hải Phòng": what follows the office's field. */
static bool
after_field(const char *name, char *out, size_t n)
{
	static const char *const fields[] = { "Đào tạo ", "GD&ĐT ", "GDĐT ",
					      "GD-ĐT " };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const char *p = strstr(name, fields[i]);
		if (p)
			return copy_place("", p + strlen(fields[i]), out, n);
	}
	return false;
}

bool
place_of(enum gov_unit u, const char *name, enum place_form f, char *out,
	 size_t n)
{
	if (n == 0)
		return false;
	out[0] = '\0';
	bool ok = false;
	if (u == GOV_U_BO)
		ok = f == PLACE_DATE_LINE && copy_place("", "Hà Nội", out, n);
	else if (u != GOV_U_SCHOOL && name)
		ok = after_admin_word(u, name, f, out, n) ||
		     (f == PLACE_DATE_LINE &&
		      (u == GOV_U_SO || u == GOV_U_PHONG) &&
		      after_field(name, out, n));
	if (!ok)
		out[0] = '\0';
	return ok;
}

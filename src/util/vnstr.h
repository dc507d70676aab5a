/*
 * Vietnamese text helpers over utf8proc: NFC normalisation at every input
 * boundary, display width for aligned terminal tables, and the fold key used
 * for accent-insensitive search ("Trường THCS Lê Lợi" -> "truong thcs le loi";
 * utf8proc's STRIPMARK keeps đ, so we map đ/Đ to d ourselves).
 */
#ifndef TS_VNSTR_H
#define TS_VNSTR_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* NFC copy of s in the arena; NULL if s is not valid UTF-8 or on OOM. */
char *vn_nfc(struct arena *a, const char *s);
/* Search key: NFC, case-folded, marks stripped, đ -> d. NULL on bad input. */
char *vn_fold_key(struct arena *a, const char *s);
/* Upper-case NFC copy ("Trường Lê Lợi" -> "TRƯỜNG LÊ LỢI"), for the
 * unit names NĐ 30 prints in capitals. NULL on bad input or OOM. */
char *vn_upper(struct arena *a, const char *s);
/* NFC copy with the first letter in lower case, for a title used inside
 * a sentence ("Đánh giá …" -> "đánh giá …"); an initialism ("THCS …")
 * is kept. NULL on bad input or OOM. */
char *vn_lower_first(struct arena *a, const char *s);
/* Characters (code points) in the first n bytes of UTF-8 s. */
size_t vn_chars(const char *s, size_t n);
/* True if s is valid UTF-8. */
bool vn_valid_utf8(const char *s, size_t n);
/* Equal once both are NFC (fast path: byte-equal). */
bool vn_nfc_equal(const char *a, const char *b);
/* Terminal columns of the first n bytes of s. */
size_t vn_width_n(const char *s, size_t n);
/* Terminal columns the string occupies (East Asian wide = 2, marks = 0). */
size_t vn_width(const char *s);
/* Byte length of the longest prefix of s (n bytes) that fits in cols
 * columns, cut at a character boundary. */
size_t vn_prefix_fitting(const char *s, size_t n, size_t cols);

#endif

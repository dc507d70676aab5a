/* Checks of phone numbers and e-mail addresses (contact.h). */
#include "contact.h"

#include <stdbool.h>
#include <string.h>

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

const char *
contact_phone_problem(const char *s)
{
	size_t digits = 0, n = strlen(s);
	for (const char *p = s; *p; p++) {
		if (is_digit(*p))
			digits++;
		else if (!(*p == '+' && p == s) && !strchr(" .-()", *p))
			return "số điện thoại chỉ gồm chữ số, dấu + ở đầu và "
			       "dấu cách, chấm, gạch ngang, ngoặc giữa các số";
	}
	if (digits < 8 || digits > 15)
		return "số điện thoại phải có từ 8 đến 15 chữ số";
	if (!is_digit(s[n - 1]))
		return "số điện thoại phải kết thúc bằng chữ số";
	return NULL;
}

/* The local part, s[0..n): RFC 5322 dot-atom. */
static bool
local_ok(const char *s, size_t n)
{
	static const char atext[] = "!#$%&'*+-/=?^_`{|}~";
	if (n == 0 || n > 64 || s[0] == '.' || s[n - 1] == '.')
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.' && s[i + 1] == '.')
			return false;
		if (!is_alnum(s[i]) && s[i] != '.' && !strchr(atext, s[i]))
			return false;
	}
	return true;
}

/* One label of the domain, s[0..n). */
static bool
label_ok(const char *s, size_t n)
{
	if (n == 0 || n > 63 || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_alnum(s[i]) && s[i] != '-')
			return false;
	return true;
}

static bool
domain_ok(const char *s)
{
	size_t labels = 0;
	const char *last = s;
	for (const char *p = s;; p++) {
		if (*p != '.' && *p != '\0')
			continue;
		if (!label_ok(last, (size_t)(p - last)))
			return false;
		labels++;
		if (*p == '\0')
			break;
		last = p + 1;
	}
	for (const char *p = last; *p; p++)
		if (is_digit(*p) || *p == '-')
			return false; /* the top-level domain is letters */
	return labels >= 2;
}

const char *
contact_email_problem(const char *s)
{
	const char *at = strchr(s, '@');
	if (strlen(s) > CONTACT_EMAIL_MAX)
		return "địa chỉ thư điện tử dài quá 254 ký tự";
	if (at == NULL || strchr(at + 1, '@') != NULL)
		return "địa chỉ thư điện tử phải có đúng một dấu @, ví dụ "
		       "c3nguyendu@haiphong.edu.vn";
	if (!local_ok(s, (size_t)(at - s)))
		return "phần trước dấu @ của địa chỉ thư điện tử không hợp lệ "
		       "(chữ cái không dấu, chữ số, dấu chấm không ở đầu, cuối "
		       "hay liền nhau)";
	if (!domain_ok(at + 1))
		return "tên miền sau dấu @ không hợp lệ, ví dụ haiphong.edu.vn";
	return NULL;
}

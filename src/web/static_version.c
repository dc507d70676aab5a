/* Versioned URLs for the compiled-in stylesheet and script. */
#include <sodium.h>
#include <string.h>

#include "web.h"

void
web_hash_version(const void *data, size_t len, char out[17])
{
	unsigned char h[8];
	crypto_generichash(h, sizeof(h), data, len, NULL, 0);
	sodium_bin2hex(out, 17, h, sizeof(h));
}

void
web_static_send(struct req *r, const char *type, const char *data, size_t len,
		const char *version)
{
	const char *v = kv_get(&r->query, "v");
	r->content_type = type;
	/* The versioned URL never changes content: a year, immutable. Any
	 * other (an old page's link, or none) is checked every time. */
	r->cache = v != NULL && strcmp(v, version) == 0
			   ? "public, max-age=31536000, immutable"
			   : "public, no-cache";
	buf_put(&r->body, data, len);
}

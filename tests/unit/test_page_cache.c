/* The page cache (web/page_cache.c): the session's token cut out and the
 * asker's put back, plain and gzip-compressed; bounded memory. */
#include "ut.h"

#include <zlib.h>

#include "../../src/web/page_cache.h"

#define TOK_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define TOK_B "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static void
key_of(struct buf *k, const char *name)
{
	buf_init(k, 1 << 16);
	pc_key_s(k, "test");
	pc_key_s(k, name);
}

/* The gzip member in, whole and checked (CRC, length), out. */
static void
gunzip(const struct buf *in, struct buf *out)
{
	z_stream z = { 0 };
	unsigned char chunk[4096];
	int rc = Z_OK;
	assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = (unsigned char *)in->p;
	z.avail_in = (uInt)in->len;
	while (rc == Z_OK) {
		z.next_out = chunk;
		z.avail_out = sizeof(chunk);
		rc = inflate(&z, Z_NO_FLUSH);
		buf_put(out, chunk, sizeof(chunk) - z.avail_out);
	}
	assert_int_equal(rc, Z_STREAM_END);
	assert_int_equal(z.avail_in, 0);
	inflateEnd(&z);
}

static void
test_token_spliced(void **state)
{
	(void)state;
	struct buf k, other, out;
	const char *page = TOK_A "<p>một</p>" TOK_A "<p>hai</p>" TOK_A;
	key_of(&k, "splice");
	key_of(&other, "splice-other");
	buf_init(&out, 1 << 20);
	assert_false(pc_get(&k, TOK_B, &out));
	pc_put(&k, page, strlen(page), TOK_A);
	assert_false(pc_get(&other, TOK_B, &out));
	assert_true(pc_get(&k, TOK_B, &out));
	assert_string_equal(buf_str(&out),
			    TOK_B "<p>một</p>" TOK_B "<p>hai</p>" TOK_B);
	buf_release(&k);
	buf_release(&other);
	buf_release(&out);
}

static void
test_gzip_is_the_page(void **state)
{
	(void)state;
	struct buf k, gz, plain, page;
	key_of(&k, "gzip");
	buf_init(&page, 1 << 20);
	for (int i = 0; i < 2000; i++)
		buf_printf(&page, "<li>Trường số %d</li>%s", i,
			   i % 500 == 7 ? TOK_A : "");
	pc_put(&k, page.p, page.len, TOK_A);
	for (int round = 0; round < 2; round++) { /* made, then reused */
		buf_init(&gz, 1 << 20);
		buf_init(&plain, 1 << 22);
		assert_true(pc_get_gz(&k, TOK_B, &gz));
		gunzip(&gz, &plain);
		struct buf want;
		buf_init(&want, 1 << 22);
		assert_true(pc_get(&k, TOK_B, &want));
		assert_int_equal(plain.len, want.len);
		assert_memory_equal(plain.p, want.p, want.len);
		assert_non_null(strstr(buf_str(&plain), TOK_B));
		assert_null(strstr(buf_str(&plain), TOK_A));
		assert_true(gz.len < page.len / 4);
		buf_release(&want);
		buf_release(&gz);
		buf_release(&plain);
	}
	buf_release(&k);
	buf_release(&page);
}

static void
test_memory_bounded(void **state)
{
	(void)state;
	uint64_t hits, puts;
	size_t bytes;
	char name[32];
	size_t len = 400 << 10;
	char *page = malloc(len + 1);
	assert_non_null(page);
	memset(page, 'x', len);
	memcpy(page + 100, TOK_A, 64);
	page[len] = '\0';
	for (int i = 0; i < 100; i++) { /* 40 MB offered */
		struct buf k;
		snprintf(name, sizeof(name), "big-%d", i);
		key_of(&k, name);
		pc_put(&k, page, len, TOK_A);
		buf_release(&k);
		pc_stats(&hits, &puts, &bytes);
		assert_true(bytes <= PC_BYTES);
	}
	struct buf first, last, out;
	key_of(&first, "big-0");
	key_of(&last, "big-99");
	buf_init(&out, 1 << 20);
	assert_false(pc_get(&first, TOK_B, &out)); /* the oldest went */
	assert_true(pc_get(&last, TOK_B, &out));
	/* A page over the limit of one entry is not kept. */
	char *huge = calloc(PC_ENTRY_MAX + 2, 1);
	assert_non_null(huge);
	memset(huge, 'y', PC_ENTRY_MAX + 1);
	struct buf hk;
	key_of(&hk, "huge");
	pc_put(&hk, huge, PC_ENTRY_MAX + 1, TOK_A);
	buf_reset(&out);
	assert_false(pc_get(&hk, TOK_B, &out));
	buf_release(&hk);
	buf_release(&first);
	buf_release(&last);
	buf_release(&out);
	free(huge);
	free(page);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_token_spliced),
		cmocka_unit_test(test_gzip_is_the_page),
		cmocka_unit_test(test_memory_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* libFuzzer target: the DOCX writer's text escaping (dx_esc_n), which
 * every user-typed string goes through. Any bytes in, well-formed XML 1.0
 * out: wrapped in an element, libxml2 must parse the result, and when the
 * input was valid UTF-8 without characters XML forbids, the parsed text
 * must be the input itself (nothing lost, nothing added). */
#include <libxml/parser.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../../src/report/docx.h"
#include "../../src/util/buf.h"
#include "../../src/util/vnstr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* XML 1.0 keeps tab, LF and CR among the C0 controls; CR is normalised
 * to LF by parsers, so inputs with CR are not compared. */
static bool
plain_text(const uint8_t *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((d[i] < 0x20 && d[i] != '\t' && d[i] != '\n') ||
		    d[i] == 0x7F)
			return false;
	/* U+FFFE/U+FFFF (EF BF BE/BF) are replaced too. */
	for (size_t i = 0; i + 2 < n; i++)
		if (d[i] == 0xEF && d[i + 1] == 0xBF && d[i + 2] >= 0xBE)
			return false;
	return vn_valid_utf8((const char *)d, n);
}

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	xmlSetGenericErrorFunc(NULL, quiet);
	struct buf b;
	buf_init(&b, (size_t)1 << 20);
	buf_puts(&b, "<t>");
	dx_esc_n(&b, (const char *)data, size);
	buf_puts(&b, "</t>");
	xmlDocPtr doc = xmlReadMemory(b.p, (int)b.len, "t.xml", "UTF-8",
				      XML_PARSE_NONET);
	if (doc == NULL)
		__builtin_trap();
	xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(doc));
	if (plain_text(data, size) &&
	    (text == NULL || strlen((const char *)text) != size ||
	     memcmp(text, data, size) != 0))
		__builtin_trap();
	xmlFree(text);
	xmlFreeDoc(doc);
	buf_release(&b);
	return 0;
}

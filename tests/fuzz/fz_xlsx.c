/*
 * libFuzzer target: the XLSX side of the sheet reader.
 *
 * An input starting with "PK" is a whole file (zip layer, libzip). Any
 * other input is split at "@@@@" into up to four XML parts, in this order:
 *   xl/worksheets/sheet1.xml, xl/sharedStrings.xml, xl/workbook.xml,
 *   xl/_rels/workbook.xml.rels
 * (missing ones get a valid default) and packed into a stored zip here,
 * with correct CRCs, so mutations reach the XML code instead of dying on
 * a checksum.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/sheet_read.h"
#include "../../src/util/arena.h"
#include "../../src/util/vnstr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NS_R                                                                   \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char *const part_names[4] = {
	"xl/worksheets/sheet1.xml",
	"xl/sharedStrings.xml",
	"xl/workbook.xml",
	"xl/_rels/workbook.xml.rels",
};

static const char *const part_defaults[4] = {
	"<worksheet><sheetData><row><c><v>1</v></c></row></sheetData>"
	"</worksheet>",
	"<sst><si><t>a</t></si></sst>",
	"<workbook xmlns:r=\"" NS_R "\"><sheets><sheet name=\"S\" "
	"sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
	"<Relationships><Relationship Id=\"rId1\" Type=\"" NS_R
	"/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship "
	"Id=\"rId2\" Type=\"" NS_R "/sharedStrings\" "
	"Target=\"sharedStrings.xml\"/></Relationships>",
};

struct part {
	const char *p;
	size_t n;
};

static uint32_t crc_table[256];

static void
crc_init(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
		crc_table[i] = c;
	}
}

static uint32_t
crc32_of(const char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++)
		c = crc_table[(c ^ (unsigned char)p[i]) & 0xFFu] ^ (c >> 8);
	return ~c;
}

static void
put16(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void
put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xFFFFu);
	put16(p + 2, v >> 16);
}

/* Local (30 bytes) or central (46 bytes) header plus name. */
static size_t
header(unsigned char *p, bool central, const char *name, struct part d,
       uint32_t offset)
{
	size_t nl = strlen(name);
	size_t h = central ? 46 : 30;
	memset(p, 0, h);
	put32(p, central ? 0x02014b50u : 0x04034b50u);
	unsigned char *q = central ? p + 6 : p + 4;
	put16(q, 20);
	put32(q + 10, crc32_of(d.p, d.n));
	put32(q + 14, (uint32_t)d.n);
	put32(q + 18, (uint32_t)d.n);
	put16(q + 22, (uint32_t)nl);
	if (central)
		put32(p + 42, offset);
	memcpy(p + h, name, nl);
	return h + nl;
}

static unsigned char *
build_zip(const struct part parts[4], size_t *len)
{
	size_t cap = 22;
	for (int i = 0; i < 4; i++)
		cap += 76 + 2 * strlen(part_names[i]) + parts[i].n;
	unsigned char *z = malloc(cap);
	if (z == NULL)
		return NULL;
	uint32_t offs[4];
	size_t o = 0;
	for (int i = 0; i < 4; i++) {
		offs[i] = (uint32_t)o;
		o += header(z + o, false, part_names[i], parts[i], 0);
		memcpy(z + o, parts[i].p, parts[i].n);
		o += parts[i].n;
	}
	size_t cd = o;
	for (int i = 0; i < 4; i++)
		o += header(z + o, true, part_names[i], parts[i], offs[i]);
	memset(z + o, 0, 22);
	put32(z + o, 0x06054b50u);
	put16(z + o + 8, 4);
	put16(z + o + 10, 4);
	put32(z + o + 12, (uint32_t)(o - cd));
	put32(z + o + 16, (uint32_t)cd);
	*len = o + 22;
	return z;
}

/* Splits the input at "@@@@" into the four parts. */
static void
split(const char *s, size_t n, struct part parts[4])
{
	for (int i = 0; i < 4; i++) {
		parts[i].p = part_defaults[i];
		parts[i].n = strlen(part_defaults[i]);
	}
	for (int i = 0; i < 4 && s != NULL; i++) {
		const char *end = NULL;
		for (size_t k = 0; k + 4 <= n && end == NULL; k++)
			if (memcmp(s + k, "@@@@", 4) == 0)
				end = s + k;
		parts[i].p = s;
		parts[i].n = end != NULL ? (size_t)(end - s) : n;
		if (end == NULL)
			break;
		n -= (size_t)(end - s) + 4;
		s = end + 4;
	}
}

static void
check(const struct sheet *s)
{
	if (s->nrows == 0 || s->nrows > SHEET_MAX_ROWS)
		__builtin_trap();
	for (size_t i = 0; i < s->nrows; i++) {
		const struct sheet_row *r = &s->rows[i];
		if (r->ncells == 0 || r->ncells > SHEET_MAX_COLS ||
		    r->cells[r->ncells - 1][0] == '\0' || r->line == 0)
			__builtin_trap();
		for (size_t k = 0; k < r->ncells; k++)
			if (!vn_valid_utf8(r->cells[k], strlen(r->cells[k])))
				__builtin_trap();
	}
}

static void
run(const char *buf, size_t len)
{
	struct arena *a = arena_new();
	if (a == NULL)
		return;
	struct diags d;
	diags_init(&d);
	struct sheet s = { NULL, 0 };
	enum ts_err e = sheet_read(buf, len, SHEET_XLSX, "fuzz.xlsx", a, &s,
				   &d);
	if (e == TS_OK)
		check(&s);
	else if (d.n == 0 || s.rows != NULL)
		__builtin_trap();
	diags_release(&d);
	arena_free(a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	if (size >= 2 && s[0] == 'P' && s[1] == 'K') {
		run(s, size);
		return 0;
	}
	if (crc_table[1] == 0)
		crc_init();
	struct part parts[4];
	split(s, size, parts);
	size_t len = 0;
	unsigned char *z = build_zip(parts, &len);
	if (z != NULL)
		run((const char *)z, len);
	free(z);
	return 0;
}

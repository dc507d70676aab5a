/* Pieces every official document shares: the NĐ 30 header, typed text
 * sections, the signature and Nơi nhận. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fixed.h"
#include "../core/range.h"
#include "../util/arena.h"
#include "../util/timeutil.h"
#include "../util/vnstr.h"
#include "campaign.h"
#include "org_int.h"
#include "report_int.h"

const char *
rb_upper(struct rb *b, const char *s)
{
	const char *u = s ? vn_upper(b->a, s) : NULL;
	return u ? u : s;
}

static const char *
parent_name(struct rb *b)
{
	struct org_unit p;
	if (b->t.unit.parent_id == 0)
		return NULL;
	enum ts_err e = org_get(b->app, b->t.unit.parent_id, b->a, &p);
	rb_fail(b, e, "đọc đơn vị cấp trên");
	return e == TS_OK ? p.name : NULL;
}

/* The last day an untyped date may take, by what the document is for.
 * The guidance letter and the decision setting up the Ban chỉ đạo come
 * before the round's work (the letter sets its dates, the Ban does the
 * self-assessment): no later than the day it opens. The meeting record
 * and the approval decision come before the school reports (QĐ 4725
 * khoản 6 Điều 1): no later than its due day. The reports, lists and
 * Phụ lục: its last day (its review due, else its due). A guidance
 * letter dated 20/06/2026 told the schools to submit by 31/05/2026. */
static const char *
last_day(const struct campaign *c, enum report_kind kind)
{
	switch (kind) {
	case RK_GUIDANCE:
	case RK_COMMITTEE: return c->opens_at;
	case RK_MEETING:
	case RK_APPROVAL: return c->due_at;
	default: return c->review_due_at ? c->review_due_at : c->due_at;
	}
}

/* An untyped date line is filled with today in Vietnam time rather than
 * left as "ngày …. tháng …. năm 20…", but never after the document's
 * last day in its campaign (last_day): a past year's document is dated
 * within that year, so its cơ quan chủ quản is the body of that time
 * (rules.md §12). The unit may type another date. */
void
rb_default_day(const struct rb *b, enum report_kind kind, char day[11])
{
	char last[11];
	campaign_day(last_day(&b->t.campaign, kind), last);
	org_today(day);
	if (last[0] != '\0' && strcmp(last, day) < 0)
		memcpy(day, last, 11);
}

static void
today(struct rb *b, struct rp_header *h)
{
	char d[11];
	rb_default_day(b, b->kind ? b->kind->kind : RK_LEVELS, d);
	h->year = (int)strtol(d, NULL, 10);
	h->month = (int)strtol(d + 5, NULL, 10);
	h->day = (int)strtol(d + 8, NULL, 10);
}

void
rb_header(struct rb *b)
{
	struct rp_header *h = arena_alloc(b->a, sizeof(*h));
	if (h == NULL) {
		b->doc->oom = true;
		return;
	}
	const char *name = rb_spelled(b, b->t.unit.name);
	h->org = rb_upper(b, name);
	h->org_break = rp_name_start(name);
	h->number = doc_field(&b->f, "so_ky_hieu");
	h->symbol = "BC-……";
	const char *date = doc_field(&b->f, "ngay_ban_hanh");
	if (date && strlen(date) == 10) {
		h->year = (int)strtol(date, NULL, 10);
		h->month = (int)strtol(date + 5, NULL, 10);
		h->day = (int)strtol(date + 8, NULL, 10);
	} else {
		today(b, h);
	}
	h->place = doc_field(&b->f, "dia_danh");
	if (h->place == NULL)
		h->place = rb_place(b, h->year, h->month, h->day);
	const char *parent = doc_field(&b->f, "co_quan_chu_quan");
	parent = parent ? parent : rb_governing(b, h->year, h->month, h->day);
	h->parent_org = rb_upper(b, parent);
	h->parent_break = rp_name_start(parent);
	b->doc->header = h;
}

void
rb_text(struct rb *b, struct rp_section *s, const char *field)
{
	const char *v = doc_field(&b->f, field);
	if (v == NULL) {
		/* The paper templates leave dotted lines to write on. */
		/* 40 dots fill a 165 mm line at 13 pt in every writer. */
		for (int i = 0; i < 2; i++)
			rp_line(b->doc, s, RP_LEFT, 0,
				"………………………………………………"
				"………………………………");
		return;
	}
	while (*v) {
		const char *nl = strchr(v, '\n');
		size_t n = nl ? (size_t)(nl - v) : strlen(v);
		char *line = arena_strndup(b->a, v, n);
		if (line && n && line[n - 1] == '\r')
			line[n - 1] = '\0';
		if (line && line[0])
			rp_body(b->doc, s, 0, line);
		v += n + (nl != NULL);
	}
}

static const char *
default_title(enum org_kind k)
{
	switch (k) {
	case KIND_TRUONG: return "HIỆU TRƯỞNG";
	case KIND_TRUNG_TAM:
	case KIND_SO: return "GIÁM ĐỐC";
	case KIND_PHONG: return "TRƯỞNG PHÒNG";
	case KIND_XA: return "CHỦ TỊCH";
	case KIND_BO: return "BỘ TRƯỞNG";
	}
	return "THỦ TRƯỞNG ĐƠN VỊ";
}

/* "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG" typed on two lines: the first is
 * the authority, the second the title. */
static void
signer(struct rb *b, struct rp_signature *sig)
{
	const char *typed = doc_field(&b->f, "chuc_vu_ky");
	const char *nl = typed ? strchr(typed, '\n') : NULL;
	if (typed == NULL) {
		sig->title = default_title(b->t.unit.kind);
		/* A People's Committee is a collective body: its chairman
		 * signs on its behalf (NĐ 30, Phụ lục I). */
		if (b->t.unit.kind == KIND_XA)
			sig->authority = "TM. ỦY BAN NHÂN DÂN";
	} else if (nl) {
		sig->authority = rb_upper(
			b, arena_strndup(b->a, typed, (size_t)(nl - typed)));
		sig->title = rb_upper(b, nl + 1);
	} else {
		sig->title = rb_upper(b, typed);
	}
	sig->name = doc_field(&b->f, "nguoi_ky");
}

/* One typed recipient line v[0..n), without its leading dashes and
 * spaces and its trailing blanks, as "- …;" (its own ; . or , kept). */
static void
typed_recipient(struct rb *b, const char *v, size_t n)
{
	while (n && (v[n - 1] == '\r' || v[n - 1] == ' '))
		n--;
	while (n && (*v == '-' || *v == ' ')) {
		v++;
		n--;
	}
	if (n == 0)
		return;
	char last = v[n - 1];
	bool punct = last == ';' || last == '.' || last == ',';
	rp_recipient_add(b->doc, rp_printf(b->doc, "- %.*s%s", (int)n, v,
					   punct ? "" : ";"));
}

/* Typed recipients, one per line, given NĐ 30 punctuation: "- …;" and
 * the last "- Lưu: VT." as typed. */
static void
typed_recipients(struct rb *b, const char *v)
{
	while (*v) {
		const char *nl = strchr(v, '\n');
		typed_recipient(b, v, nl ? (size_t)(nl - v) : strlen(v));
		v = nl ? nl + 1 : v + strlen(v);
	}
}

const char *
rb_reviewer(struct rb *b)
{
	const char *r = NULL;
	rb_fail(b,
		campaign_reviewer_name(b->app, b->t.campaign.id, b->t.unit.id,
				       b->a, &r),
		"đọc đơn vị phê duyệt");
	return r ? r : b->t.campaign.owner_name;
}

/* The body a unit reports to: the campaign's owner, or for the owner
 * itself its parent unit (a Sở at the root: the Bộ). NULL if none. */
static const char *
superior(struct rb *b)
{
	if (b->t.unit.id != b->t.campaign.owner_unit_id)
		return b->t.campaign.owner_name;
	const char *p = parent_name(b);
	if (p == NULL && b->t.unit.kind == KIND_SO)
		return "Bộ Giáo dục và Đào tạo";
	return p;
}

static bool
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Line i of Nơi nhận with NĐ 30's punctuation: ";" after every line but
 * the last, which ends with ".". */
static const char *
punctuated(struct rb *b, const char *line, bool last)
{
	size_t n = strlen(line);
	while (n && strchr(";.,", line[n - 1]))
		n--;
	return rp_printf(b->doc, "%.*s%s", (int)n, line, last ? "." : ";");
}

/* "- Lưu: VT, <drafting unit>." (NĐ 30 Phụ lục I), "- Lưu: VT." without
 * one: the document's --drafter, else the unit's luu_don_vi. */
static const char *
luu_line(struct rb *b)
{
	const char *x = b->opts->drafter;
	if (x == NULL)
		x = doc_field(&b->f, "luu_don_vi");
	size_t n = x ? strlen(x) : 0;
	while (n && strchr(" ,.;", x[n - 1]))
		n--;
	while (n && *x == ' ') {
		x++;
		n--;
	}
	if (n == 0)
		return "- Lưu: VT.";
	return rp_printf(b->doc, "- Lưu: VT, %.*s.", (int)n, x);
}

/* A typed "- Lưu: VT." with nothing after VT takes the drafting unit;
 * one that names more ("- Lưu: VT, TCCB.") stays as typed. */
static const char *
luu_typed(struct rb *b, const char *r)
{
	static const char *const bare[] = { "- Lưu: VT", "- Lưu VT" };
	for (size_t i = 0; i < sizeof(bare) / sizeof(*bare); i++) {
		size_t n = strlen(bare[i]);
		if (strncmp(r, bare[i], n) == 0 &&
		    strspn(r + n, " .;,") == strlen(r + n))
			return luu_line(b);
	}
	return r;
}

/* NĐ 30's Nơi nhận: "- Lưu: VT…" always last (added when missing), and
 * "- Như trên;" only with a Kính gửi, which names the superior body. */
static void
recipients_tidy(struct rb *b)
{
	struct rp_doc *d = b->doc;
	const char *luu = NULL;
	size_t n = 0;
	bool as_above = false;
	for (size_t i = 0; i < d->nrecipients; i++) {
		const char *r = d->recipients[i];
		if (starts(r, "- Lưu")) {
			luu = r;
			continue;
		}
		as_above |= starts(r, "- Như trên");
		d->recipients[n++] = r;
	}
	if (n == 0 && luu == NULL) {
		d->nrecipients = 0;
		return;
	}
	d->nrecipients = n;
	rp_recipient_add(d, luu ? luu_typed(b, luu) : luu_line(b));
	for (size_t i = 0; i < d->nrecipients; i++)
		d->recipients[i] = punctuated(b, d->recipients[i],
					      i + 1 == d->nrecipients);
	const char *sup = as_above && d->nto == 0 ? superior(b) : NULL;
	if (sup)
		rp_to_add(d, sup);
}

void
rb_closing(struct rb *b, const char *const *deflt, size_t ndeflt)
{
	struct rp_signature *sig = arena_alloc(b->a, sizeof(*sig));
	if (sig == NULL) {
		b->doc->oom = true;
		return;
	}
	signer(b, sig);
	b->doc->sig = sig;
	const char *typed = doc_field(&b->f, "noi_nhan");
	if (typed) {
		typed_recipients(b, typed);
	} else {
		for (size_t i = 0; i < ndeflt; i++)
			rp_recipient_add(b->doc, deflt[i]);
	}
	recipients_tidy(b);
}

const char *
rb_basis(struct rb *b)
{
	return rb_basis_line(b, "Thực hiện");
}

/* A typed căn cứ as NĐ 30 ends the last line: "." where a ";" was left
 * from a list ("Thực hiện Kế hoạch số …;" then the body). */
static const char *
typed_basis(struct rb *b, const char *typed)
{
	size_t n = strlen(typed);
	while (n && strchr(" \r\n", typed[n - 1]))
		n--;
	if (n == 0 || typed[n - 1] != ';')
		return typed;
	return rp_printf(b->doc, "%.*s.", (int)(n - 1), typed);
}

const char *
rb_basis_line(struct rb *b, const char *verb)
{
	const char *typed = doc_field(&b->f, "can_cu");
	if (typed)
		return typed_basis(b, typed);
	const char *basis = b->t.campaign.legal_basis;
	size_t n = basis ? strlen(basis) : 0;
	/* One sentence: the stored basis may end as a list item would. */
	while (n && strchr(";,. ", basis[n - 1]))
		n--;
	if (n == 0)
		return rp_printf(b->doc, "%s kế hoạch của cấp trên.", verb);
	return rp_printf(b->doc, "%s %.*s.", verb, (int)n, basis);
}

void
rb_filename(struct rb *b, const char *kind)
{
	/* Unit codes are ASCII letters and digits; anything else becomes
	 * '-' so the name is safe in a Content-Disposition header. */
	char code[64];
	size_t i = 0;
	for (const char *p = b->t.unit.code; *p && i + 1 < sizeof(code); p++)
		code[i++] = ((*p >= 'A' && *p <= 'Z') ||
			     (*p >= 'a' && *p <= 'z') ||
			     (*p >= '0' && *p <= '9'))
				    ? *p
				    : '-';
	code[i] = '\0';
	b->doc->filename = rp_printf(b->doc, "%s-dot%lld-%s", kind,
				     (long long)b->t.campaign.id, code);
}

/* A band as seed 001 words it, for the cntt sheet and the guidance
 * letter alike: "từ 80 - 89 điểm", "dưới 50 điểm". The rubric closes
 * each band just under the next one ([80,90)) so 89,5 is still graded;
 * the form prints the whole-point bound. */
const char *
rb_band_words(struct rb *b, const struct range *r)
{
	char lo[RP_VALUE_SIZE], hi[RP_VALUE_SIZE], w[128];
	if (r->lo == 0 && !r->lo_open && r->hi_open && !r->hi_inf)
		return rp_printf(b->doc, "dưới %s điểm",
				 pts_format_vn(r->hi, hi));
	if (r->lo_open || r->hi_inf)
		return rp_printf(b->doc, "%s điểm", range_words(r, -1, w));
	pts_t top = r->hi_open && r->hi % PTS_ONE == 0 ? r->hi - PTS_ONE
						       : r->hi;
	return rp_printf(b->doc, "từ %s - %s điểm", pts_format_vn(r->lo, lo),
			 pts_format_vn(top, hi));
}

enum ts_err
rb_section_outcome(struct rb *b, enum ts_err e, struct diags *quiet)
{
	bool fatal = e == TS_EDB || e == TS_ENOMEM;
	for (size_t i = 0; fatal && i < quiet->n; i++)
		diags_add(b->d, quiet->v[i].where, "%s", quiet->v[i].msg);
	diags_release(quiet);
	if (fatal && b->err == TS_OK)
		b->err = e;
	return fatal ? e : TS_OK;
}

void
rb_fail(struct rb *b, enum ts_err e, const char *what)
{
	if (e == TS_OK || e == TS_ENOTFOUND || b->err != TS_OK)
		return;
	b->err = e == TS_EDB ? app_db_error(b->app, b->d, what) : e;
}

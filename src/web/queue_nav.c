/* The work queue's filters as the URL carries them, and the way from a
 * school's page back to the queue and on to the next school. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue_view.h"

static const char *const SORTS[] = { "ma", "ngay-nop", "diem" };

/* state, late and level into q->f. Returns the message for the last
 * of them that is not valid, or NULL. */
static const char *
read_filters(struct queue_params *q)
{
	enum sub_state st;
	const char *bad = NULL;
	if (q->state && q->state[0] && !sub_state_parse(q->state, &st))
		bad = "Trạng thái (state) không hợp lệ.";
	else if (q->state && q->state[0])
		q->f.state = (int)st;
	if (q->late && q->late[0] && strcmp(q->late, "1") &&
	    strcmp(q->late, "0"))
		bad = "Nộp muộn (late) phải là 1 hoặc 0.";
	else if (q->late && q->late[0])
		q->f.late = q->late[0] == '1';
	if (q->level && q->level[0] &&
	    (!school_levels_parse(q->level, &q->f.levels) || !q->f.levels))
		bad = "Cấp học (level) không hợp lệ (MN, TH, THCS, THPT, GDTX).";
	return bad;
}

/* signed (1: sent its signed copy, 0: not yet) into q->f. */
static const char *
read_signed(struct queue_params *q)
{
	const char *sc = q->signed_copy;
	if (sc && sc[0] && strcmp(sc, "1") && strcmp(sc, "0"))
		return "Bản đã ký (signed) phải là 1 hoặc 0.";
	if (sc && sc[0])
		q->f.signed_copy = sc[0] == '1' ? 1 : 2;
	return NULL;
}

/* sort ("-" first: descending) into q->f; the message when it is none
 * of SORTS, else NULL. */
static const char *
read_sort(struct queue_params *q)
{
	const char *s = q->sort ? q->sort : "ma";
	q->f.desc = s[0] == '-';
	s += q->f.desc;
	size_t k = 0;
	while (k < 3 && strcmp(s, SORTS[k]) != 0)
		k++;
	q->f.sort = k < 3 ? (enum queue_sort)k : QS_CODE;
	if (k < 3)
		return NULL;
	return "Cách sắp xếp (sort) không hợp lệ (ma, ngay-nop, diem).";
}

const char *
queue_read(const struct kvlist *src, struct queue_params *q)
{
	memset(&q->f, 0, sizeof(q->f));
	q->f.state = -1;
	q->f.late = -1;
	q->state = kv_get(src, "state");
	q->late = kv_get(src, "late");
	q->level = kv_get(src, "level");
	q->under = kv_get(src, "unit");
	q->sort = kv_get(src, "sort");
	q->signed_copy = kv_get(src, "signed");
	q->f.under = q->under && q->under[0] ? q->under : NULL;
	const char *bad = read_filters(q);
	const char *bad_signed = read_signed(q);
	if (bad_signed != NULL)
		bad = bad_signed;
	const char *bad_sort = read_sort(q);
	return bad_sort != NULL ? bad_sort : bad;
}

void
queue_filters(const struct queue_params *q, struct buf *out)
{
	static const char *const names[] = { "state", "late", "level",
					     "unit",  "sort", "signed" };
	const char *vals[] = { q->state, q->late, q->level,
			       q->under, q->sort, q->signed_copy };
	for (size_t i = 0; i < 6; i++)
		if (vals[i] && vals[i][0]) {
			buf_printf(out, "&%s=", names[i]);
			url_escape(out, vals[i]);
		}
}

void
queue_query(const struct queue_params *q, struct buf *out)
{
	struct buf t;
	buf_init(&t, 1024);
	if (q->pg.offset > 0)
		buf_printf(&t, "&page=%zu", q->pg.offset / LIST_PAGE_ROWS + 1);
	queue_filters(q, &t);
	buf_puts(out, buf_str(&t)[0] ? buf_str(&t) + 1 : "");
	buf_release(&t);
}

const char *
queue_of(const struct req *r)
{
	const char *q = kv_get(&r->query, "queue");
	return q != NULL ? q : kv_get(&r->form, "queue");
}

void
queue_suffix(const struct req *r, struct buf *out)
{
	const char *q = queue_of(r);
	if (q == NULL || strlen(q) > 200) /* never a link the redirect cuts */
		return;
	buf_puts(out, "&queue=");
	url_escape(out, q);
}

void
queue_hidden(struct req *r)
{
	const char *q = queue_of(r);
	if (q != NULL)
		h_open(&r->body, "input", "type", "hidden", "name", "queue",
		       "value", q, NULL);
}

/* The queue the page came from, parsed and checked, with its page; false
 * when there is none or it does not read as one (no links then). */
static bool
queue_from(struct req *r, struct queue_params *q)
{
	const char *s = queue_of(r);
	struct kvlist kv;
	memset(q, 0, sizeof(*q));
	if (s == NULL || strlen(s) > 200 ||
	    form_parse(s, strlen(s), r->a, &kv) != TS_OK ||
	    queue_read(&kv, q) != NULL)
		return false;
	const char *p = kv_get(&kv, "page");
	char *end = NULL;
	long n = p ? strtol(p, &end, 10) : 1;
	if (p != NULL && (*end != '\0' || n < 1 || n > 1000000))
		return false;
	q->pg.offset = (size_t)(n - 1) * LIST_PAGE_ROWS;
	q->pg.limit = LIST_PAGE_ROWS;
	return true;
}

static void
next_link(struct req *r, long long id, const struct queue_pos *pos,
	  const char *query)
{
	struct buf *b = &r->body, href;
	if (pos->next_code == NULL) {
		h_elem(b, "span", "Đây là trường cuối cùng của hàng đợi.",
		       "class", "muted", NULL);
		return;
	}
	buf_init(&href, 1024);
	buf_printf(&href, "/campaigns/%lld/units/", id);
	url_escape(&href, pos->next_code);
	buf_puts(&href, "?queue=");
	url_escape(&href, query);
	h_open(b, "a", "href", buf_str(&href), "rel", "next", "id",
	       "queue-next", NULL);
	h_textf(b, "Trường tiếp theo: %s »", pos->next_name);
	buf_puts(b, "</a>");
	buf_release(&href);
}

void
queue_nav(struct req *r, long long id, const char *code)
{
	struct queue_params q;
	struct queue_pos pos;
	struct diags d;
	if (!queue_from(r, &q))
		return;
	diags_init(&d);
	enum ts_err e = work_queue_next(r->app, &r->sess.who, id, &q.f, code,
					r->a, &pos, &d);
	diags_release(&d);
	if (e != TS_OK)
		return;
	struct buf *b = &r->body, query, back;
	buf_init(&query, 1024);
	buf_init(&back, 2048);
	queue_query(&q, &query);
	buf_printf(&back, "/campaigns/%lld/queue?%s#u-", id, buf_str(&query));
	url_escape(&back, code);
	buf_puts(b, "<nav class=\"queue-nav\" aria-label=\"Hàng đợi\">");
	h_open(b, "a", "href", buf_str(&back), "id", "queue-back", NULL);
	buf_puts(b, "« Quay lại hàng đợi</a> ");
	if (!pos.in_queue)
		h_elem(b, "span",
		       "Trường này không còn khớp bộ lọc của hàng đợi.",
		       "class", "muted", NULL);
	buf_puts(b, " ");
	next_link(r, id, &pos, buf_str(&query));
	buf_puts(b, "</nav>");
	buf_release(&query);
	buf_release(&back);
}

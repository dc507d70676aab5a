/* Shared by the work queue's pages (issue 17, items 4 and 5): its
 * filters as the URL carries them, and the way back to it from a
 * school's page (`?queue=` holds the queue's own query string, so the
 * client keeps no state beyond the URL). */
#ifndef TS_QUEUE_VIEW_H
#define TS_QUEUE_VIEW_H

#include "../app/work_queue.h"
#include "page_admin.h"

struct queue_params {
	struct queue_filter f;
	struct list_page pg;
	const char *state, *late, *level, *under, *sort, *signed_copy;
};

/* The filters and sort of src (a query string's fields) into q; the
 * message for a value outside its list, or NULL. Leaves q->pg alone. */
const char *queue_read(const struct kvlist *src, struct queue_params *q);
/* The filters as "&name=value..." (escaped), for links. */
void queue_filters(const struct queue_params *q, struct buf *out);
/* The queue's query string of the page at q->pg ("state=x&page=2"), as
 * a school's link carries it in ?queue=. */
void queue_query(const struct queue_params *q, struct buf *out);

/* The `queue` field of the request (the query, else a posted form):
 * the queue the school's page was reached from, or NULL. */
const char *queue_of(const struct req *r);
/* "&queue=..." for a link or redirect that keeps it (empty if none). */
void queue_suffix(const struct req *r, struct buf *out);
/* Its hidden field, for a form of the school's page. */
void queue_hidden(struct req *r);
/* On a school's page reached from the queue: back to the queue with its
 * filters (at this school's row), its place there and a link to the
 * next school in the same order. Nothing when not reached from it. */
void queue_nav(struct req *r, long long id, const char *code);

#endif
